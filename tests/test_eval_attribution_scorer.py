"""The PolNeAR reader and the span scorer, on hand-made standoff (no corpus text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.errors import ClaimgraphError
from claimgraph.eval.attribution import (
    Predicted,
    format_report,
    normalise,
    overlap_matches,
    score_article,
)
from claimgraph.eval.polnear import GoldAttribution, parse_ann, read_split

TEXT = "“We will win,” said Ana Ruiz. “The line holds.” Reports indicate that talks collapsed."
#       0         1         2         3         4         5         6         7         8
ANN = """T1\tContent 0 14;30 47\t“We will win,” “The line holds.”
T2\tCue 15 19\tsaid
T3\tSource 20 28\tAna Ruiz
T4\tAttribution 15 19\tsaid
E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3
T5\tCue 56 64\tindicate
T6\tContent 65 86\tthat talks collapsed.
T7\tAttribution-no-source 56 64\tindicate
E2\tAttribution-no-source:T7 Cue:T5 Content:T6
T8\tDiscard 0 5\tnote
"""


def test_eval_attribution_parse_ann_reads_discontinuous_and_sourceless() -> None:
    gold = parse_ann(ANN)
    assert gold[0] == GoldAttribution(
        source=((20, 28),), cue=((15, 19),), content=((0, 14), (30, 47))
    )
    assert gold[1].source == ()
    assert gold[1].content == ((65, 86),)
    assert len(gold) == 2  # the Discard note is not an attribution


def test_eval_attribution_parse_ann_skips_continuation_lines() -> None:
    ann = (
        "T1\tContent 0 5\tline one\nline two\n"
        "T2\tCue 6 10\tsaid\nE1\tAttribution:T2 Cue:T2 Content:T1\n"
    )
    assert parse_ann(ann)[0].content == ((0, 5),)


def test_eval_attribution_normalise_trims_quotes_and_punctuation() -> None:
    assert normalise(TEXT, ((0, 14),)) == ((1, 12),)
    # two fragments only quote marks and a space apart are one
    assert normalise("“A,” “B.”", ((0, 4), (5, 9))) == ((1, 7),)
    assert normalise(TEXT, ((13, 15),)) == ()


def test_eval_attribution_overlap_is_one_to_one() -> None:
    gold = [((0, 10),), ((20, 30),)]
    predicted = [((0, 25),), ((5, 8),)]
    # a maximum matching: the wide prediction yields its larger overlap to the narrow one
    assert overlap_matches(gold, predicted) == 2
    assert overlap_matches(gold, [((0, 30),)]) == 1


def test_eval_attribution_score_article_exact_and_overlap() -> None:
    gold = parse_ann(ANN)
    predicted = [
        Predicted(source=((20, 28),), cue=((15, 19),), content=((0, 14), (30, 47))),
        Predicted(source=(), cue=((56, 64),), content=((70, 86),)),
    ]
    scores = score_article(TEXT, gold, predicted)
    assert scores["source"].exact.f1 == 1.0
    assert scores["cue"].exact.true_positives == 2
    assert scores["content"].exact.true_positives == 1
    assert scores["content"].overlap.true_positives == 2


def test_eval_attribution_read_split_uses_first_annotator(tmp_path: Path) -> None:
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "a_bbbb.ann").write_text("", encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "a_aaaa.ann").write_text(ANN, encoding="utf-8")
    (article,) = read_split(tmp_path, "dev")
    assert len(article.attributions) == 2
    with pytest.raises(ClaimgraphError):
        list(read_split(tmp_path, "train"))


def test_eval_attribution_format_report_lists_both_systems(tmp_path: Path) -> None:
    from claimgraph.eval.attribution import AttributionReport, SystemScores

    report = AttributionReport(
        split="dev", articles=1, systems={"claimgraph": SystemScores(), "textacy": SystemScores()}
    )
    text = format_report(report)
    assert "claimgraph  content" in text and "textacy" in text
    assert report.as_dict()["systems"]["textacy"]["cue"]["exact"]["f1"] == 0.0


def test_eval_attribution_cli_prints_both_systems(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claimgraph.cli.main import cli

    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "a_aaaa.ann").write_text(ANN, encoding="utf-8")
    args = ["eval", "attribution", "--polnear", str(tmp_path), "--split", "dev", "--json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)["attribution"]
    assert report["articles"] == 1
    assert set(report["systems"]) == {"claimgraph", "textacy"}
    assert report["systems"]["claimgraph"]["cue"]["exact"]["gold"] == 2
