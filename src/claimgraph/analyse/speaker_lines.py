"""Headline and transcript attributions: a line opening "Name: what they said".

Read from the text rather than the parse, which rarely makes "Sanders: Brexit's message
could draw Trump support" one sentence with a cue; the colon is the cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from claimgraph.analyse.attribution_frames import Candidate

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


def speaker_line_candidates(doc: Doc) -> Iterator[Candidate]:
    for match in _SPEAKER_LINE.finditer(doc.text):
        if match["speaker"] in _NOT_SPEAKERS:
            continue
        source = doc.char_span(
            match.start("speaker"), match.end("speaker"), alignment_mode="contract"
        )
        if source is not None and len(source) and source[0].pos_ in ("VERB", "AUX"):
            continue  # "Get Forbes Breaking News Text Alerts: ..." is an imperative
        colon = doc.char_span(match.start("colon"), match.end("colon"), alignment_mode="expand")
        content = doc.char_span(
            match.start("content"), match.end("content"), alignment_mode="contract"
        )
        if source is None or colon is None or content is None or len(content) == 0:
            continue
        yield Candidate(
            head=colon[0],
            rule="speaker",
            cue=[colon.start],
            source=list(range(source.start, source.end)),
            content=set(range(content.start, content.end)),
        )
