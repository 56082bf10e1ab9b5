"""Score the quantities component on NewsQuant (Almasian et al., EMNLP 2023).

One scorer for every system, as in the CQE paper's evaluation but one-to-one:

- ``value``: each gold quantity is matched to at most one prediction of the same value
  (relative tolerance 1e-5, so "two-thirds" matches 0.6666666666666666); a gold range
  "lo-hi" matches only a predicted range with the same two ends, in either order (ranges
  as pairs: "between 5% and 6%" given as 5 and 6 is two misses, not a hit);
- ``value_unit``: and the same unit under ``unit_names.unit_key`` (loose names: "km/h" is
  "kilometre per hour", "A$" is "australian dollar"); a count noun as NewsQuant's unit
  ("22 goals", unit "goal") matches a figure without unit whose counted thing names it
  (never a physical unit: "30 yards" must be read as yards);
- ``value_change``: and the same change: up/down when the component gives a direction,
  else the bound ("=", "~", ">", "<");
- ``concept_partial``: and at least one word shared between NewsQuant's
  ``referred_concepts`` and what the component says the figure is about (its ``about``
  span, and its ``counted`` span when the figure has a unit); "-" (nothing named)
  matches a figure about nothing.

All kinds of quantity are scored (figures, durations, ages, fractions, "one of"):
NewsQuant annotates them all. The one-to-one matching makes a prediction count once.

Where NewsQuant's conventions are not ours, decided per case:

- vague amounts: NewsQuant gives order-of-magnitude intervals ("dozens" 12-120,
  "millions" 1e6-1e7); ours are narrower (``number_words.VAGUE``: "dozens" 24-99, because
  a writer who means 100+ says "hundreds"). A vague prediction matches a gold range that
  contains it;
- pence: NewsQuant normalises "118.5p" to "point"; we read pence (GBX). A gold "point"
  whose surface unit is "p" is scored as pence;
- "tens of millions" etc. keep our intervals by the rule above; "one out of three" and
  "a third of" are fractions (0.333...) in NewsQuant and in ours;
- changes: we give "rose to 7.4%" the direction of the change it ends (the component's
  contract); NewsQuant marks only a change's size ("rose 2%"), so a prediction right
  after "to", "from" or "at" (also "to just", "from the") is scored as a level ("=")
  unless the size of the change comes just before ("rose 18 sen to RM23.50": up and up
  in NewsQuant, 7 of 10 dev items), as
  is a range written "from X to Y" (6 of 7 such dev items are "=") and a size written
  before its noun ("a 3 percent drop", "a 5% pay rise": we say down/up, NewsQuant "="
  in all 4 dev items). Where a bound and a change meet ("up about 19 per cent") the dev
  half goes both ways (3 to 2): we score the change;
- concepts: NewsQuant's ``referred_concepts`` and our ``about`` agree on the clause's
  subject ("Nvidia advanced 8%"), the noun a figure completes through "of" ("a fine of
  $3 billion"), the noun a participle clause describes ("an engine tuned to produce 296
  hp") and nothing for a count that is its own subject ("two sides have been
  negotiating") or a setting put before the subject ("In the last three months the OCS
  ..."). They differ where the annotators resolved what the parse does not give: a
  pronoun subject ("they were up 5pc": shares; ours names nothing), the first of two
  coordinated clauses ("most landed in water just 47 feet deep": debris field; ours
  "most"), the object of a verb ("left the club"), and lists without verbs (property
  addresses); those stay misses;
- counts: NewsQuant's unit of "22 goals" is "goal" and its concept the scorer ("Chris
  Wood"); ours are the counted thing and ``about``, compared accordingly (above);
- "from 4.8 to 4.7 percent" is one range in NewsQuant and in ours (both ends), "rose by
  $43.6bn to $419.2bn" two figures in both;
- bare counts with no noun ("1 = '-'" for "one that was...") are NewsQuant items we do
  not aim for; they count as misses. Some gold values are off by a scale (e.g. a "$3
  billion to $5 billion" range written 3000000-5000000): they stay misses; the data is
  never edited.

Each gold quantity is also put in categories (durations, ages, negatives, currencies ...)
from its own fields and its sentence, so the table shows where the misses are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.analyse.quantities.bounds import DOWN_WORDS, UP_WORDS
from claimgraph.analyse.quantities.unit_canon import physical_key
from claimgraph.eval.metrics import PRF, one_to_one
from claimgraph.eval.unit_names import CURRENCY_NAMES, unit_key
from claimgraph.model import Bound, Quantity

if TYPE_CHECKING:
    from spacy.language import Language

METRICS = ("value", "value_unit", "value_change", "concept_partial")
_RANGE = re.compile(r"^\s*(-?[\d.]+(?:[eE]-?\d+)?)\s*-\s*(-?[\d.]+(?:[eE]-?\d+)?)\s*$")
_TOLERANCE = Decimal("1e-5")


@dataclass(frozen=True)
class NewsQuantItem:
    low: Decimal
    high: Decimal
    is_range: bool
    change: str
    unit: str  # as written ("US$", "miles")
    normalized_unit: str
    concepts: tuple[str, ...]  # lower-cased words


@dataclass(frozen=True)
class NewsQuantSentence:
    index: int
    text: str
    items: tuple[NewsQuantItem, ...]


def load_newsquant(path: Path) -> list[NewsQuantSentence]:
    """Read NewsQuant JSON (a list of ``{text, quantities, index}``)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [
        NewsQuantSentence(
            int(entry.get("index", n)),
            entry["text"],
            tuple(_item(q) for q in entry.get("quantities", [])),
        )
        for n, entry in enumerate(raw)
    ]


def _item(raw: dict[str, Any]) -> NewsQuantItem:
    value = str(raw["value"]).strip()
    pair = _RANGE.match(value)
    if pair:
        low, high = Decimal(pair[1]), Decimal(pair[2])
    else:
        low = high = Decimal(value)
    concepts = str(raw.get("referred_concepts", "-"))
    words = tuple(w.lower() for w in re.split(r"[,\s]+", concepts) if w)
    return NewsQuantItem(
        min(low, high), max(low, high), pair is not None, str(raw.get("change", "=")),
        str(raw.get("unit", "-")), str(raw.get("normalized_unit", "-")), words,
    )  # fmt: skip


# --------------------------------------------------------------------------- matching


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= _TOLERANCE * max(abs(a), abs(b), Decimal("1e-30"))


def _pred_interval(pred: Quantity) -> tuple[Decimal, Decimal] | None:
    try:
        if pred.value is not None:
            value = Decimal(pred.value)
            return value, value
        if pred.low is not None and pred.high is not None:
            return Decimal(pred.low), Decimal(pred.high)
    except InvalidOperation:
        return None
    return None


def same_value(gold: NewsQuantItem, pred: Quantity) -> bool:
    interval = _pred_interval(pred)
    if interval is None:
        return False
    low, high = interval
    if pred.vague and gold.is_range:
        return gold.low <= low and high <= gold.high
    if gold.is_range != (pred.value is None):
        return False
    return _close(gold.low, low) and _close(gold.high, high)


def prediction_unit_key(pred: Quantity) -> str:
    """``unit_key`` of a prediction; a physical one through pint, so that pint's "pound"
    (a mass) is not read as the currency's name."""
    code = pred.unit_code or pred.unit
    if code is not None and (pred.dimension or "").startswith("["):
        physical = physical_key(code)
        if physical is not None:
            return physical
    return unit_key(code)


def same_unit(gold: NewsQuantItem, pred: Quantity) -> bool:
    ours = prediction_unit_key(pred)
    wanted = gold.normalized_unit.strip().lower()
    if wanted == "point" and gold.unit.strip().lower() == "p":
        wanted = "pence"  # see the module docstring
    theirs = unit_key(wanted)
    if ours == theirs:
        return True
    if ours or not theirs or physical_key(wanted) is not None:
        return False  # a physical unit must be read as one, not found as a counted noun
    return _names_counted(theirs, pred)


def _names_counted(noun: str, pred: Quantity) -> bool:
    """NewsQuant's count-noun unit ("goal") is our counted thing ("22 goals")."""
    last = noun.split()[-1]
    if pred.counted_head is not None and pred.counted_head.lower() == last:
        return True
    return pred.counted is not None and last in pred.counted.text.lower()


_CHANGE_OF_BOUND = {
    Bound.EQ: "=", Bound.APPROX: "~", Bound.GT: ">", Bound.GE: ">", Bound.GE_APPROX: ">",
    Bound.LT: "<", Bound.LE: "<", Bound.LE_APPROX: "<",
}  # fmt: skip


_LEVEL_BEFORE = re.compile(
    r"\b(to|from|at)\s+(?:(?:the|just|only|about|around|nearly|almost|roughly)\s+)*$",
    re.IGNORECASE,
)
# "rose 18 sen to RM23.50", "plunged 4.28 percent to Y=28,030": after the size of its
# change, NewsQuant gives the level the change's direction too (7 of 10 dev items)
_AFTER_SIZE = re.compile(r"\d\s*(?:%|[a-z]+)?\s+to\s+$", re.IGNORECASE)
_CHANGE_NOUNS = "|".join(sorted(UP_WORDS | DOWN_WORDS))
# "a 3 percent drop", "a 5% pay rise", "a 5-mpg boost": the size given before its noun
_ATTRIBUTIVE = re.compile(rf"^[\s-]*(?:[a-z]+\s+)?(?:{_CHANGE_NOUNS})s?\b", re.IGNORECASE)
_DETERMINED = re.compile(r"\b(a|an|the|its|their)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)


def change_of(pred: Quantity, text: str = "") -> str:
    """NewsQuant's change of a prediction; ``text`` is its sentence.

    We give "rose to 7.4%" the direction of the change it ends; NewsQuant marks only the
    size of a change ("rose 2%"), so a figure right after "to", "from" or "at" (or "to
    just", "from the") is a level, and so is a range written "from X to Y". NewsQuant
    also leaves a size given before its noun unmarked ("a 3 percent drop", "a 5% pay
    rise": "=" in all four such items of the dev half); we give it the noun's direction.
    """
    before, after = text[: pred.span.start], text[pred.span.end :]
    level = (
        (_LEVEL_BEFORE.search(before) is not None and _AFTER_SIZE.search(before) is None)
        or pred.span.text.lower().startswith("from ")
        or (_DETERMINED.search(before) is not None and _ATTRIBUTIVE.match(after) is not None)
    )
    if pred.direction in ("up", "down") and not level:
        return pred.direction
    return _CHANGE_OF_BOUND.get(pred.bound, "=")


def concept_words(pred: Quantity) -> set[str]:
    """Words of what the prediction is about. Without a unit (a count, a proportion, "one
    of the"), the counted noun is NewsQuant's unit ("22 goals": unit goal), not its
    concept, so only ``about``; with one, the counted thing is what is measured."""
    counted = pred.counted if pred.unit is not None else None
    spans = [s for s in (pred.about, counted) if s is not None]
    return {w.lower() for s in spans for w in re.split(r"[,\s]+", s.text) if w}


def same_concept(gold: NewsQuantItem, pred: Quantity) -> bool:
    words = concept_words(pred)
    if gold.concepts in ((), ("-",)):
        return not words
    return bool(words & set(gold.concepts))


def _value(gold: NewsQuantItem, pred: Quantity, text: str) -> bool:
    return same_value(gold, pred)


def _value_unit(gold: NewsQuantItem, pred: Quantity, text: str) -> bool:
    return same_value(gold, pred) and same_unit(gold, pred)


def _value_change(gold: NewsQuantItem, pred: Quantity, text: str) -> bool:
    return same_value(gold, pred) and change_of(pred, text) == gold.change


def _concept_partial(gold: NewsQuantItem, pred: Quantity, text: str) -> bool:
    return same_value(gold, pred) and same_concept(gold, pred)


Predicate = Callable[[NewsQuantItem, Quantity, str], bool]
PREDICATES: dict[str, Predicate] = {
    "value": _value,
    "value_unit": _value_unit,
    "value_change": _value_change,
    "concept_partial": _concept_partial,
}


def matches(
    gold: Sequence[NewsQuantItem], predicted: Sequence[Quantity], metric: str, text: str = ""
) -> list[int | None]:
    """For each gold item the index of its one-to-one match on ``metric``, else None.

    Gold items are taken in order; among several predictions of the same value the one
    that also has the gold unit is preferred, so a later item is not robbed of its match.
    """
    predicate = PREDICATES[metric]
    return one_to_one(gold, predicted, lambda g, p: predicate(g, p, text), same_unit)


# --------------------------------------------------------------------------- categories

CATEGORIES = (
    "durations", "ages", "negatives", "currencies", "scale suffixes", "glued units",
    "ranges", "vague plurals", "one of the", "fractions", "compound units",
    "percentages", "plain counts",
)  # fmt: skip
_TIME = frozenset({"year", "month", "day", "hour", "minute", "second", "week", "decade"})
_VAGUE_WORDS = re.compile(r"\b(dozens|scores|hundreds|thousands|millions|billions|tens of)\b")
_FRACTION_WORDS = re.compile(r"\b(half|thirds?|quarters?|fifths?|out of)\b|\d\s*[/⁄]\s*\d")
_SUFFIX = re.compile(r"\d(?:[.,]\d+)*\s?(?:m|bn|b|k|tn|mn|M|B|K)\b")


def categories(sentence: NewsQuantSentence, item: NewsQuantItem) -> list[str]:
    """The categories a gold item belongs to, from its fields and its sentence."""
    unit, text = item.normalized_unit.lower(), sentence.text
    found: list[str] = []
    if "of age" in unit or unit == "age":
        found.append("ages")
    elif unit in _TIME:
        found.append("durations")
    if item.low < 0:
        found.append("negatives")
    money = unit.split(" per ")[0] in CURRENCY_NAMES or unit == "cent"
    if money or item.unit.strip().lower() == "p":
        found.append("currencies")
    if item.high >= 1000 and _SUFFIX.search(text):
        found.append("scale suffixes")
    if _glued(text, item):
        found.append("glued units")
    if item.is_range:
        found.append("vague plurals" if _VAGUE_WORDS.search(text.lower()) else "ranges")
    if item.low == 1 and not item.is_range and "one of the" in text.lower():
        found.append("one of the")
    if 0 < item.high < 1 and _FRACTION_WORDS.search(text.lower()):
        found.append("fractions")
    if " per " in unit or "/" in item.unit or "-a-" in item.unit:
        found.append("compound units")
    if unit == "percentage":
        found.append("percentages")
    if not found and unit not in ("-",) and unit_key(unit) == unit.rstrip("s"):
        found.append("plain counts")
    return found


def _glued(text: str, item: NewsQuantItem) -> bool:
    unit = item.unit.strip()
    if not unit or unit in ("-", "%") or (not unit[:1].isalpha() and unit[:1] not in "μ°″"):
        return False
    return re.search(r"\d" + re.escape(unit.split()[0]), text) is not None


# --------------------------------------------------------------------------- running


@dataclass
class NewsQuantResult:
    sentence: NewsQuantSentence
    predicted: tuple[Quantity, ...]


@dataclass
class NewsQuantScores:
    sentences: int
    scores: dict[str, PRF] = field(default_factory=dict)
    categories: dict[str, tuple[int, int]] = field(default_factory=dict)  # found, gold

    def as_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            **{name: prf.as_dict() for name, prf in self.scores.items()},
            "categories": {k: {"found": f, "gold": g} for k, (f, g) in self.categories.items()},
        }


def predict(nlp: Language, sentences: Sequence[NewsQuantSentence]) -> list[NewsQuantResult]:
    docs = nlp.pipe((s.text for s in sentences), batch_size=64)
    return [
        NewsQuantResult(s, tuple(d._.cg_quantities)) for s, d in zip(sentences, docs, strict=True)
    ]


def score(results: Iterable[NewsQuantResult]) -> NewsQuantScores:
    results = list(results)
    prf = {name: PRF(0, 0, 0) for name in METRICS}
    found = dict.fromkeys(CATEGORIES, 0)
    total = dict.fromkeys(CATEGORIES, 0)
    for result in results:
        gold, pred = result.sentence.items, result.predicted
        for name in METRICS:
            hits = sum(m is not None for m in matches(gold, pred, name, result.sentence.text))
            prf[name] = prf[name] + PRF(hits, len(pred), len(gold))
        for item, match in zip(gold, matches(gold, pred, "value"), strict=True):
            for category in categories(result.sentence, item):
                total[category] += 1
                found[category] += match is not None
    table = {c: (found[c], total[c]) for c in CATEGORIES}
    return NewsQuantScores(len(results), prf, table)


def evaluate(nlp: Language, sentences: Sequence[NewsQuantSentence]) -> NewsQuantScores:
    return score(predict(nlp, sentences))


def errors(results: Sequence[NewsQuantResult], metric: str = "value") -> list[str]:
    """Sentences with misses or spurious predictions on ``metric``, to read on dev."""
    lines: list[str] = []
    for result in results:
        gold, pred = result.sentence.items, result.predicted
        found = matches(gold, pred, metric, result.sentence.text)
        if all(m is not None for m in found) and len(pred) == len(gold):
            continue
        lines.append(f"[{result.sentence.index}] {result.sentence.text}")
        for item, match in zip(gold, found, strict=True):
            value = f"{item.low}-{item.high}" if item.is_range else str(item.low)
            mark = "ok  " if match is not None else "MISS"
            lines.append(
                f"  {mark} {value} {item.change} {item.unit!r}/{item.normalized_unit} "
                f"{' '.join(item.concepts)}"
            )
        used = {m for m in found if m is not None}
        for i, p in enumerate(pred):
            value = p.value if p.value is not None else f"[{p.low},{p.high}]"
            about = " ".join(sorted(concept_words(p)))
            mark = "pred" if i in used else "XTRA"
            lines.append(
                f"  {mark} {p.span.text!r} {value} {change_of(p, result.sentence.text)} "
                f"{p.unit_code or p.unit} {about}"
            )
    return lines


def format_scores(scores: NewsQuantScores, label: str = "NewsQuant") -> str:
    lines = [f"{label}: sentences={scores.sentences}"]
    for name, prf in scores.scores.items():
        lines.append(
            f"  {name:16} P={100 * prf.precision:5.1f} R={100 * prf.recall:5.1f} "
            f"F1={100 * prf.f1:5.1f}  (tp={prf.true_positives:g} pred={prf.predicted} "
            f"gold={prf.gold})"
        )
    lines.append("  category          found / gold")
    for category, (found, total) in scores.categories.items():
        lines.append(f"  {category:16} {found:5} / {total}")
    return "\n".join(lines)
