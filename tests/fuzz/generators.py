"""Generated inputs, one kind per function, all from one seeded ``random.Random``.

Each generator returns the files of one input: ``{name: bytes}`` (an article file and,
for sidecars, its ``.meta.json``). Every kind mixes well-formed news-like text with
what scrapers and attackers produce: broken encodings, deep nesting, absurd numbers,
invisible characters, runs of punctuation.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

Files = dict[str, bytes]

WORDS = (
    "the",
    "minister",
    "said",
    "police",
    "officials",
    "told",
    "reporters",
    "according",
    "to",
    "a",
    "spokesman",
    "people",
    "were",
    "killed",
    "injured",
    "evacuated",
    "on",
    "Monday",
    "Tuesday",
    "in",
    "the",
    "city",
    "of",
    "Harbor",
    "about",
    "nearly",
    "more",
    "than",
    "at",
    "least",
    "thousands",
    "million",
    "billion",
    "percent",
    "dollars",
    "Reuters",
    "reported",
    "citing",
    "two",
    "sources",
    "the",
    "governor",
    "denied",
    "claims",
    "that",
)
SENTENCES = (
    "The coast guard said 40 people were rescued on Monday.",
    "Officials told Reuters that at least 1,200 homes lost power.",
    "\u201cWe have no figure yet,\u201d the mayor said, citing the fire service.",
    "According to the ministry, about 3.5 million dollars was paid in 2023.",
    "The union said nearly 20 workers needed treatment, but the company denied it.",
)
UNICODE_TRICKS = (
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u202d",
    "\u2066", "\u2069", "\u0301", "\u0308", "\U0001f600", "\U0001f1eb\U0001f1f7",
    "\u2028", "\u2029", "\u0085", "\u00a0", "\u3000", "\ufffd", "\u0000", "\x1b[31m",
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\u4e2d\u6587", "\U00010348", "\u1e9e",
    "\ufdfd", "\u0e01\u0e34\u0e4a", "e\u0301", "\u00e9", "\u212b", "\ufb01",
)  # fmt: skip
PUNCTUATION = "=,.-_*#~!?;:()[]{}<>/\\|'\"`^%$&@+"
NUMBERS = (
    "0", "-0", "1e308", "1e-308", "NaN", "inf", "1,2,3,4,5,6,7,8", "½", "3/4", "1.5.6",
    "٣٤٥", "１２３", "0x1F", "1_000", "12,000,000,000,000,000", "9" * 30, "-" + "9" * 50,
    "0." + "0" * 400 + "1", "1" + "0" * 4299, "7" * 5000, "1e999999", "10^100", "IV",
)  # fmt: skip
DATES = (
    "2024-10-25", "2024-02-30", "0000-00-00", "9999-12-31T23:59:59Z", "2024-13-01",
    "yesterday", "", " ", "2024-10-25T25:61:61+99:00", "1970-01-01", "-2024-01-01",
    "Mon, 32 Foo 2024 99:99:99 GMT", "2024", "2024-10", "20241025", "\ud800",
    "2024-10-25T10:00:00.123456789+05:30", "10/25/2024", "1" * 5000,
)  # fmt: skip
URLS = (
    "http://[::1/x", "https://www.example.com/a", "http://a.example:99999/", "javascript:alert(1)",
    "//evil.example", "http://", "ftp://x", "http://[fe80::1%eth0]/", "\ud800", "a" * 3000,
    "https://\u0445\u0430.example/", "http://example.com/" + "%" * 40, "mailto:x@y",
)  # fmt: skip


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(SENTENCES)
    words = [rng.choice(WORDS) for _ in range(rng.randint(3, 25))]
    if rng.random() < 0.4:
        words.insert(rng.randint(0, len(words)), rng.choice(NUMBERS))
    return " ".join(words).capitalize() + "."


def article_text(rng: random.Random, paragraphs: int | None = None) -> str:
    """A news-like text: a title line, then paragraphs of sentences."""
    count = paragraphs if paragraphs is not None else rng.randint(1, 5)
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 8))).title()
    body = [" ".join(_sentence(rng) for _ in range(rng.randint(1, 4))) for _ in range(count)]
    return "\n\n".join([title, *body]) + "\n"


def _sprinkle(rng: random.Random, text: str, pieces: tuple[str, ...], times: int) -> str:
    chars = list(text)
    for _ in range(times):
        chars.insert(rng.randint(0, len(chars)), rng.choice(pieces))
    return "".join(chars)


def gen_bytes(rng: random.Random) -> Files:
    """Random bytes, sometimes behind a text prefix or a known magic number."""
    size = rng.choice((0, 1, 2, 16, 300, 5000))
    data = rng.randbytes(size)
    prefix = rng.choice((b"", b"Title\n", b"%PDF-", b"\xef\xbb\xbf", b"\xff\xfe", b"<html>"))
    return {f"b{rng.randrange(10**9)}{rng.choice(('.txt', '.html', '.bin', ''))}": prefix + data}


def gen_encoding(rng: random.Random) -> Files:
    """A real text in an encoding: UTF-8 (BOM or not), UTF-16/32, Latin-1, CP1252, broken."""
    text = _sprinkle(rng, article_text(rng), ("é", "ü", "€", "—", "’"), rng.randint(0, 10))
    encoding = rng.choice(("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1",
                           "cp1252", "shift_jis", "utf-7"))  # fmt: skip
    data = text.encode(encoding, errors="replace")
    if rng.random() < 0.2 and data:
        cut = rng.randrange(len(data))
        data = data[:cut] + rng.randbytes(rng.randint(1, 4)) + data[cut:]
    return {f"e{rng.randrange(10**9)}.txt": data}


def gen_html(rng: random.Random) -> Files:
    """HTML pages: real markup, broken markup, scripts, entities, deep nesting."""
    text = article_text(rng)
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines() if line)
    shape = rng.randrange(7)
    if shape == 0:
        page = f"<html><head><title>{text.splitlines()[0]}</title></head><body><article>{paragraphs}</article></body></html>"  # noqa: E501
    elif shape == 1:
        depth = rng.choice((100, 1000, 20000))
        page = "<div>" * depth + paragraphs + "</div>" * rng.randint(0, depth)
    elif shape == 2:
        page = f"<script>alert(1)</script><p onclick=x>{paragraphs}<img src=x onerror=alert(1)>"
    elif shape == 3:
        page = "<p>" + "&amp;&#0;&#x110000;&#99999999999;&nosuch;" * rng.randint(1, 200) + "</p>"
    elif shape == 4:
        page = f'<meta charset="{rng.choice(("koi8-r", "utf-16", "x-bogus"))}"><p>{text}</p>'
    elif shape == 5:
        page = f"<html><body><p>{_sprinkle(rng, text, UNICODE_TRICKS, 30)}</p>"
    else:
        page = "<" * rng.randint(1, 3000) + text
    return {f"h{rng.randrange(10**9)}.html": page.encode("utf-8", "surrogatepass")}


def gen_feed(rng: random.Random) -> Files:
    """RSS and Atom feeds with odd dates, links, entries, entities and nesting."""
    entries = []
    for _ in range(rng.randint(0, 4)):
        text = article_text(rng, rng.randint(1, 2)).replace("&", "&amp;").replace("<", "&lt;")
        entries.append(
            f"<item><title>{text.splitlines()[0]}</title><link>{rng.choice(URLS)}</link>"
            f"<pubDate>{rng.choice(DATES)}</pubDate><description>{text}</description></item>"
        )
    items = "".join(entries)
    shape = rng.randrange(4)
    if shape == 0:
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{rng.choice(WORDS)}</title>{items}</channel></rss>'  # noqa: E501
    elif shape == 1:
        feed = (
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">'
            '<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&b;&x;</title>'
            f"{items}</channel></rss>"
        )
    elif shape == 2:
        entry = "".join(
            f"<entry><title>T{i}</title><updated>{rng.choice(DATES)}</updated>"
            f"<content type='html'>&lt;p&gt;{article_text(rng, 1)}&lt;/p&gt;</content></entry>"
            for i in range(rng.randint(0, 3))
        )
        feed = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>X</title>{entry}</feed>'
    else:
        feed = '<?xml version="1.0"?><rss><channel>' + "<x>" * rng.randint(10, 5000) + items
    return {
        f"f{rng.randrange(10**9)}.{rng.choice(('xml', 'rss', 'atom'))}": feed.encode(
            "utf-8", "surrogatepass"
        )
    }


def _jsonl_line(rng: random.Random) -> str:
    shape = rng.randrange(10)
    record: object
    if shape <= 3:
        record = {
            "text": article_text(rng, rng.randint(1, 2)),
            "url": rng.choice((*URLS, None)),
            "outlet": rng.choice((None, "Wire", "\ud800x", "", " ", "a" * 500)),
            "published": rng.choice((*DATES, None)),
            "title": rng.choice((None, "Title", 5)),
        }
        return json.dumps(record, ensure_ascii=True)
    if shape == 4:
        depth = rng.choice((50, 1000, 100_000))
        return '{"text": ' + "[" * depth + "]" * depth + "}"
    if shape == 5:
        return '{"text": "Ten said.", "n": ' + "9" * rng.choice((10, 4299, 4301, 20000)) + "}"
    if shape == 6:
        return rng.choice(("[]", "null", "1", '"x"', "{", '{"text": 1}', '{"text": ""}'))
    if shape == 7:
        return '{"text": "' + rng.choice(("\\ud800", "\\udfff\\ud800", "\\u0000")) + ' said 3."}'
    if shape == 8:
        return json.dumps({"text": _sprinkle(rng, article_text(rng, 1), UNICODE_TRICKS, 20)})
    return json.dumps({"text": article_text(rng, 1), "extra": {"a": [1, 2, {"b": None}]}})


def gen_jsonl(rng: random.Random) -> Files:
    """JSON Lines: good and bad records, deep nesting, huge ints, surrogates, wrong types."""
    lines = [_jsonl_line(rng) for _ in range(rng.randint(1, 5))]
    joiner = rng.choice(("\n", "\r\n", "\n\n", "\u2028"))
    return {f"j{rng.randrange(10**9)}.jsonl": joiner.join(lines).encode("utf-8", "surrogatepass")}


def gen_sidecar(rng: random.Random) -> Files:
    """An article with a ``.meta.json`` sidecar: good, bad, nested, huge or of wrong type."""
    stem = f"s{rng.randrange(10**9)}"
    shape = rng.randrange(6)
    meta: str
    if shape <= 2:
        meta = json.dumps(
            {
                key: rng.choice((None, 5, [], "Wire", "\ud800", *DATES[:4], *URLS[:3]))
                for key in rng.sample(("outlet", "url", "published", "language", "bogus"), 3)
            }
        )
    elif shape == 3:
        depth = rng.choice((100, 100_000))
        meta = "[" * depth + "]" * depth
    elif shape == 4:
        meta = '{"outlet": ' + "1" * 5000 + "}"
    else:
        meta = rng.choice(("", "{", "null", '{"outlet": "x"}' * 3, "\ufeff{}"))
    return {
        f"{stem}.txt": article_text(rng).encode(),
        f"{stem}.meta.json": meta.encode("utf-8", "surrogatepass"),
    }


def gen_numbers(rng: random.Random) -> Files:
    """Texts that state absurd figures: thousands of digits, exponents, odd numerals."""
    parts = [article_text(rng, 1)]
    for _ in range(rng.randint(1, 4)):
        number = rng.choice(NUMBERS)
        unit = rng.choice(("people", "dollars", "%", "km", "tonnes", "", "billion dollars"))
        parts.append(f"Officials said {number} {unit} were counted, up from {rng.choice(NUMBERS)}.")
    return {f"n{rng.randrange(10**9)}.txt": " ".join(parts).encode("utf-8", "surrogatepass")}


def gen_dates(rng: random.Random) -> Files:
    """Texts full of dates against odd publication dates."""
    record = {
        "text": article_text(rng, 1)
        + " ".join(
            f"On {rng.choice(('Monday', 'March 45', '31 February', 'last year', 'in 10000 BC', '2024-10-25', 'the 1st of Never'))} officials said 5 died."  # noqa: E501
            for _ in range(rng.randint(1, 4))
        ),
        "published": rng.choice(DATES),
    }
    return {f"d{rng.randrange(10**9)}.jsonl": json.dumps(record).encode("utf-8", "surrogatepass")}


def gen_unicode(rng: random.Random) -> Files:
    """Invisible, bidirectional, combining and astral characters; texts made of only those."""
    if rng.random() < 0.2:
        text = "".join(rng.choice(UNICODE_TRICKS[:10]) for _ in range(rng.randint(1, 50)))
    else:
        text = _sprinkle(rng, article_text(rng), UNICODE_TRICKS, rng.randint(1, 80))
    return {f"u{rng.randrange(10**9)}.txt": text.encode("utf-8", "surrogatepass")}


def gen_punctuation(rng: random.Random) -> Files:
    """Runs of punctuation (quadratic in spaCy's tokenizer before they were shortened)."""
    run = "".join(rng.choice(PUNCTUATION) for _ in range(rng.randint(1, 3)))
    length = rng.choice((50, 1000, 8000, 32000))
    text = article_text(rng, 1) + " " + (run * length)[:length] + " " + article_text(rng, 1)
    return {f"p{rng.randrange(10**9)}.txt": text.encode()}


def gen_long(rng: random.Random) -> Files:
    """Long texts: up to the article limit, just past it, and 1 MB."""
    size = rng.choice((30_000, 99_999, 100_001, 1_000_000))
    unit = article_text(rng, 1)
    text = (unit * (size // len(unit) + 1))[:size]
    return {f"l{rng.randrange(10**9)}.txt": text.encode()}


KINDS: dict[str, Callable[[random.Random], Files]] = {
    "bytes": gen_bytes,
    "encodings": gen_encoding,
    "html": gen_html,
    "feeds": gen_feed,
    "jsonl": gen_jsonl,
    "sidecars": gen_sidecar,
    "numbers": gen_numbers,
    "dates": gen_dates,
    "unicode": gen_unicode,
    "punctuation": gen_punctuation,
    "long": gen_long,
}
# How often each kind is drawn; long texts cost seconds each, so they are rare.
WEIGHTS = {kind: 10 for kind in KINDS} | {"long": 1, "punctuation": 4}


def draw(rng: random.Random) -> tuple[str, Files]:
    kind = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    return kind, KINDS[kind](rng)
