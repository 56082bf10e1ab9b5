"""Aligned plain-text columns that fit a terminal width."""

from __future__ import annotations

from collections.abc import Sequence

GAP = "  "
# Below this a column stops being readable; a table still too wide then overflows.
MIN_COLUMN = 6


def one_line(text: str) -> str:
    """Cell text on one line: newlines and tabs in article text would break alignment."""
    return " ".join(text.split())


def fit_widths(natural: list[int], budget: int, floors: list[int] | None = None) -> list[int]:
    """Shrink the widest columns first until the row fits ``budget`` characters.

    Columns are first kept at least as wide as their longest word (``floors``), so
    text wraps between words; only when that is not enough are words split.
    """
    widths = list(natural)
    for limit in (floors or [MIN_COLUMN] * len(widths), [MIN_COLUMN] * len(widths)):
        while sum(widths) > budget:
            shrinkable = [i for i in range(len(widths)) if widths[i] > max(limit[i], MIN_COLUMN)]
            if not shrinkable:
                break
            widths[max(shrinkable, key=lambda i: widths[i])] -= 1
    return widths


def format_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, width: int = 100, indent: str = ""
) -> list[str]:
    """Rows under headers, left-aligned; a cell too wide for its column wraps onto more lines.

    Wrapping rather than clipping: a source's name or a stance cut to "the coast …" would
    hide exactly what the report is for.
    """
    cells = [[one_line(c) for c in row] for row in [headers, *rows]]
    natural = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    budget = width - len(indent) - len(GAP) * (len(headers) - 1)
    floors = [max(len(w) for row in cells for w in row[i].split(" ")) for i in range(len(headers))]
    widths = fit_widths(natural, budget, floors)
    lines = row_lines(cells[0], widths, indent)
    lines.append(indent + GAP.join("-" * w for w in widths))
    for row in cells[1:]:
        lines += row_lines(row, widths, indent)
    return lines


def row_lines(row: Sequence[str], widths: Sequence[int], indent: str) -> list[str]:
    """One table row, as many physical lines as its tallest wrapped cell."""
    wrapped = [cell_lines(cell, w) for cell, w in zip(row, widths, strict=True)]
    height = max(len(cell) for cell in wrapped)
    lines = []
    for i in range(height):
        parts = [
            (c[i] if i < len(c) else "").ljust(w) for c, w in zip(wrapped, widths, strict=True)
        ]
        lines.append((indent + GAP.join(parts)).rstrip())
    return lines


def cell_lines(text: str, width: int) -> list[str]:
    """Word-wrap one cell; a single word longer than the column is split."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def wrap(text: str, width: int = 100, indent: str = "", hang: str = "") -> list[str]:
    """Greedy word wrap; ``hang`` indents the continuation lines."""
    words = one_line(text).split(" ")
    lines: list[str] = []
    current = indent
    for word in words:
        prefix = indent if not lines else hang
        if current.strip() and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = hang + word
        elif current.strip():
            current += " " + word
        else:
            current = prefix + word
    if current.strip():
        lines.append(current)
    return lines
