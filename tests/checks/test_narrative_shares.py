"""Shares the narrative states of a whole it names recompute from the part and the whole."""

import pytest

from .builder import assert_fails, assert_passes
from .consistent import consistent

THREE_PUBLIC = [
    (None, "2023", {"total": "833.6", "overseas": "222.5", "vehicle": "183.6", "vehicle_purchase": "0",
                    "vehicle_operation": "183.6", "reception": "427.5"}),
    (None, "2024", {"total": "833.6", "overseas": "222.5", "vehicle": "183.6", "vehicle_purchase": "0",
                    "vehicle_operation": "183.6", "reception": "427.5"}),
]
# 江苏人大 2017 p.28: the shares printed over 2,542.60 (the table's total with 会议费、培训费), not 833.60
SHARES = ("2024年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出222.5万元，占“三公”经费的{0}%；"
          "公务用车购置及运行费支出183.6万元，占“三公”经费的{1}%；公务接待费支出427.5万元，占“三公”经费的{2}%。")


def _saying(*shares: str, text: str = SHARES):
    builder = consistent().drop_claims("three_public_total").table("three_public", THREE_PUBLIC)
    return builder.section("一般公共预算“三公”经费支出预算情况说明", text.format(*shares))


def test_shares_over_the_whole_they_name_pass():
    # 222.5 / 833.6 = 26.69%, 183.6 / 833.6 = 22.02%, 427.5 / 833.6 = 51.28%
    assert_passes(_saying("26.69", "22.02", "51.28"), "NARR-SHARE")


def test_shares_over_another_total_are_found_once():
    [finding] = assert_fails(_saying("8.75", "7.22", "16.81"), "NARR-SHARE", table="narrative", severity="error")
    for recomputed in ("26.69%", "22.02%", "51.28%", "833.6"):
        assert recomputed in finding.message


@pytest.mark.parametrize("printed,found", [
    # 江苏检察院 2017 p.22: 317.8 / 584.35 = 54.385%: 54.39 rounded, 54.38 cut, 54.43 neither
    ("54.39", False), ("54.38", False), ("54.43", True), ("54.4", False), ("54.5", True),
])
def test_a_share_follows_as_rounding_or_cutting_prints_it(printed, found):
    rows = [(None, "2024", {"total": "584.35", "overseas": "110", "vehicle": "317.8", "vehicle_purchase": "50",
                            "vehicle_operation": "267.8", "reception": "156.55"})]
    text = f"公务用车购置及运行费支出317.8万元，占“三公”经费的{printed}%。"
    built = consistent().drop_claims("three_public_total").table("three_public", rows).section("三公经费", text)
    if found:
        assert_fails(built, "NARR-SHARE", count=1)
    else:
        assert_passes(built, "NARR-SHARE")


def test_a_share_of_a_whole_not_read_with_certainty_is_not_checked():
    # a whole that is no subject's name alone, a share of no whole, another year's part
    for text in ("公务接待费支出427.5万元，占本单位全部经费的{0}%。", "公务接待费支出427.5万元，占比{0}%。",
                 "2023年公务接待费支出427.5万元，占“三公”经费的{0}%。"):
        assert_passes(_saying("16.81", text=text), "NARR-SHARE")


def test_a_share_that_follows_from_the_narratives_own_whole_passes():
    # the narrative states the whole: over it or over the table's, either reading passes
    text = "“三公”经费2,542.60万元。公务接待费支出427.5万元，占“三公”经费的{0}%。"
    built = _saying("16.81", text=text).claim("three_public_total", "2542.60", "“三公”经费")
    assert_passes(built, "NARR-SHARE")
