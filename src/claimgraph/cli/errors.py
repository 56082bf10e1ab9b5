"""Translate library errors into exit codes, once, for every command."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from functools import wraps
from types import FrameType
from typing import ParamSpec, TypeVar

import click

from claimgraph.errors import ClaimgraphError, failure_reason

P = ParamSpec("P")
R = TypeVar("R")

# Exit codes: 0 ok; 1 a domain error with no code of its own; 2 usage (click's own);
# the rest come from ``ClaimgraphError.exit_code``; 10 some inputs of a batch failed;
# 130 interrupted.
EXIT_PARTIAL_FAILURE = 10
# The shell's convention for a command ended by Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 1
# Set to get the traceback of an internal error instead of its one-line summary.
DEBUG_ENV = "CLAIMGRAPH_DEBUG"
INTERRUPTED_MESSAGE = (
    "claimgraph: interrupted; every article stored so far is complete, "
    "run the same command again to resume"
)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Print a ``ClaimgraphError`` as one line on stderr and exit with its code.

    SIGTERM (``kill``, a service manager stopping the command) ends the command as
    Ctrl-C does: what is stored stays complete, the message says so, exit 130. An
    unexpected fault prints one line, not a traceback (``CLAIMGRAPH_DEBUG=1`` shows it).
    """

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
            signal.signal(signal.SIGTERM, _interrupt)
        try:
            return func(*args, **kwargs)
        except ClaimgraphError as exc:
            click.echo(f"claimgraph: error: {printable(str(exc))}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo(INTERRUPTED_MESSAGE, err=True)
            sys.exit(EXIT_INTERRUPTED)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # click's own: usage errors print and exit 2 as click decides
        except Exception as exc:
            if os.environ.get(DEBUG_ENV):
                raise
            reason = printable(failure_reason(exc))
            click.echo(
                f"claimgraph: internal error: {reason} (set {DEBUG_ENV}=1 for the traceback "
                "and please report it)",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)

    return wrapper


def printable(text: str) -> str:
    """``text`` safe to write to any terminal: undecodable file names (lone surrogates
    from ``surrogateescape``) are shown as U+FFFD."""
    return text.encode("utf-8", "replace").decode("utf-8")
