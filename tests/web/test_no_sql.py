"""The web asks the archive through its methods: no module under yusuan/web opens a cursor or runs SQL."""

from __future__ import annotations

import ast
from pathlib import Path

import yusuan.web

WEB = Path(yusuan.web.__file__).parent
SQL_CALLS = frozenset({"cursor", "execute", "executemany"})  # DuckDB's ways in


def sql_calls(source: str, name: str) -> list[str]:
    """`name:line: .method(` for every call of a SQL method in `source`."""
    return [f"{name}:{node.lineno}: .{node.func.attr}(" for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS]


def test_no_web_module_opens_a_cursor_or_runs_sql():
    found = [call for path in sorted(WEB.rglob("*.py"))
             for call in sql_calls(path.read_text(encoding="utf-8"), str(path.relative_to(WEB.parent)))]
    assert not found, "the web asks the archive (archive/archive.py) instead:\n" + "\n".join(found)


def test_the_search_finds_a_cursor_and_a_query():
    source = "with archive.cursor() as cur:\n    cur.execute('SELECT 1')\n"
    assert sorted(sql_calls(source, "x.py")) == ["x.py:1: .cursor(", "x.py:2: .execute("]
