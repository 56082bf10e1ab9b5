"""The one place where claimgraph's spaCy components are registered, by versioned name.

Each component lives in its own module; ``register_components`` is called explicitly by
``build_pipeline`` (never as an import side effect), and is idempotent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language

from claimgraph.analyse.attribution.component import make_attribution
from claimgraph.analyse.dates.component import DateComponent
from claimgraph.analyse.entities import EntityComponent
from claimgraph.analyse.factuality.component import FactualityComponent
from claimgraph.analyse.quantities.component import QuantityComponent
from claimgraph.analyse.tokens import fast_attributes as fast_attributes
from claimgraph.analyse.tokens import fast_lemmas as fast_lemmas

# Pipeline order matters: later components read what earlier ones wrote on ``Doc._``.
COMPONENTS: dict[str, Callable[[Language, str], object]] = {
    "claimgraph_entities_v1": lambda nlp, name: EntityComponent(),
    "claimgraph_dates_v1": lambda nlp, name: DateComponent(),
    "claimgraph_quantities_v1": lambda nlp, name: QuantityComponent(),
    "claimgraph_attribution_v1": make_attribution,
    "claimgraph_factuality_v1": lambda nlp, name: FactualityComponent(),
}
# Drop-in replacements for base-model components (same output, faster), with the stock
# factories' configs; swapped in by ``build_pipeline``, not appended.
REPLACEMENTS: dict[str, tuple[Callable[..., object], dict[str, Any]]] = {
    fast_attributes.FACTORY: (
        fast_attributes.make_fast_attributes,
        fast_attributes.DEFAULT_CONFIG,
    ),
    fast_lemmas.FACTORY: (fast_lemmas.make_fast_lemmas, fast_lemmas.DEFAULT_CONFIG),
}


def register_components() -> None:
    """Register every claimgraph factory with spaCy (idempotent)."""
    for name, factory in COMPONENTS.items():
        if not Language.has_factory(name):
            Language.factory(name, func=factory)
    for name, (make, config) in REPLACEMENTS.items():
        if not Language.has_factory(name):
            Language.factory(name, default_config=config, func=make)
