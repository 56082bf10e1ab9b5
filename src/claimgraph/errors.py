"""Domain errors, defined once here and translated once at each edge.

The CLI maps ``ClaimgraphError`` subclasses to exit codes (``cli/errors.py``); the web
app maps them to one JSON error shape. Messages say how to fix the problem.
"""


class ClaimgraphError(Exception):
    """Base of every error claimgraph reports to a user."""

    exit_code = 1


class UnreadableInput(ClaimgraphError):
    """A file could not be read as an article (empty, binary, bad encoding, malformed)."""

    exit_code = 3

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class BadMetadata(ClaimgraphError):
    """Metadata given for an article is unusable (for instance an unparseable date)."""

    exit_code = 2


class ModelNotInstalled(ClaimgraphError):
    """No spaCy model could be loaded."""

    exit_code = 4


class AttributionModelsMissing(ModelNotInstalled):
    """The attribution component's trained models are not where they were looked for."""


class StoreError(ClaimgraphError):
    """The store could not be opened or written."""

    exit_code = 5


class SchemaTooNew(StoreError):
    """The database was written by a newer claimgraph."""


class StoriesChanged(StoreError):
    """Another process replaced the stories during a re-link: re-link again (``relink``
    retries by itself a few times before giving up with this)."""


class NotFound(ClaimgraphError):
    """A story, article or entity asked for does not exist."""

    exit_code = 6


class BadAlertRule(ClaimgraphError):
    """An alert rule asks for an impossible combination; the message says which to give."""

    exit_code = 2


class BadExportOption(ClaimgraphError):
    """An export needs an option it was not given (ClaimReview: the site's address)."""

    exit_code = 2


# Longest reason shown for an unexpected fault: messages may quote the offending input.
_MAX_REASON_CHARS = 200


def failure_reason(error: BaseException) -> str:
    """A one-line reason for an unexpected ``error``: its kind and message, shortened,
    never a traceback."""
    if isinstance(error, RecursionError):
        return "nested too deeply to read"
    if isinstance(error, MemoryError):
        return "too large to read in memory"
    message = " ".join(str(error).split())
    if len(message) > _MAX_REASON_CHARS:
        message = message[: _MAX_REASON_CHARS - 1] + "…"
    kind = type(error).__name__
    return f"{kind}: {message}" if message else kind
