"""The department's name as the prose and the notes write it: one character off is a slip of the pen
("规划与自然资源局" for 规划和自然资源局, "湖州市交通运输没有…" with 局 lost). And the tables of a 部门
document titled as a 单位's ("2026年单位收支总体情况表").

Only a name one character away from the department's counts, and only where the reading is sure to be
a whole name: it ends in the department's own last character, or (局 lost) the words after it are no
name's. Another region's body ("杭州市…" for 湖州市…), a branch ("…分局"), a body whose changed character
makes a word as the department's does ("…财政局" in a 民政局's document, "…商务局" beside 水务局) and a
predecessor ("原…水利局") are other bodies, not slips.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ....model import TABLE_TITLES
from ...engine.context import Doc
from ...engine.findings import Finding, Place
from ...engine.registry import rule
from ...engine.texts import texts_of
from ...engine.wording import quoted
from .words import is_word

_MIN_NAME = 5
# a department's name ends in what it is: a name read from elsewhere (a project's) is no name to compare
_ORGANIZATION = re.compile(r"[局厅院心会室队校馆所站部委办处社台团署府]$")
# the region a name starts with ("上海市普陀区", "重庆市潼南区"): a character other there is another body
_REGION = re.compile(r"^(?:.{1,4}?[省市])?(?:.{1,4}?[区县市旗])?")
# what may follow a name whose last character was lost: no further character of a name
# ("水务的发展" is the field, not 水务局 with 局 lost)
_AFTER_NAME = re.compile(r"(?:[^\u4e00-\u9fff]|没有|无|本年|本级|年度|部门|单位|是|在|共|为|于|20)")


def one_edit_apart(a: str, b: str) -> bool:
    """Whether one character changed, added or lost turns `a` into `b` (a Levenshtein distance of exactly 1),
    in one pass over the two: the lists a slip is sought in may hold items of any length."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    same = 0
    while same < len(a) and a[same] == b[same]:
        same += 1
    if len(a) == len(b):
        return same < len(a) and a[same + 1:] == b[same + 1:]
    return a[same:] == b[same + 1:]


def _region_size(name: str) -> int:
    match = _REGION.match(name)
    return match.end() if match else 0


def _slip_at(text: str, start: int, name: str) -> str | None:
    """The variant of `name` written at `start`, if one character is changed or lost (not its region's)."""
    size = len(name)
    same = text[start:start + size]
    if len(same) == size and same[-1] == name[-1] and one_edit_apart(same, name):
        changed = next(i for i, (a, b) in enumerate(zip(same, name)) if a != b)
        if changed >= _region_size(name) and not (_in_word(same, changed) and _in_word(name, changed)):
            return same
    shorter = text[start:start + size - 1]
    if len(shorter) == size - 1 and one_edit_apart(shorter, name):
        if shorter[-1] == name[-1]:
            return shorter  # a character inside the name lost
        if shorter == name[:-1] and _AFTER_NAME.match(text, start + size - 1):
            return shorter  # its last character lost, and what follows is no name's
    return None


def _in_word(name: str, at: int) -> bool:
    """Whether the character at `at` makes a word with a neighbour (财政, 民政): changed into one another,
    each is the name of its own body."""
    return is_word(name[max(0, at - 1) : at + 1]) or is_word(name[at : at + 2])


def name_slips(text: str, department: str) -> list[str]:
    """Each place `text` writes the department's name one character off, as written there."""
    name = "".join(department.split())
    compact = "".join(text.split())
    if len(name) < _MIN_NAME or not _ORGANIZATION.search(name):
        return []
    exact = [m.start() for m in re.finditer(re.escape(name), compact)]
    found = []
    for match in re.finditer(re.escape(name[:2]), compact):
        start = match.start()
        if any(e <= start < e + len(name) for e in exact) or compact[start - 1 : start] == "原":
            continue
        slip = _slip_at(compact, start, name)
        if slip:
            found.append(slip)
    return found


@rule(
    id="HYGIENE-DEPARTMENT-WRITTEN", family="hygiene", severity="warning",
    title="情况说明和表注中的部门名称应与文件的部门名称一致（不应错字、漏字）",
    basis="财预〔2016〕143号“形式规范”；domain.md §3 C4",
    needs=("department", "narrative"),
)
def department_written_alike(doc: Doc) -> Iterator[Finding]:
    department = "".join(doc.disclosure.department.split())
    seen: dict[str, list] = {}
    for text in texts_of(doc):
        if text.kind not in ("narrative", "note"):
            continue
        for slip in name_slips(text.text, department):
            seen.setdefault(slip, []).append(text)
    for slip, texts in seen.items():
        where = texts[0].where + (f"等 {len(texts)} 处" if len(texts) > 1 else "")  # one entry a place
        message = f"{where}将部门名称写作{quoted(slip)}，与{quoted(department)}不一致。"
        yield Finding.mismatch(texts[0].place, slip, department, message)


# a title naming whose table it is right after its year: "2026年单位收支总体情况表"
_UNIT_TITLE = re.compile(r"^(?:.*?(?:19|20)\d{2}年度?)?(?:[省市区县]级)?单位(?!名称)")
_SAYS_DEPARTMENT = re.compile(r"部门(?:预算|决算)")
_SAYS_UNIT = re.compile(r"单位(?:预算|决算)")


@rule(
    id="HYGIENE-SCOPE-TITLE", family="hygiene", severity="warning",
    title="部门预算（决算）的表格标题应称“部门”，不应称“单位”",
    basis="财预〔2016〕143号（部门预决算与单位预决算分别公开）；domain.md §3 C4",
    needs=("narrative",),
)
def department_tables_titled_as_such(doc: Doc) -> Iterator[Finding]:
    prose = "".join("".join(f"{s.title}{s.text}" for s in doc.disclosure.narrative.sections).split())
    # the document calls itself a 部门's, never a 单位's: a 单位 in its titles is a template's leftover
    if doc.disclosure.scope != "部门" or not _SAYS_DEPARTMENT.search(prose) or _SAYS_UNIT.search(prose):
        return
    titled = [t for t in doc.disclosure.tables.values() if _UNIT_TITLE.match("".join(t.title.split()))]
    if titled:
        names = "、".join(TABLE_TITLES.get(t.id, t.id) for t in titled)
        message = (f"本文件是部门{'决算' if doc.disclosure.kind == 'final' else '预算'}，但{names}的标题称“单位”"
                   f"（如{quoted(titled[0].title)}），请统一为“部门”。")
        yield Finding.at(Place.of_table(titled[0]), message)
