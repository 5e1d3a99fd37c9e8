"""Leaf facts as YAML (the keys of BudgetInput). Numbers are read as Decimal, never float."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from ..compose.facts import BudgetInput
from ..errors import YusuanError
from .problems import check_facts, validation_messages


class _DecimalLoader(yaml.SafeLoader):
    """SafeLoader whose floats are exact Decimals (3805.35 stays 3805.35)."""


def _decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal | str:
    text = loader.construct_scalar(node).replace("_", "")
    try:
        return Decimal(text)
    except InvalidOperation:  # .inf, .nan: leave them for validation to reject as text
        return text


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _decimal)


def read_yaml(text: str, name: str) -> tuple[BudgetInput, list[str]]:
    """The facts in YAML text, and warnings (unusual but consistent facts)."""
    try:
        data = yaml.load(text, Loader=_DecimalLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark else ""
        raise YusuanError(f"无法读取“{name}”：YAML 格式有误{where}（{getattr(exc, 'problem', exc)}）。请检查缩进和冒号。") from exc
    if not isinstance(data, dict):
        raise YusuanError(f"无法读取“{name}”：内容应为“键: 值”的映射（department、year、functional_lines……）。")
    facts = validation_messages(lambda: BudgetInput.model_validate(data), name, _yaml_place)
    return facts, check_facts(facts, name, _yaml_place)


def load_yaml(path: Path) -> tuple[BudgetInput, list[str]]:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise YusuanError(f"无法读取“{path.name}”：{exc}。请确认是 UTF-8 编码的 YAML 文件。") from exc
    return read_yaml(text, path.name)


def _yaml_place(path: tuple[str | int, ...]) -> str:
    """("functional_lines", 3, "basic") -> "functional_lines 第4项 basic"."""
    words = [f"第{p + 1}项" if isinstance(p, int) else str(p) for p in path]
    return " ".join(words) if words else "（整个文件）"
