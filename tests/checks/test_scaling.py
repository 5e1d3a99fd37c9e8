"""The checks take time in proportion to the document: a text or table eight times as long takes about eight
times as long, not sixty-four (quadratic) or five hundred (cubic) times. Each test measures both sizes in
the same run (the better of three), so a loaded machine slows both alike."""

from pathlib import Path

from timing import MAX_GROWTH, best_seconds, growth
from yusuan.checks import all_rules, run_checks
from yusuan.pipeline import parse_bytes

SYNTH = Path(__file__).resolve().parents[2] / "fuzz" / "seeds" / "synth.txt"


def _lines() -> list[str]:
    return SYNTH.read_text("utf-8").split("\n")


def _seconds(disclosure, rule_ids: set[str]) -> float:
    rules = [r for r in all_rules() if r.id in rule_ids]
    assert len(rules) == len(rule_ids)
    return best_seconds(lambda: run_checks(disclosure, rules=rules))


def _growth(build, small: int, rule_ids: set[str]) -> float:
    return (_seconds(parse_bytes(build(small * 8).encode(), "large.txt"), rule_ids)
            / _seconds(parse_bytes(build(small).encode(), "small.txt"), rule_ids))


def _repeated_changes(count: int) -> str:
    """The 三公 paragraph as the synthetic disclosure prints it, its 公务接待费 clause repeated."""
    lines = _lines()
    index = next(i for i, line in enumerate(lines) if line.startswith("2023年一般公共预算“三公”经费预算"))
    lines[index] = ("2023年一般公共预算“三公”经费预算10.38万元，比2022年减少3.76万元，下降26.59%。其中："
                    + "公务接待费3.30万元，比2022年增加0.22万元，增长7.14%；" * count)
    return "\n".join(lines)


def test_change_reasons_take_time_in_proportion_to_the_changes():
    """COMPLETE-CHANGE-REASONS scanned the text's clauses for every change and every clause's change again:
    400 repeated clauses took minutes."""
    disclosure = parse_bytes(_repeated_changes(50).encode(), "changes.txt")
    assert len([c for c in disclosure.narrative.claims if c.subject == "reception"]) >= 50
    assert _growth(_repeated_changes, 50, {"COMPLETE-CHANGE-REASONS"}) < MAX_GROWTH


def _repeated_narrative(count: int) -> str:
    """The narrative's paragraphs (not their headings) printed `count` times over."""
    lines = _lines()
    end = next(i for i, line in enumerate(lines) if line.startswith("2023年本部门政府采购预算")) + 1
    paragraphs = [line for line in lines[:end] if len(line) > 40 and "万元" in line]
    return "\n".join(lines[:end] + paragraphs * count + lines[end:])


def test_changes_of_parts_take_time_in_proportion_to_the_claims():
    """NARR-CHANGE-SUM looked for each total's parts among every claim."""
    disclosure = parse_bytes(_repeated_narrative(5).encode(), "narrative.txt")
    assert len(disclosure.narrative.claims) > 5 * len(parse_bytes(_repeated_narrative(0).encode(), "one.txt").narrative.claims)
    assert _growth(_repeated_narrative, 5, {"NARR-CHANGE-SUM"}) < MAX_GROWTH


def _long_breakdown(count: int) -> str:
    """One sentence of the narrative: a whole and `count` parts after its 其中."""
    lines = _lines()
    end = next(i for i, line in enumerate(lines) if line.startswith("2023年本部门政府采购预算")) + 1
    sentence = f"本部门共有车辆{count}辆，其中：" + "执法执勤用车1辆、" * count + "特种专业技术用车0辆。"
    return "\n".join(lines[:end] + [sentence] + lines[end:])


def test_the_parts_of_a_whole_take_time_in_proportion_to_the_parts():
    """NARR-PART-OF-WHOLE read each quantity's clause from the start of its sentence (fuzzing found a
    sentence of 8,000 quantities that took 27 s)."""
    assert _growth(_long_breakdown, 300, {"NARR-PART-OF-WHOLE"}) < MAX_GROWTH


def _many_lines(count: int) -> str:
    """Each classification table with `count` more lines under its 合计, of codes no catalog has."""
    out = []
    for line in _lines():
        out.append(line)
        cells = line.split("\t")
        if len(cells) > 3 and cells[:2] == ["", "合计"]:
            for k in range(count):
                out.append("\t".join([f"299{k // 100:02d}{k % 100:02d}", f"其他支出{k}"] + ["0.00"] * (len(cells) - 2)))
    return "\n".join(out)


def test_unknown_codes_take_time_in_proportion_to_the_lines():
    """CODE-KNOWN went over every unknown line again for each one, to name the other tables printing it."""
    disclosure = parse_bytes(_many_lines(100).encode(), "lines.txt")
    assert sum(r.code.startswith("299") for t in disclosure.tables.values() for r in t.rows if r.code) >= 300
    assert _growth(_many_lines, 100, {"CODE-KNOWN"}) < MAX_GROWTH


def _long_item_list(count: int) -> str:
    """One sentence naming `count` functional items with their amounts, and what the last is used for."""
    lines = _lines()
    index = next(i for i, line in enumerate(lines) if line.startswith("按支出功能分类："))
    lines[index] = ("按支出功能分类：" + "一般公共服务支出2,251.40万元，" * count
                    + "农林水支出83.00万元，主要用于人员经费18.00万元、公用经费58.00万元、项目支出7.00万元。")
    return "\n".join(lines)


def test_the_parts_of_functional_items_take_time_in_proportion_to_the_items():
    """NARR-AMOUNT read the parts after "用于" by reading the rest of the sentence once per item (fuzzing
    found a sentence of 4,000 items whose checks took two minutes)."""
    disclosure = parse_bytes(_long_item_list(200).encode(), "items.txt")
    assert sum(c.subject == "expenditure:201" for c in disclosure.narrative.claims) >= 200
    assert _growth(_long_item_list, 200, {"NARR-AMOUNT"}) < MAX_GROWTH


def _bare_changes(count: int) -> str:
    return "公务接待费3.30万元,比上年增加0.22," * count  # the marks as the readers give them


def test_changes_printed_without_their_unit_are_read_in_time_in_proportion_to_the_amounts():
    """A change without its unit ("增加0.22，") was looked for among every amount read before it."""
    from yusuan.prose.tokens import tokens

    text = _bare_changes(3)
    assert [t.kind for t in tokens(text, 0, len(text))] == ["value", "change"] * 3
    assert growth(lambda count: tokens(_bare_changes(count), 0, len(_bare_changes(count))), 500) < MAX_GROWTH


def _one_long_sentence(count: int) -> str:
    """The 三公 paragraph as one sentence stating its 公务接待费 `count` times over."""
    lines = _lines()
    index = next(i for i, line in enumerate(lines) if line.startswith("2023年一般公共预算“三公”经费预算"))
    lines[index] = ("2023年一般公共预算“三公”经费预算10.38万元，其中："
                    + "公务接待费3.30万元，比2022年增加0.22万元，" * count + "其余不变。")
    return "\n".join(lines)


def test_the_required_topics_are_sought_in_time_in_proportion_to_the_text():
    """COMPLETE-SECTIONS joined the sentence of every claim: one sentence of thousands of claims was joined
    thousands of times (1.2 GB for a 294 KB text)."""
    disclosure = parse_bytes(_one_long_sentence(40).encode(), "sentence.txt")
    assert len([c for c in disclosure.narrative.claims if c.subject == "reception"]) >= 40
    assert _growth(_one_long_sentence, 100, {"COMPLETE-SECTIONS"}) < MAX_GROWTH


def test_the_same_class_named_in_chain_after_chain_is_sought_once(monkeypatch):
    """#25: a 246 KB HTML of 4,105 class chains naming the same few 类 sought each against every 类 of the
    catalog and the tables (4.4 s in NARR-CLASS-NAME; then 0.5 s)."""
    from yusuan.checks.rules.narrative import chains

    sought: list[str] = []
    find = chains._find_class_code
    monkeypatch.setattr(chains, "_find_class_code", lambda doc, name: sought.append(name) or find(doc, name))
    lines = _lines()
    chain = "一般公共服务支出(类)人大事务(款)行政运行(项)10.00万元。"
    text = "\n".join([*lines[:12], chain * 200, *lines[12:]])
    disclosure = parse_bytes(text.encode(), "chains.txt")
    run_checks(disclosure, rules=[r for r in all_rules() if r.id == "NARR-CLASS-NAME"])
    assert 0 < len(sought) == len(set(sought))
