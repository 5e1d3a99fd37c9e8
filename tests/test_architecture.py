"""No import runs back up the layers of docs/architecture.md, the archive imports only the foundation, and the
rules and the making read the prose through `prose`, never through the recognizer.

Every import counts, wherever it is written: inside a function (a lazy import is still a dependency)
and under `if TYPE_CHECKING:` (a type names what the code is about).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import yusuan

SOURCE = Path(yusuan.__file__).parent

# Lowest first, as in docs/architecture.md. A unit is a subpackage or a top-level module of
# yusuan ("__init__" is the package itself). A unit imports from its own layer and the layers below.
LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("foundation", frozenset({"__init__", "errors", "model", "classification", "collector", "lifeline",
                              "children", "isolation", "outputs"})),
    ("document", frozenset({"document"})),
    ("readers", frozenset({"readers"})),
    ("prose", frozenset({"prose"})),
    ("recognize", frozenset({"recognize"})),
    ("checks", frozenset({"checks"})),
    ("making", frozenset({"compose", "inputs", "writers", "export"})),
    ("pipeline", frozenset({"pipeline"})),
    ("archive", frozenset({"archive"})),
    ("workflows", frozenset({"archiving", "batch", "checks_xdoc", "compare", "synth"})),
    ("faces", frozenset({"cli", "web", "__main__"})),
)
# Units held to fewer layers than their own allows: the archive stores and queries what it is handed; the
# prose's vocabulary knows no reader (it stands above them only to keep them from reaching into it).
ONLY_FROM: dict[str, frozenset[str]] = {
    "archive": frozenset({"foundation", "archive"}),
    "prose": frozenset({"foundation", "document", "prose"}),
}
# Units their layer allows that a unit may not import: the rules and the making read the prose through
# `prose`, never through the recognizer.
FORBIDDEN: dict[str, frozenset[str]] = {
    "checks": frozenset({"recognize"}),
    "checks_xdoc": frozenset({"recognize"}),
    "compose": frozenset({"recognize"}),
    "writers": frozenset({"recognize"}),
    "export": frozenset({"recognize"}),
}
# (importing module, imported module) -> why it stays; each is in docs/architecture.md, "Known exceptions".
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("yusuan.archive.backfill", "yusuan.checks.headline"):
        "migration 2 fills the headline figures of an archive of schema 1 when it is opened; the figures "
        "must be those a document added today gets, and where a figure is printed only the checks know",
}


@dataclass(frozen=True, slots=True)
class Import:
    module: str  # the importing module, dotted
    target: str  # the imported module, dotted
    line: int
    path: str  # of the importing file, relative to the package's parent

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.module} imports {self.target}"


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(dotted: str, root: Path) -> bool:
    base = root.parent.joinpath(*dotted.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _targets(node: ast.Import | ast.ImportFrom, package: str, root: Path) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        parts = package.split(".")
        base = ".".join(parts[:len(parts) - node.level + 1])
        source = f"{base}.{node.module}" if node.module else base
    else:
        source = node.module or ""
    # `from yusuan.archive import store` imports the module yusuan.archive.store
    named = [f"{source}.{alias.name}" for alias in node.names]
    modules = [name for name in named if _is_module(name, root)]
    return modules + ([source] if len(modules) < len(named) else [])


def imports_of(root: Path) -> list[Import]:
    """Every import of the package at `root` of a module of that same package."""
    found = []
    for path in sorted(root.rglob("*.py")):
        module = _module_name(path, root)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for target in _targets(node, package, root):
                    if target == root.name or target.startswith(root.name + "."):
                        found.append(Import(module, target, node.lineno, str(path.relative_to(root.parent))))
    return found


def unit_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layer_of(unit: str, layers=LAYERS) -> int | None:
    return next((n for n, (_, units) in enumerate(layers) if unit in units), None)


def violations(imports: list[Import], layers=LAYERS, only_from=ONLY_FROM, exceptions=EXCEPTIONS,
               forbidden=FORBIDDEN) -> list[str]:
    names = [name for name, _ in layers]
    found = []
    for i in imports:
        if (i.module, i.target) in exceptions:
            continue
        source, target = unit_of(i.module), unit_of(i.target)
        low, high = layer_of(target, layers), layer_of(source, layers)
        if low is None or high is None:
            continue  # told by test_every_unit_has_a_layer
        if low > high:
            found.append(f"{i} (layer {names[high]} imports layer {names[low]})")
        elif source in only_from and names[low] not in only_from[source]:
            found.append(f"{i} ({source} imports only from {', '.join(sorted(only_from[source]))})")
        elif target in forbidden.get(source, ()):
            found.append(f"{i} ({source} may not import {target})")
    return found


def test_no_import_runs_up_the_layers():
    found = violations(imports_of(SOURCE))
    assert not found, "imports against docs/architecture.md:\n" + "\n".join(found)


def test_every_unit_has_a_layer():
    units = {unit_of(_module_name(path, SOURCE)) for path in SOURCE.rglob("*.py")}
    placed = {unit for _, members in LAYERS for unit in members}
    assert units - placed == set(), "add these to LAYERS and docs/architecture.md"
    assert placed - units == set(), "gone from src/yusuan: take them out of LAYERS and docs/architecture.md"


def test_each_exception_is_still_needed():
    imported = {(i.module, i.target) for i in imports_of(SOURCE)}
    assert set(EXCEPTIONS) <= imported, "an exception no longer imported: remove it here and from the doc"


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_an_upward_import_is_found_in_a_function_a_type_check_block_and_a_relative_import(tmp_path):
    root = _package(tmp_path / "pkg", {
        "__init__.py": "",
        "low/__init__.py": "",
        "low/a.py": "def f():\n    from ..high import b\n",
        "low/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.high.b\n",
        "low/d.py": "from pkg.high import b\n",
        "high/__init__.py": "",
        "high/b.py": "from ..low import a\n",
    })
    layers = (("low", frozenset({"low", "__init__"})), ("high", frozenset({"high"})))
    found = violations(imports_of(root), layers, {}, {})
    assert [line.split(":")[0] for line in found] == ["pkg/low/a.py", "pkg/low/c.py", "pkg/low/d.py"]


def test_a_unit_held_to_fewer_layers_is_told_when_it_reaches_past_them(tmp_path):
    root = _package(tmp_path / "pkg", {
        "__init__.py": "", "base.py": "", "middle.py": "", "store.py": "from . import base\nfrom . import middle\n",
    })
    layers = (("base", frozenset({"base", "__init__"})), ("middle", frozenset({"middle"})),
              ("store", frozenset({"store"})))
    found = violations(imports_of(root), layers, {"store": frozenset({"base", "store"})}, {})
    assert len(found) == 1 and "pkg.store imports pkg.middle" in found[0]


def test_a_unit_forbidden_a_unit_below_it_is_told_when_it_imports_it(tmp_path):
    root = _package(tmp_path / "pkg", {
        "__init__.py": "", "words.py": "", "reader.py": "from . import words\n",
        "rule.py": "from . import words\nfrom . import reader\n",
    })
    layers = (("words", frozenset({"words", "__init__"})), ("reader", frozenset({"reader"})),
              ("rule", frozenset({"rule"})))
    found = violations(imports_of(root), layers, {}, {}, {"rule": frozenset({"reader"})})
    assert len(found) == 1 and "pkg.rule imports pkg.reader" in found[0]
