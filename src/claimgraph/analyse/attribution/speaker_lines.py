"""Attributions set by layout: a line opening "Name: what they said", and a quotation
signed "― Name" after it.

Read from the text rather than the parse, which rarely makes "Sanders: Brexit's message
could draw Trump support" or "“He represents our greatest shame.” ― Sonya Herridge" one
sentence with a cue; the colon or the dash is the cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from claimgraph.analyse.attribution.candidate import Candidate
from claimgraph.analyse.attribution.layout import Layout
from claimgraph.analyse.extensions import doc_text

# A line opening "Name: what they said" -- the headline and transcript convention
# ("Sanders: Brexit’s message could draw Trump support", "TAPPER: ..."): up to six
# capitalised words (a lower-case "on"/"to" may join a topic: "Clinton to Planned
# Parenthood:"), before a colon and more text on the same line.
_SPEAKER_LINE = re.compile(
    r"(?m)^(?P<speaker>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,5})"
    r"(?P<topic> (?:on|to) [^\n:]{1,60})?"
    r"(?P<colon>:)[ \t]+(?P<content>\S[^\n]*)"
)
# Line openers that are labels, not speakers.
_NOT_SPEAKERS = frozenset(
    {
        "Updated",
        "Update",
        "Note",
        "Editor’s Note",
        "Editor's Note",
        "Related",
        "Watch",
        "Photo",
        "Source",
        "Read",
        "Video",
        "Correction",
        "Disclosure",
        "Listen",
        "Subscribe",
        "Follow",
        "Warning",
        "Spoiler",
        "Question",
        "Answer",
        "Q",
        "A",
    }
)


def _is_label(words: Span, content: str) -> bool:
    """A run-in heading, not a speaker: "Injuries: the fire service counts 17",
    "The cause: investigators have not named one". A common noun outside any name ends
    it, and what follows opens in lower case or it starts with an article: a speaker's
    words open as a sentence does ("Sanders: Brexit's message ...", which the tagger
    reads as a plural noun), and a speaker is a name, not "the" something."""
    last = words[-1]
    if last.tag_ not in ("NN", "NNS") or last.ent_type_ or last.text.isupper():
        return False
    return content[:1].islower() or words[0].lower_ in ("the", "a", "an")


def speaker_line_candidates(doc: Doc) -> Iterator[Candidate]:
    for match in _SPEAKER_LINE.finditer(doc_text(doc)):
        if match["speaker"] in _NOT_SPEAKERS:
            continue
        source = doc.char_span(
            match.start("speaker"), match.end("speaker"), alignment_mode="contract"
        )
        if source is not None and len(source) and source[0].pos_ in ("VERB", "AUX"):
            continue  # "Get Forbes Breaking News Text Alerts: ..." is an imperative
        if source is not None and _is_label(source, match["content"]):
            continue
        colon = doc.char_span(match.start("colon"), match.end("colon"), alignment_mode="expand")
        content = doc.char_span(
            match.start("content"), match.end("content"), alignment_mode="contract"
        )
        if source is None or colon is None or content is None or len(content) == 0:
            continue
        yield Candidate(
            head=colon[0],
            rule="speaker",
            cue=(colon.start,),
            source=tuple(range(source.start, source.end)),
            content=frozenset(range(content.start, content.end)),
        )


# A dash signing what comes before it: "“...” ― Sonya Herridge", "... #RINO — Ben Jacobs
# (@Bencjacobs) September 1, 2016", or a line "- Bernie Sanders." under a quotation: a
# dash, then up to six capitalised words ending the line or followed by "(", "," or ".".
_DASH_BYLINE = re.compile(
    r"(?P<dash>―|—|–|--|-)[ \t\xa0]*"
    r"(?P<speaker>[A-Z][\w.’'-]*(?:[ \xa0][A-Z][\w.’'-]*){0,5}?)"
    r"(?=[ \t\xa0]*(?:\(|,|\.?[ \t\xa0]*(?:\n|$|<)))"
)


def _line_start(text: str, offset: int) -> int:
    start = text.rfind("\n", 0, offset) + 1
    tag_end = text.find(">", start, offset)
    return tag_end + 1 if tag_end >= 0 else start  # after an opening "<tweet ...>"


def _signed_text(layout: Layout, dash: int, handle: bool) -> tuple[int, int] | None:
    """The characters a dash at ``dash`` signs: the quotation ending right before it
    (on its line, or closing the line above when the dash opens a line). A tweet's
    signature (``handle``: "— Ben Jacobs (@Bencjacobs)") signs the text of its line.
    Anything else is a dateline ("DECATUR, Ill. — Sen. Ted Cruz") or a reporter's
    sign-off under their own paragraph ("- Amber Phillips."), not an attribution."""
    text = layout.text
    before = dash
    while before > 0 and text[before - 1] in " \t\xa0":
        before -= 1
    if before <= text.rfind("\n", 0, dash) + 1:
        before = text.rfind("\n", 0, before)
        while before > 0 and text[before - 1] in "\n \t\xa0":
            before -= 1
    if before <= 0:
        return None
    region = layout.quotes.containing(before - 1)
    if region is not None and region[1] == before:
        return region
    if handle and text.rfind("\n", 0, before) < text.rfind("\n", 0, dash) + 1:
        start = _line_start(text, dash)
        return (start, before) if before - start > 1 else None
    return None


def dash_byline_candidates(layout: Layout) -> Iterator[Candidate]:
    doc, text = layout.doc, layout.text
    for match in _DASH_BYLINE.finditer(text):
        handle = text.startswith("(@", match.end("speaker") + 1)
        signed = _signed_text(layout, match.start("dash"), handle)
        if signed is None:
            continue
        dash = doc.char_span(match.start("dash"), match.end("dash"), alignment_mode="expand")
        source = doc.char_span(
            match.start("speaker"), match.end("speaker"), alignment_mode="contract"
        )
        content = doc.char_span(*signed, alignment_mode="contract")
        if dash is None or source is None or content is None or not len(content):
            continue
        yield Candidate(
            head=dash[0],
            rule="byline",
            cue=tuple(range(dash.start, dash.end)),
            source=tuple(range(source.start, source.end)),
            content=frozenset(range(content.start, content.end)) - set(range(dash.start, dash.end)),
        )
