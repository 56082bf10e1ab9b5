"""Pages with no article body: error pages, sign-up and paywall pages, cookie walls.

A crawl of news sites brings back such pages under article URLs ("Thank you for
registering", "Page Not Found", "Subscribe to continue reading"). They are stored like
any input (so a re-crawl is recognised) but flagged, and story grouping keeps them out:
their words are the site's furniture, not an event's, and identical furniture from two
incidents would otherwise tie them together.

A page is flagged when it holds one of the phrases such pages are made of and little
prose besides, or almost no prose at all. Prose is counted in lines that read as
sentences (enough words, not a furniture phrase), so a real article ending in "Subscribe
to our newsletter" keeps its body.
"""

from __future__ import annotations

import re

# What each kind of page says, matched case-insensitively anywhere in a line.
# fmt: off
PAGE_KINDS: dict[str, tuple[str, ...]] = {
    "error page": (
        "page not found", "404 error", "error 404", "404 not found", "page you requested",
        "page you are looking for", "page you were looking for", "page could not be found",
        "page cannot be found", "page no longer exists", "page has moved", "access denied",
        "this article is no longer available", "content is no longer available",
        "something went wrong", "internal server error", "service unavailable",
    ),
    "sign-up or paywall page": (
        "thank you for registering", "thanks for registering", "thank you for signing up",
        "thanks for signing up", "already a subscriber", "subscribe to continue",
        "subscribe to read", "subscribers only", "for subscribers", "subscription required",
        "to continue reading", "continue reading this article", "free articles remaining",
        "reached your limit", "you have reached the limit", "log in to continue",
        "sign in to continue", "sign in to read", "create an account", "create a free account",
        "register to continue", "register for free", "verify your email", "activate your account",
        "this content is available", "premium content", "start your subscription",
        "digital subscription", "become a subscriber", "please log in",
    ),
    "cookie or consent wall": (
        "we use cookies", "this site uses cookies", "this website uses cookies",
        "accept cookies", "cookie policy", "cookie settings", "enable cookies",
        "consent to the use", "manage your privacy", "your privacy choices",
        "are you a robot", "verify you are human", "unusual traffic",
    ),
}
# fmt: on
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# A line reads as a sentence of an article when it has this many words: menus, buttons,
# bylines and captions are shorter.
SENTENCE_WORDS = 8
# Measured on the 1,300 gva-dev articles (every one a real article, none flagged): the
# shortest holds 42 words of prose besides its title, a two-paragraph brief. A page with a
# furniture phrase and under 40 words of other prose is a furniture page (a paywall's
# teaser paragraph longer than that is kept: it does name the event). ("enable
# JavaScript" is not a phrase here: video players print it above real articles.)
PROSE_BESIDE_PHRASE = 40
# A page with no line that reads as a sentence, its title included, has no text (a menu,
# a bare headline of a few words). One sentence is enough to be an article: 21 of the
# 197 ECB+ dev documents are one sentence of 10 to 45 words (a climber presumed dead,
# named, with his age, the ridge, the mountain and the day), which a plain-text file
# makes its title, and which name their event as well as a long report. Flagged (the old
# rule: under 25 words of prose besides the title) they were each a story of their own:
# ECB+ dev ingested, B-cubed F1 / ARI 86.6/.821 flagged, 89.7/.861 kept.
PROSE_AT_LEAST = SENTENCE_WORDS


def _kind_of(line: str) -> str | None:
    lowered = line.lower()
    for kind, phrases in PAGE_KINDS.items():
        if any(phrase in lowered for phrase in phrases):
            return kind
    return None


def no_body_reason(text: str, title: str | None = None) -> str | None:
    """Why ``text`` has no article body ("error page", "sign-up or paywall page",
    "cookie or consent wall", "no text"), or ``None`` for an article."""
    prose, title_prose, kinds = 0, 0, []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        kind = _kind_of(stripped)
        if kind is not None:
            kinds.append(kind)
            continue
        words = len(WORD.findall(stripped))
        if words < SENTENCE_WORDS:
            continue
        if title is not None and stripped == title.strip():
            title_prose = words
        else:
            prose += words
    if kinds and prose < PROSE_BESIDE_PHRASE:
        return max(set(kinds), key=kinds.count)
    if prose + title_prose < PROSE_AT_LEAST:
        return "no text"
    return None
