"""Quantities: every figure with its value, bounds, unit, change and what it counts."""
