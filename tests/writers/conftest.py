from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_YAML = ROOT / "examples" / "budget-input.yaml"
EXAMPLE_XLSX = ROOT / "examples" / "budget-input.xlsx"


@pytest.fixture(scope="session")
def facts():
    from yusuan.inputs import load_input

    return load_input(EXAMPLE_YAML)[0]


@pytest.fixture(scope="session")
def derived(facts):
    from yusuan.compose import derive

    return derive(facts)


@pytest.fixture(scope="session")
def pdf_of_derived(derived) -> bytes:
    from yusuan.writers.pdf import pdf_bytes

    return pdf_bytes(derived)
