"""Place and nationality names folded to one key ("North Korean" ~ "North Korea")."""

from __future__ import annotations

import re

# Names whose forms share no prefix; everything else folds by stem.
ALIASES = {
    "u.s.": "united states",
    "us": "united states",
    "u.s": "united states",
    "usa": "united states",
    "america": "united states",
    "american": "united states",
    "americans": "united states",
    "united states of america": "united states",
    "u.k.": "united kingdom",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "british": "united kingdom",
    "great britain": "united kingdom",
    "dutch": "netherlands",
}
LEADING = re.compile(r"^(the)\s+")
# Long enough to tell Korea from Kosovo, short enough that "Ukrainian" meets "Ukraine".
STEM_LENGTH = 5


def place_key(name: str) -> str:
    """A key shared by a country's name and its demonym."""
    text = LEADING.sub("", name.lower().strip()).removesuffix("’s").removesuffix("'s")
    text = ALIASES.get(text, text)
    words = text.split()
    if not words:
        return text
    last = words[-1]
    if last not in {"states", "kingdom", "nations"}:
        last = last[:STEM_LENGTH]
    return " ".join([*words[:-1], last])
