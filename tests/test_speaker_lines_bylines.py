"""Quotations signed with a dash ("“...” ― Name"), and what is not a signature."""

from __future__ import annotations

from typing import Any


def _found(nlp: Any, text: str) -> list[tuple[str, list[str], list[str]]]:
    return [
        (a.cue.text, [s.text for s in a.source], [s.text for s in a.content])
        for a in nlp(text)._.cg_attributions
    ]


def test_speaker_lines_signed_quotations_each_get_their_own_speaker(nlp: Any) -> None:
    text = (
        "“He represents our greatest shame.” ― Sonya Herridge\n"
        "“During the debate Trump said Hispanics live in hell.” ― Pamela Padilla\n"
    )
    assert _found(nlp, text)[:2] == [
        ("―", ["Sonya Herridge"], ["“He represents our greatest shame.”"]),
        ("―", ["Pamela Padilla"], ["“During the debate Trump said Hispanics live in hell.”"]),
    ]


def test_speaker_lines_signature_under_a_quoted_paragraph(nlp: Any) -> None:
    text = (
        '"Almost all new income is going to the top 1 percent."\n\n- Bernie Sanders.\n\nIt is not.'
    )
    assert (
        "-",
        ["Bernie Sanders"],
        ['"Almost all new income is going to the top 1 percent."'],
    ) in (_found(nlp, text))


def test_speaker_lines_tweet_signature_signs_its_line(nlp: Any) -> None:
    text = "Why isn't Pence wearing a hat? #RINO — Ben Jacobs (@Bencjacobs) September 1, 2016"
    assert _found(nlp, text) == [("—", ["Ben Jacobs"], ["Why isn't Pence wearing a hat? #RINO"])]


def test_speaker_lines_datelines_and_sign_offs_are_not_signatures(nlp: Any) -> None:
    dateline = _found(nlp, "DECATUR, Ill. — Sen. Ted Cruz weighed in on the plan.")
    assert all(cue != "—" for cue, _, _ in dateline)
    sign_off = _found(nlp, "The poll finds Trump up four points.\n\n- Scott Clement.")
    assert all(cue != "-" for cue, _, _ in sign_off)


def test_speaker_lines_run_in_headings_are_not_speakers(nlp: Any) -> None:
    text = (
        "Injuries: the fire service counts 17 injured.\n"
        "The cause: investigators have not named one.\n"
        "Sanders: Brexit's message could draw Trump support\n"
    )
    speakers = [found for found in _found(nlp, text) if found[0] == ":"]
    assert speakers == [(":", ["Sanders"], ["Brexit's message could draw Trump support"])]
