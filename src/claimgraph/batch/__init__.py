"""Batch runners: the same library functions, run over many articles."""
