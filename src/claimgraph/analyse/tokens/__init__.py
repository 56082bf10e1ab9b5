"""Token-level drop-ins for the base spaCy pipeline (same output, faster)."""
