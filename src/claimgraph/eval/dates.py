"""Score date detection and resolution on a gold JSONL set and on MEANTIME TIMEX3.

Gold JSONL: one item a line, ``{"id", "split", "text", "published" (ISO or null),
"dates": [{"start", "end", "text", "value" (or null: must stay unresolved)}]}``.

Detection counts a prediction as found when it overlaps a gold expression (TempEval's
relaxed match; strict span matches are reported too). Value accuracy is over the gold
expressions detected; ``value_f1`` is TempEval-3's value F1 (a true positive must be
detected and carry the gold value).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.analyse.dates.component import date_refs
from claimgraph.eval.gold_sources import gold_and_meantime_run, read_split
from claimgraph.eval.meantime import MeantimeDocument, Timex, read_corpus
from claimgraph.eval.metrics import PRF, accuracy
from claimgraph.model import DateRef


@dataclass(frozen=True)
class GoldDate:
    start: int
    end: int
    text: str
    value: str | None


@dataclass(frozen=True)
class DateItem:
    id: str
    split: str
    text: str
    published: str | None
    dates: tuple[GoldDate, ...]


@dataclass
class DateScore:
    relaxed: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    strict: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    value: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    correct: int = 0
    detected: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def value_accuracy(self) -> float:
        return accuracy(self.correct, self.detected)

    def as_dict(self) -> dict[str, Any]:
        return {
            "value_accuracy": round(100 * self.value_accuracy, 1),
            "value_correct": self.correct,
            "detected": self.detected,
            "value_f1": self.value.as_dict(),
            "detection_relaxed": self.relaxed.as_dict(),
            "detection_strict": self.strict.as_dict(),
        }


def read_gold(path: Path, split: str = "all") -> list[DateItem]:
    items: list[DateItem] = []
    for raw in read_split(path, split):
        dates = tuple(GoldDate(d["start"], d["end"], d["text"], d["value"]) for d in raw["dates"])
        items.append(DateItem(raw["id"], raw["split"], raw["text"], raw["published"], dates))
    return items


def base_docs(nlp: Language, texts: Iterable[str]) -> Iterable[Doc]:
    """Docs through the base model only: scoring must not hang on other components."""
    own = [name for name in nlp.pipe_names if name.startswith("claimgraph_")]
    with nlp.select_pipes(disable=own):
        yield from nlp.pipe(texts)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_pairs(
    gold: Sequence[GoldDate], predicted: Sequence[DateRef], score: DateScore, where: str
) -> None:
    """Add one text's gold/predicted comparison to ``score``."""
    used: set[int] = set()
    relaxed = strict = value_tp = 0
    for g in gold:
        match = next(
            (
                i
                for i, p in enumerate(predicted)
                if i not in used and _overlaps((g.start, g.end), (p.span.start, p.span.end))
            ),
            None,
        )
        if match is None:
            score.errors.append({"where": where, "gold": g.text, "missed": True})
            continue
        used.add(match)
        p = predicted[match]
        relaxed += 1
        strict += (p.span.start, p.span.end) == (g.start, g.end)
        score.detected += 1
        if p.value == g.value:
            score.correct += 1
            value_tp += 1
        else:
            score.errors.append({"where": where, "gold": g.text, "value": g.value, "got": p.value})
    n_pred, n_gold = len(predicted), len(gold)
    score.relaxed = score.relaxed + PRF(relaxed, n_pred, n_gold)
    score.strict = score.strict + PRF(strict, n_pred, n_gold)
    score.value = score.value + PRF(value_tp, n_pred, n_gold)


def evaluate_gold(nlp: Language, items: Sequence[DateItem]) -> DateScore:
    score = DateScore()
    for item, doc in zip(items, base_docs(nlp, (i.text for i in items)), strict=True):
        predicted = date_refs(doc, item.published)
        score_pairs(item.dates, predicted, score, item.id)
    return score


def _touches(ref: DateRef, timexes: Sequence[GoldDate] | Sequence[Timex]) -> bool:
    return any(_overlaps((ref.span.start, ref.span.end), (t.start, t.end)) for t in timexes)


def evaluate_meantime(nlp: Language, docs: Sequence[MeantimeDocument]) -> DateScore:
    """Gold: TIMEX3 of type DATE other than the creation time (it is the anchor).

    Predictions overlapping a gold TIME/DURATION/SET (or the creation-time line) are
    left out rather than counted wrong: the task scored here is DATE. So are those past
    the annotated first sentences (``meantime.ANNOTATED_SENTENCES``).
    """
    score = DateScore()
    for doc_gold, doc in zip(docs, base_docs(nlp, (d.text for d in docs)), strict=True):
        gold = [
            GoldDate(t.start, t.end, t.text, t.value)
            for t in doc_gold.timexes
            if t.type == "DATE" and t.function != "CREATION_TIME"
        ]
        others = [t for t in doc_gold.timexes if t.type != "DATE" or t.function == "CREATION_TIME"]
        predicted = [
            r
            for r in date_refs(doc, doc_gold.creation_time)
            if (_touches(r, gold) or not _touches(r, others))
            and r.span.end <= doc_gold.annotated_end
        ]
        score_pairs(gold, predicted, score, doc_gold.doc_id)
    return score


def evaluate_meantime_dir(nlp: Language, directory: Path, limit: int | None = None) -> DateScore:
    return evaluate_meantime(nlp, read_corpus(directory, limit))


# Scores by name ("gold:<split>", "meantime") for the CLI.
run = gold_and_meantime_run(read_gold, evaluate_gold, evaluate_meantime)


def render(scores: dict[str, DateScore]) -> str:
    lines = []
    for name, s in scores.items():
        lines.append(
            f"dates {name}: value accuracy {100 * s.value_accuracy:.1f} "
            f"({s.correct}/{s.detected} detected)  value F1 {100 * s.value.f1:.1f}"
        )
        for label, prf in (("relaxed", s.relaxed), ("strict", s.strict)):
            lines.append(
                f"  detection {label:7} P={100 * prf.precision:5.1f} R={100 * prf.recall:5.1f} "
                f"F1={100 * prf.f1:5.1f}  (tp={prf.true_positives:g} pred={prf.predicted} "
                f"gold={prf.gold})"
            )
    return "\n".join(lines)
