"""Score factuality (polarity, certainty, stance) on a gold JSONL set and on MEANTIME.

Gold JSONL: ``{"id", "split", "text", "cue": {"start", "end", "text"} or null (the
outlet's own claim), "content": [{"start", "end", "text"}, ...], "polarity",
"certainty", "stance"}``. The ``Attribution`` is built from the gold cue and content,
so the score does not depend on the attribution component finding them.

MEANTIME: for every SLINK whose source is an event (the cue: "said", "expects",
"wants") the target event is the reported content; its annotated ``certainty`` and
``polarity`` are compared with ours. The content span is the target's subtree in the
parse. Targets marked UNDERSPECIFIED are left out of that field's score.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.analyse.factuality.component import sentence_bounds, with_factuality
from claimgraph.eval.dates import base_docs
from claimgraph.eval.gold_sources import gold_and_meantime_run, read_split
from claimgraph.eval.meantime import Event, MeantimeDocument, read_corpus
from claimgraph.eval.metrics import accuracy
from claimgraph.model import Attribution, Certainty, Factuality, Polarity, Span, Stance

FIELDS = ("polarity", "certainty", "stance")


@dataclass(frozen=True)
class FactualityItem:
    id: str
    split: str
    text: str
    cue: Span | None
    content: tuple[Span, ...]
    gold: Factuality


@dataclass
class FieldScore:
    correct: int = 0
    total: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, got)

    def add(self, gold: str, got: str) -> None:
        self.total += 1
        self.correct += gold == got
        if gold != got:
            self.confusion[(gold, got)] += 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "accuracy": round(100 * accuracy(self.correct, self.total), 1),
            "correct": self.correct,
            "total": self.total,
            "confusions": {f"{g}->{p}": n for (g, p), n in self.confusion.most_common(8)},
        }


@dataclass
class FactualityScore:
    fields: dict[str, FieldScore] = field(default_factory=dict)
    exact: FieldScore = field(default_factory=FieldScore)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def field(self, name: str) -> FieldScore:
        return self.fields.setdefault(name, FieldScore())

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: s.as_dict() for name, s in self.fields.items()}
        if self.exact.total:
            out["all_fields"] = self.exact.as_dict()
        return out


def _span(raw: dict[str, Any]) -> Span:
    return Span(start=raw["start"], end=raw["end"], text=raw["text"])


def read_gold(path: Path, split: str = "all") -> list[FactualityItem]:
    items: list[FactualityItem] = []
    for raw in read_split(path, split):
        gold = Factuality(
            polarity=Polarity(raw["polarity"]),
            certainty=Certainty(raw["certainty"]),
            stance=Stance(raw["stance"]),
        )
        cue = _span(raw["cue"]) if raw.get("cue") else None
        content = tuple(_span(c) for c in raw["content"])
        items.append(FactualityItem(raw["id"], raw["split"], raw["text"], cue, content, gold))
    return items


def predict(doc: Doc, cue: Span | None, content: Sequence[Span]) -> Factuality:
    """Run the component's own per-attribution logic on a hand-built ``Attribution``."""
    attribution = Attribution(id="gold", cue=cue, content=tuple(content))
    return with_factuality(doc, attribution, sentence_bounds(doc)).factuality


def evaluate_gold(nlp: Language, items: Sequence[FactualityItem]) -> FactualityScore:
    score = FactualityScore()
    for item, doc in zip(items, base_docs(nlp, (i.text for i in items)), strict=True):
        got = predict(doc, item.cue, item.content)
        for name in FIELDS:
            score.field(name).add(getattr(item.gold, name).value, getattr(got, name).value)
        score.exact.add(_triple(item.gold), _triple(got))
        if got != item.gold:
            score.errors.append({"id": item.id, "gold": _triple(item.gold), "got": _triple(got)})
    return score


def _triple(f: Factuality) -> str:
    return f"{f.polarity.value}/{f.certainty.value}/{f.stance.value}"


# --------------------------------------------------------------------------- MEANTIME

_CERTAINTY = {"CERTAIN": "certain", "PROBABLE": "probable", "POSSIBLE": "possible"}
_POLARITY = {"POS": "affirmed", "NEG": "negated"}


def _content_span(doc: Doc, target: Event) -> Span | None:
    """The target event's subtree: the clause it heads, as the reported content."""
    span = doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    left, right = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    return Span.of(doc.text, left, right)


def _score_link(doc: Doc, source: Event, target: Event, score: FactualityScore, where: str) -> None:
    content = _content_span(doc, target)
    if content is None:
        return
    cue = Span.of(doc.text, source.start, source.end)
    if content.start <= cue.start < content.end:  # the cue inside its own content
        content = Span.of(doc.text, target.start, target.end)
    got = predict(doc, cue, (content,))
    if target.certainty in _CERTAINTY:
        score.field("certainty").add(_CERTAINTY[target.certainty], got.certainty.value)
    if target.polarity in _POLARITY:
        score.field("polarity").add(_POLARITY[target.polarity], got.polarity.value)
    gold = (_CERTAINTY.get(target.certainty), _POLARITY.get(target.polarity))
    got_pair = (got.certainty.value, got.polarity.value)
    if gold != got_pair:
        where_what = {"where": where, "cue": source.text, "target": target.text}
        score.errors.append({**where_what, "gold": gold, "got": got_pair})


def evaluate_meantime(nlp: Language, docs: Sequence[MeantimeDocument]) -> FactualityScore:
    score = FactualityScore()
    for gold, doc in zip(docs, base_docs(nlp, (d.text for d in docs)), strict=True):
        for source_id, target_id in gold.slinks:
            source, target = gold.events.get(source_id), gold.events.get(target_id)
            if source is None or target is None or target.end > gold.annotated_end:
                continue
            _score_link(doc, source, target, score, gold.doc_id)
    return score


def evaluate_meantime_dir(
    nlp: Language, directory: Path, limit: int | None = None
) -> FactualityScore:
    return evaluate_meantime(nlp, read_corpus(directory, limit))


# Scores by name ("gold:<split>", "meantime") for the CLI.
run = gold_and_meantime_run(read_gold, evaluate_gold, evaluate_meantime)


def render(scores: dict[str, FactualityScore]) -> str:
    lines = []
    for name, s in scores.items():
        lines.append(f"factuality {name}:")
        named = {**s.fields, **({"all fields": s.exact} if s.exact.total else {})}
        for field_name, f in named.items():
            lines.append(
                f"  {field_name:10} accuracy {100 * accuracy(f.correct, f.total):5.1f} "
                f"({f.correct}/{f.total})"
            )
    return "\n".join(lines)
