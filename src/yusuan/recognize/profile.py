"""Who and what a disclosure is: department, year, 预算 or 决算, 部门 or 单位, unit, member units.

The document title ("XX委员会2024年部门预算情况说明") is the best witness; table titles ("XX局
财政拨款收支总表") stand in when the narrative is missing, by majority, so one title with a typo
cannot win.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..document import Line
from ..model.amounts import Unit
from ..model.disclosure import Kind, Scope
from ..model.source import Source
from .narrative import clean, heading_of, is_table_title

_YEAR = r"((?:19|20)\d{2})\s*年度?"
# "XX局2024年部门预算情况说明", "2024年XX局部门决算公开说明", "XX局关于2024年单位预算的说明"
_DOCUMENT_TITLE = re.compile(
    rf"^(?P<before>.*?)\s*{_YEAR}\s*(?P<after>.*?)(?P<scope>部门|单位)?\s*(?P<kind>预算|决算)"
    r"(?:的)?(?:公开)?(?:情况|编制)?(?:说明|公开|报告)?(?:\(草案\))?$"
)
_SENTENCE_MARK = re.compile(r"[。;,:!?]")
# where a table title stops naming the department and starts naming the table
_TABLE_PART = re.compile(
    rf"{_YEAR}|部门(?=预算|决算|收支|收入|支出|财政|一般|政府|国有|项目|整体)|单位(?=预算|决算|收支|收入|支出)"
    r"|财政拨款|一般公共预算|政府性基金|国有资本经营|政府采购|项目支出|[\"“]?三公|预算整体|整体绩效|项目绩效"
    r"|收支总表|收入总表|支出总表|收支预算总表|收入预算总表|支出预算总表"
)
_TABLE_NUMBER = re.compile(r"^表\s*[\d一二三四五六七八九十]+\s*[、.:]?\s*")
_BUDGET_YEAR = re.compile(rf"{_YEAR}\s*(?:部门|单位)?(?:预算|决算)")
_TABLE_KIND = re.compile(r"(决算|预算)")
_UNIT = re.compile(r"单位\s*:\s*(万元|元)")
_MEMBER_HEADING = re.compile(r"(?:单位|部门|机构|预算单位)(?:构成|设置|组成)")
_MEMBER_SENTENCE = re.compile(r"本级|构成|组成|预算单位|编制范围|包括")
_MEMBER_SENTENCES = re.compile(r"[^。]+")
# names are listed with 、 and grouped with ; or : ("本级;二级预算单位:A、B"); 和 separates only
# after 本级 ("XX局本级和所属XX中心"), elsewhere it is inside names ("经济和信息化委员会")
_MEMBER_SPLIT = re.compile(r"[、;,:。]|(?<=本级)(?:和|及|以及)")
_MEMBER_PREFIX = re.compile(r"^(?:本(?:单位|部门)(?:预算)?(?:由|包括)|二级预算单位|所属(?:事业)?(?:单位)?|下属(?:单位)?|具体包括|包括|其中|由)+")
_MEMBER_SUFFIX = re.compile(r"(?:共同)?(?:构成|组成)$|等$")
_ORG_END = re.compile(r"(?:本级|局|委员会|委|中心|支队|大队|队|站|所|院|馆|校|学校|室|处|办|会|社|园|厅|政府|街道|镇|乡|公司)$")
_MEMBER_LENGTH = range(3, 41)
# "预算主管部门：XX委员会" on a cover, "部门：XX厅  单位：万元" over each table (read with the colon
# made ASCII, as the readers leave it). 主管部门 alone is not read: project performance tables print
# the department in charge of a project that way.
_DEPARTMENT_LABEL = re.compile(
    r"(?:预算主管部门|预算单位|部门名称|单位名称|编制单位|编报单位|部\s*门)\s*:\s*"
    r"(?P<name>[^\s:]{2,40}?)(?=\s|单位\s*:|$)"
)
_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[:：]?")


@dataclass(slots=True)
class Profile:
    department: str | None = None
    year: int | None = None
    kind: Kind = "budget"
    scope: Scope = "部门"
    unit: Unit = Unit.wanyuan
    member_units: list[str] = field(default_factory=list)
    # where each field was read, by field name
    sources: dict[str, Source] = field(default_factory=dict)


def _single_texts(lines: list[Line]) -> list[tuple[str, Line]]:
    """The lines of one filled cell, with their cleaned text: where titles and sentences are."""
    return [(clean(line.text), line) for line in lines if len(line.filled) == 1]


# a document's title is one line of a few dozen characters; a longer one-cell line is text, and the title
# pattern's lazy parts would try it at every year it names (quadratic)
_TITLE_MAX_CHARS = 120


def _could_be_title(text: str) -> bool:
    return len(text) <= _TITLE_MAX_CHARS and not (
        is_table_title(text) or heading_of(text) or _SENTENCE_MARK.search(text) or "元" in text)


def _document_title(texts: list[tuple[str, Line]]) -> tuple[re.Match[str], Line] | None:
    """The first title line that names a department, its name on the line before if the title wrapped."""
    previous = ""
    for text, line in texts:
        text = _ATTACHMENT.sub("", text)  # "附件1:XX局2024年部门预算", the title of an attached file
        if not _could_be_title(text):
            previous = ""
            continue
        match = _DOCUMENT_TITLE.match(text)
        if match and not _title_department(match) and _ORG_END.search(previous):
            match = _DOCUMENT_TITLE.match(previous + text)
        if match and _title_department(match):
            return match, line
        previous = text
    return None


def _title_department(match: re.Match[str]) -> str | None:
    name = re.sub(r"关于$", "", match.group("before").strip()) or match.group("after").strip()
    return name.replace(" ", "") or None


def _table_department(text: str) -> str | None:
    text = _ATTACHMENT.sub("", _TABLE_NUMBER.sub("", text))
    part = _TABLE_PART.search(text)
    name = text[: part.start()].strip().replace(" ", "") if part else ""
    return name if len(name) >= 2 else None


def _table_titles(texts: list[tuple[str, Line]]) -> list[tuple[str, Line]]:
    # a contents page lists the tables as numbered headings ("一、收入支出决算总表"): not titles
    return [(text, line) for text, line in texts if is_table_title(text) and not heading_of(text)]


def _read_title(profile: Profile, texts: list[tuple[str, Line]]) -> bool:
    found = _document_title(texts)
    if found is None:
        return False
    match, line = found
    profile.department, profile.year = _title_department(match), int(match.group(2))
    profile.kind = "final" if match.group("kind") == "决算" else "budget"
    profile.scope = "单位" if match.group("scope") == "单位" else "部门"
    for name in ("department", "year", "kind", "scope"):
        profile.sources[name] = line.source
    return True


def _read_table_titles(profile: Profile, texts: list[tuple[str, Line]]) -> None:
    titles = _table_titles(texts)
    named = [(name, line) for text, line in titles if (name := _table_department(text))]
    if named:
        votes = Counter(name for name, _ in named)
        profile.department = votes.most_common(1)[0][0]
        profile.sources["department"] = next(line.source for name, line in named if name == profile.department)
    years = [(int(m.group(1)), line) for text, line in titles if (m := re.search(_YEAR, text))]
    years = years or _budget_years(texts)
    if years:
        profile.year = Counter(year for year, _ in years).most_common(1)[0][0]
        profile.sources["year"] = next(line.source for year, line in years if year == profile.year)
    kinds = Counter(m.group(1) for text, _ in titles if (m := _TABLE_KIND.search(text)))
    profile.kind = "final" if kinds["决算"] > kinds["预算"] else "budget"
    scopes = Counter("单位" if re.search(r"单位(?:预算|决算|收支|收入|支出)", t) else "部门" for t, _ in titles)
    profile.scope = "单位" if scopes["单位"] > scopes["部门"] else "部门"


def _budget_years(texts: list[tuple[str, Line]]) -> list[tuple[int, Line]]:
    """Years the text names as a budget's ("2024年部门预算", "2023年度决算"), for want of a title."""
    return [
        (int(m.group(1)), line)
        for text, line in texts
        for m in _BUDGET_YEAR.finditer(text)
    ]


def _read_label(profile: Profile, lines: list[Line]) -> None:
    """A department named by a label wins over a title that names only a place ("上海市普陀区2025年
    区级部门预算") or names none; never over a title naming a body: a unit's budget may label its
    主管部门, a table its 本级."""
    labelled = [
        (m.group("name"), line)
        for line in lines
        if len(line.filled) <= 2  # a label stands alone or beside 单位:万元; table rows have more cells
        for text in line.filled
        if ":" in text  # the reader has made every colon ASCII
        if (m := _DEPARTMENT_LABEL.match(text)) and _ORG_END.search(m.group("name"))
    ]
    if not labelled:
        return
    name = Counter(name for name, _ in labelled).most_common(1)[0][0]
    titled = profile.department
    if titled is None or not _ORG_END.search(titled):
        profile.department = name
        profile.sources["department"] = next(line.source for found, line in labelled if found == name)


def _read_unit(profile: Profile, lines: list[Line]) -> None:
    """万元 unless the tables say 单位:元 more often than 单位:万元."""
    # most cells state no unit: a look for 单位 is quicker than the search
    stated = [
        (m.group(1), line) for line in lines for text in line.filled if "单位" in text and (m := _UNIT.search(text))
    ]
    votes = Counter(unit for unit, _ in stated)
    if votes["元"] > votes["万元"]:
        profile.unit = Unit.yuan
    chosen = profile.unit.value
    source = next((line.source for unit, line in stated if unit == chosen), None)
    if source is not None:
        profile.sources["unit"] = source


def _member_paragraphs(texts: list[tuple[str, Line]]) -> list[list[Line]]:
    """The lines under each 单位构成 heading (a contents page lists it too), then any line naming 本级."""
    found = []
    for index, (text, line) in enumerate(texts):
        if "成" not in text and "置" not in text:
            continue  # no 构成/组成/设置: most texts, and heading_of need not read them
        heading = heading_of(text)
        if heading and _MEMBER_HEADING.search(heading.title):
            body = [body_line for _, body_line in _until_next_heading(texts[index + 1 :])]
            found.append([line, *body] if heading.body else body)
    return found + [[line] for text, line in texts if "本级" in text]


def _until_next_heading(texts: list[tuple[str, Line]]) -> list[tuple[str, Line]]:
    body = []
    for text, line in texts:
        if heading_of(text) or is_table_title(text):
            break
        body.append((text, line))
    return body


def _member_names(text: str) -> list[str]:
    names: list[str] = []
    for sentence in _MEMBER_SENTENCES.findall(text):
        if not _MEMBER_SENTENCE.search(sentence) or "内设" in sentence:
            continue  # 内设机构 (科室) are offices of the department, not budget units
        for piece in _MEMBER_SPLIT.split(sentence):
            name = _MEMBER_SUFFIX.sub("", _MEMBER_PREFIX.sub("", piece.strip())).strip()
            if len(name) in _MEMBER_LENGTH and _ORG_END.search(name) and name not in names:
                names.append(name)
    return names


def _body_text(line: Line) -> str:
    text = clean(line.text)
    heading = heading_of(text)
    return heading.body if heading else text


def _read_members(profile: Profile, texts: list[tuple[str, Line]]) -> None:
    for paragraph in _member_paragraphs(texts):
        named = [(line, names) for line in paragraph if (names := _member_names(_body_text(line)))]
        if named:
            profile.member_units = list(dict.fromkeys(n for _, names in named for n in names))
            profile.sources["member_units"] = named[0][0].source
            return


def read_profile(lines: list[Line]) -> Profile:
    profile = Profile()
    texts = _single_texts(lines)
    if not _read_title(profile, texts):
        _read_table_titles(profile, texts)
    _read_label(profile, lines)
    _read_unit(profile, lines)
    _read_members(profile, texts)
    return profile
