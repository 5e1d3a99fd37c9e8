"""Reading leaf facts (BudgetInput) from an input workbook or YAML, with messages that say where and what to fix.

    facts, warnings = load_input(Path("budget.xlsx"))     # or .yaml / .yml
    workbook_bytes()                                      # the empty input workbook (yusuan template)
"""

from __future__ import annotations

from pathlib import Path

from ..compose.facts import BudgetInput
from ..errors import YusuanError
from .problems import InputError
from .template import workbook_bytes
from .workbook import load_workbook_input
from .yaml_input import load_yaml, read_yaml

INPUT_SUFFIXES = (".xlsx", ".yaml", ".yml")


def is_input_file(path: Path) -> bool:
    return path.suffix.lower() in INPUT_SUFFIXES


def load_input(path: Path) -> tuple[BudgetInput, list[str]]:
    """Facts and warnings from an input workbook (.xlsx) or YAML (.yaml/.yml)."""
    if not path.exists():
        raise YusuanError(f"找不到文件“{path}”。请检查路径是否正确。")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return load_workbook_input(path)
    if suffix in (".yaml", ".yml"):
        return load_yaml(path)
    raise YusuanError(f"“{path.name}”不是输入数据文件。请提供 yusuan template 生成的 .xlsx 工作簿或 .yaml 文件；"
                      "要重新排版已公开的文件，请加 --from-parsed。")


__all__ = ["BudgetInput", "INPUT_SUFFIXES", "InputError", "is_input_file", "load_input", "load_yaml", "read_yaml",
           "workbook_bytes"]
