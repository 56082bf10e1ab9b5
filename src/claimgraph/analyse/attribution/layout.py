"""Where an attribution's words lie: quotations, nesting, and character fragments.

Works on ``Candidate`` token sets from ``attribution_frames``:

* a speech verb with no complement takes the quotation next to it (or what follows its
  colon) as content;
* content that reaches into a quotation grows to the whole quotation, which is how a
  quotation running over several sentences stays one content;
* "“A,” said X. “B.”": the quotation right after the cue's clause joins the content as
  a second fragment;
* nesting: a cue inside a quotation, or the very complement of another cue, is part of
  that other attribution's content, not an attribution of its own (PolNeAR gives each
  token one role); a participial or absolute aside ("with X telling reporters that")
  is its own attribution and is cut out of the outer content.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Set
from dataclasses import replace

from spacy.tokens import Doc, Token

from claimgraph.analyse.attribution.candidate import Candidate, Candidates
from claimgraph.analyse.attribution.cue_features import DocContext
from claimgraph.analyse.attribution.cues import QUOTE_VERBS
from claimgraph.analyse.attribution.frames import subtree_indices
from claimgraph.analyse.attribution.quotes import QuoteIndex
from claimgraph.analyse.extensions import doc_text

# How a cue inside another's content hangs there decides whether it is an attribution of
# its own. Asides -- "with X telling reporters that", "..., saying", "X, analysts
# contend, ..." -- are separate attributions cut out of the outer content. Anything else
# ("A said that B believes X", "what he calls the cartel") is part of the outer content,
# as PolNeAR gives each token one role.
_ASIDE_DEPS = frozenset({"pcomp", "advcl", "parataxis"})
_GAP = " \t,:;—–-"


class Layout:
    """Token and quotation lookups for one doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # ``Doc.text`` is rebuilt from the tokens on every access: the cached one
        self.text = doc_text(doc)
        self.quotes = QuoteIndex(self.text)
        self.context = DocContext.of(doc)
        self.sentences = self.context.sentences

    def tokens_in(self, start: int, end: int) -> set[int]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return set(range(span.start, span.end)) if span is not None else set()

    def region_tokens(self, region: tuple[int, int]) -> set[int]:
        return self.tokens_in(*region)

    def in_quote(self, token: Token) -> bool:
        return self.quotes.inside(token.idx, token.idx + len(token))


# --------------------------------------------------------------------------- quotations


_FRAME_DEPS = frozenset({"dobj", "dative", "npadvmod", "advmod", "prep", "agent", "nsubj", "prt"})


def _frame_end(doc: Doc, cand: Candidate) -> int:
    """Character offset after the cue's own words: the cue, a post-posed source, and
    what stands between the verb and a quotation ("telling the crowd, “...”")."""
    indices = [*cand.cue, *(i for i in cand.source if i > cand.cue[0])]
    head = cand.head
    for child in head.rights:
        if child.dep_ in _FRAME_DEPS and not any(t.is_quote for t in child.subtree):
            indices.append(child.right_edge.i)
    last = doc[max(indices)]
    return last.idx + len(last)


def _frame_start(doc: Doc, cand: Candidate) -> int:
    indices = [*cand.cue, *(i for i in cand.source if i < cand.cue[0])]
    return doc[min(indices)].idx


def _skip_forward(text: str, i: int, allow_newline: bool) -> int:
    gap = _GAP + ("\n\r" if allow_newline else "")
    while i < len(text) and text[i] in gap:
        i += 1
    return i


def quote_after(layout: Layout, cand: Candidate) -> tuple[int, int] | None:
    """The quotation right after the cue's words ("He noted, “...”", "said: “...”")."""
    text = layout.text
    end = _frame_end(layout.doc, cand)
    colon = text[end : end + 2].lstrip().startswith(":")
    return layout.quotes.starting_at(_skip_forward(text, end, allow_newline=colon))


def quote_before(layout: Layout, cand: Candidate) -> tuple[int, int] | None:
    """The quotation that ends right before the cue's words ("“...,” said Caddell")."""
    text = layout.text
    before = _frame_start(layout.doc, cand)
    while before > 0 and text[before - 1] in _GAP:
        before -= 1
    if before > 0:
        region = layout.quotes.containing(before - 1)
        if region is not None and region[1] == before:
            return region
    return None


def adjacent_quote(layout: Layout, cand: Candidate) -> tuple[int, int] | None:
    """The quotation right after the cue, or right before it, or, after a colon, the
    rest of the paragraph or the next one."""
    region = quote_after(layout, cand) or quote_before(layout, cand)
    if region is not None:
        return region
    text = layout.text
    end = _frame_end(layout.doc, cand)
    if text[end : end + 2].lstrip().startswith(":"):
        return _after_colon(text, _skip_forward(text, end, allow_newline=True))
    return None


def _after_colon(text: str, start: int) -> tuple[int, int] | None:
    """The rest of the paragraph after "X said:" (a block quotation without marks)."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return (start, end) if end - start > 1 else None


def attach_quote(layout: Layout, cand: Candidate) -> Candidate | None:
    """A quote-rule candidate with its quotation as content (None: it has none), and a
    speech verb with the quotation that follows it where the parser found some other
    complement; the caller drops a candidate whose content is left empty."""
    region = None
    if cand.rule == "quote":
        region = adjacent_quote(layout, cand)
        if region is None:
            return None
    elif cand.head.lemma_.lower() in QUOTE_VERBS:
        region = quote_after(layout, cand)
    if region is None:
        return cand
    content = layout.region_tokens(region)
    earlier = quote_before(layout, cand) if region[0] > cand.head.idx else None
    if earlier is not None:
        # “We will not retreat,” the general said, “and the front line holds.”
        content |= layout.region_tokens(earlier)
    return replace(
        cand, quote=region, content=frozenset(content - set(cand.cue) - set(cand.source))
    )


def grow_to_quotes(layout: Layout, cand: Candidate) -> Candidate:
    """Content reaching into a quotation takes the whole quotation (not the cue's own)."""
    cue_start = layout.doc[cand.cue[0]].idx
    content = set(cand.content)
    for region in _regions_touched(layout, cand.content):
        if region[0] <= cue_start < region[1]:
            continue
        content |= layout.region_tokens(region) - set(cand.source)
        if region[0] > cue_start:
            for following in _continued_paragraphs(layout, region):
                content |= layout.region_tokens(following)
    if content == cand.content:
        return cand
    return replace(cand, content=frozenset(content))


# News style leaves a quotation that runs on to the next paragraph unclosed and opens
# the next paragraph with a fresh mark; at most this many paragraphs are followed.
_MAX_CONTINUED = 6
_CLOSING = '”"'


def _continued_paragraphs(layout: Layout, region: tuple[int, int]) -> list[tuple[int, int]]:
    """Quotations in the following paragraphs that continue an unclosed one."""
    text = layout.text
    found: list[tuple[int, int]] = []
    while len(found) < _MAX_CONTINUED and text[region[1] - 1] not in _CLOSING:
        start = _skip_forward(text, region[1], allow_newline=True)
        if "\n" not in text[region[1] : start]:
            break
        following = layout.quotes.starting_at(start)
        if following is None:
            break
        found.append(following)
        region = following
    return found


def _regions_touched(layout: Layout, indices: Set[int]) -> list[tuple[int, int]]:
    regions: dict[tuple[int, int], None] = {}
    doc = layout.doc
    for i in sorted(indices):
        region = layout.quotes.containing(doc[i].idx)
        if region is not None:
            regions[region] = None
    return list(regions)


def continuation_quote(layout: Layout, cand: Candidate) -> Candidate:
    """“A,” said X. “B.” -- B continues A's content (same paragraph, right after)."""
    doc, text = layout.doc, layout.text
    if not cand.content or max(cand.content) > cand.cue[0] or cand.rule == "byline":
        return cand  # a signature ("“A.” ― X") closes what it signs
    last = doc[max(cand.content)]
    if layout.quotes.containing(last.idx) is None:
        return cand
    sent_end = doc[max([*cand.cue, *cand.source])].sent.end_char
    after = _skip_forward(text, _frame_end(doc, cand), allow_newline=False)
    if after < len(text) and text[after] == ".":
        after = _skip_forward(text, after + 1, allow_newline=False)
    region = None
    if after <= sent_end + 2 or not text[sent_end:after].strip(" .,"):
        region = layout.quotes.starting_at(after)
    if region is None:
        # "“A,” said X, a member who ... . “B.”": the next sentence (or paragraph) opens
        # a quotation of the same speaker
        after = _skip_forward(text, sent_end, allow_newline=False)
        region = layout.quotes.starting_at(after)
    if region is not None and not _handed_on(text, region):
        return replace(cand, content=cand.content | layout.region_tokens(region))
    return cand


def _handed_on(text: str, region: tuple[int, int]) -> bool:
    """ "“B,” she added": a quotation closing on a comma is another cue's content."""
    inner = text[region[0] : region[1]].rstrip("”\"' ")
    return inner.endswith(",")


# --------------------------------------------------------------------------- nesting


def is_aside(head: Token, rule: str | None) -> bool:
    """Asides, and relative clauses with a clause of their own ("which the FBI said was
    careless"), are attributions of their own: a cue ``head`` that ``rule`` fired on."""
    dep = head.dep_
    if dep == "advcl" and any(c.dep_ == "mark" for c in head.children):
        return False  # "hours after Trump proposed a ban": a time clause, not an aside
    return dep in _ASIDE_DEPS or (dep == "relcl" and rule in ("clause", "orphan"))


def _aside_root(inner: Token, outer_content: Set[int]) -> Token:
    """The phrase that carries an aside: the "with" of "with X telling ...", the
    participle itself otherwise."""
    token = inner
    if (
        token.dep_ in ("pcomp", "pobj")
        and token.head.dep_ == "prep"
        and token.head.i in outer_content
    ):
        token = token.head
    return token


def resolve_nesting(
    layout: Layout, cands: Candidates, keep_nested: float | None = None
) -> Candidates:
    """Drop attributions inside quotations or complements; cut asides out of contents.
    An attribution inside another's complement stays, as PolNeAR annotates it ("X said
    Y denied Z"), where the cue scorer rates it at least ``keep_nested``. Inner ones
    are looked at smallest content first, each against the outers as cut so far."""
    kept = [c for c in cands if not layout.in_quote(layout.doc[c.cue[0]])]
    dropped: set[int] = set()
    for k in sorted(range(len(kept)), key=lambda k: len(kept[k].content)):
        inner = kept[k]
        outers = [
            j
            for j, o in enumerate(kept)
            if j != k and inner.cue[0] in o.content and j not in dropped
        ]
        if not outers:
            continue
        j = min(outers, key=lambda j: len(kept[j].content))
        outer = kept[j]
        if not is_aside(inner.head, inner.rule):
            nested = keep_nested is not None and (inner.score or 0.0) >= keep_nested
            # "Trump expects to win, according to aides": the stance and who reports
            # it are both kept (``absorb_according``), whatever the stance's score
            nested = nested or outer.rule == "according"
            if not nested:
                dropped.add(k)
            continue
        aside = subtree_indices(_aside_root(inner.head, outer.content))
        # a source found by climbing to the outer clause's subject stays in the outer
        # content; only the aside's own words leave it
        kept[j] = replace(outer, content=outer.content - (aside | set(inner.cue) | inner.content))
    return tuple(c for j, c in enumerate(kept) if j not in dropped and c.content)


def same_paragraph(doc: Doc, cand: Candidate) -> Candidate:
    """Content before the cue stops at the paragraph break: a parse that runs a headline
    into the first sentence ("Topline\nThe war could soon escalate, officials
    suggested") must not carry the headline into the content."""
    cue = cand.cue[0]
    breaks = [i for i in cand.content if i < cue and "\n" in doc[i].text]
    if not breaks:
        return cand
    last = max(breaks)
    return replace(cand, content=frozenset(i for i in cand.content if i > last))


def dedupe(cands: Candidates) -> Candidates:
    """The first candidate per cue word (speaker lines and bylines before the rules')."""
    seen: set[int] = set()
    out = []
    for cand in cands:
        if cand.cue[0] not in seen:
            seen.add(cand.cue[0])
            out.append(cand)
    return tuple(out)


# --------------------------------------------------------------------------- fragments


def fragments(doc: Doc, indices: Collection[int], strip: bool = True) -> list[tuple[int, int]]:
    """Character ranges of contiguous token runs, edge punctuation (not quotes) removed
    unless ``strip`` is false (a colon can be a cue)."""
    runs: list[list[int]] = []
    for i in sorted(indices):
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    out = []
    for run in runs:
        while strip and run and _edge_punct(doc[run[0]]):
            run = run[1:]
        while strip and run and _edge_punct(doc[run[-1]]):
            run = run[:-1]
        if run:
            last = doc[run[-1]]
            out.append((doc[run[0]].idx, last.idx + len(last.text)))
    return out


def _edge_punct(token: Token) -> bool:
    return token.is_space or (token.is_punct and not token.is_quote) or token.text.strip() == ""


# "LOS ANGELES, Feb. 2 (UPI) — " opening a wire story is the outlet's, not the content's.
_DATELINE = re.compile(r"[A-Z][A-Z .,'-]+,[^\n]{0,40}?\([A-Za-z. ]{2,12}\)\s*[—–-]+\s*")


def without_dateline(layout: Layout, indices: Set[int]) -> Set[int]:
    if not indices:
        return indices
    doc = layout.doc
    start = doc[min(indices)].idx
    match = _DATELINE.match(layout.text, start)
    if match is None:
        return indices
    return {i for i in indices if doc[i].idx >= match.end()}
