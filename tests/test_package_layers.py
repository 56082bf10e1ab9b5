"""Imports run one way: a module of claimgraph imports only from layers below its own.

Read with ``ast`` from the source (imports inside functions count: the CLI's lazy
imports are real dependencies). A new top-level package or module must be placed in a
layer here; an import that runs sideways or up fails with the edge it found.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "claimgraph"

# claimgraph's top-level packages and modules, lowest first.
LAYERS: tuple[frozenset[str], ...] = (
    # what everything shares: the data model, errors, sentence splitting, singular nouns
    frozenset({"errors", "model", "sentences", "plurals"}),
    # reading articles in
    frozenset({"ingest"}),
    # one article's analysis, which knows nothing of storage; keeping articles
    frozenset({"analyse", "store"}),
    # linking stored articles into stories
    frozenset({"link"}),
    # what works over analysed and linked articles: presenting, batch ingest, alerts,
    # article admin; then what builds on those (reports, story admin, eval, watching)
    frozenset({"present", "batch", "alerts", "article_admin"}),
    frozenset({"reporting", "story_admin", "eval", "watch"}),
    # the edges: training, the demo, the Python API behind the package's front door
    # (``claimgraph.open``, ``__version__``), the web app that shows the version, the CLI
    frozenset({"train", "demo", "api"}),
    frozenset({"__init__"}),
    frozenset({"web"}),
    frozenset({"cli"}),
)

# Units in different layers that still must not import each other: an article's
# analysis does not know how articles are linked, nor linking how one is analysed.
APART: tuple[frozenset[str], ...] = (frozenset({"analyse", "link"}),)

# analyse/'s packages and root modules, lowest first: one package per concern, and no
# concern reads another's internals except where a layer below it is that concern.
ANALYSE_LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"extensions"}),
    frozenset({"tokens", "entities", "attribution", "dates", "quantities"}),
    frozenset({"factuality"}),  # reads the dates a sentence holds
    frozenset({"article", "factories"}),
    frozenset({"pipeline"}),
    frozenset({"extract", "__init__"}),
)


def _units(root: Path) -> set[str]:
    """The packages (folders with Python in them) and modules directly in ``root``."""
    units = {p.stem for p in root.glob("*.py")}
    units |= {p.name for p in root.iterdir() if p.is_dir() and any(p.rglob("*.py"))}
    return units


def _imported(node: ast.AST) -> list[str]:
    """The dotted names an import statement reads (``from a import b``: ``a.b``)."""
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        return [f"{node.module}.{alias.name}" for alias in node.names]
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    return []


def _imports(root: Path, prefix: str) -> set[tuple[str, str, str]]:
    """(importing unit, imported unit, file) for every import of another unit of
    ``root`` (``prefix.X...``; a name from ``prefix`` itself is its ``__init__``)."""
    units = _units(root)
    depth = len(prefix.split("."))
    edges = set()
    for path in root.rglob("*.py"):
        rel = path.relative_to(root).parts
        source = rel[0] if len(rel) > 1 else path.stem
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for name in _imported(node):
                parts = name.split(".")
                if parts[:depth] != prefix.split(".") or len(parts) == depth:
                    continue
                target = parts[depth] if parts[depth] in units else "__init__"
                if target != source:
                    edges.add((source, target, str(path.relative_to(PACKAGE))))
    return edges


def _upward(
    layers: tuple[frozenset[str], ...],
    edges: set[tuple[str, str, str]],
    apart: tuple[frozenset[str], ...] = (),
) -> list[str]:
    """The imports that run sideways, up, or between units kept ``apart``."""
    rank = {unit: i for i, layer in enumerate(layers) for unit in layer}
    return sorted(
        f"{file}: {source} imports {target}"
        for source, target, file in edges
        if rank[target] >= rank[source] or frozenset({source, target}) in apart
    )


@pytest.mark.parametrize(
    ("root", "prefix", "layers"),
    [
        (PACKAGE, "claimgraph", LAYERS),
        (PACKAGE / "analyse", "claimgraph.analyse", ANALYSE_LAYERS),
    ],
    ids=["claimgraph", "analyse"],
)
def test_package_layers_every_unit_has_a_layer(
    root: Path, prefix: str, layers: tuple[frozenset[str], ...]
) -> None:
    placed = set().union(*layers)
    assert _units(root) <= placed, f"place these in a layer of {prefix}: {_units(root) - placed}"


@pytest.mark.parametrize(
    ("root", "prefix", "layers"),
    [
        (PACKAGE, "claimgraph", LAYERS),
        (PACKAGE / "analyse", "claimgraph.analyse", ANALYSE_LAYERS),
    ],
    ids=["claimgraph", "analyse"],
)
def test_package_layers_imports_only_run_down(
    root: Path, prefix: str, layers: tuple[frozenset[str], ...]
) -> None:
    edges = _imports(root, prefix)
    assert edges, "no imports found: the reader is broken"
    assert _upward(layers, edges, APART) == []


def test_package_layers_an_upward_import_is_caught() -> None:
    edges = {
        ("analyse", "store", "analyse/x.py"),
        ("link", "analyse", "link/y.py"),
        ("link", "store", "link/z.py"),
    }
    assert _upward(LAYERS, edges, APART) == [
        "analyse/x.py: analyse imports store",
        "link/y.py: link imports analyse",
    ]
