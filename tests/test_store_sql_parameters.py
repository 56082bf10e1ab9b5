"""SQL is built only from constants: values always travel as parameters.

Every call of ``execute``-like methods in ``src/`` is read from the syntax tree; its
statement may be a literal, a name or attribute holding one, or an f-string whose
only interpolations are the vetted ones below (placeholder lists, constant clauses,
integers). String concatenation, ``%`` and ``.format`` into a statement fail.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "claimgraph"
EXECUTE_METHODS = {"execute", "executemany", "executescript", "_execute", "_execute_many"}
# Interpolations that hold no value from outside: "?, ?, ?" lists, ORDER BY clauses
# chosen per backend in the class, and integers.
VETTED = {
    "in_marks(len(chunk))",
    "self.APPEARANCE_ORDER",
    "order",
    "BUSY_TIMEOUT_MS",
    "int(version)",
}


def statements() -> list[tuple[str, int, ast.expr]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in EXECUTE_METHODS
                and node.args
            ):
                found.append((str(path.relative_to(SRC)), node.lineno, node.args[0]))
    return found


def problem(statement: ast.expr) -> str | None:
    if isinstance(statement, ast.Constant | ast.Name | ast.Attribute):
        return None
    if isinstance(statement, ast.Call) and ast.unparse(statement.func) == "pg_placeholders":
        return problem(statement.args[0])
    if isinstance(statement, ast.JoinedStr):
        for part in statement.values:
            if isinstance(part, ast.FormattedValue) and ast.unparse(part.value) not in VETTED:
                return f"interpolates {ast.unparse(part.value)}"
        return None
    return f"builds SQL with {type(statement).__name__}: {ast.unparse(statement)[:80]}"


def test_store_sql_parameters_every_statement_is_constant() -> None:
    checked = statements()
    assert len(checked) > 15  # the scan sees the stores' statements
    problems = [f"{path}:{line}: {why}" for path, line, s in checked if (why := problem(s))]
    assert problems == []


def test_store_sql_parameters_the_check_catches_string_building() -> None:
    for code in ('"SELECT " + name', '"WHERE id = %s" % x', '"x {}".format(y)', 'f"id = {y}"'):
        assert problem(ast.parse(code, mode="eval").body) is not None
