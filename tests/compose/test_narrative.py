"""The generated 情况说明: the seed's amounts and changes, the standard sections, the wording."""

from decimal import Decimal as D

from yusuan.compose import derive
from yusuan.readers.html import read_html
from yusuan.recognize import recognize
from yusuan.writers.html import html_bytes

from .small import small

_SIGN = {"增加": 1, "减少": -1, "持平": 0}

# What the seed's own narrative states (examples/tongnan-jxw-2024-budget.txt), by hand:
# subject -> (amount, signed change vs 2023, or None when it states no change)
SEED_STATES = {
    "revenue_total": ("3805.35", "-1023.71"), "expenditure_total": ("3805.35", "-1023.71"),
    "revenue:general_budget": ("3805.35", None), "revenue:gov_fund": ("0", None), "revenue:other": ("0", None),
    "expenditure:201": ("2251.40", None), "expenditure:208": ("313.75", None), "expenditure:210": ("78.66", None),
    "expenditure:215": ("1100", None), "expenditure:221": ("61.54", None),
    "fiscal_revenue": ("3805.35", None), "fiscal_expenditure": ("3805.35", "-1023.71"),
    "basic@general_budget": ("1379.35", "-49.71"), "project@general_budget": ("2426", "-974"),
    "gov_fund_revenue": ("0", "0"), "gov_fund_expenditure": ("0", "0"),
    "three_public_total": ("36.50", "-14"), "overseas": ("0", "0"), "reception": ("30", "-13"),
    "vehicle_operation": ("6.5", "-1"), "vehicle_purchase": ("0", "0"),
    "operating_cost": ("215.95", "-8.67"), "procurement:goods": ("20", None),
    "performance:general_budget": ("2426", None), "performance:gov_fund": ("0", None),
}


def _stated(narrative) -> dict[str, list[tuple]]:
    found: dict[str, list[tuple]] = {}
    for claim in narrative.claims:
        change = None if claim.direction is None else _SIGN[claim.direction] * (claim.change or D(0))
        found.setdefault(claim.subject, []).append((claim.value, change))
    return found


def _states(found: dict, subject: str, value: str, change: str | None) -> bool:
    return any(v == D(value) and (change is None or c == D(change)) for v, c in found.get(subject, []))


def test_the_generated_narrative_states_what_the_seeds_narrative_states(derived):
    found = _stated(derived.narrative)
    missing = [(s, v, c) for s, (v, c) in SEED_STATES.items() if not _states(found, s, v, c)]
    assert missing == []


def test_every_claim_the_seed_parses_to_is_stated_alike(derived, seed):
    found = _stated(derived.narrative)
    for subject, statements in _stated(seed.narrative).items():
        for value, change in statements:
            assert _states(found, subject, str(value), None if change is None else str(change)), subject


def test_the_text_states_exactly_the_claims_generated_with_it(derived):
    """Read back from the rendered text, the claims are the ones composed: text and data cannot disagree."""
    back = recognize(read_html(html_bytes(derived), "x.html"))
    key = lambda c: (c.subject, c.section, c.value, c.change, c.direction, c.change_percent, c.compared_year)  # noqa: E731
    assert sorted(map(key, back.narrative.claims), key=str) == sorted(map(key, derived.narrative.claims), key=str)


def test_standard_parts_and_sections_in_order(derived):
    sections = derived.narrative.sections
    assert [s.title for s in sections if s.level == 0] == ["部门概况", "2024年部门预算情况说明", "名词解释"]
    part_two = sections[[s.title for s in sections].index("2024年部门预算情况说明") + 1:]
    first_level = [s.title for s in part_two if s.level == 1][:10]
    assert first_level == ["收支预算总体情况", "收入预算情况", "支出预算情况", "财政拨款收支预算总体情况",
                           "一般公共预算财政拨款支出预算情况", "一般公共预算财政拨款基本支出预算情况", "“三公”经费预算情况",
                           "政府性基金预算支出情况", "国有资本经营预算支出情况", "其他重要事项的情况说明"]
    assert [s.title for s in sections if s.level == 2 and s.number in ("(一)", "(二)", "(三)", "(四)")][-4:] == \
        ["机关运行经费", "政府采购情况", "国有资产占有使用情况", "绩效目标设置情况"]


def test_definitions_are_included(derived):
    terms = [s.title for s in derived.narrative.sections if s.level == 1]
    for term in ("财政拨款收入", "基本支出", "项目支出", "“三公”经费", "机关运行经费"):
        assert term in terms


def _text(disclosure, title):
    return next(s.text for s in disclosure.narrative.sections if s.title == title)


def test_decrease_wording_with_separators_two_decimals_and_percent(derived):
    # 1,023.71 / 4,829.06 = 21.199…% ; 49.71 / 1,429.06 = 3.478…%
    assert "收入预算3,805.35万元，比2023年减少1,023.71万元，下降21.20%" in _text(derived, "收支预算总体情况")
    assert "基本支出1,379.35万元，比2023年减少49.71万元，下降3.48%，主要原因是2023年退休4人" in _text(derived, "总体情况")


def test_flat_wording_and_the_officers_reason_in_its_place(derived):
    text = _text(derived, "“三公”经费预算情况")
    assert "因公出国（境）费0.00万元，与2023年持平" in text
    assert "公务用车运行维护费6.50万元，比2023年减少1.00万元，下降13.33%，主要原因是缩减开支" in text


def test_increase_wording():
    text = _text(derive(small()), "“三公”经费预算情况")
    assert "公务接待费3.00万元，比2024年增加0.50万元，增长20.00%，主要原因是接待任务增加" in text


def test_procurement_states_kinds_and_the_share_for_small_businesses():
    text = _text(derive(small()), "政府采购情况")
    assert "服务类8.00万元" in text and "面向中小企业预留6.00万元，占政府采购预算的75.00%" in text


def _section_text(disclosure, title: str) -> str | None:
    return next((s.text for s in disclosure.narrative.sections if s.title == title), None)


def test_no_overall_target_sentence_when_none_was_entered():
    """No projects and no overall target entered: the narrative claims no target at all."""
    text = derive(small(projects=[], functional_lines=[{"code": "2011301", "basic": "70"}],
                        prior_year={"basic": "65", "project": "0"}, performance={"projects": []})).narrative
    whole = "\n".join(f"{s.title}\n{s.text}" for s in text.sections)
    assert "绩效目标" not in whole


def test_overall_target_is_stated_as_entered_without_projects():
    overall = {"target": "保障机关正常运转。", "indicators": [
        {"level2": "数量指标", "level3": "保障人数", "comparator": "≥", "value": "30", "unit": "人", "weight": "100"}]}
    disclosure = derive(small(projects=[], functional_lines=[{"code": "2011301", "basic": "70"}],
                              prior_year={"basic": "65", "project": "0"},
                              performance={"projects": [], "overall": overall}))
    assert _section_text(disclosure, "绩效目标设置情况") == (
        "本部门2025年没有安排项目支出。部门整体支出绩效目标是：保障机关正常运转。")


def test_vehicles_are_stated_only_when_entered():
    assert _section_text(derive(small()), "国有资产占有使用情况") is None
    entered = derive(small(assets={"vehicles": {"一般公务用车": 2}}))
    assert _section_text(entered, "国有资产占有使用情况") == "截至2024年12月31日，本部门共有车辆2辆，其中：一般公务用车2辆。"


def test_a_composed_narrative_carries_its_sentences():
    # 一般公共预算 110 and 政府性基金 30 against last year's 100 and 20: two increases of 10, in one sentence
    narrative = derive(small()).narrative
    assert narrative.sentences and narrative.sentences_fit()
    stated = [[(a.kind, a.number, a.direction) for a in s.amounts] for s in narrative.sentences]
    assert [("change", D("10.00"), "增加")] * 2 in stated
    # the composer writes full-width marks: its "；" ends a sentence as a read ";" does
    fund = next(s for s in narrative.sentences if s.text.startswith("政府性基金预算拨款收入30.00万元"))
    assert fund.text.endswith("；") and [(a.number, a.unit.value) for a in fund.amounts] == [(D("30.00"), "万元")]
