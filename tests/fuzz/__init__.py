"""The fuzz campaign (``make fuzz``): hostile inputs through the library, the CLI and
the web app; a fixed-seed sample runs in ``make test`` (tests/test_fuzz_campaign.py)."""
