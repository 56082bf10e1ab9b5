"""Where a content ends, learned from PolNeAR: trimming and extending at the right edge.

The rules take a complement's subtree, but the parser hangs the tail of a sentence
where it likes: ", where he trailed Clinton", "via Facebook on Friday" and "and predicted
that ..." sit inside the complement although annotators leave them out, while ", but a
federal judge refused to let them" and ", nor would it be the last" sit outside it
although they are part of what was said. The edge model looks at the phrases at the
content's right edge, one syntactic unit at a time: first whether to cut the outermost
trailing phrase, else whether to take in the phrases that follow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Set
from dataclasses import dataclass

from spacy.tokens import Doc, Token

# Dependents that may trail a content and be cut from it (PolNeAR leaves out the cue
# clause's own adverbials and coordinated predicates).
CUTTABLE = frozenset(
    {"advcl", "prep", "conj", "npadvmod", "relcl", "acl", "appos", "advmod", "agent", "dep"}
)
# At most this many phrases are taken in after a content (what follows a content in the
# same sentence is rarely longer: a ", but" clause, an "and" clause, an aside).
MAX_EXTENSIONS = 3
# Words between a content and a phrase that follows it.
_JOINERS = frozenset({",", "and", "but", "or", "nor", ";", "—", "–", "-", "--"})


@dataclass(frozen=True)
class EdgeUnit:
    """A phrase at a content's right edge: tokens [start, end] and how it hangs."""

    kind: str  # "cut" or "add"
    root: Token
    start: int
    end: int


def _joined(doc: Doc, start: int) -> str:
    before = doc[start - 1].lower_ if start > 0 else ""
    return before if before in _JOINERS else "none"


def unit_features(unit: EdgeUnit, rule: str, cue_head: Token) -> list[str]:
    doc = unit.root.doc
    first = doc[unit.start]
    root = unit.root
    length = unit.end - unit.start + 1
    size = "1" if length == 1 else "2-4" if length <= 4 else "5-9" if length <= 9 else "10+"
    joined = _joined(doc, unit.start)
    clause = any(t.pos_ in ("VERB", "AUX") for t in doc[unit.start : unit.end + 1])
    attached = (
        "cue" if root.head.i == cue_head.i else "content" if root.head.i != root.i else "root"
    )
    k = unit.kind
    return [
        f"{k}:bias",
        f"{k}:dep={root.dep_}",
        f"{k}:first={first.lower_}",
        f"{k}:firstpos={first.pos_}",
        f"{k}:dep_first={root.dep_}|{first.lower_}",
        f"{k}:joined={joined}",
        f"{k}:joined_dep={joined}|{root.dep_}",
        f"{k}:size={size}",
        f"{k}:clause={clause}",
        f"{k}:clause_joined={clause}|{joined}",
        f"{k}:attached={attached}",
        f"{k}:attached_dep={attached}|{root.dep_}",
        f"{k}:rule={rule}",
        f"{k}:rule_dep={rule}|{root.dep_}",
        f"{k}:quoted={first.is_quote or doc[unit.start - 1].is_quote}",
        f"{k}:ent={root.ent_type_ or 'none'}",
    ]


def cut_units(doc: Doc, content: Set[int]) -> Iterator[EdgeUnit]:
    """Trailing phrases of the content, outermost first: each a dependent whose subtree
    ends where the content ends."""
    if not content:
        return
    end = max(content)
    start = min(content)
    roots = [doc[i] for i in content if doc[i].head.i not in content or doc[i].head.i == i]
    if len(roots) != 1:
        return
    token = roots[0]
    for _ in range(6):  # depth: a content's tail is rarely nested deeper
        tail = [c for c in token.rights if c.right_edge.i == end and c.i in content]
        if not tail:
            return
        child = tail[-1]
        if child.dep_ in CUTTABLE and child.left_edge.i > start:
            yield EdgeUnit("cut", child, child.left_edge.i, end)
        token = child


def add_unit(doc: Doc, after: int, blocked: set[int], sent_end: int) -> EdgeUnit | None:
    """The phrase right after token ``after`` (past a comma or conjunction), in the same
    sentence and clear of the cue and source: the largest subtree that starts there."""
    floor = after + 1
    i = floor
    while i < sent_end and doc[i].lower_ in _JOINERS:
        i += 1
    if i >= sent_end or i in blocked or doc[i].is_quote or doc[i].is_punct:
        return None
    root = doc[i]
    while root.head.i != root.i:
        head = root.head
        if head.left_edge.i < floor or head.right_edge.i >= sent_end:
            break
        if any(j in blocked for j in range(head.left_edge.i, head.right_edge.i + 1)):
            break
        root = head
    end = root.right_edge.i
    if root.left_edge.i < floor or end >= sent_end:
        return None
    if any(j in blocked for j in range(i, end + 1)):
        return None
    while end > i and doc[end].is_punct and not doc[end].is_quote:
        end -= 1  # the sentence's full stop is not part of what was said
    return EdgeUnit("add", root, i, end)


def edit_content(
    content: Set[int],
    blocked: set[int],
    decide: Callable[[EdgeUnit], bool],
    doc: Doc,
    bounds: list[tuple[int, int]],
) -> set[int]:
    """The content after the edge model's edits: the outermost trailing phrase it cuts
    (with the comma or conjunction before it), else the phrases it takes in after it."""
    for unit in cut_units(doc, content):
        if decide(unit):
            start = unit.start
            while start - 1 in content and doc[start - 1].lower_ in _JOINERS:
                start -= 1
            return {i for i in content if i < start}
    edited = set(content)
    for _ in range(MAX_EXTENSIONS):
        last = max(edited)
        extension = add_unit(doc, last, blocked, bounds[last][1])
        if extension is None or not decide(extension):
            break
        edited |= set(range(max(edited) + 1, extension.end + 1))
    return edited
