"""Evaluate the quantities component on a gold JSONL set, CQE-style.

Each gold line: ``{"id", "split": "dev"|"test", "text", "published"?, "quantities": [
{"text", "start", "end", "value" | "low"+"high", "bound", "unit", "counted",
"counted_head"}]}``. Five scores, each an F1 over one-to-one matches within a sentence:

- ``value``: same value, or same interval;
- ``value_bound``: and the same bound;
- ``value_unit``: and the same unit (None for plain counts);
- ``value_counted_partial``: and the gold counted head occurs in the predicted counted
  span or equals the predicted head (no counted thing on both sides also matches);
- ``value_counted_complete``: and the same counted span text.

``recognizers_agreement`` checks number normalisation against the Microsoft
Recognizers-Text English number specs.

Annotation conventions of ``gold/quantities.jsonl`` (fictional news sentences):
``text`` spans the whole figure with its bound words, currency and unit ("more than
$64.1 billion", "between 20 and 30", "500" in "500 workers or more"); vague amounts use
the intervals of ``claimgraph.analyse.quantities.number_words.VAGUE``; ``counted`` is the noun
phrase of the thing counted or measured without determiners or possessor, with one
restricting prepositional phrase ("residents of the coastal town"), the complement of a
container noun ("arrests" in "the number of arrests") or of money ("emergency aid" in
"$2.5bn in emergency aid"), the subject for a percentage or measure ("Inflation rose to
7.4%"); null when nothing in the sentence says. Years, dates, times, durations, ages,
ordinals, fractions, ratios, scores, phone numbers and labels ("Article 5") are not
figures; sentences holding only those have ``quantities: []``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.analyse.quantities.number_words import parse_number_text
from claimgraph.eval.metrics import PRF, one_to_one
from claimgraph.model import Quantity, parse_decimal

if TYPE_CHECKING:
    from spacy.language import Language

METRICS = ("value", "value_bound", "value_unit", "value_counted_partial", "value_counted_complete")


@dataclass(frozen=True)
class GoldQuantity:
    text: str
    start: int
    end: int
    value: str | None
    low: str | None
    high: str | None
    bound: str
    unit: str | None
    counted: str | None
    counted_head: str | None


@dataclass(frozen=True)
class GoldSentence:
    id: str
    split: str
    text: str
    quantities: tuple[GoldQuantity, ...]
    published: str | None = None


def load_gold(path: Path) -> list[GoldSentence]:
    """Read a gold JSONL file; offsets are checked against the text."""
    sentences: list[GoldSentence] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            sentences.append(_sentence(json.loads(line), f"{path}:{number}"))
    return sentences


def _sentence(raw: dict[str, Any], where: str) -> GoldSentence:
    text = raw["text"]
    quantities = []
    for item in raw.get("quantities", []):
        if text[item["start"] : item["end"]] != item["text"]:
            raise ValueError(f"{where}: offsets do not match {item['text']!r}")
        quantities.append(
            GoldQuantity(
                text=item["text"],
                start=item["start"],
                end=item["end"],
                value=item.get("value"),
                low=item.get("low"),
                high=item.get("high"),
                bound=item.get("bound", "="),
                unit=item.get("unit"),
                counted=item.get("counted"),
                counted_head=item.get("counted_head"),
            )
        )
    split = raw.get("split", "dev")
    return GoldSentence(raw["id"], split, text, tuple(quantities), raw.get("published"))


# --------------------------------------------------------------------------- matching


def same_value(gold: GoldQuantity, pred: Quantity) -> bool:
    if gold.value is not None:
        return pred.value is not None and parse_decimal(gold.value) == parse_decimal(pred.value)
    return (
        pred.value is None
        and parse_decimal(gold.low) == parse_decimal(pred.low)
        and parse_decimal(gold.high) == parse_decimal(pred.high)
    )


def _counted_partial(gold: GoldQuantity, pred: Quantity) -> bool:
    if gold.counted_head is None:
        return pred.counted is None
    if pred.counted_head is not None and pred.counted_head == gold.counted_head:
        return True
    return pred.counted is not None and gold.counted_head.lower() in pred.counted.text.lower()


def _counted_complete(gold: GoldQuantity, pred: Quantity) -> bool:
    if gold.counted is None:
        return pred.counted is None
    return pred.counted is not None and pred.counted.text.lower() == gold.counted.lower()


Predicate = Callable[[GoldQuantity, Quantity], bool]
PREDICATES: dict[str, Predicate] = {
    "value": same_value,
    "value_bound": lambda g, p: same_value(g, p) and g.bound == p.bound.value,
    "value_unit": lambda g, p: same_value(g, p) and g.unit == p.unit,
    "value_counted_partial": lambda g, p: same_value(g, p) and _counted_partial(g, p),
    "value_counted_complete": lambda g, p: same_value(g, p) and _counted_complete(g, p),
}


def _overlaps(gold: GoldQuantity, pred: Quantity) -> bool:
    return gold.start < pred.span.end and pred.span.start < gold.end


def match_count(
    gold: Sequence[GoldQuantity], predicted: Sequence[Quantity], predicate: Predicate
) -> int:
    """One-to-one matches: overlapping pairs first, then any pair in the sentence."""
    return sum(m is not None for m in one_to_one(gold, predicted, predicate, _overlaps))


# --------------------------------------------------------------------------- running


@dataclass
class SentenceResult:
    sentence: GoldSentence
    predicted: tuple[Quantity, ...]


@dataclass
class QuantityScores:
    split: str
    sentences: int
    scores: dict[str, PRF] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "split": self.split,
            "sentences": self.sentences,
            **{name: prf.as_dict() for name, prf in self.scores.items()},
        }


def select(sentences: Iterable[GoldSentence], split: str) -> list[GoldSentence]:
    return [s for s in sentences if split == "all" or s.split == split]


def predict(nlp: Language, sentences: Sequence[GoldSentence]) -> list[SentenceResult]:
    """Figures only: this gold set annotates no durations or ages (see the docstring)."""
    docs = nlp.pipe(_docs(nlp, sentences), batch_size=64)
    return [
        SentenceResult(s, tuple(q for q in d._.cg_quantities if q.kind == "figure"))
        for s, d in zip(sentences, docs, strict=True)
    ]


def _docs(nlp: Language, sentences: Sequence[GoldSentence]) -> Iterable[Any]:
    for sentence in sentences:
        doc = nlp.make_doc(sentence.text)
        doc._.cg_published = sentence.published
        yield doc


def score(results: Sequence[SentenceResult], split: str) -> QuantityScores:
    scores = {name: PRF(0, 0, 0) for name in METRICS}
    for result in results:
        gold, pred = result.sentence.quantities, result.predicted
        for name in METRICS:
            hits = match_count(gold, pred, PREDICATES[name])
            scores[name] = scores[name] + PRF(hits, len(pred), len(gold))
    return QuantityScores(split, len(results), scores)


def evaluate(nlp: Language, sentences: Sequence[GoldSentence], split: str) -> QuantityScores:
    return score(predict(nlp, select(sentences, split)), split)


def errors(results: Sequence[SentenceResult], metric: str = "value") -> list[str]:
    """Human-readable misses and spurious figures for one metric, to tune on dev."""
    lines: list[str] = []
    predicate = PREDICATES[metric]
    for result in results:
        gold, pred = result.sentence.quantities, result.predicted
        if match_count(gold, pred, predicate) == len(gold) == len(pred):
            continue
        lines.append(f"[{result.sentence.id}] {result.sentence.text}")
        lines.extend(f"  gold {_describe_gold(g)}" for g in gold)
        lines.extend(f"  pred {_describe_pred(p)}" for p in pred)
    return lines


def _describe_gold(g: GoldQuantity) -> str:
    value = g.value if g.value is not None else f"[{g.low},{g.high}]"
    return f"{g.text!r} {value} {g.bound} {g.unit} {g.counted!r}/{g.counted_head}"


def _describe_pred(p: Quantity) -> str:
    value = p.value if p.value is not None else f"[{p.low},{p.high}]"
    counted = p.counted.text if p.counted else None
    return f"{p.span.text!r} {value} {p.bound.value} {p.unit} {counted!r}/{p.counted_head}"


# --------------------------------------------------------------------------- Recognizers-Text

# Conventions we share with Recognizers-Text and check: integers, decimals, thousands
# separators, multiplier words and suffixes ("2 million", "10k", "1.2b"), spelled-out
# cardinals ("one hundred and sixty-one"), "a dozen", "half a million", "two and a half".
# Where we differ, the spec is not counted (``skipped``):
# - fractions ("two thirds", "1 over 3", "⅔"): not exact decimals, and in news "two-thirds"
#   is a proportion we deliberately do not extract;
# - exponents ("1e10", "1.1^23"), negatives ("minus five"), Indian lakh/crore, spoken
#   decimals ("five point five"), space or narrow-space thousands separators ("40 000"),
#   continental "1.111,11": not how English-language news writes figures;
# - a bare "hundred thousand" or "half million": we require "a"/"one"/a number first, so
#   that a range "two-dozen" or "5-hundred" is not misread;
# - "3 dozens", "3 dzs": plural multipliers we read as vague amounts ("dozens").
# Recognizers also extracts digits inside dates and phone numbers ("5/17/2018",
# "+1-222-2222"), which the quantities component drops on purpose; this check compares
# values only, not what is extracted from a sentence.
RECOGNIZERS_FILES = ("NumberModel.json", "PercentModel.json")


@dataclass
class RecognizersReport:
    checked: int = 0
    agreed: int = 0
    skipped: int = 0
    disagreements: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def agreement(self) -> float:
        return self.agreed / self.checked if self.checked else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "checked": self.checked,
            "agreed": self.agreed,
            "skipped": self.skipped,
            "agreement": round(100 * self.agreement, 1),
            "disagreements": [list(d) for d in self.disagreements],
        }


def recognizers_agreement(directory: Path) -> RecognizersReport:
    """Agreement of ``parse_number_text`` with the English number and percent specs."""
    report = RecognizersReport()
    for name in RECOGNIZERS_FILES:
        path = directory / name
        if not path.is_file():
            continue
        for spec in json.loads(path.read_text(encoding="utf-8-sig")):
            for result in spec.get("Results", []):
                _check_result(result, report)
    return report


def _check_result(result: dict[str, Any], report: RecognizersReport) -> None:
    text = str(result.get("Text", "")).strip()
    expected = str(result.get("Resolution", {}).get("value", "")).rstrip("%")
    number_text = _strip_percent(text)
    ours = parse_number_text(number_text)
    want = parse_decimal(expected)
    if ours is None or want is None:
        report.skipped += 1
        return
    report.checked += 1
    if ours == want:
        report.agreed += 1
    else:
        report.disagreements.append((text, expected, str(ours)))


def _strip_percent(text: str) -> str:
    lowered = text.lower()
    for suffix in ("per cent", "percent", "%"):
        if lowered.endswith(suffix):
            return lowered[: -len(suffix)].strip()
    return lowered
