"""``claimgraph train attribution`` on a small PolNeAR-shaped folder written here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from claimgraph.analyse.attribution.models import AttributionModels
from claimgraph.cli.main import cli
from claimgraph.train.attribution import train_attribution

_SPEAKERS = ["Maria Lopez", "The ministry", "Ivan Petrov", "The mayor", "Anna Berg", "He"]
_CONTENTS = [
    "the bridge would reopen in May",
    "prices had fallen again",
    "the talks were over",
    "the army had crossed the river",
]


def _write_polnear(root: Path, articles: int) -> None:
    text_dir = root / "train" / "text"
    ann_dir = root / "train" / "attributions"
    text_dir.mkdir(parents=True)
    ann_dir.mkdir(parents=True)
    for n in range(articles):
        speaker = _SPEAKERS[n % len(_SPEAKERS)]
        content = _CONTENTS[n % len(_CONTENTS)]
        text = f"{speaker} said {content}. The weather was cold in the city on Monday.\n"
        cue_start = len(speaker) + 1
        content_start = cue_start + len("said ")
        ann = (
            f"T1\tSource 0 {len(speaker)}\t{speaker}\n"
            f"T2\tCue {cue_start} {cue_start + 4}\tsaid\n"
            f"T3\tContent {content_start} {content_start + len(content)}\t{content}\n"
            "E1\tCue:T2 Source:T1 Content:T3\n"
        )
        (text_dir / f"article{n:02}.txt").write_text(text)
        (ann_dir / f"article{n:02}_annotator.ann").write_text(ann)


def test_train_attribution_writes_a_loadable_scorer(tmp_path: Path, nlp: Any) -> None:
    _write_polnear(tmp_path / "polnear", 12)
    out = tmp_path / "model" / "attribution_models.npz"
    report = train_attribution(tmp_path / "polnear", out, nlp=nlp)
    assert report.articles == 12
    assert report.positives == 12  # one cue head ("said") per article
    scorer = AttributionModels.load(out)
    assert scorer.provenance["articles"] == 12
    assert "PolNeAR train" in scorer.provenance["trained_on"]
    assert (scorer.keep, scorer.add) == (report.keep, report.add)
    said = scorer.probability(["lemma=say", "pos=VERB", "rule=clause"])
    weather = scorer.probability(["lemma=be", "pos=AUX", "rule=none"])
    assert said > 0.5 > weather


def test_train_attribution_command_reports_and_writes(tmp_path: Path) -> None:
    _write_polnear(tmp_path / "polnear", 10)
    out = tmp_path / "attribution_models.npz"
    result = CliRunner().invoke(
        cli,
        ["train", "attribution", "--polnear", str(tmp_path / "polnear"), "--out", str(out),
         "--processes", "1"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "trained on 10 articles" in result.output
    assert AttributionModels.load(out).provenance["articles"] == 10


def test_train_attribution_too_few_articles_is_a_clear_error(tmp_path: Path) -> None:
    _write_polnear(tmp_path / "polnear", 3)
    result = CliRunner().invoke(
        cli, ["train", "attribution", "--polnear", str(tmp_path / "polnear"), "--out",
              str(tmp_path / "x.json"), "--processes", "1"],
    )  # fmt: skip
    assert result.exit_code != 0
    assert "too few train articles" in result.output
