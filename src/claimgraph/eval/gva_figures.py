"""Score the figures of real shooting coverage against the Gun Violence Archive's counts.

Each incident of ``gva-dev`` (``../shared/corpora/README.md``) is ingested on its own into
a fresh temporary store with its ``.meta.json`` and re-linked, so an incident's figures
meet only each other. For each kind (killed, injured) three shares are printed:

- **found**: of the incidents whose articles *state* the true count, the share where a
  correct count (``killed`` or ``killed_victims``; either is right, the second leaves out
  a shooter) is a member of a figure group of that kind. An article *states* a count when
  one of its sentences holds the count written as a numeral or a number word ("3",
  "three") and a word of the kind ("killed", "dead", "died" ...; "injured", "wounded",
  "hurt" ...). This is a text test, not a reading: "one of the victims was killed" states
  one; "a man was killed" states nothing (no number), so zero counts and most counts of
  one written as "a man" are outside this share.
- **contradicting**: of all incidents, the share where a group of that kind holds a
  *total* (a member whose scope is ``total``) whose bounds exclude both correct counts.
- **false conflict**: of the incidents whose articles agree with the truth (every
  article of the incident states a correct count, by the same text test), the share with
  a ``conflict`` discrepancy on a group of that kind.

A group's kind is its counted class: ``deaths`` for killed and ``injured`` for injured,
whatever place its label names; all such groups of all stories of the incident's store
count. ``--limit N`` takes the first N incidents ordered by the SHA-256 of their ids, a
fixed sample that mixes mass shootings and other incidents.
Figures: ``claimgraph eval figures --gva ../shared/corpora/gva-dev``. Measured on all
505 incidents (2026-12-07), found / contradicting / false conflict:
- before figure identity (main at d44d8f0): killed 79.3% (172/217), 37.0% (187/505),
  71.9% (69/96); injured 83.5% (177/212), 30.3% (153/505), 54.9% (45/82);
- after: killed 78.3% (170/217), 22.2% (112/505), 35.4% (34/96); injured 84.9%
  (180/212), 22.8% (115/505), 40.2% (33/82). (Two of the killed "found" before were a
  gallery's "Image 1 of 6"; the text test still counts such pages as stating a count.)
- 2026-12-08, main with the flags work: killed 78.3% (170/217), 22.4% (113/505), 5.2%
  (5/96); injured 84.9% (180/212), 22.8% (115/505), 6.1% (5/82); after what cannot die
  (WordNet), agents, suspects, parts ("the three others", "others" of the class before,
  "were also wounded"), round-ups over time and ages were read: killed 79.3% (172/217),
  14.7% (74/505), 4.2% (4/96); injured 86.3% (183/212), 18.6% (94/505), 4.9% (4/82).
  (Before "also": injured contradicting 19.6%, 99/505.) Of a hand-read sample
  of 43 contradicting totals left, 10 are the article's own count differing from the
  archive's (an early count, the shooter counted), 17 a part read as a total, 7 another
  event or a round-up, 7 the wrong thing counted, 2 an age or a station name.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from spacy.language import Language

from claimgraph.analyse.quantities.number_words import SMALL, TENS
from claimgraph.eval.gva import hash_rank
from claimgraph.link.intervals import interval_of
from claimgraph.model import DiscrepancyKind, FigureGroup, FigureMember, StoryReport, parse_decimal
from claimgraph.sentences import sentence_bounds

__all__ = [
    "KINDS",
    "FigureShares",
    "Incident",
    "IncidentResult",
    "evaluate_gva",
    "format_shares",
    "load_incidents",
    "sample",
]

KINDS = ("killed", "injured")
# The counted class (``link/counted.py``) of a group of each kind.
KIND_CLASSES = {"killed": frozenset({"deaths"}), "injured": frozenset({"injured"})}
KIND_WORDS = {
    "killed": re.compile(
        r"\b(?:kill(?:ed|ing|s)?|dead|died|dies|deaths?|fatal(?:ly)?|slain|"
        r"lost (?:his|her|their) li(?:fe|ves))\b",
        re.IGNORECASE,
    ),
    "injured": re.compile(
        r"\b(?:injur(?:ed|ies|y|ing)|wound(?:ed|ing|s)?|hurt|hospitali[sz]ed)\b", re.IGNORECASE
    ),
}
NUMBER_TOKEN = re.compile(r"\b(?:\d+|[a-z]+)\b", re.IGNORECASE)
WORD_VALUES = {**SMALL, **TENS}


@dataclass(frozen=True)
class Incident:
    id: str
    directory: Path
    killed: tuple[int, ...]  # the correct counts: all participants, victims only
    injured: tuple[int, ...]

    def truth(self, kind: str) -> tuple[int, ...]:
        return self.killed if kind == "killed" else self.injured

    def paths(self) -> list[Path]:
        return sorted(self.directory.glob("*.txt"))


def load_incidents(gva_dir: Path) -> list[Incident]:
    gold = json.loads((gva_dir / "gold.json").read_text(encoding="utf-8"))
    return [
        Incident(
            id=incident_id,
            directory=gva_dir / incident_id,
            killed=tuple(sorted({record["killed"], record["killed_victims"]})),
            injured=tuple(sorted({record["injured"], record["injured_victims"]})),
        )
        for incident_id, record in sorted(gold.items())
    ]


def sample(incidents: Sequence[Incident], limit: int | None) -> list[Incident]:
    """The first ``limit`` incidents by the SHA-256 of their ids (all when None)."""
    ordered = sorted(incidents, key=lambda i: hash_rank(i.id))
    return ordered if limit is None else ordered[:limit]


# --------------------------------------------------------------------------- the text test


def stated_counts(text: str, kind: str) -> set[int]:
    """Numbers written in a sentence that also holds a word of ``kind``."""
    found: set[int] = set()
    for match in KIND_WORDS[kind].finditer(text):
        start, end = sentence_bounds(text, match.start(), match.end())
        for token in NUMBER_TOKEN.findall(text[start:end]):
            value = int(token) if token.isdigit() else WORD_VALUES.get(token.lower())
            if value is not None and not (token.isdigit() and len(token) > 4):
                found.add(value)
    return found


# --------------------------------------------------------------------------- predictions


@dataclass
class Offence:
    """A figure or flag the scorer counted against an incident, for ``--errors``."""

    kind: str
    problem: str  # missed | contradicts | false conflict
    detail: str

    def render(self, incident: str, truth: Sequence[int]) -> str:
        counts = " or ".join(str(t) for t in truth)
        return f"{incident} {self.kind} (true {counts}) {self.problem}: {self.detail}"


@dataclass
class IncidentResult:
    incident: Incident
    stated: dict[str, bool] = field(default_factory=dict)
    agreeing: dict[str, bool] = field(default_factory=dict)
    found: dict[str, bool] = field(default_factory=dict)
    contradicted: dict[str, bool] = field(default_factory=dict)
    conflicted: dict[str, bool] = field(default_factory=dict)
    offences: list[Offence] = field(default_factory=list)


def predict_incident(
    incident: Incident, nlp: Language | None
) -> tuple[list[StoryReport], dict[str, str]]:
    """Ingest one incident's articles into a fresh store, re-link, return its reports."""
    from claimgraph.batch.ingest_and_link import ingest_and_link
    from claimgraph.batch.local import Engine
    from claimgraph.store import open_store

    with tempfile.TemporaryDirectory(prefix="claimgraph-gva-") as tmp:
        store = open_store(Path(tmp) / "gva.db")
        try:
            paths = [str(p) for p in incident.paths()]
            ingest_and_link(paths, store, nlp=nlp, engine=Engine(processes=1))
            reports = store.story_reports()
            texts = {a.id: a.text for a, _ in store.iter_articles()}
        finally:
            store.close()
    return reports, texts


def group_class(group: FigureGroup) -> str:
    """The counted class a group's label ends with (before any unit in brackets)."""
    words = group.label.split()
    if group.unit and words and words[-1].startswith("("):
        words = words[:-1]
    return words[-1] if words else ""


def kind_groups(reports: Iterable[StoryReport], kind: str) -> list[FigureGroup]:
    return [g for r in reports for g in r.figure_groups if group_class(g) in KIND_CLASSES[kind]]


def figure_texts(group: FigureGroup) -> list[str]:
    return [m.quantity.span.text for m in group.members]


def excludes(member: FigureMember, truth: Sequence[int]) -> bool:
    interval = interval_of(member.quantity)
    if interval is None:
        return False
    return not any(interval.low <= Decimal(t) <= interval.high for t in truth)


def holds(member: FigureMember, value: int) -> bool:
    """The member's number is ``value`` ("at least 3" holds 3 as well as "3")."""
    return parse_decimal(member.quantity.value) == Decimal(value)


def in_sentence(member: FigureMember, texts: dict[str, str]) -> str:
    text = texts.get(member.article_id, "")
    span = member.quantity.span
    start, end = sentence_bounds(text, span.start, span.end)
    return f"{span.text!r} [{member.scope}] in {' '.join(text[start:end].split())!r}"


def score_incident(
    incident: Incident, reports: Sequence[StoryReport], texts: dict[str, str]
) -> IncidentResult:
    result = IncidentResult(incident)
    for kind in KINDS:
        score_kind(result, kind, reports, texts)
    return result


def score_kind(
    result: IncidentResult, kind: str, reports: Sequence[StoryReport], texts: dict[str, str]
) -> None:
    truth = result.incident.truth(kind)
    stated = [stated_counts(t, kind) for t in texts.values()]
    result.stated[kind] = any(set(truth) & s for s in stated)
    result.agreeing[kind] = bool(stated) and all(set(truth) & s for s in stated)
    groups = kind_groups(reports, kind)
    members = [m for g in groups for m in g.members]
    result.found[kind] = any(holds(m, t) for m in members for t in truth)
    if result.stated[kind] and not result.found[kind]:
        shown = "; ".join(f"{g.label}: {figure_texts(g)}" for g in groups)
        result.offences.append(Offence(kind, "missed", shown or "no group"))
    wrong = [m for m in members if m.scope == "total" and excludes(m, truth)]
    result.contradicted[kind] = bool(wrong)
    result.offences.extend(Offence(kind, "contradicts", in_sentence(m, texts)) for m in wrong)
    ids = {g.id for g in groups}
    conflicts = [
        d
        for r in reports
        for d in r.discrepancies
        if d.kind is DiscrepancyKind.CONFLICT and d.group_id in ids
    ]
    result.conflicted[kind] = bool(conflicts)
    if result.agreeing[kind]:
        result.offences.extend(Offence(kind, "false conflict", d.reason) for d in conflicts)


def run_incidents(
    incidents: Sequence[Incident], nlp: Language | None = None
) -> Iterator[IncidentResult]:
    from claimgraph.analyse import build_pipeline

    pipeline = nlp or build_pipeline()
    for incident in incidents:
        reports, texts = predict_incident(incident, pipeline)
        yield score_incident(incident, reports, texts)


# --------------------------------------------------------------------------- the shares


@dataclass(frozen=True)
class Share:
    hits: int
    of: int

    @property
    def value(self) -> float:
        return self.hits / self.of if self.of else 0.0

    def as_dict(self) -> dict[str, object]:
        return {"share": round(self.value, 3), "incidents": self.hits, "of": self.of}


@dataclass(frozen=True)
class FigureShares:
    incidents: int
    found: dict[str, Share]
    contradicting: dict[str, Share]
    false_conflict: dict[str, Share]
    results: tuple[IncidentResult, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "incidents": self.incidents,
            **{
                kind: {
                    "found": self.found[kind].as_dict(),
                    "contradicting": self.contradicting[kind].as_dict(),
                    "false_conflict": self.false_conflict[kind].as_dict(),
                }
                for kind in KINDS
            },
        }

    def errors(self) -> list[str]:
        """One line per offending figure or flag; a sentence copied by several outlets once."""
        lines = (
            o.render(r.incident.id, r.incident.truth(o.kind))
            for r in self.results
            for o in r.offences
        )
        return list(dict.fromkeys(lines))


def shares(results: Sequence[IncidentResult]) -> FigureShares:
    def share(flag: str, among: str | None, kind: str) -> Share:
        pool = [r for r in results if among is None or getattr(r, among)[kind]]
        return Share(sum(getattr(r, flag)[kind] for r in pool), len(pool))

    return FigureShares(
        incidents=len(results),
        found={k: share("found", "stated", k) for k in KINDS},
        contradicting={k: share("contradicted", None, k) for k in KINDS},
        false_conflict={k: share("conflicted", "agreeing", k) for k in KINDS},
        results=tuple(results),
    )


def evaluate_gva(
    gva_dir: Path, limit: int | None = None, nlp: Language | None = None
) -> FigureShares:
    """Ingest, link and score the first ``limit`` incidents of the fixed order."""
    incidents = sample(load_incidents(gva_dir), limit)
    return shares(list(run_incidents(incidents, nlp)))


def format_shares(scores: FigureShares) -> str:
    lines = [f"gva figures: incidents={scores.incidents}"]
    for kind in KINDS:
        lines.append(f"  {kind}:")
        for name, share in (
            ("found (of stating incidents)", scores.found[kind]),
            ("contradicting total (of all)", scores.contradicting[kind]),
            ("false conflict (of agreeing)", scores.false_conflict[kind]),
        ):
            lines.append(f"    {name:30} {100 * share.value:5.1f}%  ({share.hits}/{share.of})")
    return "\n".join(lines)
