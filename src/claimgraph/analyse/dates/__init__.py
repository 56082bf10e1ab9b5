"""Dates: time expressions found and resolved against the publication date."""
