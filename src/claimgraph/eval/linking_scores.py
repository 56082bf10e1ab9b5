"""The figures of ``claimgraph eval linking``: overlap P/R, the score record, the text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from claimgraph.eval.metrics import PRF
from claimgraph.link.flag_confidence import DEFAULT_MIN_CONFIDENCE


def overlap_score(
    predicted: Sequence[object], gold: Sequence[object], match: Callable[[object, object], bool]
) -> PRF:
    return PRF.overlap(
        sum(any(match(p, g) for g in gold) for p in predicted),
        len(predicted),
        sum(any(match(p, g) for p in predicted) for g in gold),
        len(gold),
    )


@dataclass
class LinkingScores:
    split: str
    stories: int = 0
    articles: int = 0
    predicted_stories: int = 0
    story_b3: PRF = field(default_factory=lambda: PRF.rates(0.0, 0.0))
    members_found: int = 0
    members_gold: int = 0
    group_b3: PRF = field(default_factory=lambda: PRF.rates(0.0, 0.0))
    group_pairs: PRF = field(default_factory=lambda: PRF.rates(0.0, 0.0))
    scope_correct: int = 0
    discrepancies: dict[str, PRF] = field(default_factory=dict)
    # the same, for the flags a report shows by default (``DEFAULT_MIN_CONFIDENCE``)
    shown: dict[str, PRF] = field(default_factory=dict)
    denials: PRF = field(default_factory=lambda: PRF.overlap(0, 0, 0, 0))
    non_denials_reported: int = 0
    non_denials_gold: int = 0
    corroboration_correct: int = 0
    corroboration_total: int = 0
    corroboration_abs_error: float = 0.0
    corroboration_scored: int = 0
    citations: PRF = field(default_factory=lambda: PRF.overlap(0, 0, 0, 0))
    must_not_flagged: int = 0
    must_not_total: int = 0
    must_not_shown: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def corroboration_accuracy(self) -> float:
        return (
            self.corroboration_correct / self.corroboration_total
            if self.corroboration_total
            else 0.0
        )

    @property
    def corroboration_mae(self) -> float:
        scored = self.corroboration_scored
        return self.corroboration_abs_error / scored if scored else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "split": self.split,
            "stories": {
                "gold": self.stories,
                "predicted": self.predicted_stories,
                "articles": self.articles,
                "b_cubed": self.story_b3.as_dict(),
            },
            "figure_members": {
                "found": self.members_found,
                "gold": self.members_gold,
                "scope_correct": self.scope_correct,
            },
            "figure_groups": {
                "b_cubed": self.group_b3.as_dict(),
                "pairwise": self.group_pairs.as_dict(),
            },
            "discrepancies": {k: v.as_dict() for k, v in self.discrepancies.items()},
            "shown_discrepancies": {k: v.as_dict() for k, v in self.shown.items()},
            "denials": self.denials.as_dict(),
            "non_denials": {
                "reported_as_denials": self.non_denials_reported,
                "gold": self.non_denials_gold,
            },
            "corroboration": {
                "accuracy": round(100 * self.corroboration_accuracy, 1),
                "mae": round(self.corroboration_mae, 2),
                "groups": self.corroboration_total,
                "found": self.corroboration_scored,
            },
            "citations": self.citations.as_dict(),
            "must_not": {
                "flagged": self.must_not_flagged,
                "shown": self.must_not_shown,
                "entries": self.must_not_total,
            },
        }


def _line(name: str, p: float, r: float, f: float, extra: str = "") -> str:
    return f"  {name:28} P={100 * p:5.1f} R={100 * r:5.1f} F1={100 * f:5.1f}  {extra}".rstrip()


def render(scores: LinkingScores) -> str:
    s = scores
    lines = [
        f"linking: split={s.split} stories={s.stories} articles={s.articles} "
        f"predicted stories={s.predicted_stories}",
        _line("stories (B-cubed)", s.story_b3.precision, s.story_b3.recall, s.story_b3.f1),
        f"  figure members found        {s.members_found}/{s.members_gold}"
        f"  scope right {s.scope_correct}/{s.members_found}",
        _line("figure groups (B-cubed)", s.group_b3.precision, s.group_b3.recall, s.group_b3.f1),
        _line(
            "figure groups (pairwise)",
            s.group_pairs.precision,
            s.group_pairs.recall,
            s.group_pairs.f1,
        ),
    ]
    for kind, o in s.discrepancies.items():
        lines.append(
            _line(
                f"discrepancies: {kind}",
                o.precision,
                o.recall,
                o.f1,
                f"(pred={o.predicted} gold={o.gold})",
            )
        )
    for kind, o in s.shown.items():
        shown = f"(pred={o.predicted}, at confidence {DEFAULT_MIN_CONFIDENCE})"
        lines.append(_line(f"  shown: {kind}", o.precision, o.recall, o.f1, shown))
    d, c = s.denials, s.citations
    lines += [
        _line("denials", d.precision, d.recall, d.f1, f"(pred={d.predicted} gold={d.gold})"),
        f"  non-denials reported as denials {s.non_denials_reported} of {s.non_denials_gold}",
        f"  corroboration               accuracy={100 * s.corroboration_accuracy:5.1f} "
        f"MAE={s.corroboration_mae:.2f}  ({s.corroboration_scored} of "
        f"{s.corroboration_total} groups found)",
        _line("citation edges", c.precision, c.recall, c.f1, f"(pred={c.predicted} gold={c.gold})"),
        f"  must-not flagged            {s.must_not_flagged} of {s.must_not_total}"
        f"  (shown by default {s.must_not_shown})",
    ]
    return "\n".join(lines)
