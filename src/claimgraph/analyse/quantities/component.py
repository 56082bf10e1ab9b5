"""The quantities component: every figure in a doc as a typed ``Quantity``.

One left-to-right pass over the tokens (O(tokens)): at each token try to read a figure
(currency, number or vague amount, proportion, range, unit, bounds), drop false figures
(years, dates, phone numbers, labels), then find what it counts and what it is about.
spaCy's NER is not trusted for the figure itself: it labels "Between 20 and 30 people"
a DATE and misses "$25m"; the parse is used only for the counted thing and ``about``.

Every quantity has a ``kind``: ``figure`` (a count or amount outlets report and compare),
``duration`` ("15 years"), ``age`` ("a 45-year-old", "Smith, 45,"), ``fraction``
("two-thirds of", "one in five") or ``one_of`` ("one of the best"). Only figures are
grouped across articles (``link/figures.py``); the others are quantities all the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from spacy.tokens import Doc

from claimgraph.analyse.extensions import doc_text
from claimgraph.analyse.quantities import false_figures as ff
from claimgraph.analyse.quantities.bounds import (
    bound_after,
    bound_before,
    direction_of,
    merge_bounds,
)
from claimgraph.analyse.quantities.counted_thing import find_counted
from claimgraph.analyse.quantities.figure_clause import figure_clause
from claimgraph.analyse.quantities.figure_pairs import (
    converted,
    converts,
    join_from_to,
    not_about_other_measures,
)
from claimgraph.analyse.quantities.figure_record import Figure
from claimgraph.analyse.quantities.figure_role import part_cue
from claimgraph.analyse.quantities.glued_figures import ReadingWords, reading_words
from claimgraph.analyse.quantities.number_words import (
    AMBIGUOUS_SCALES,
    FRACTIONS,
    SCALES,
    SMALL,
    TENS,
    VAGUE,
    decimal_text,
    match_vague,
    read_number,
)
from claimgraph.analyse.quantities.pound_weight import is_weight
from claimgraph.analyse.quantities.proportions import read_fraction, read_one_of
from claimgraph.analyse.quantities.quantity_about import find_about
from claimgraph.analyse.quantities.unit_canon import resolve
from claimgraph.analyse.quantities.units import (
    CASE_SENSITIVE,
    COUNTRY_CODES,
    CURRENCY_PREFIXES,
    DOLLAR_COUNTRIES,
    GLUED_PREFIX_NAMES,
    TIME_UNIT_NAMES,
    UNIT_WORDS,
    currency_code,
    currency_prefix,
    is_currency,
    match_unit,
)
from claimgraph.model import Bound, Quantity, Span

RANGE_DASHES = frozenset({"-", "–", "—", "to"})
# Words after which a lone "one" is a pronoun or an ordinal use, not a count.
REPORTING_VERBS = frozenset({"say", "tell", "add", "claim", "write", "note", "explain", "recall"})
ONE_BLOCKERS = frozenset({"no", "every", "any", "the", "this", "that", "which", "each", "some"})
# A lone "one" is a count of people when what happened to it follows ("One dead") or
# when a verb of harm takes it as object ("killed one").
ONE_EVENT_WORDS = frozenset(
    {"dead", "killed", "wounded", "injured", "hurt", "shot", "deceased", "slain", "died"}
)
ONE_HARM_VERBS = frozenset({"kill", "wound", "injure", "hurt", "shoot"})
# Words that change what a figure means, looked for near it ("her team alone",
# "so far", "eventually"): a later stage decides whether figures are comparable.
MODIFIER_PHRASES: tuple[tuple[str, ...], ...] = (
    ("so", "far"), ("to", "date"), ("in", "total"), ("in", "all"), ("up", "to"),
    ("at", "least"), ("eventually",), ("alone",), ("expected",), ("projected",),
    ("reportedly",), ("allegedly",), ("officially",), ("initially",), ("already",),
    ("only",), ("still",), ("estimated",), ("possibly",), ("potentially",),
)  # fmt: skip
_WINDOW_BEFORE = 8
_WINDOW_AFTER = 10


@dataclass(frozen=True)
class _Number:
    value: Decimal
    low: Decimal
    end: int  # token index after the number
    vague: bool
    scale_word: str | None  # multiplier closing the number ("million"), for ranges


class QuantityComponent:
    """Writes ``doc._.cg_quantities``: a tuple of ``Quantity`` in text order."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)  # built from the tokens on every access: read it once
        read = reading_words(doc)
        quantities: list[Quantity] = []
        previous: Figure | None = None
        for figure in _figures(doc, text, read):
            quantity = _to_quantity(doc, text, read.words, figure)
            if previous is not None and converts(read.words, previous, figure):
                quantity = converted(quantities[-1], quantity)  # "47 feet (14 metres)"
            quantities.append(quantity)
            previous = figure
        doc._.cg_quantities = tuple(not_about_other_measures(quantities))
        return doc


def _figures(doc: Doc, text: str, read: ReadingWords) -> list[Figure]:
    phones = ff.phone_spans(text)
    words = read.words
    figures: list[Figure] = []
    i = 0
    while i < len(doc):
        if not _may_start_figure(words[i]):
            i += 1  # the common case, kept cheap: most tokens cannot begin a figure
            continue
        figure, next_i = _read_figure(doc, read, i, phones)
        if figure is not None:
            figures.append(figure)
        i = max(next_i, i + 1)
    return join_from_to(words, figures)


_STARTERS = frozenset(
    {
        *SMALL,
        *TENS,
        *SCALES,
        *CURRENCY_PREFIXES,
        *DOLLAR_COUNTRIES,
        "a",
        "an",
        "half",
        "hundred",
        "dozen",
        "minus",
    }
    | {phrase[0] for phrase in VAGUE}
)


def _may_start_figure(word: str) -> bool:
    return word[:1].isdigit() or word[:1] == "." or word in _STARTERS or not word[:1].isalnum()


def _read_figure(
    doc: Doc, read: ReadingWords, i: int, phones: Sequence[tuple[int, int]]
) -> tuple[Figure | None, int]:
    words = read.words
    currency = currency_prefix(words[i]) if not doc[i].is_alpha or doc[i].is_upper else None
    code = currency_code(currency, words[i]) if currency else None
    j = i + 1 if currency else i
    if currency is None and _country_dollar(doc, words, i):
        currency, code, j = "dollar", DOLLAR_COUNTRIES[words[i]], i + 2  # "HK $5.4m"
    minus = j + 1 < len(words) and words[j] == "minus" and words[j + 1][:1].isdigit()
    j += minus
    if j < len(words) and j in read.currency:
        code = read.currency[j]  # "PS2.7m", "$" + "US55,931,000"
        currency = currency or GLUED_PREFIX_NAMES.get(code)
    proportion = _read_proportion(words, j)
    if proportion is not None:
        value, end, kind = proportion
        figure = Figure(i, end, j, end, value, value, kind=kind)
        unit = match_unit(words, end) if kind == "fraction" else None
        if unit is not None:  # "a 1/4 mile oval"
            figure.unit, figure.core_end, figure.end = unit[0], end + unit[1], end + unit[1]
        _read_bounds(doc, words, figure)
        return figure, figure.end
    number = _read_number(doc, words, j, currency is not None)
    if number is None:
        return None, i + 1
    figure = Figure(i, number.end, j, number.end, number.low, number.value, number.vague,
                    currency, code=code, plus=j in read.plus)  # fmt: skip
    if minus or j in read.negative:
        figure.low, figure.high = -figure.high, -figure.low  # "minus 233", "$-50.8bn"
    if _read_range(doc, words, figure, number):
        return None, figure.core_end  # a score or tally: "won 3-1", "an 80-19 vote"
    if figure.core_end - 1 in read.unit and figure.unit is None:
        figure.unit = read.unit[figure.core_end - 1]  # "640bhp", "5-10W", "3min"
        if figure.unit in TIME_UNIT_NAMES.values():
            figure.kind = "duration"
    else:
        _read_unit(doc, words, figure)
    if figure.unit is None:
        _read_time_unit(doc, words, figure)
    else:
        _read_per(doc, words, figure)
    if figure.unit == "pound" and figure.code is None and is_weight(doc, words, figure):
        figure.unit = "pound-mass"  # "weighs 236 pounds", "a 400-pound man"
    if _is_false_figure(doc, words, figure, phones):
        return None, _after_continuation(doc, words, figure.core_end)
    if figure.unit is None and ff.is_frequency(words, figure.core_end):
        # "4 times", "6.5 times earnings": a quantity (NewsQuant counts multipliers), but
        # how often or how much larger, never a count to set beside the story's figures.
        figure.kind = "multiplier"
    _read_bounds(doc, words, figure)
    if j in read.approx and figure.bound is Bound.EQ:
        figure.bound = Bound.APPROX  # "~25"
    elif j in read.below and figure.bound is Bound.EQ:
        figure.bound = Bound.LT  # "sub-7 nm"
    return figure, figure.end


_PER_WORDS = frozenset({"per", "a", "an", "/"})
_AGO = frozenset({"earlier", "ago", "before", "later", "previously", "prior"})


def _read_per(doc: Doc, words: Sequence[str], figure: Figure) -> None:
    """ "$62 per share", "$3500 a month", "155 miles per hour", "52,000 barrel-a-day"."""
    k = figure.core_end
    k += k < len(words) and words[k] == "-"
    if k + 1 >= len(words) or words[k] not in _PER_WORDS:
        return
    after = k + 1 + (words[k + 1] == "-")
    if after >= len(words):
        return  # "$5 per -" at the very end: nothing after the dash
    unit = match_unit(words, after)
    if unit is not None and not is_currency(unit[0]):
        figure.per, end = unit[0], after + unit[1]
    elif words[after] in TIME_UNIT_NAMES:
        if words[k] != "per" and words[after + 1 : after + 2] and words[after + 1] in _AGO:
            return  # "$6.78 billion a year earlier": a date, not a rate
        figure.per, end = TIME_UNIT_NAMES[words[after]], after + 1
    elif doc[after].pos_ == "NOUN" and doc[after].tag_ == "NN" and words[k] != "/":
        figure.per, end = doc[after].lemma_.lower(), after + 1  # "per share", "a barrel"
    else:
        return
    figure.core_end = figure.end = end


def _country_dollar(doc: Doc, words: Sequence[str], i: int) -> bool:
    """ "HK $5.4m", "US $58.24": a country's letters written apart from the "$"."""
    return (
        words[i] in DOLLAR_COUNTRIES
        and i + 2 < len(words)
        and words[i + 1] == "$"
        and doc[i].text[:1].isupper()
        and words[i + 2][:1].isdigit()
    )


_AGE_ENDS = frozenset({"old", "olds"})


def _read_time_unit(doc: Doc, words: Sequence[str], figure: Figure) -> None:
    """ "15 years", "a five-year contract", "3min": a duration; "a 50 year-old": an age."""
    if figure.vague:
        return  # "a few minutes", "several weeks": no measure to compare
    k = figure.core_end
    if k < len(words) and words[k] == "-":
        k += 1
    if k >= len(words) or words[k] not in TIME_UNIT_NAMES:
        if ff.is_age(doc, figure.core_start, figure.core_end) and not figure.is_range:
            figure.unit, figure.kind = "year", "age"  # "Smith, 45,", "aged 45"
        return
    unit = TIME_UNIT_NAMES[words[k]]
    end = k + 1
    if words[end : end + 2] in (["-", "old"], ["-", "olds"]) or (
        end < len(words) and words[end] in _AGE_ENDS
    ):
        figure.kind = "age"
        end += 2 if words[end] == "-" else 1
    elif ff.is_age(doc, figure.core_start, figure.core_end):
        figure.kind = "age"
    else:
        figure.kind = "duration"
    figure.unit = unit
    figure.core_end = figure.end = end


def _read_proportion(words: Sequence[str], j: int) -> tuple[Decimal, int, str] | None:
    """A ratio, fraction or "one of" at ``j`` -> (value, end, kind)."""
    if j >= len(words):
        return None
    ratio = _ratio(words, j)
    if ratio is not None:  # "one in five adults", "eight out of 10"
        return ratio[0], ratio[1], "fraction"
    fraction = read_fraction(words, j)
    if fraction is not None:
        return fraction[0], j + fraction[1], "fraction"
    one_of = read_one_of(words, j)
    if one_of is not None:
        return Decimal(1), j + one_of, "one_of"
    return None


def _ratio(words: Sequence[str], j: int) -> tuple[Decimal, int] | None:
    """A ratio ("one in five", "eight out of 10") at ``j`` -> (value, end), if any."""
    if "in" not in words[j + 1 : j + 4] and "out" not in words[j + 1 : j + 4]:
        return None  # the common case, kept cheap
    first = read_number(words, j)
    if first is None:
        return None
    end = j + first[1]
    if end < len(words) and words[end] == "in":
        after = end + 1
    elif tuple(words[end : end + 2]) == ("out", "of"):
        after = end + 2
    else:
        return None
    second = read_number(words, after)
    if second is None or second[0] <= first[0] or ff.YEAR.match(words[after]):
        return None  # "2,876 in 2022" is a count and a year
    return first[0] / second[0], after + second[1]


def _read_number(doc: Doc, words: Sequence[str], j: int, currency: bool) -> _Number | None:
    if j >= len(words):
        return None
    vague = match_vague(words, j)
    number = read_number(words, j, ambiguous_scales=False)
    if number is not None and j + number[1] < len(words):
        after = j + number[1]
        capital = doc[after].text in ("M", "B")  # "4.3M sales": metres are a lower-case m
        if words[after] in AMBIGUOUS_SCALES and (
            currency or capital or _plural_noun_at(doc, after + 1)
        ):
            number = read_number(words, j, ambiguous_scales=True)
    if vague is not None and (number is None or vague[1] >= number[1]):
        low, high = Decimal(vague[0].low), Decimal(vague[0].high)
        return _Number(high, low, j + vague[1], True, None)
    if number is None or not _number_allowed(doc, words, j, number[1]):
        return None
    end = j + number[1]
    scale = words[end - 1] if words[end - 1] in SCALES else None
    return _Number(number[0], number[0], end, False, scale)


def _plural_noun_at(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].tag_ in ("NNS", "NNPS")


def _number_allowed(doc: Doc, words: Sequence[str], j: int, length: int) -> bool:
    """No fractions ("two-thirds"); a lone "one" only before a noun ("one soldier")."""
    after = j + length + (1 if words[j + length : j + length + 1] == ["-"] else 0)
    if after < len(words) and words[after] in FRACTIONS:
        return False
    if length != 1 or words[j] != "one":
        return True
    if doc[j].head.head.lemma_ in REPORTING_VERBS and doc[j].head.dep_ == "nsubj":
        return False  # "one witness said": a way to introduce a source, not a figure
    if j + 1 < len(words) and words[j + 1] == "-":
        return False  # "one-off", "one-sided"
    if j > 0 and words[j - 1] in ONE_BLOCKERS:
        return False
    if _first_count(doc, j):
        if j + 1 < len(words) and words[j + 1] in ONE_EVENT_WORDS:
            return True  # "One dead, four hurt", "one wounded and one deceased"
        if doc[j].dep_ == "dobj" and doc[j].head.lemma_ in ONE_HARM_VERBS:
            return True  # "the shooting killed one and wounded four"
    return doc[j].dep_ == "nummod" and (j + 1 >= len(words) or words[j + 1] != "of")


def _first_count(doc: Doc, j: int) -> bool:
    """No number before a lone "one" in its sentence, nor a word that makes it a pronoun:
    "two women were found, one dead" and "a second one died" split a group named before."""
    if j > 0 and doc[j - 1].tag_ in ("JJ", "DT") and doc[j - 1].lower_ != "a":
        return False
    return not any(t.like_num for t in doc[doc[j].sent.start : j])


def _read_range(doc: Doc, words: Sequence[str], figure: Figure, first: _Number) -> bool:
    """Extend ``figure`` over "5,000-7,000", "between 20 and 30", "from $5m to $7m".

    True when the pair is a score or a tally instead ("won 3-1", "split 4 to 1"): the
    first number is not below the second, and no "from" makes it a change.
    """
    k = figure.core_end
    if first.vague or k + 1 >= len(words):
        return False
    opener = words[figure.start - 1] if figure.start > 0 else ""
    repeated = _unit_before_joiner(words, k, opener)
    k += repeated[1] if repeated else 0
    joiner = words[k]
    either = joiner == "or" and repeated is None and first.scale_word is None
    if not (joiner in RANGE_DASHES or (joiner == "and" and opener == "between") or either):
        return False
    if joiner == "to" and opener == "by" and (repeated is not None or figure.unit is not None):
        return False  # "increased by $43.6 billion to $419.2 billion": a change, a level
    if either and not _range_to_ok(doc, words, k):
        return False  # "three or four years" is a range; "3 or 4 of them" two counts
    second_start = k + 2 if currency_prefix(words[k + 1]) else k + 1
    second = _read_number(doc, words, second_start, figure.unit is not None)
    if second is None or second.vague:
        return False
    end = second.end
    if repeated is not None:
        again = match_unit(words, end)
        if again is not None and again[0] != repeated[0]:
            return False
        if again is None and opener != "from":
            return False  # "from 208 pounds to 193" carries its unit; "5% to 6" does not
        if opener not in ("from", "between") and direction_of(doc, figure.start):
            return False  # "rose 0.2% to 3.1%": a change and a level, not a range
        figure.unit, end = repeated[0], end + (again[1] if again else 0)
    low = first.value
    if first.scale_word is None and second.scale_word is not None:
        scaled = low * SCALES[second.scale_word]
        low = scaled if scaled <= second.value else low
    tally_like = opener != "from" and repeated is None
    if low >= second.value and tally_like and match_unit(words, end) is not None:
        return False  # "in 2008 to 29 mpg": a year, then a measure; no tally has a unit
    if low >= second.value:
        figure.core_end = end
        # "from 4.8 to 4.7 percent", "1.3 A/cm2 to 0.03 A/cm2": both ends; no tally has a unit
        if (opener == "from" or repeated is not None) and low > second.value:
            figure.low, figure.high, figure.end = second.value, low, end
            figure.start -= opener == "from"
            return False
        return opener != "from" and figure.unit is None and joiner != "and"
    to_ok = opener in ("from", "between") or second_start == k + 2 or repeated is not None
    if joiner == "to" and (not to_ok or opener == "by") and not _range_to_ok(doc, words, k):
        return False
    if opener == "by" and second.value > 10 * low:
        return False  # "rose by 3 to 1,200 units": a change and a level, ends far apart
    figure.low, figure.high, figure.core_end, figure.end = low, second.value, end, end
    if opener in ("from", "between"):
        figure.start -= 1
    return False


def _unit_before_joiner(words: Sequence[str], k: int, opener: str) -> tuple[str, int] | None:
    """The unit of "5% and 6%", "1 per cent to 1.5 per cent": written on both numbers."""
    unit = match_unit(words, k)
    if unit is None or k + unit[1] + 1 >= len(words):
        return None
    joiner = words[k + unit[1]]
    if joiner in RANGE_DASHES or (joiner == "and" and opener == "between"):
        return unit
    return None


_OR_JOINERS = RANGE_DASHES | {"or", "and"}


def _after_continuation(
    doc: Doc, words: Sequence[str], end: int, joiners: frozenset[str] = RANGE_DASHES
) -> int:
    """Past "to 65" in "ages 55 to 65": the second half of a dropped pair is dropped too;
    past "or 50" in "40 or 50 years", to find the time unit."""
    if end + 1 < len(words) and words[end] in joiners:
        second = read_number(words, end + 1)
        if second is not None and match_unit(words, end + 1 + second[1]) is None:
            return end + 1 + second[1]  # not "in 2008 to 29 mpg": that one has its unit
    return end


def _range_to_ok(doc: Doc, words: Sequence[str], k: int) -> bool:
    """ "20 to 30 people", "5 to 7 percent": a range when a noun or unit follows."""
    after = read_number(words, k + 1)
    if after is None:
        return False
    nxt = k + 1 + after[1]
    if nxt < len(words) and words[nxt] == "of":
        return True  # "25 to 30 of the injured"
    return _plural_noun_at(doc, nxt) or match_unit(words, nxt) is not None


def _read_unit(doc: Doc, words: Sequence[str], figure: Figure) -> None:
    k = figure.core_end
    if figure.vague and k + 1 < len(words) and words[k] == "of":
        unit = match_unit(words, k + 1)  # "hundreds of millions of dollars"
        if unit is not None and is_currency(unit[0]):
            figure.unit, figure.core_end = unit[0], k + 1 + unit[1]
            figure.end = figure.core_end
            return
    unit = (
        _printed_symbol(doc, figure.core_start, k)
        or match_unit(words, k)
        or _qualified_currency(doc, words, k)
        or _hyphen_unit(words, k)
    )
    if unit is None:
        unit = _unit_past_adjective(doc, words, k)
    if unit is not None and doc[k].text == "G":
        unit = None  # "5G" is a network generation; a gram is a lower-case g
    if unit is None and k < len(words) and words[k] == "m" and figure.unit is None:
        unit = ("metre", 1)
    if unit is None:
        written = words[k] if k < len(words) else ""
        if written.endswith("=") and doc[k].text[:-1].isupper():
            written = written[:-1]  # "108.79 JPY=": a Reuters quote code
        code = currency_prefix(written) if written.isalpha() else None
        unit = (code, 1) if code else None
    if unit is not None and (figure.unit is None or figure.unit == unit[0]):
        figure.unit = unit[0]
        if figure.code is None and is_currency(unit[0]):
            figure.code = _written_code(words, k, k + unit[1], unit[0])
        figure.core_end = figure.end = k + unit[1]
    elif (
        unit is None and figure.unit is None and _after_word(words, figure.core_start, "magnitude")
    ):
        figure.unit = "magnitude"  # "a magnitude 5.9 earthquake", "magnitude-6.1"


# Printed symbols read apart from the number too ("450 Nm", "5 W", "12 C"): "A" is left
# out, an article too often ("scored 5 A grades").
_SPACED_SYMBOLS = {text: unit for text, unit in CASE_SENSITIVE.items() if text != "A"}


def _printed_symbol(doc: Doc, start: int, k: int) -> tuple[str, int] | None:
    """A unit symbol as printed, one space after the number: case tells "Nm" (newton
    metres) from "nm" (nanometres). A single letter only after a number that is no
    label's ("Room 12 C") and before no full stop ("5 C. Smith")."""
    if k >= len(doc) or doc[k].text not in _SPACED_SYMBOLS or not doc[k - 1].whitespace_:
        return None
    if len(doc[k].text) == 1:
        label = start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha
        after = doc[k + 1].text if k + 1 < len(doc) else ""
        if label or after == "." or ff.ORDINAL.match(after):
            return None  # "5 C. Smith", "500 W 3rd Ave": a name's letter, a street's
    return _SPACED_SYMBOLS[doc[k].text], 1


# Adjectives that make another unit ("10 nautical miles", "4 light years").
_UNIT_MAKERS = frozenset({"nautical", "light", "square", "cubic", "statute", "metric"})


def _unit_past_adjective(doc: Doc, words: Sequence[str], k: int) -> tuple[str, int] | None:
    """ "517 rushing yards", "20 extra pounds": one adjective between number and unit."""
    if k + 1 >= len(words) or doc[k].tag_ not in ("JJ", "JJR", "VBG") or words[k] in _UNIT_MAKERS:
        return None
    unit = match_unit(words, k + 1)
    if unit is None or is_currency(unit[0]) or doc[k].head.i != k + unit[1]:
        return None  # the adjective must modify the unit word itself
    return unit[0], unit[1] + 1


def _after_word(words: Sequence[str], start: int, word: str) -> bool:
    before = words[start - 2 : start] if start > 1 else words[:start]
    return word in before and (words[start - 1] == word or words[start - 1] == "-")


def _hyphen_unit(words: Sequence[str], k: int) -> tuple[str, int] | None:
    """ "a 12-mile convoy", "a 10-point lead": the unit joined by a hyphen."""
    if k + 1 < len(words) and words[k] == "-":
        unit = match_unit(words, k + 1)
        if unit is not None:
            return unit[0], unit[1] + 1
    return None


def _written_code(words: Sequence[str], start: int, end: int, name: str) -> str | None:
    """The ISO code of "110 JPY", "10.5 million Australian dollars", "HK dollars"."""
    written = currency_code(None, words[start])
    if written is not None:
        return written
    for word in words[start : end - 1]:
        if (word, name) in COUNTRY_CODES:
            return COUNTRY_CODES[(word, name)]
    return None


def _qualified_currency(doc: Doc, words: Sequence[str], k: int) -> tuple[str, int] | None:
    """ "1.7 billion Swiss francs", "5 million US dollars": up to two capitalised words
    (or a country's adjective however written: "australian dollars")."""
    for width in (1, 2):
        if k + width >= len(words):
            return None
        country = (words[k + width - 1], UNIT_WORDS.get(words[k + width], "")) in COUNTRY_CODES
        if not country and not all(t.text[:1].isupper() and t.is_alpha for t in doc[k : k + width]):
            return None  # not "$1.1396 EUR=. The dollar": no sign or full stop inside a name
        unit = match_unit(words, k + width)
        if unit is not None and is_currency(unit[0]):
            return unit[0], width + unit[1]
    return None


def _is_false_figure(
    doc: Doc, words: Sequence[str], figure: Figure, phones: Sequence[tuple[int, int]]
) -> bool:
    tokens = doc
    start, end = figure.core_start, figure.core_end
    char_start, char_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    if ff.in_spans(char_start, char_end, phones):
        return True
    if figure.vague:
        return ff.is_time_or_duration(words, end)  # "several weeks", "a few days"
    if figure.unit is None and (
        ff.is_year(doc[start], False)
        or ff.is_time_or_duration(words, _after_continuation(doc, words, end, _OR_JOINERS))
        or ff.is_label(tokens, start, end)
        or ff.is_code(doc[start])
        or ff.is_list_marker(tokens, start, end)
        or ff.is_age(tokens, start, end)
        or ff.is_size_of_one(tokens, start, end)
        or ff.is_address_block(tokens, start, end)
        or ff.is_street_number(tokens, start, end)
        or ff.is_page_of_pages(tokens, start, end)
        or ff.is_compound_modifier(tokens, end)
        or _in_product_name(doc, start, end)
    ):
        return True
    return ff.near_month(tokens, start, end)


_NAME_END = frozenset({".", "?", "!", ")", ":", ";"})


# Market indexes and lists named by a number: the number is part of the name.
_NUMBERED_INDEXES = frozenset(
    {("s&p", "500"), ("sp", "500"), ("ftse", "100"), ("ftse", "250"), ("ftse", "350"),
     ("nikkei", "225"), ("russell", "1000"), ("russell", "2000"), ("russell", "3000"),
     ("stoxx", "50"), ("stoxx", "600"), ("asx", "200"), ("cac", "40"), ("nasdaq", "100"),
     ("dax", "30"), ("dax", "40"), ("tsx", "60"), ("fortune", "500"), ("fortune", "100")}
)  # fmt: skip


def _in_product_name(doc: Doc, start: int, end: int) -> bool:
    """ "Galaxy Note 20 Ultra", "iPhone 11 Pro", "the Big 12.": bare digits inside a name.

    Only digits written alone, after a capitalised proper noun and before another one or
    the end of a clause: "Ukraine 3,000 troops" and "Chelsea, 3" stay figures.
    """
    if end - start != 1 or not doc[start].text.isdigit():
        return False
    if _model_number(doc, start, end):
        return True
    if start == 0:
        return False
    before = doc[start - 1]
    if (before.lower_, doc[start].text) in _NUMBERED_INDEXES:
        return True  # "S&P 500 +0.3%", "the FTSE 100 fell"
    named = before.text[:1].isupper() or (before.text[:1].islower() and before.text[1:2].isupper())
    if before.pos_ != "PROPN" or not named or before.is_sent_start:
        return False  # "iPhone 11 Pro" is named as "Galaxy Note 20" is
    if end == len(doc) or doc[end].text in _NAME_END:
        return True
    after = doc[end]
    return after.pos_ == "PROPN" and after.text[:1].isupper()


def _model_number(doc: Doc, start: int, end: int) -> bool:
    """ "two new 737 Max jets", "Boeing's own 787 Dreamliner": three or more digits that
    open a singular proper name. A count is followed by a plural ("300 Marines")."""
    if len(doc[start].text) < 3 or end >= len(doc) or not doc[start].whitespace_:
        return False
    after = doc[end]
    return after.tag_ in ("NNP", "NN") and after.text[:1].isupper() and after.text.isalpha()


def _read_bounds(doc: Doc, words: Sequence[str], figure: Figure) -> None:
    floor = max(0, figure.start - 6)
    if figure.start > 0 and doc[figure.start - 1].dep_ == "prt":
        floor = figure.start  # "handed over millions": a verb particle, not a bound
    before, new_start, phrases = bound_before(words, figure.start, floor)
    after = bound_after(words, figure.end)
    figure.bound = merge_bounds(before, after[0] if after else None)
    figure.start = new_start
    figure.bound_phrases = phrases
    if after is not None:
        figure.end += after[1]


def _to_quantity(doc: Doc, text: str, words: Sequence[str], figure: Figure) -> Quantity:
    span = _char_span(doc, text, figure.start, figure.end)
    money_like = is_currency(figure.unit) or (figure.vague and figure.low >= 10**6)
    counted = (
        find_counted(
            doc, figure.start, figure.end, money_like=money_like, measured=_measured(figure)
        )
        if figure.kind not in ("duration", "age")  # a time span counts nothing; ``about``
        else None  # says whose it is, and skipping the search keeps the component cheap
    )
    bound = figure.bound
    if counted is not None and counted.start == figure.end and bound is Bound.EQ:
        after = bound_after(words, counted.end)
        bound = after[0] if after else bound  # "500 workers or more"
    exact = not figure.is_range
    unit_code, dimension = _canonical(figure)
    amount = figure.unit is not None and figure.unit not in _SHARE_UNITS
    about = find_about(
        doc, figure.start, figure.end, has_unit=figure.unit is not None, amount=amount,
        age=figure.kind == "age",
    )  # fmt: skip
    direction = "up" if figure.plus else direction_of(doc, figure.start, figure.end)
    clause = figure_clause(doc, figure.start, figure.end)
    return Quantity(
        id=f"q{span.start}-{span.end}",
        span=span,
        value=decimal_text(figure.high) if exact else None,
        low=None if exact else decimal_text(figure.low),
        high=None if exact else decimal_text(figure.high),
        bound=bound,
        vague=figure.vague,
        unit=figure.unit,
        unit_code=unit_code,
        dimension=dimension,
        kind=figure.kind,
        about=_char_span(doc, text, about[0], about[1]) if about else None,
        direction=direction,
        counted=_char_span(doc, text, counted.start, counted.end) if counted else None,
        counted_head=counted.head if counted else None,
        clause=_char_span(doc, text, *clause) if clause else None,
        part=part_cue(doc, figure.start, figure.end),
        modifiers=_modifiers(doc, words, figure),
    )


_SHARE_UNITS = frozenset({"percent", "percentage point", "basis point", "point"})


def _canonical(figure: Figure) -> tuple[str | None, str | None]:
    """(canonical unit, dimension): ISO 4217 for money, pint's name for physical units."""
    unit = figure.unit
    if unit is None:
        return None, None
    if figure.kind == "age":
        return f"{unit} of age", "age"
    per = f" per {figure.per}" if figure.per else ""
    if is_currency(unit):
        return f"{figure.code or currency_code(unit)}{per}", "currency"
    if unit in ("percent", "percentage point", "basis point", "point", "magnitude"):
        return unit, unit
    if figure.kind == "duration" and not per:
        return unit, "duration"  # pint's names for time units are ours: no registry needed
    resolved = resolve(unit + per)
    if resolved is None:
        return unit + per, None
    return resolved[0], "duration" if figure.kind == "duration" else resolved[1]


def _measured(figure: Figure) -> bool:
    """A percentage or a measure: the subject of whatever verb it completes is measured.

    Not money: in "Tokyo will spend 1.5 trillion yen" the subject is the spender.
    """
    return figure.unit is not None and not is_currency(figure.unit)


def _char_span(doc: Doc, text: str, start: int, end: int) -> Span:
    first, last = doc[start], doc[end - 1]
    return Span.of(text, first.idx, last.idx + len(last.text))


def _modifiers(doc: Doc, words: Sequence[str], figure: Figure) -> tuple[str, ...]:
    """Meaning-changing words near the figure, in text order, each once."""
    lo = max(0, figure.start - _WINDOW_BEFORE)
    hi = min(len(doc), figure.end + _WINDOW_AFTER)
    # within the figure's sentence: its bounds looked for inside the window only, as
    # ``Token.sent`` walks the whole sentence (quadratic on a long one with many figures)
    lo = next((i for i in range(figure.start, lo, -1) if doc[i].is_sent_start), lo)
    hi = next((i for i in range(figure.start + 1, hi) if doc[i].is_sent_start), hi)
    found: list[str] = []
    for i in range(lo, hi):
        phrase = _modifier_at(doc, words, i, hi)
        if phrase and phrase not in found:
            found.append(phrase)
    return tuple(found)


_MODIFIERS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in MODIFIER_PHRASES:
    _MODIFIERS_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)


def _modifier_at(doc: Doc, words: Sequence[str], i: int, hi: int) -> str | None:
    for phrase in _MODIFIERS_BY_FIRST.get(words[i], ()):
        if tuple(words[i : i + len(phrase)]) == phrase and i + len(phrase) <= hi:
            return " ".join(phrase)
    if words[i] != "by":
        return None
    token = doc[i]
    if token.lower_ == "by" and i + 1 < hi and doc[i + 1].ent_type_ in ("DATE", "TIME"):
        end = i + 1
        while end < hi and doc[end].ent_type_ in ("DATE", "TIME"):
            end += 1
        return doc[i:end].text
    return None
