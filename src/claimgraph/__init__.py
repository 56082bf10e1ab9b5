"""claimgraph: who says what, citing whom, and where the outlets disagree."""

from claimgraph.api import open
from claimgraph.errors import ClaimgraphError

__version__ = "0.1.0"

__all__ = ["ClaimgraphError", "__version__", "open"]
