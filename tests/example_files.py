"""The project's bundled examples, by path, for the tests that read them."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_YAML = ROOT / "examples" / "budget-input.yaml"
EXAMPLE_XLSX = ROOT / "examples" / "budget-input.xlsx"
