"""The typed records every layer passes on.

Data flows one way: read (``Article``) -> analyse one article (``ArticleAnalysis``)
-> link across articles (``Story``, ``FigureGroup``, ``Discrepancy`` ...) -> store -> present.
Every extracted item carries character offsets into ``Article.text``, the article's
original decoded text, so a reader can always see the exact words behind it.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    """Base of all records: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Record):
    """A half-open character range ``[start, end)`` into ``Article.text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start=start, end=end, text=text[start:end])


# --------------------------------------------------------------------------- articles


class Metadata(Record):
    """What is known about where and when an article appeared.

    ``*_inferred`` is true where the value was guessed (outlet from a URL's domain or
    from the text's own self-references) rather than stated by the source, a sidecar
    or the user. A missing publication date stays ``None``: never the ingest time.
    """

    outlet: str | None = None
    outlet_inferred: bool = False
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, with zone where known
    published_inferred: bool = False
    language: str | None = None
    source_path: str | None = None  # file the article was read from ("-" for stdin)
    source_format: str | None = None  # text | html | feed | jsonl


# The citer of an article's citations when no appearance names its outlet: an outlet
# still, never a source.
UNKNOWN_OUTLET = "(unknown outlet)"


class Article(Record):
    """One article as read: its original decoded text and what a reader set apart.

    ``id`` is the content hash of the normalised text (see ``ingest.identity``), so the
    same text from two outlets is one ``Article`` with two ``Appearance`` rows.
    """

    id: str
    text: str
    title: Span | None = None
    set_apart: tuple[Span, ...] = ()  # boilerplate kept but not analysed as reporting
    metadata: Metadata = Metadata()
    # Why the page has no article body ("error page", "sign-up or paywall page", ...; see
    # ``ingest.junk``), or None: such pages are stored but kept out of story grouping.
    no_body: str | None = None

    def analysable_text(self) -> str:
        """The text with set-apart spans blanked (same length, so offsets hold)."""
        if not self.set_apart:
            return self.text
        chars = list(self.text)
        for span in self.set_apart:
            for i in range(span.start, span.end):
                if chars[i] not in "\n\r":
                    chars[i] = " "
        return "".join(chars)


class Appearance(Record):
    """One publication of an article's text by one outlet (syndication gives several)."""

    article_id: str
    metadata: Metadata


# --------------------------------------------------------------------------- per article


class EntityMention(Record):
    """A named entity (or a description resolved to one) in one article."""

    span: Span
    label: str  # spaCy label: PERSON, ORG, GPE, NORP ...
    name: str  # canonical surface name within the article ("John Kirby" for "Kirby")
    titles: tuple[
        str, ...
    ] = ()  # titles and roles seen ("White House national security spokesman")


class AttributionKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class Polarity(StrEnum):
    AFFIRMED = "affirmed"
    NEGATED = "negated"


class Certainty(StrEnum):
    CERTAIN = "certain"
    PROBABLE = "probable"
    POSSIBLE = "possible"


class Stance(StrEnum):
    ASSERTS = "asserts"
    REPORTS = "reports"
    ALLEGES = "alleges"
    RUMOURS = "rumours"
    EXPECTS = "expects"
    DENIES = "denies"
    REFUSES_TO_CONFIRM = "refuses_to_confirm"


class Factuality(Record):
    polarity: Polarity = Polarity.AFFIRMED
    certainty: Certainty = Certainty.CERTAIN
    stance: Stance = Stance.ASSERTS


class DateRef(Record):
    """A time expression, resolved against an anchor where possible.

    ``value`` is an ISO 8601 date (``2024-10-23``), month (``2024-10``), year
    (``2024``), season (``2024-SU``) or week (``2024-W43``); ``None`` when unresolved
    (for instance a relative expression in an article with no publication date).
    """

    span: Span
    value: str | None = None
    granularity: str | None = None  # day | week | month | season | year
    anchor: str | None = None  # what it was resolved against ("published:2024-10-25", "date:12")
    resolved: bool = False


class Conduit(Record):
    """An outlet or document through which a source is reached ("told NBC News")."""

    span: Span
    name: str
    relation: str  # told | according_to | citing | report | statement ...


class Attribution(Record):
    id: str
    cue: Span | None
    source: tuple[Span, ...] = ()  # empty: no named source ("it was reported that")
    content: tuple[Span, ...] = ()  # discontinuous where a quote is split by "he said"
    kind: AttributionKind = AttributionKind.INDIRECT
    source_entity: str | None = None  # resolved canonical name ("John Kirby" for "He")
    source_titles: tuple[str, ...] = ()
    conduits: tuple[Conduit, ...] = ()  # nearest first
    factuality: Factuality = Factuality()
    date: DateRef | None = None
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class Bound(StrEnum):
    EQ = "="
    APPROX = "~"
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="
    LE_APPROX = "<~"  # "as high as almost"
    GE_APPROX = ">~"


class Quantity(Record):
    """A figure: exact decimal value (as a string, never a float) or an interval."""

    id: str
    span: Span
    value: str | None = None  # exact decimal, e.g. "64100000000"
    low: str | None = None  # interval for ranges and vague amounts ("thousands")
    high: str | None = None
    bound: Bound = Bound.EQ
    vague: bool = False
    unit: str | None = None  # dollar, euro, percent, kilometre ... None for plain counts
    unit_code: str | None = None  # canonical: ISO 4217 ("AUD"), pint's name ("kilometer / hour")
    dimension: str | None = None  # currency, percent, [length], duration, age ...
    kind: str = "figure"  # figure | duration | age | fraction | one_of: only figures are compared
    about: Span | None = None  # what the figure is about ("Chris Wood" for "22 goals")
    direction: str | None = None  # up | down for changes
    counted: Span | None = None  # the thing counted or measured
    counted_head: str | None = None  # normalised head ("soldier")
    clause: Span | None = None  # the clause whose predicate governs it ("four others were hurt")
    part: str | None = None  # why it counts a part of a larger count: "including", "of the" ...
    modifiers: tuple[str, ...] = ()  # "eventually", "so far", "alone" ...
    date: DateRef | None = None
    attribution_id: str | None = None  # the attribution whose content holds it


class ArticleAnalysis(Record):
    """Everything found in one article."""

    article_id: str
    entities: tuple[EntityMention, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateRef, ...] = ()
    factuality: Factuality | None = None  # of the outlet's own unattributed claims


# --------------------------------------------------------------------------- across articles


class Story(Record):
    id: str
    title: str
    article_ids: tuple[str, ...]
    pinned: bool = False


class FigureMember(Record):
    """One quantity in a figure group, with who gave it and through whom."""

    article_id: str
    quantity: Quantity
    source: str | None = None
    source_titles: tuple[str, ...] = ()  # "hospital spokeswoman" for Nina Varga
    conduits: tuple[str, ...] = ()
    # whom the source itself cites ("according to the Herald, which cited two officials")
    cited: str | None = None
    outlet: str | None = None
    date: str | None = None
    factuality: Factuality | None = None
    scope: str = "total"  # total | partial | prediction | background


class FigureGroup(Record):
    id: str
    story_id: str
    label: str  # what is counted ("North Korean soldier in Russia")
    unit: str | None = None
    members: tuple[FigureMember, ...]


class DiscrepancyKind(StrEnum):
    CONFLICT = "conflict"
    REVISION = "revision"
    SCOPE = "scope"
    CONTESTED = "contested"


class FlagSide(Record):
    """One side of a flag: figures that agree with each other (a conflict's value
    cluster, a revision's step), who gave them and when."""

    values: tuple[str, ...]  # the figures' words, distinct, as printed ("10,000 to 12,000")
    sources: tuple[str, ...] = ()  # the parties behind them ("John Kirby", "Western diplomat")
    dates: tuple[str, ...] = ()  # ISO dates the figures stood on


class Discrepancy(Record):
    """A flag: where figures or claims disagree (conflict, contested), change (revision)
    or cover something else (scope). ``reason`` is one short sentence; ``sides`` holds
    the clustered values it sets against each other. ``confidence`` is the measured
    share of flags like it that were right (``link/flag_confidence.py``); reports
    stored before confidences existed load with 1.0 and show as they did."""

    id: str
    story_id: str
    kind: DiscrepancyKind
    reason: str
    group_id: str | None = None
    claim_id: str | None = None  # the claim a contested flag sits on
    spans: tuple[tuple[str, Span], ...] = ()  # (article_id, span) behind it
    sides: tuple[FlagSide, ...] = ()
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class Denial(Record):
    id: str
    story_id: str
    article_id: str
    attribution_id: str
    source: str | None
    content: tuple[Span, ...]
    target: str | None = None  # the claim or report denied, in words


class CitationEdge(Record):
    citer: str  # outlet or source that cites
    cited: str  # outlet, official or agency cited
    article_id: str
    span: Span | None = None


class TimelineEntry(Record):
    date: str  # resolved ISO value
    article_id: str
    span: Span
    label: str  # what happened or was said, in words


class ClaimMember(Record):
    """One attribution of a claim: who said it, through whom, how, where."""

    article_id: str
    attribution_id: str
    source: str | None
    conduits: tuple[str, ...] = ()
    outlet: str | None = None
    stance: Stance = Stance.ASSERTS
    content: tuple[Span, ...] = ()


class ClaimGroup(Record):
    """The same claim, numeric or not, reported through several attributions."""

    id: str
    story_id: str
    label: str  # the words of its most typical member
    members: tuple[ClaimMember, ...]
    contested: bool = False  # asserted by some members, denied by others


class StoryEntity(Record):
    """One person, organisation or place across the story's articles, under every name
    it goes by ("Kirby", "John Kirby"), with the titles and roles seen."""

    id: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    mentions: tuple[tuple[str, Span], ...] = ()  # (article_id, span)


class Corroboration(Record):
    """How many independent original sources stand behind a figure group or claim.

    Conduit chains are followed (two outlets citing one newspaper are one source) and a
    syndicated copy is not a second source. Anonymous sources relayed through different
    conduits are counted apart but flagged in ``note`` as possibly one source.
    """

    group_id: str
    independent_sources: int
    sources: tuple[str, ...]
    note: str | None = None


class StoryOverride(Record):
    """A user's choice about story grouping, kept across re-runs.

    ``merge``: the stories holding ``article_ids[0]`` and ``article_ids[1]`` become one;
    ``split``: ``article_ids`` leave their story and form one of their own;
    ``pin``: ``article_ids[0]`` goes to the story holding ``article_ids[1]``.
    """

    action: str
    article_ids: tuple[str, ...]


class ArticleSummary(Record):
    """An article in a story report: its appearances (syndication) and title."""

    article_id: str
    title: str | None
    appearances: tuple[Metadata, ...]
    no_body: str | None = None  # the page has no article body (``Article.no_body``)


class StoryReport(Record):
    """Everything the report shows for one story; the JSON report is this, serialised."""

    story: Story
    articles: tuple[ArticleSummary, ...]
    figure_groups: tuple[FigureGroup, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    denials: tuple[Denial, ...] = ()
    citations: tuple[CitationEdge, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    corroboration: tuple[Corroboration, ...] = ()
    entities: tuple[StoryEntity, ...] = ()
    claims: tuple[ClaimGroup, ...] = ()
    attributions: tuple[tuple[str, Attribution], ...] = ()  # (article_id, attribution)


def parse_decimal(text: str | None) -> Decimal | None:
    """The exact value of a decimal string, or ``None`` when absent or malformed."""
    if text is None:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None
