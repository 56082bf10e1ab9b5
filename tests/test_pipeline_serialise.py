"""The whole pipeline survives ``nlp.to_disk`` and ``spacy.load``: same components, same
token attributes and lemmas, same claimgraph annotations on every doc."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.analyse import load_saved_pipeline
from claimgraph.analyse.attribution.component import AttributionComponent
from claimgraph.analyse.extensions import DOC_EXTENSIONS
from claimgraph.analyse.tokens.fast_attributes import FastAttributeRuler
from claimgraph.analyse.tokens.fast_lemmas import FastLemmatizer

REPO = Path(__file__).resolve().parents[1]
# Demo articles (attributions, figures, dates, denials) and the rare forms the attribute
# ruler's multi-token and REGEX rules are written for.
TEXTS = [
    "Y'all gonna see it. It ain't nothin', the mayor said. There's two, there are three.\n\n"
    "  Hello   world \t x. “We will rebuild,” Ms. Ortiz told reporters on Tuesday.",
    *(
        p.read_text(encoding="utf-8")
        for p in sorted((REPO / "src" / "claimgraph" / "demo_corpus").glob("*.txt"))[:4]
    ),
]
TOKEN_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def reloaded(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Language:
    path = tmp_path_factory.mktemp("pipeline")
    nlp.to_disk(path)
    return load_saved_pipeline(path)


def _annotations(doc: Doc) -> dict[str, object]:
    return {name: doc._.get(name) for name in DOC_EXTENSIONS}


def test_pipeline_serialise_keeps_components(nlp: Language, reloaded: Language) -> None:
    assert reloaded.pipe_names == nlp.pipe_names
    ruler = reloaded.get_pipe("attribute_ruler")
    assert isinstance(ruler, FastAttributeRuler) and ruler.serves_all
    assert ruler.patterns == nlp.get_pipe("attribute_ruler").patterns
    assert isinstance(reloaded.get_pipe("lemmatizer"), FastLemmatizer)
    attribution = reloaded.get_pipe("claimgraph_attribution_v1")
    assert isinstance(attribution, AttributionComponent)
    assert attribution.models == nlp.get_pipe("claimgraph_attribution_v1").models


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_pipeline_serialise_same_output(nlp: Language, reloaded: Language, text: str) -> None:
    built, loaded = nlp(text), reloaded(text)
    assert [t.lemma_ for t in loaded] == [t.lemma_ for t in built]
    assert (loaded.to_array(TOKEN_ATTRS) == built.to_array(TOKEN_ATTRS)).all()
    assert _annotations(loaded) == _annotations(built)
    assert built._.cg_attributions  # the texts do exercise the attribution models
