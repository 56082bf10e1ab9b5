"""The one place where claimgraph's spaCy components are registered, by versioned name.

Each component lives in its own module; ``register_components`` is called explicitly by
``build_pipeline`` (never as an import side effect), and is idempotent.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from claimgraph.analyse.attribution import AttributionComponent
from claimgraph.analyse.cue_scorer import load_scorer
from claimgraph.analyse.dates import DateComponent
from claimgraph.analyse.entities import EntityComponent
from claimgraph.analyse.factuality import FactualityComponent
from claimgraph.analyse.fast_attributes import FACTORY as FAST_ATTRIBUTES
from claimgraph.analyse.fast_attributes import make_fast_attributes
from claimgraph.analyse.fast_lemmas import FACTORY as FAST_LEMMAS
from claimgraph.analyse.fast_lemmas import make_fast_lemmas
from claimgraph.analyse.quantities import QuantityComponent

# Pipeline order matters: later components read what earlier ones wrote on ``Doc._``.
COMPONENTS: dict[str, Callable[[Language, str], object]] = {
    "claimgraph_entities_v1": lambda nlp, name: EntityComponent(),
    "claimgraph_dates_v1": lambda nlp, name: DateComponent(),
    "claimgraph_quantities_v1": lambda nlp, name: QuantityComponent(),
    "claimgraph_attribution_v1": lambda nlp, name: AttributionComponent(load_scorer()),
    "claimgraph_factuality_v1": lambda nlp, name: FactualityComponent(),
}
# Drop-in replacements for base-model components (same output, faster); swapped in by
# ``build_pipeline``, not appended.
REPLACEMENTS: dict[str, Callable[[Language, str], object]] = {
    FAST_ATTRIBUTES: make_fast_attributes,
    FAST_LEMMAS: make_fast_lemmas,
}


def register_components() -> None:
    """Register every claimgraph factory with spaCy (idempotent)."""
    for name, factory in {**COMPONENTS, **REPLACEMENTS}.items():
        if not Language.has_factory(name):
            Language.factory(name, func=factory)
