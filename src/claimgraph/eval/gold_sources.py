"""What the date and factuality evals share: a JSONL gold file read by split, and
scores named by where they come from (``gold:<split>``, ``meantime``)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from spacy.language import Language

from claimgraph.eval.meantime import MeantimeDocument, read_corpus

ItemT = TypeVar("ItemT")
ScoreT = TypeVar("ScoreT")


def read_split(path: Path, split: str = "all") -> Iterator[dict[str, Any]]:
    """The items of a JSONL gold file whose ``split`` is ``split`` (``all``: every item)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw: dict[str, Any] = json.loads(line)
        if split != "all" and raw["split"] != split:
            continue
        yield raw


class GoldAndMeantimeRun(Protocol[ScoreT]):
    """Scores by name (``gold:<split>``, ``meantime``) of the sources given."""

    def __call__(
        self,
        nlp: Language,
        gold_file: Path | None,
        split: str,
        meantime: Path | None = None,
        limit: int | None = None,
    ) -> dict[str, ScoreT]: ...


def gold_and_meantime_run(
    read_gold: Callable[[Path, str], Sequence[ItemT]],
    evaluate_gold: Callable[[Language, Sequence[ItemT]], ScoreT],
    evaluate_meantime: Callable[[Language, Sequence[MeantimeDocument]], ScoreT],
) -> GoldAndMeantimeRun[ScoreT]:
    """An eval's ``run``: its scores by name (``gold:<split>``, ``meantime``) for the CLI."""

    def run(
        nlp: Language,
        gold_file: Path | None,
        split: str,
        meantime: Path | None = None,
        limit: int | None = None,
    ) -> dict[str, ScoreT]:
        scores: dict[str, ScoreT] = {}
        if gold_file is not None:
            scores[f"gold:{split}"] = evaluate_gold(nlp, read_gold(gold_file, split))
        if meantime is not None:
            scores["meantime"] = evaluate_meantime(nlp, read_corpus(meantime, limit))
        return scores

    return run


class TaskScore(Protocol):
    """What the CLI prints of one source's score."""

    errors: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]: ...


TaskScoreT = TypeVar("TaskScoreT", bound=TaskScore)


class GoldAndMeantimeTask(Protocol[TaskScoreT]):
    """An eval module scored on a JSONL gold file and/or MEANTIME (dates, factuality)."""

    @property
    def run(self) -> GoldAndMeantimeRun[TaskScoreT]: ...

    def render(self, scores: dict[str, TaskScoreT]) -> str: ...
