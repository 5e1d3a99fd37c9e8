"""Policy dates the prose restates: the 购房补贴 cut-off."""

import pytest

from yusuan.checks.rules.hygiene.dates import housing_cutoffs

from .builder import assert_fails, assert_passes
from .consistent import consistent


def test_a_housing_subsidy_cutoff_before_the_reform():
    # 福州 p.27, wrapped over two lines as printed
    text = "（七）2210203-购房补贴 85.00 万元。主要用于单位新人\n（1988 年 12 月 1 日后参加工作人员）购房补贴支出。"
    [finding] = assert_fails(consistent().section("一般公共预算拨款支出情况", text), "HYGIENE-HOUSING-DATE",
                             count=1, says="“1988年12月1日后参加工作”")
    assert "1998" in finding.message


@pytest.mark.parametrize("text", [
    # 福州 sister document: the cut-off as the reform set it
    "（八）2210203-购房补贴 800.00 万元。主要用于单位新人（1998 年 12 月 1 日后参加工作人员）购房补贴支出。",
    "住房补贴：按规定发放给2000年1月1日以后参加工作的无房职工。",
    # a year before 1998 in a sentence on something else
    "离休费：用于1949年10月1日前参加革命工作的离休干部。",
    # the 1988 housing reform named, no cut-off of staff
    "购房补贴按照1988年房改方案规定发放。",
])
def test_cutoffs_the_reform_allows_and_other_dates(text):
    assert_passes(consistent().section("名词解释", text), "HYGIENE-HOUSING-DATE")


def test_every_cutoff_before_the_reform_is_found_once():
    text = "购房补贴发给1988年12月1日后参加工作的职工；购房补贴发给1998年12月1日以后参加工作的职工。"
    assert housing_cutoffs(text) == [("1988年12月1日后参加工作", 1988)]
