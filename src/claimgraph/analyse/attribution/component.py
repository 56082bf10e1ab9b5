"""The attribution component: who says what, through whom, in ``doc._.cg_attributions``.

Rules over the dependency parse and small linear models over the same parse (no second
neural model, linear in tokens). The walk of the doc is ``passes.PASSES``, in order:
``frames`` proposes candidates per cue and ``speaker_lines`` those set by layout
("Name: ...", "“...” ― Name"); the cue model (``scoring``) keeps, drops and adds cues;
``cue_extent``, ``content_edges`` and ``source_extent`` rank or edit their spans;
``layout`` fixes extents against quotations and nesting, ``unquoted_content`` gives a
speech verb without its quotation a content, ``conduits`` folds "according to" into
the attribution it reports, and ``content_extent`` adds what the frames leave out.
``records`` then turns the candidates into attributions, with the outlets and documents
a source is reached through (``conduits``) and the entity behind "He" or "the
spokeswoman" (``source_resolution``). Factuality is left to its own component.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import cast

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.analyse.attribution.models import AttributionModels, shipped_models
from claimgraph.analyse.attribution.passes import find_candidates
from claimgraph.analyse.attribution.records import attribution_records
from claimgraph.model import Attribution


class AttributionComponent:
    """Writes ``doc._.cg_attributions``; ``models`` None runs the rules alone. The models
    are saved and loaded with the pipeline (``nlp.to_disk``, ``spacy.load``)."""

    def __init__(self, models: AttributionModels | None) -> None:
        self.models = models

    def __call__(self, doc: Doc) -> Doc:
        doc._.cg_attributions = tuple(extract_attributions(doc, self.models))
        return doc

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        models = None if self.models is None else self.models.to_bytes()
        return cast(bytes, srsly.msgpack_dumps({"models": models}))

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> AttributionComponent:
        models = srsly.msgpack_loads(data)["models"]
        origin = "the attribution component's bytes"
        self.models = None if models is None else AttributionModels.from_bytes(models, origin)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.models is None:
            (path / RULES_ONLY_FILE).touch()
        else:
            self.models.save(path / MODELS_FILE)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> AttributionComponent:
        path = Path(path)
        rules_only = (path / RULES_ONLY_FILE).exists()
        self.models = None if rules_only else AttributionModels.load(path / MODELS_FILE)
        return self


# Files in the component's folder of a saved pipeline: the models, or a marker that the
# component was saved with none (rules only).
MODELS_FILE = "models.npz"
RULES_ONLY_FILE = "rules_only"


def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    """The spaCy factory: the component with the models shipped in the package (a saved
    pipeline's own replace them in ``from_disk``)."""
    return AttributionComponent(shipped_models())


def extract_attributions(doc: Doc, models: AttributionModels | None = None) -> list[Attribution]:
    """The attributions of one doc: the candidates ``passes.PASSES`` leave, as records."""
    layout, cands = find_candidates(doc, models)
    return attribution_records(layout, cands)
