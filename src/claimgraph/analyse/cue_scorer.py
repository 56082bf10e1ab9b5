"""The learned cue scorer: a logistic model over ``cue_features``, shipped as JSON.

Trained by ``claimgraph train attribution --polnear DIR`` (``claimgraph.train``) on the
PolNeAR train split; the weights file names its provenance. Scoring is pure Python (no
scikit-learn at run time): the sum of the weights of a token's features through a
sigmoid.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import Any

from claimgraph.errors import ClaimgraphError

WEIGHTS_RESOURCE = "attribution_cues.json"
# /2: the cue-extent model scores whole spans (version 1 scored single words);
# /3: a second pass over the first pass's scores (``cue_stacking``)
FORMAT = "claimgraph-cue-scorer/3"


@dataclass(frozen=True)
class CueScorer:
    """Weights per feature string, a bias, the two decision thresholds and provenance."""

    weights: dict[str, float]
    bias: float
    # A rule's candidate is dropped below ``keep``; a word no rule fired on becomes a
    # candidate at or above ``add``. Both are chosen on PolNeAR train by the trainer.
    keep: float
    add: float
    provenance: dict[str, Any] = field(default_factory=dict)
    # the cue-extent model (``cue_extent``): which run of words through the head is the cue
    extent_weights: dict[str, float] = field(default_factory=dict)
    extent_bias: float = 0.0
    # the content-edge model (``content_edges``): cut or extend a content's right edge
    edge_weights: dict[str, float] = field(default_factory=dict)
    edge_bias: float = 0.0
    # the source-extent model (``source_extent``): which span around the rules' source
    source_weights: dict[str, float] = field(default_factory=dict)
    source_bias: float = 0.0
    # An attribution inside another's content is kept at or above this probability
    # (None: dropped, as the rules alone do). Chosen on PolNeAR train by the trainer.
    nested: float | None = None
    # the second pass (``cue_stacking``): the first pass's features and its own, whose
    # probability the thresholds act on (none: the first pass decides alone)
    stack_weights: dict[str, float] = field(default_factory=dict)
    stack_bias: float = 0.0

    def probability(self, features: list[str]) -> float:
        return _sigmoid(self.bias + sum(map(self.weights.get, features, repeat(0.0))))

    def stacked_probability(self, features: list[str], stacked: list[str]) -> float:
        """The second pass's probability from the first pass's ``features`` and the
        ``stacked`` ones."""
        weights = self.stack_weights
        total = sum(map(weights.get, features, repeat(0.0)))
        return _sigmoid(self.stack_bias + total + sum(map(weights.get, stacked, repeat(0.0))))

    def extent_score(self, features: list[str]) -> float:
        """The log-odds that a span is the cue (spans of one head are ranked by it)."""
        return self.extent_bias + self.extent_sum(features)

    def extent_sum(self, features: list[str]) -> float:
        """The extent weights of ``features`` added up (no bias): a part of a score."""
        return sum(map(self.extent_weights.get, features, repeat(0.0)))

    def source_score(self, features: list[str]) -> float:
        """The log-odds that a span is the source (spans of one source are ranked)."""
        return self.source_bias + sum(map(self.source_weights.get, features, repeat(0.0)))

    def edits_edge(self, features: list[str]) -> bool:
        """Whether to cut (or take in) a phrase at a content's edge (p >= .5); the
        features carry a bias term per edit kind besides the shared one."""
        return self.edge_bias + sum(self.edge_weights.get(f, 0.0) for f in features) >= 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "bias": self.bias,
            "keep": self.keep,
            "add": self.add,
            "nested": self.nested,
            "provenance": self.provenance,
            "extent_bias": self.extent_bias,
            "extent_weights": dict(sorted(self.extent_weights.items())),
            "edge_bias": self.edge_bias,
            "edge_weights": dict(sorted(self.edge_weights.items())),
            "source_bias": self.source_bias,
            "source_weights": dict(sorted(self.source_weights.items())),
            "stack_bias": self.stack_bias,
            "stack_weights": dict(sorted(self.stack_weights.items())),
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], origin: str) -> CueScorer:
        if data.get("format") != FORMAT:
            raise ClaimgraphError(f"{origin}: not a claimgraph cue scorer ({FORMAT})")
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            keep=float(data["keep"]),
            add=float(data["add"]),
            nested=None if data.get("nested") is None else float(data["nested"]),
            provenance=dict(data.get("provenance", {})),
            extent_weights={str(k): float(v) for k, v in data.get("extent_weights", {}).items()},
            extent_bias=float(data.get("extent_bias", 0.0)),
            edge_weights={str(k): float(v) for k, v in data.get("edge_weights", {}).items()},
            edge_bias=float(data.get("edge_bias", 0.0)),
            source_weights={str(k): float(v) for k, v in data.get("source_weights", {}).items()},
            source_bias=float(data.get("source_bias", 0.0)),
            stack_weights={str(k): float(v) for k, v in data.get("stack_weights", {}).items()},
            stack_bias=float(data.get("stack_bias", 0.0)),
        )

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=0, sort_keys=False) + "\n")


def _sigmoid(total: float) -> float:
    if total < -30:  # exp overflow guard; the probability is 0 to double precision
        return 0.0
    return 1.0 / (1.0 + math.exp(-total))


def default_weights_path() -> Path:
    """Where the package keeps its scorer (what ``train attribution`` overwrites)."""
    return Path(__file__).with_name(WEIGHTS_RESOURCE)


def load_scorer(path: Path | None = None) -> CueScorer | None:
    """The scorer at ``path``, else the one shipped in the package (None when the package
    was built without one: the rules then run alone)."""
    if path is not None:
        try:
            return CueScorer.from_json(json.loads(path.read_text()), str(path))
        except (OSError, ValueError, KeyError) as exc:
            raise ClaimgraphError(f"{path}: cannot read cue scorer: {exc}") from exc
    resource = resources.files("claimgraph.analyse").joinpath(WEIGHTS_RESOURCE)
    if not resource.is_file():
        return None
    return CueScorer.from_json(json.loads(resource.read_text()), WEIGHTS_RESOURCE)
