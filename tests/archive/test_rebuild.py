"""A document rebuilt from the archive's rows shows its amounts as the document printed them."""

from decimal import Decimal

from yusuan import archiving
from yusuan.archive.rebuild import rebuild


def test_a_rebuilt_table_prints_two_decimals_not_the_archives_four(archive, seed_path):
    added = archiving.add_file(archive, seed_path)
    with archive.cursor() as cur:
        table = rebuild(cur, added.id).tables["general_expenditure"]
    assert archive.rebuild(added.id).tables["general_expenditure"] == table
    assert archive.rebuild(added.id + 1) is None
    # the seed's 一般公共预算财政拨款支出预算表: 合计 3,805.35 1,379.35 2,426.00; 201 一般公共服务支出 … 925.40
    total = next(r for r in table.rows if r.code is None and "合计" in r.name)
    assert [str(total.values[c]) for c in ("total", "basic", "project")] == ["3805.35", "1379.35", "2426.00"]
    assert str(next(r for r in table.rows if r.code == "201").values["basic"]) == "925.40"


def test_a_figure_with_more_decimals_keeps_them():
    from yusuan.archive.rebuild import _as_printed

    assert str(_as_printed(Decimal("2574.1666"))) == "2574.1666"
    assert str(_as_printed(Decimal("151.0000"))) == "151.00"
