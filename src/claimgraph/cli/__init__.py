"""The command line: thin wrappers over plain library functions."""
