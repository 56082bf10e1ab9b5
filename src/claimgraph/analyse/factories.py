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
from claimgraph.analyse.quantities import QuantityComponent

# Pipeline order matters: later components read what earlier ones wrote on ``Doc._``.
COMPONENTS: dict[str, Callable[[Language, str], object]] = {
    "claimgraph_entities_v1": lambda nlp, name: EntityComponent(),
    "claimgraph_dates_v1": lambda nlp, name: DateComponent(),
    "claimgraph_quantities_v1": lambda nlp, name: QuantityComponent(),
    "claimgraph_attribution_v1": lambda nlp, name: AttributionComponent(load_scorer()),
    "claimgraph_factuality_v1": lambda nlp, name: FactualityComponent(),
}


def register_components() -> None:
    """Register every claimgraph factory with spaCy (idempotent)."""
    for name, factory in COMPONENTS.items():
        if not Language.has_factory(name):
            Language.factory(name, func=factory)
