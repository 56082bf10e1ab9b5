"""Factuality: polarity, certainty and stance of each attribution."""
