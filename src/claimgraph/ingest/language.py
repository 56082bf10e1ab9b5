"""A cheap language guess from function words, for sources that do not state one."""

from __future__ import annotations

import re


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _vocabulary("the and of to in is that for with was said on are by from has"),
    "de": _vocabulary("der die das und ist nicht mit von den auf sich des ein eine dem"),
    "fr": _vocabulary("le la les et des est une dans pour que qui pas sur au du avec"),
    "es": _vocabulary("el la los las y que en por con una para del se es como"),
    "it": _vocabulary("il di che e la per una sono non del della con gli nel"),
    "nl": _vocabulary("de het een en van is dat niet op te zijn met voor aan"),
    "pt": _vocabulary("o os as e que de em um uma para com não do da por"),
}
_SAMPLE_CHARS = 5000
_MIN_HITS = 8  # fewer function words than this is too little text to tell
_MIN_LEAD = 1.5  # the winner needs this many times the runner-up's hits
_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str | None:
    """An ISO 639-1 code when the text clearly reads as one language, else ``None``."""
    words = [word.lower() for word in _WORD.findall(text[:_SAMPLE_CHARS])]
    hits = {code: sum(word in vocab for word in words) for code, vocab in _FUNCTION_WORDS.items()}
    ranked = sorted(hits.items(), key=lambda item: item[1], reverse=True)
    (best, best_hits), (_, runner_up) = ranked[0], ranked[1]
    if best_hits < _MIN_HITS or best_hits < _MIN_LEAD * runner_up:
        return None
    return best


def primary_language(tag: str | None) -> str | None:
    """The primary subtag of a language tag, lower-cased ("en-US" -> "en")."""
    if not tag or not tag.strip():
        return None
    return re.split(r"[-_]", tag.strip())[0].lower() or None
