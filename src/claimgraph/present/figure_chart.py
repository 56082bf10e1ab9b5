"""A figure group over time, drawn on the server as one SVG: no script, no external asset.

Date runs across, value up (a log scale when the values span two orders of magnitude
or more). A single value is a dot, a range or vague amount ("thousands") a bar, a bound
("at least 40") a dot with an open arrow towards where the true value may lie; a
forecast is hollow. Each source has its own colour (classes ``src-0`` ... from the
stylesheet: the Content-Security-Policy forbids inline styles), and each mark links to
the words it was read from. A figure dated to a week or a season is drawn across it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

from claimgraph.model import Bound, FigureGroup, FigureMember, parse_decimal
from claimgraph.present.date_words import date_range, date_words
from claimgraph.present.figures import number, quantity_words, source_words

WIDTH, HEIGHT = 600, 280
LEFT, RIGHT, TOP, BOTTOM = 84, 20, 30, 40  # TOP leaves room for a bound's arrow
DOT = 5.5
BAR = 9
ARROW = 22  # length of a bound's open end, in px of the chart
COLOURS = 8  # classes src-0 .. src-7 in the stylesheet; further sources reuse them
# Two orders of magnitude: past that a linear axis squeezes the small figures onto zero.
LOG_RATIO = 100
UPWARD = {Bound.GT, Bound.GE, Bound.GE_APPROX}
DOWNWARD = {Bound.LT, Bound.LE, Bound.LE_APPROX}


@dataclass(frozen=True)
class Mark:
    member: FigureMember
    start: dt.date
    end: dt.date
    low: Decimal
    high: Decimal
    shape: str  # dot | bar
    arrow: str  # "" | up | down


@dataclass(frozen=True)
class Chart:
    svg: Markup
    sources: tuple[tuple[str, str], ...]  # (css class, source name), in legend order
    undrawn: int  # figures with no date or no number, listed in the table only


def mark_of(member: FigureMember) -> Mark | None:
    days = date_range(member.date)
    q = member.quantity
    value, low, high = parse_decimal(q.value), parse_decimal(q.low), parse_decimal(q.high)
    if days is None:
        return None
    if value is not None:
        arrow = "up" if q.bound in UPWARD else "down" if q.bound in DOWNWARD else ""
        return Mark(member, *days, value, value, "dot", arrow)
    if low is not None and high is not None:
        return Mark(member, *days, low, high, "bar", "")
    if low is not None or high is not None:
        only = low if low is not None else high
        assert only is not None
        return Mark(member, *days, only, only, "dot", "up" if low is not None else "down")
    return None


class Scale:
    """Values to y: linear from zero, or log10 between powers of ten around the data."""

    def __init__(self, low: Decimal, high: Decimal) -> None:
        self.log = low > 0 and high / low >= LOG_RATIO
        self.bottom: float
        self.top: float
        if self.log:
            bottom = math.floor(math.log10(low))
            top = max(math.ceil(math.log10(high)), bottom + 1)
            self.ticks = [Decimal(10) ** e for e in range(bottom, top + 1)]
            self.bottom, self.top = float(bottom), float(top)
        else:
            # 15% headroom keeps the highest dot and its arrow off the frame.
            zero = Decimal(0)
            low, high = min(low, zero), max(high, zero) * Decimal("1.15")
            step = nice_step((high - low) / 4 or Decimal(1))
            first = math.floor(low / step)
            last = math.ceil(high / step)
            self.ticks = [step * k for k in range(first, max(last, first + 1) + 1)]
            self.bottom, self.top = float(self.ticks[0]), float(self.ticks[-1])

    def y(self, value: Decimal) -> float:
        span = HEIGHT - TOP - BOTTOM
        position = math.log10(value) if self.log and value > 0 else float(value)
        fraction = (position - self.bottom) / ((self.top - self.bottom) or 1)
        return HEIGHT - BOTTOM - span * min(max(fraction, 0.0), 1.0)


def nice_step(raw: Decimal) -> Decimal:
    """1, 2 or 5 times a power of ten, the smallest not below ``raw``."""
    power = Decimal(10) ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if power * factor >= raw:
            return power * factor
    return power * 10


class TimeAxis:
    def __init__(self, first: dt.date, last: dt.date) -> None:
        pad = max((last - first).days // 20, 1)
        self.first, self.last = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)

    def x(self, day: dt.date) -> float:
        span = (self.last - self.first).days or 1
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - self.first).days / span

    def ticks(self) -> list[tuple[dt.date, str]]:
        days = (self.last - self.first).days
        if days <= 45:
            step = max(days // 5, 1)
            found = [self.first + dt.timedelta(days=k) for k in range(0, days + 1, step)]
            return [(d, f"{d.day} {d:%b}") for d in found]
        if days <= 3 * 365:
            months = max(days // 30 // 5, 1)
            return [(d, f"{d:%b %Y}") for d in _month_starts(self.first, self.last, months)]
        years = max(days // 365 // 5, 1)
        found = [dt.date(y, 1, 1) for y in range(self.first.year + 1, self.last.year + 1, years)]
        return [(d, str(d.year)) for d in found]


def _month_starts(first: dt.date, last: dt.date, every: int) -> list[dt.date]:
    index = first.year * 12 + first.month  # the month after ``first``'s
    found: list[dt.date] = []
    while True:
        day = dt.date(index // 12, index % 12 + 1, 1)
        if day > last:
            return found
        found.append(day)
        index += every


def mark_title(mark: Mark) -> str:
    member = mark.member
    where = ", ".join(x for x in (member.outlet, date_words(member.date)) if x)
    forecast = " (forecast)" if member.scope == "prediction" else ""
    return f"{quantity_words(member.quantity)}{forecast}: {source_words(member)} ({where})"


def line(css: str, x1: float, y1: float, x2: float, y2: float) -> str:
    return f'<line class="{css}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>'


def tick_text(x: float, y: float, anchor: str, words: str) -> str:
    return (
        f'<text class="tick" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(words)}</text>'
    )


def mark_svg(mark: Mark, css: str, href: str, scale: Scale, axis: TimeAxis) -> str:
    x0, x1 = axis.x(mark.start), axis.x(mark.end + dt.timedelta(days=1))
    x = (x0 + x1) / 2 if mark.end > mark.start else x0
    y_low, y_high = scale.y(mark.low), scale.y(mark.high)
    hollow = " hollow" if mark.member.scope == "prediction" else ""
    parts = [f"<title>{escape(mark_title(mark))}</title>"]
    if mark.end > mark.start:
        parts.append(line("period", x0, y_low, x1, y_low))
    if mark.arrow:
        tip = y_low - ARROW if mark.arrow == "up" else y_low + ARROW
        head = 5 if mark.arrow == "up" else -5
        parts.append(
            f'<path class="bound" d="M{x:.1f} {y_low:.1f}V{tip:.1f}'
            f'M{x - 4:.1f} {tip + head:.1f}L{x:.1f} {tip:.1f}L{x + 4:.1f} {tip + head:.1f}"/>'
        )
    if mark.shape == "bar":
        top, height = min(y_low, y_high), max(abs(y_low - y_high), 2.0)
        parts.append(
            f'<rect x="{x - BAR / 2:.1f}" y="{top:.1f}" width="{BAR}" '
            f'height="{height:.1f}" rx="2"/>'
        )
    else:
        parts.append(f'<circle cx="{x:.1f}" cy="{y_low:.1f}" r="{DOT}"/>')
    return f'<a class="mark {css}{hollow}" href="{escape(href)}">{"".join(parts)}</a>'


def axes_svg(scale: Scale, axis: TimeAxis, unit: str | None) -> list[str]:
    base = HEIGHT - BOTTOM
    parts = [line("axis", LEFT, base, WIDTH - RIGHT, base), line("axis", LEFT, TOP, LEFT, base)]
    for tick in scale.ticks:
        y = scale.y(tick)
        parts.append(line("grid", LEFT, y, WIDTH - RIGHT, y))
        parts.append(tick_text(LEFT - 6, y + 4, "end", number(str(tick), unit)))
    for day, label in axis.ticks():
        x = axis.x(day)
        parts.append(line("axis", x, base, x, base + 5))
        parts.append(tick_text(x, base + 20, "middle", label))
    return parts


def figure_chart(group: FigureGroup, href: Callable[[FigureMember], str]) -> Chart:
    """The group's dated figures as an SVG; an empty ``svg`` when fewer than one is drawable."""
    marks = [mark for m in group.members if (mark := mark_of(m)) is not None]
    colours: dict[str, str] = {}
    for m in group.members:
        colours.setdefault(source_words(m), f"src-{len(colours) % COLOURS}")
    legend = tuple((css, name) for name, css in colours.items())
    if not marks:
        return Chart(Markup(""), legend, len(group.members))
    scale = Scale(min(m.low for m in marks), max(m.high for m in marks))
    axis = TimeAxis(min(m.start for m in marks), max(m.end for m in marks))
    chart_id = "chart-" + "".join(c if c.isalnum() else "-" for c in group.id)
    title = f"{group.label}: {len(marks)} figures over time" + (" (log scale)" if scale.log else "")
    desc = "; ".join(mark_title(mark) for mark in marks)
    body = axes_svg(scale, axis, group.unit)
    body += [
        mark_svg(m, colours[source_words(m.member)], href(m.member), scale, axis) for m in marks
    ]
    svg = (
        f'<svg class="figure-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="group" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>{"".join(body)}</svg>'
    )
    return Chart(Markup(svg), legend, len(group.members) - len(marks))
