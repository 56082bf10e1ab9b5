"""English plural nouns to singular by the two suffix rules claimgraph relies on.

Not a full inflector (no "men", "mice", "analyses"): the words it meets are unit names
("kilometres", "calories") and counted things ("people", "casualties", "troops"), where
these rules hold and an irregular noun is left as it was. Shared by the analysis (units,
counted things) and the evaluation (unit names), so that both read a plural the same way.
"""

from __future__ import annotations

__all__ = ["singular", "singular_last_word"]

# "-ies" becomes "-y" only past four letters: "casualties" -> "casualty", "lies" kept.
IES_MIN_LENGTH = 5


def singular(word: str, *, min_length: int = 0, ies: bool = True) -> str:
    """``word`` without its plural ending: "-ies" -> "-y" (with ``ies``), else a final
    "s" dropped unless it ends "ss" or the word is shorter than ``min_length`` letters
    (unit names pass 4, so that "gas" and "bus" stay whole)."""
    if ies and word.endswith("ies") and len(word) >= IES_MIN_LENGTH:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) >= min_length:
        return word[:-1]
    return word


def singular_last_word(name: str, *, min_length: int = 0, ies: bool = True) -> str:
    """``name`` with its last word made singular ("square kilometres" -> "square kilometre")."""
    words = name.split()
    if not words:
        return singular(name, min_length=min_length, ies=ies)
    return " ".join([*words[:-1], singular(words[-1], min_length=min_length, ies=ies)])
