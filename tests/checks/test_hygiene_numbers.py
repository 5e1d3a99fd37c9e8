"""How the tables print their amounts."""

from yusuan.model import Printed, Source

from .builder import assert_fails, assert_passes
from .consistent import consistent


def test_amounts_with_only_the_last_thousands_separator():
    # 上海 p.7: "一、财政拨款收入 120258,600 … 125360,898 16933,575"
    disclosure = consistent().build()
    disclosure.odd_amounts = [Printed(text=t, source=Source(page=7, line=56))
                              for t in ("120258,600", "125360,898", "16933,575", "6117,735")]
    [finding] = assert_fails(disclosure, "HYGIENE-NUMBER-FORMAT", count=1, says="“120258,600”")
    assert "4 处" in finding.message and finding.place.page == 7


def test_amounts_grouped_by_three():
    assert_passes(consistent(), "HYGIENE-NUMBER-FORMAT")
