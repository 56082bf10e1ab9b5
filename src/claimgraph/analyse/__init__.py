"""Per-article analysis: one spaCy pipeline with claimgraph components."""

from claimgraph.analyse.pipeline import (
    analyse_articles,
    build_pipeline,
    load_saved_pipeline,
    resolve_model_name,
)

__all__ = ["analyse_articles", "build_pipeline", "load_saved_pipeline", "resolve_model_name"]
