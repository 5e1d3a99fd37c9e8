import json
from decimal import Decimal
from pathlib import Path

from yusuan.model import Amount, Disclosure, Unit, convert, parse_decimal

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_published_schema_is_current():
    assert json.loads((DOCS / "schema.json").read_text("utf-8")) == Disclosure.model_json_schema(), \
        "docs/schema.json is stale: run `yusuan schema > docs/schema.json`"


def test_amounts_are_exact_and_carry_their_unit():
    assert parse_decimal("3,805.35") == Decimal("3805.35")
    assert parse_decimal("部门") is None
    assert parse_decimal("nan") is None
    assert convert(Decimal("3805.35"), Unit.wanyuan, Unit.yuan) == Decimal("38053500")
    assert Amount(value=Decimal("1234.5"), unit=Unit.yuan).to(Unit.wanyuan).value == Decimal("0.12345")
    assert str(Amount(value=Decimal("3805.35"), unit=Unit.wanyuan)) == "3,805.35 万元"


def test_amounts_survive_a_json_round_trip_exactly(seed):
    again = Disclosure.model_validate_json(seed.model_dump_json())
    assert again == seed
