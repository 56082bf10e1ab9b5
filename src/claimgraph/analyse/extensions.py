"""Custom ``Doc._`` attributes, set explicitly by ``set_doc_extensions`` (never on import).

Components write typed records from ``claimgraph.model`` into these attributes; spans in
them are character offsets into the doc's text, which is ``Article.analysable_text()``:
the same length as ``Article.text``, so they are offsets into the article as well.
"""

from __future__ import annotations

from spacy.tokens import Doc

# name -> default factory; a list default must not be shared between docs, so getters
# are not used: each component assigns a fresh tuple.
DOC_EXTENSIONS: dict[str, object] = {
    "cg_published": None,  # ISO publication date (or datetime) of the article, or None
    "cg_entities": (),  # tuple[EntityMention, ...]
    "cg_dates": (),  # tuple[DateRef, ...]
    "cg_quantities": (),  # tuple[Quantity, ...]
    "cg_attributions": (),  # tuple[Attribution, ...]
    "cg_factuality": None,  # Factuality of the outlet's own unattributed claims
}


def set_doc_extensions() -> None:
    """Register every claimgraph ``Doc._`` attribute (idempotent)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once and kept (``Doc.text`` joins every token on each call)."""
    cached = doc.user_data.get("cg_text")
    if isinstance(cached, str) and len(cached) == doc[-1].idx + len(doc[-1].text_with_ws):
        return cached
    text = doc.text
    doc.user_data["cg_text"] = text
    return text
