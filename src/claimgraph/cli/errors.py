"""Translate library errors into exit codes, once, for every command."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

import click

from claimgraph.errors import ClaimgraphError

P = ParamSpec("P")
R = TypeVar("R")

# Exit codes: 0 ok; 1 a domain error with no code of its own; 2 usage (click's own);
# the rest come from ``ClaimgraphError.exit_code``; 10 some inputs of a batch failed;
# 130 interrupted.
EXIT_PARTIAL_FAILURE = 10
# The shell's convention for a command ended by Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Print a ``ClaimgraphError`` as one line on stderr and exit with its code."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except ClaimgraphError as exc:
            click.echo(f"claimgraph: error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper
