"""``tests/gates.py``: one margin rule, known samples, and no floor lowered silently."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest

import gates

GATES_FILE = Path(gates.__file__).resolve()
REPO = GATES_FILE.parents[1]
REASON = re.compile(r"#\s*lowered:\s*\S")
Limits = dict[tuple[str, str], tuple[float, bool, str]]


def test_gates_every_limit_follows_the_margin_rule() -> None:
    off = [
        (g.sample, g.measure, g.measured, g.limit)
        for g in gates.GATES
        if g.limit != gates.rule_limit(g.measured, count=g.count, ceiling=g.ceiling is not None)
    ]
    assert not off, f"limits not at the margin rule's value: {off}"


def test_gates_every_gate_has_one_limit_and_a_known_sample() -> None:
    keys = [(g.sample, g.measure) for g in gates.GATES]
    assert len(keys) == len(set(keys))
    for gate in gates.GATES:
        assert (gate.floor is None) != (gate.ceiling is None), gate
        assert gate.sample in gates.SAMPLES, gate
    for sample in gates.SAMPLES.values():
        assert re.fullmatch(r"[0-9a-f]{64}", sample.digest), sample


def limits_in(source: str) -> Limits:
    """``(sample, measure) -> (limit, is_ceiling, the limit's source line)`` of a version
    of ``gates.py``, read from its syntax tree (old versions are never imported)."""
    lines = source.splitlines()
    found: Limits = {}
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Gate"):
            continue
        sample, measure = (ast.literal_eval(a) for a in node.args[:2])
        for keyword in node.keywords:
            if keyword.arg in ("floor", "ceiling"):
                value = float(ast.literal_eval(keyword.value))
                line = lines[keyword.value.lineno - 1]
                found[(sample, measure)] = (value, keyword.arg == "ceiling", line)
    return found


def loosened_without_reason(older: Limits, newer: Limits) -> list[str]:
    """Floors lowered (ceilings raised) from ``older`` to ``newer`` with no reason given."""
    found = []
    for key, (value, ceiling, line) in newer.items():
        if key not in older or REASON.search(line):
            continue
        before = older[key][0]
        if (value > before) if ceiling else (value < before):
            found.append(f"{key}: {before} -> {value}")
    return found


def test_gates_loosening_needs_a_reason_on_the_same_line() -> None:
    older = limits_in('Gate("s", "F1", 0.8, floor=0.795)\nGate("s", "errors", 0, ceiling=0)')
    silent = limits_in('Gate("s", "F1", 0.7, floor=0.695)\nGate("s", "errors", 2, ceiling=3)')
    stated = limits_in(
        'Gate("s", "F1", 0.7, floor=0.695)  # lowered: the gold was corrected\n'
        'Gate("s", "errors", 2, ceiling=3)  # lowered: a new must-not item'
    )
    assert len(loosened_without_reason(older, silent)) == 2
    assert loosened_without_reason(older, stated) == []
    assert loosened_without_reason(silent, older) == []  # tightening needs no reason


def git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout


def test_gates_no_limit_was_ever_loosened_without_a_reason() -> None:
    """Every committed version of gates.py against its parents' (the history as it was
    made, not commits in date order: two branches' versions interleave by date), and the
    working copy against the last commit. A merge loosens a limit only when it sets it
    below every parent's: taking one side's value is the merge, not a change."""
    try:
        lines = git("rev-list", "--parents", "HEAD", "--", "tests/gates.py").splitlines()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: the history of tests/gates.py cannot be read")
    shown: dict[str, Limits] = {}

    def limits_at(commit: str) -> Limits:
        if commit not in shown:
            shown[commit] = limits_in(git("show", f"{commit}:tests/gates.py"))
        return shown[commit]

    found = loosened_without_reason(limits_at("HEAD"), limits_in(GATES_FILE.read_text("utf-8")))
    for line in lines:
        commit, *parents = line.split()
        each = [loosened_without_reason(limits_at(p), limits_at(commit)) for p in parents]
        keys = [{problem.rsplit(": ", 1)[0] for problem in problems} for problems in each]
        if each:
            every = set.intersection(*keys)
            found += [f"{commit[:8]} {p}" for p in each[0] if p.rsplit(": ", 1)[0] in every]
    assert not found, f"loosened without '# lowered: <why>' on the line: {found}"


def test_gates_check_sample_reports_a_changed_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(gates.RECORD_ENV, raising=False)
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    digest = gates.sample_digest(tmp_path, [tmp_path / "a.txt"])
    monkeypatch.setitem(gates.SAMPLES, "t/sample", gates.Sample("a test sample", digest))
    gates.check_sample("t/sample", tmp_path, [tmp_path / "a.txt"])
    (tmp_path / "a.txt").write_text("two", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="changed"):
        gates.check_sample("t/sample", tmp_path, [tmp_path / "a.txt"])


def test_gates_check_fails_below_a_floor_and_above_a_ceiling(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(gates.RECORD_ENV, raising=False)
    monkeypatch.setattr(
        gates,
        "GATES",
        (
            gates.Gate("t", "F1", 0.8, floor=0.795),
            gates.Gate("t", "errors", 0, ceiling=0, count=True),
        ),
    )
    gates.check("t", {"F1": 0.795, "errors": 0})
    with pytest.raises(AssertionError, match="F1"):
        gates.check("t", {"F1": 0.79, "errors": 0})
    with pytest.raises(AssertionError, match="errors"):
        gates.check("t", {"F1": 0.8, "errors": 1})
    with pytest.raises(AssertionError, match="no figure"):
        gates.check("t", {"F1": 0.8})
