"""The attribution component's learned models: one linear (logistic) model per task.

Trained by ``claimgraph train attribution --polnear DIR`` (``claimgraph.train``) on the
PolNeAR train split; the file names its provenance. Scoring is pure Python (no
scikit-learn at run time): the sum of the weights of a word's or span's features, plus a
bias, through a sigmoid where a probability is wanted.

The models ship as one NumPy ``.npz`` archive: the vocabulary of feature names once
(NUL-separated), then per task the indices of its features in the vocabulary and their
float64 weights (exact, so predictions do not change with the format), and the thresholds
and provenance as JSON. Loading takes a fraction of a second, and a missing file is an
error, never a silent fall back to the rules alone.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from dataclasses import dataclass, field
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy

from claimgraph.errors import AttributionModelsMissing, ClaimgraphError

MODELS_RESOURCE = "models.npz"
FORMAT = "claimgraph-attribution-models/1"
# cue: is this word a cue (first pass); stack: the same seen with the first pass's scores
# around it (``cue_stacking``); extent: which run of words through the head is the cue
# (``cue_extent``); source: which span around the rules' source (``source_extent``);
# edge: cut or extend a content's right edge (``content_edges``).
TASKS = ("cue", "stack", "extent", "source", "edge")
# Between feature names in the archive (features are read off text, which has none).
NAME_SEPARATOR = "\x00"
RETRAIN = "`claimgraph train attribution --polnear DIR --out PATH`"


@dataclass(frozen=True)
class LinearModel:
    """Weights per feature string and a bias."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0

    def weight_sum(self, features: list[str]) -> float:
        """The weights of ``features`` added up (no bias): a part of a score."""
        return sum(map(self.weights.get, features, repeat(0.0)))

    def log_odds(self, features: list[str]) -> float:
        return self.bias + self.weight_sum(features)


@dataclass(frozen=True)
class AttributionModels:
    """The five task models, the cue decision thresholds and provenance."""

    cue: LinearModel
    # A rule's candidate is dropped below ``keep``; a word no rule fired on becomes a
    # candidate at or above ``add``. Both are chosen on PolNeAR train by the trainer.
    keep: float
    add: float
    # An attribution inside another's content is kept at or above this probability
    # (None: dropped, as the rules alone do). Chosen on PolNeAR train by the trainer.
    nested: float | None = None
    # empty models: the task is left to the rules (the stack: the first pass decides alone)
    stack: LinearModel = field(default_factory=LinearModel)
    extent: LinearModel = field(default_factory=LinearModel)
    source: LinearModel = field(default_factory=LinearModel)
    edge: LinearModel = field(default_factory=LinearModel)
    provenance: dict[str, Any] = field(default_factory=dict)

    def probability(self, features: list[str]) -> float:
        """The first pass's probability that a word is a cue."""
        return _sigmoid(self.cue.log_odds(features))

    def stacked_probability(self, features: list[str], stacked: list[str]) -> float:
        """The second pass's probability from the first pass's ``features`` and the
        ``stacked`` ones."""
        stack = self.stack
        return _sigmoid(stack.bias + stack.weight_sum(features) + stack.weight_sum(stacked))

    def source_score(self, features: list[str]) -> float:
        """The log-odds that a span is the source (spans of one source are ranked)."""
        return self.source.log_odds(features)

    def edits_edge(self, features: list[str]) -> bool:
        """Whether to cut (or take in) a phrase at a content's edge (p >= .5); the
        features carry a bias term per edit kind besides the shared one."""
        return self.edge.log_odds(features) >= 0.0

    def to_bytes(self) -> bytes:
        models = {task: getattr(self, task) for task in TASKS}
        names = sorted({name for model in models.values() for name in model.weights})
        if any(NAME_SEPARATOR in name for name in names):
            raise ClaimgraphError(f"a feature name holds {NAME_SEPARATOR!r}: cannot save it")
        position = {name: n for n, name in enumerate(names)}
        arrays: dict[str, numpy.ndarray[Any, Any]] = {
            "header": _utf8(json.dumps(self._header(), sort_keys=True)),
            "names": _utf8(NAME_SEPARATOR.join(names)),
            "biases": numpy.array([models[task].bias for task in TASKS], dtype=numpy.float64),
        }
        for task, model in models.items():
            ordered = sorted(model.weights)
            arrays[f"{task}_index"] = numpy.array(
                [position[name] for name in ordered], dtype=numpy.int32
            )
            arrays[f"{task}_weights"] = numpy.array(
                [model.weights[name] for name in ordered], dtype=numpy.float64
            )
        out = io.BytesIO()
        numpy.savez_compressed(out, **arrays)  # type: ignore[arg-type]
        return out.getvalue()

    def _header(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "keep": self.keep,
            "add": self.add,
            "nested": self.nested,
            "provenance": self.provenance,
        }

    @classmethod
    def from_bytes(cls, data: bytes, origin: str) -> AttributionModels:
        """The models in ``data`` (read from ``origin``, named in errors)."""
        try:
            with numpy.load(io.BytesIO(data), allow_pickle=False) as archive:
                header = json.loads(archive["header"].tobytes().decode("utf-8"))
                if not isinstance(header, dict) or header.get("format") != FORMAT:
                    raise ClaimgraphError(f"{origin}: not claimgraph attribution models ({FORMAT})")
                names = archive["names"].tobytes().decode("utf-8").split(NAME_SEPARATOR)
                biases = archive["biases"].tolist()
                models = {
                    task: LinearModel(
                        weights=dict(
                            zip(
                                map(names.__getitem__, archive[f"{task}_index"].tolist()),
                                archive[f"{task}_weights"].tolist(),
                                strict=True,
                            )
                        ),
                        bias=biases[t],
                    )
                    for t, task in enumerate(TASKS)
                }
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            raise ClaimgraphError(f"{origin}: cannot read attribution models: {exc}") from exc
        nested = header.get("nested")
        return cls(
            keep=float(header["keep"]),
            add=float(header["add"]),
            nested=None if nested is None else float(nested),
            provenance=dict(header.get("provenance", {})),
            **models,
        )

    def save(self, path: Path) -> None:
        path.write_bytes(self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> AttributionModels:
        """The models saved at ``path``."""
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise AttributionModelsMissing(
                f"{path}: no attribution models there; train them with {RETRAIN}"
            ) from exc
        except OSError as exc:
            raise ClaimgraphError(f"{path}: cannot read attribution models: {exc}") from exc
        return cls.from_bytes(data, str(path))


def _utf8(text: str) -> numpy.ndarray[Any, Any]:
    return numpy.frombuffer(text.encode("utf-8"), dtype=numpy.uint8)


def _sigmoid(total: float) -> float:
    if total < -30:  # exp overflow guard; the probability is 0 to double precision
        return 0.0
    return 1.0 / (1.0 + math.exp(-total))


def default_models_path() -> Path:
    """Where the package keeps its models (what ``train attribution`` overwrites)."""
    return Path(__file__).with_name(MODELS_RESOURCE)


def shipped_models() -> AttributionModels:
    """The models shipped in the package; an error saying how to get them when absent."""
    resource = resources.files("claimgraph.analyse.attribution").joinpath(MODELS_RESOURCE)
    if not resource.is_file():
        raise AttributionModelsMissing(
            f"claimgraph was installed without {MODELS_RESOURCE}: reinstall it "
            f"(`make setup`, or `pip install claimgraph` from a full build), or train the "
            f"models with {RETRAIN} and copy the file to {default_models_path()}"
        )
    return AttributionModels.from_bytes(resource.read_bytes(), MODELS_RESOURCE)
