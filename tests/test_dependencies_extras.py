"""scipy and scikit-learn are in the dev extra only: no run-time module may import them.

Only the evaluation (``eval/``: one-to-one matchings) and training (``train/``) use them,
and both are reached from the CLI by lazy imports; an installed claimgraph without the
dev extra ingests, links, reports and serves without either.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "claimgraph"
DEV_ONLY = {"scipy": "scipy", "sklearn": "scikit-learn"}
ALLOWED = {"eval", "train"}


def imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_dependencies_extras_runtime_code_never_imports_dev_only_packages() -> None:
    offending = [
        f"{path.relative_to(SRC)} imports {name}"
        for path in sorted(SRC.rglob("*.py"))
        if path.relative_to(SRC).parts[0] not in ALLOWED
        for name in imported_roots(path) & set(DEV_ONLY)
    ]
    assert not offending


def test_dependencies_extras_dev_only_packages_are_not_runtime_dependencies() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def names(requirements: list[str]) -> set[str]:
        return {r.split("==")[0].split("[")[0].strip().lower() for r in requirements}

    assert names(project["dependencies"]).isdisjoint(DEV_ONLY.values())
    assert set(DEV_ONLY.values()) <= names(project["optional-dependencies"]["dev"])
