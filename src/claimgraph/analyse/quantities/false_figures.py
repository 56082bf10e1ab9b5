"""Numbers that are not figures: years, dates, times, phone numbers, addresses, names, ages.

A reader comparing "how many" across outlets is misled by a "2022" or a "(201) 335-0739"
turned into a count, so these are dropped before a quantity is built, and so are
numbers that count nothing in a story: the size of one family or person ("a family of
five", "a mother of two"), an address block ("the 3800 block"), a picture's place in a
gallery ("Image 8 of 12"). Ages ("a 45-year-old", "Smith, 45,"), durations ("three
years", "48 hours") and how often ("4 times") are quantities of their own kind (``age``,
``duration``, ``multiplier`` in ``quantities``): kept for the reader, never compared as
figures. The tests here tell the quantities component which is which.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "jan.", "feb", "feb.", "mar", "mar.", "apr",
     "apr.", "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.",
     "oct", "oct.", "nov", "nov.", "dec", "dec."}
)  # fmt: skip
TIME_UNITS = frozenset(
    {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
     "weeks", "month", "months", "year", "years", "decade", "decades", "century",
     "centuries", "a.m.", "p.m.", "am", "pm", "gmt", "utc", "bst", "cet", "et", "est",
     "pst", "hrs", "o'clock", "yrs", "-year", "year-old", "years-old", "year-olds",
     "weekend", "weekends", "night", "nights", "morning", "mornings", "term", "terms",
     "o’clock", "weekdays", "weeknights"}
)  # fmt: skip
# Words before a number that make it a name or a label, not an amount ("Article 5",
# "Flight 17", "No. 10", "Resolution 2231", "Route 66").
DESIGNATORS = frozenset(
    {"article", "flight", "no.", "no", "#", "resolution", "route", "section", "chapter",
     "room", "gate", "highway", "interstate", "building", "unit", "apartment", "suite", "page",
     "platform", "level", "category", "stage", "phase", "grade", "block", "district", "ward",
     "zone", "sector", "exit", "terminal", "episode", "season", "version", "bus", "pier",
     "dock", "channel", "paragraph", "clause", "vol.", "volume", "tier", "division", "brigade",
     "battalion", "regiment", "squadron", "model", "boeing", "airbus", "type", "mk", "iphone",
     "windows", "formula", "round", "heat", "lane", "bay", "row", "seat", "figure", "fig.",
     "camp", "checkpoint", "hill", "hangar", "su", "mig", "class", "code", "pg", "pp", "p.",
     "rule", "protocol", "amendment", "precinct", "ad", "bc", "fortune", "image", "photo",
     "slide", "picture"}
)  # fmt: skip
STREET_WORDS = frozenset(
    {"street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "rd.", "boulevard",
     "blvd", "blvd.", "lane", "drive", "dr.", "place", "square", "way", "court", "terrace",
     "highway", "parkway", "plaza", "crescent", "close"}
)  # fmt: skip
AGE_CUES = frozenset({"aged", "age", "ages"})
PHONE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)|\b\d{3})[\s.-]?\d{3}[\s.-]\d{4}\b"
    r"|\b\d{3}[\s.-]\d{4}\b"
)
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
CLOCK = re.compile(r"^(?:[01]?\d|2[0-3])[:.][0-5]\d$")  # not "3.65": no such minute
YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of phone numbers ("(201) 335-0739", "+44 20 7946 0958")."""
    return [(m.start(), m.end()) for m in PHONE.finditer(text) if _phone_like(m.group())]


def _phone_like(text: str) -> bool:
    # "5,000-7,000" never reaches here (commas); "335-0739" has a 4-digit group after a
    # dash, which no range of counts in news is written as.
    return not re.search(r",", text)


def in_spans(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def is_code(token: Token) -> bool:
    """A leading zero ("09", "0739"): part of a date, an ID or a code, never a count; and
    the emergency number ("911 calls", "the 911 caller")."""
    if token.text == "911":
        return True
    return len(token.text) > 1 and token.text[0] == "0" and token.text[1].isdigit()


def is_list_marker(tokens: Doc, start: int, end: int) -> bool:
    """ "1. The GOP is fracturing.": a small numeral opening a line, then a full stop."""
    if end - start != 1 or end >= len(tokens) or tokens[end].text != ".":
        return False
    first = start == 0 or "\n" in tokens[start - 1].text or tokens[start - 1].is_space
    return first and tokens[start].text.isdigit() and len(tokens[start].text) <= 2


def is_year(token: Token, has_unit: bool) -> bool:
    """A bare four-digit number in 1500-2099 with no unit: a year, not a count; and
    "by 2120", "until 2150": a year ahead."""
    if has_unit:
        return False
    before = token.nbor(-1) if token.i > 0 else None
    cue = before.lower_ if before is not None else ""
    if YEAR.match(token.text) is None:
        return _FUTURE_YEAR.match(token.text) is not None and cue in _FUTURE_CUES
    return cue in YEAR_CUES or not _counts_noun(token)


_FUTURE_YEAR = re.compile(r"^21\d\d$")
_FUTURE_CUES = frozenset({"by", "until", "till", "before"})


# Words before a four-digit number that make it a year even before a plural noun:
# "in 2014 elections", "the 2020 primaries", "since 1994 levels".
YEAR_CUES = frozenset({"in", "since", "by", "until", "till", "from", "during", "the", "of"})


def _counts_noun(token: Token) -> bool:
    # "2000 soldiers": a plural noun right after makes it a count, not a year; but
    # "2005 levels", "2019 prices" are years used as a reference point.
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is None or nxt.tag_ not in ("NNS", "NNPS") or not nxt.is_lower:
        return False  # "the 2014 Oscars" is a year too
    return nxt.lower_ not in TIME_UNITS and nxt.lower_ not in YEAR_REFERENCE_NOUNS


YEAR_REFERENCE_NOUNS = frozenset(
    {"levels", "prices", "figures", "dollars", "rates", "values", "sales", "earnings",
     "results", "profits", "revenues", "exports", "imports", "estimates", "forecasts"}
)  # fmt: skip


def near_month(tokens: Doc, start: int, end: int) -> bool:
    """Part of a date: "October 13", "13 October", "Oct. 15, 2024"."""
    if start > 0 and _glued_month(tokens[start - 1].lower_):
        return True  # "...FeaturedFebruary 6, 2016": boilerplate glued to the month
    for i in (start - 1, start - 2, end, end + 1):
        if 0 <= i < len(tokens) and tokens[i].lower_ in MONTHS:
            if i == start - 2 and tokens[start - 1].text not in (",", "of"):
                continue
            if i == start - 2 and tokens[start - 1].text == "," and _counts_after(tokens, end):
                continue  # "Since October, eight people have been shot": a count, no day
            if i == end + 1 and tokens[end].lower_ not in ("of",):
                continue
            return _month_is_date(tokens[i])
    return False


def _counts_after(tokens: Doc, end: int) -> bool:
    """The number counts the noun after it, directly or past adjectives ("eight people",
    "3 more men"), or stands for one before its verb ("12 have died"): a day of the month
    does neither."""
    i = end
    while i < len(tokens) and tokens[i].pos_ == "ADJ":
        i += 1
    return _noun_after(tokens, i) or (i == end < len(tokens) and tokens[i].pos_ in ("AUX", "VERB"))


_FULL_MONTHS = tuple(m for m in MONTHS if len(m) > 5 and not m.endswith("."))


def _glued_month(word: str) -> bool:
    return len(word) > 9 and word.endswith(_FULL_MONTHS)


def _month_is_date(token: Token) -> bool:
    # "may" and "march" are also verbs and nouns; trust them only when capitalised.
    return token.lower_ not in ("may", "march") or token.text[0].isupper()


def is_time_or_duration(words: Sequence[str], end: int) -> bool:
    """Followed by a time unit: "3 p.m.", "48 hours", "a 45-year-old", "15-plus years"."""
    for _ in range(2):
        if end < len(words) and words[end] in ("-", "plus", "odd"):
            end += 1
    if end < len(words) and words[end] in TIME_UNITS:
        return True
    return end + 1 < len(words) and words[end] == "-" and words[end + 1] in TIME_UNITS


def is_label(tokens: Doc, start: int, end: int) -> bool:
    """A designator before ("Article 5") or a street after ("10 Downing Street")."""
    if start > 0 and tokens[start - 1].lower_ in DESIGNATORS:
        return True
    if start > 1 and tokens[start - 1].text == "." and tokens[start - 2].lower_ == "no":
        return True  # "No. 2" split as "No", ".", "2"
    if start > 0 and tokens[start - 1].text == "-" and start > 1 and tokens[start - 2].is_alpha:
        return True  # "Su-34", "COVID-19" split by the tokenizer
    if _inside_name(tokens, start, end) or _station_name(tokens, start, end):
        return True
    for i in range(end, min(end + 4, len(tokens))):
        if tokens[i].lower_ in STREET_WORDS and tokens[i].text[0].isupper():
            return all(t.text[0].isupper() or ORDINAL.match(t.text) for t in tokens[end:i])
        if not tokens[i].text[:1].isupper() and not ORDINAL.match(tokens[i].text):
            break  # "9 E 71st St", "500 W 3rd Ave": an ordinal inside the street's name
    return CLOCK.match(tokens[start].text) is not None


STATION_WORDS = frozenset({"news", "newschannel", "channel", "tv", "eyewitness"})


def _station_name(tokens: Doc, start: int, end: int) -> bool:
    """ "WBTV 3 News", "KSLA News 12 Shreveport", "NewsChannel 11 Lubbock": a broadcaster's
    name (call letters or a news word, then a capitalised word), not a count."""
    if start == 0 or end >= len(tokens) or not tokens[end].text[:1].isupper():
        return False
    before = tokens[start - 1].text
    call_letters = before.isalpha() and before.isupper() and 3 <= len(before) <= 5
    return call_letters or before.lower() in STATION_WORDS


def _inside_name(tokens: Doc, start: int, end: int) -> bool:
    """ "Ground Zero", "SiriusXM Patriot 125": a number after a capitalised name word,
    mid-sentence, with no noun or unit after it to count."""
    if start == 0 or tokens[start].is_sent_start:
        return False
    before = tokens[start - 1]
    if before.pos_ != "PROPN" or not before.text[:1].isupper() or before.is_sent_start:
        return False
    if before.ent_type_ in ("DATE", "TIME") or before.lower_ in MONTHS:
        return False  # "on Monday 2,000 of the troops", "in March 300 people"
    after = tokens[end] if end < len(tokens) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ")


def is_age(tokens: Doc, start: int, end: int) -> bool:
    """ "aged 45", "at the age of 79", "between the ages of 16-18", "who turned 16", and
    appositions: "John Smith, 45, said", "Auburn boy, 16, charged", "two men, 19 and 20,"."""
    if start > 0 and tokens[start - 1].lower_ in AGE_CUES:
        return True
    if start > 1 and tokens[start - 1].lower_ == "of" and tokens[start - 2].lower_ in AGE_CUES:
        return True
    if start > 0 and tokens[start - 1].lemma_ == "turn" and not _noun_after(tokens, end):
        return True  # "who recently turned 16"; not "turned 500 people away"
    ranged = start > 1 and tokens[start - 1].lower_ in ("from", "between")
    if ranged and tokens[start - 2].lower_ in AGE_CUES:
        return True  # "ranged in age from 46 to 73"
    if start > 0 and tokens[start - 1].lower_ in DECADE_OWNERS and _decade(tokens, end):
        return True  # "a woman in her 20s"
    if start > 1 and tokens[start - 1].lower_ == "both" and tokens[start - 2].text == ",":
        return True  # "Clarence and Shauna Washington, both 35,"
    first, last = _number_list(tokens, start, end)
    if first > 0 and tokens[first - 1].lower_ in AGE_CUES:
        return True  # "the dead men, ages 26, 29 and 29"
    if first > 1 and _line_ends(tokens, last) and tokens[first - 1].text == ",":
        before = tokens[first - 2]
        if before.pos_ == "PROPN" or before.tag_ == "NN":
            return True  # "shooting death of Mayfair boy, 14" closing a headline
    if first > 1 and last < len(tokens):
        opened = tokens[first - 1].text in (",", "(")
        before = tokens[first - 2]
        # "the death of Gage Smith, 23.": a name's age may end the sentence.
        closers = AGE_CLOSERS | {"."} if before.pos_ == "PROPN" else AGE_CLOSERS
        closed = tokens[last].text in closers
        # A count in apposition to one person or thing makes no sense: a bare number
        # there is an age ("Cruz (45)", "boy, 16,"); after a plural, only a list of them.
        one = before.pos_ == "PROPN" or before.tag_ == "NN"
        listed = last - first > 1 and before.tag_ == "NNS"
        return opened and closed and (one or listed)
    return False


DECADE_OWNERS = frozenset({"her", "his", "their", "early", "late", "mid"})


def _decade(tokens: Doc, end: int) -> bool:
    """ "20s", "20's": the number is a decade of someone's life."""
    word = tokens[end - 1].text.lower()
    after = tokens[end].lower_ if end < len(tokens) else ""
    return word.endswith("s") or after in ("s", "'s", "’s")


def _line_ends(tokens: Doc, last: int) -> bool:
    return last >= len(tokens) or "\n" in tokens[last - 1].whitespace_ or tokens[last].is_space


AGE_CLOSERS = frozenset({",", ")", "(", "―", "—", "–", ";"})


def _number_list(tokens: Doc, start: int, end: int) -> tuple[int, int]:
    """The run of numbers joined by "and" or commas around ``[start, end)``: "19 and 20"."""
    first, last = start, end
    while first > 1 and tokens[first - 1].lower_ in ("and", ",") and tokens[first - 2].like_num:
        first -= 2
    while last + 1 < len(tokens) and tokens[last].lower_ in ("and",) and tokens[last + 1].like_num:
        last += 2
    return first, last


def _noun_after(tokens: Doc, end: int) -> bool:
    return end < len(tokens) and tokens[end].pos_ in ("NOUN", "PROPN")


def is_frequency(words: Sequence[str], end: int) -> bool:
    """ "went to the home 4 times", "three times as many": how often, not how many."""
    return end < len(words) and words[end] == "times"


# Nouns whose "of N" is the size of one household ("a family of five", "a father of 5").
# Only these: after other nouns "of N" is an amount ("a margin of 1,214", "a total of 5").
HOUSEHOLD_NOUNS = frozenset({"family", "household", "mother", "father", "parent", "mom",
                             "dad", "grandmother", "grandfather", "grandparent"})  # fmt: skip


def is_size_of_one(tokens: Doc, start: int, end: int) -> bool:
    """ "a family of five", "a mother of two": the size of one household the story names,
    with nothing after it to count."""
    if start < 2 or tokens[start - 1].lower_ != "of" or _noun_after(tokens, end):
        return False
    noun = tokens[start - 2].lower_
    if noun in COLLECTIVE_HOUSEHOLDS and any(
        t.lower_ in HARM_WORDS for t in tokens[end : min(end + HARM_REACH, tokens[start].sent.end)]
    ):
        return False  # "a family of five found dead": the five are the dead
    return noun in HOUSEHOLD_NOUNS


# A household, unlike a parent, is its members: what happens to "a family of five"
# happens to five people ("a mother of two was killed" is one death).
COLLECTIVE_HOUSEHOLDS = frozenset({"family", "household"})
HARM_WORDS = frozenset(
    {"dead", "killed", "shot", "slain", "died", "wounded", "injured", "hurt", "murdered"}
)
# tokens: "a family of five, including three children, was found fatally shot"
HARM_REACH = 10


def is_street_number(tokens: Doc, start: int, end: int) -> bool:
    """ "at 3500 Fannin", "at 67 W. 200 S.": a house number, a number of three or more
    digits after "at" and before a capitalised name."""
    if start == 0 or end >= len(tokens) or tokens[start - 1].lower_ != "at":
        return False
    text = tokens[start].text
    after = tokens[end]
    return text.isdigit() and len(text) >= 2 and after.pos_ == "PROPN" and after.text[0].isupper()


def is_address_block(tokens: Doc, start: int, end: int) -> bool:
    """ "the 4900 block of S. First Street": an address, not a count of blocks."""
    if end >= len(tokens) or tokens[end].lower_ != "block":
        return False
    text = tokens[start].text.replace(",", "")
    return text.isdigit() and int(text) >= 100 and int(text) % 100 == 0


def is_page_of_pages(tokens: Doc, start: int, end: int) -> bool:
    """The 12 of "Image 8 of 12"; both numbers of "1 / 9" (a gallery, a ratio, "24/7")."""
    if start > 2 and tokens[start - 1].lower_ == "of" and tokens[start - 2].like_num:
        return tokens[start - 3].lower_ in DESIGNATORS
    slash_before = start > 1 and tokens[start - 1].text == "/" and tokens[start - 2].like_num
    slash_after = end + 1 < len(tokens) and tokens[end].text == "/" and tokens[end + 1].like_num
    return slash_before or slash_after


def is_compound_modifier(tokens: Doc, end: int) -> bool:
    """ "a two-story house", "a five-bedroom home", "a 13-minute spree": the number sizes
    one thing, joined to a singular noun by a hyphen; it counts nothing."""
    if end + 1 >= len(tokens) or tokens[end].text != "-":
        return False
    return tokens[end + 1].tag_ == "NN"
