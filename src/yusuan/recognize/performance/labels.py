"""The header labels of a performance table (项目名称, 资金总额, 项目起始时间 …) found in a noisy line.

The layout breaks labels across cells ("项 | 1目名称", "资金 | 总额(万元)") and runs them into values
("300项目性质(常年或一次)常年"). So a line is read cell by cell: a full label ("项目终止时间") is
recognized anywhere in a cell, a fragment ("目名称", "始时间", "额(万元)") only at the start of a
cell, after at most a few stray characters. What lies between two labels is the first one's value.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_UNITS = ("(万元)", "(元)", "")

# Full labels, as printed: specific enough to be recognized anywhere in a cell.
_FULL: dict[str, list[str]] = {
    "overall_name": ["部门(单位)名称", "部门名称", "单位名称"],
    "name": ["项目名称", "单位(项目)名称", "项目(单位)名称"],
    "department": ["主管部门"],
    "implementer": ["实施单位"],
    "fund": ["部门支出预算数", *(f"{lead}资金总额{unit}" for lead in ("年度", "") for unit in _UNITS)],
    "nature": ["项目性质(常年或一次)", "项目性质(常年或", "项目性质(一次或常年)", "项目性质"],
    "start": [f"{lead}{word}时间" for lead in ("项目", "") for word in ("起始", "开始")],
    "end": [f"{lead}{word}时间" for lead in ("项目", "") for word in ("终止", "结束", "截止")],
    "period": ["项目期限", "实施期限", "执行期限", "起止时间"],
    "overview": ["项目概况"],
    "basis": ["立项依据"],
}
_UNIT = r"(?:\((?:万元|元)\))?"
# Fragments: only at the start of a cell (they also occur inside prose).
_FRAGMENT: list[tuple[str, str]] = [
    ("name", r"目\]?名称|名称"),
    ("department", r"管部门|部门|主管"),
    ("fund", rf"(?:年度)?预算(?:总额|金额|数){_UNIT}|当年预算数?{_UNIT}|资金总额?|总额{_UNIT}|额\((?:万元|元)\)|金额{_UNIT}$"),
    ("fund_fiscal", rf"(?:其中:?)?财政拨款{_UNIT}"),
    ("fund_other", rf"其他资金{_UNIT}"),
    ("start", r"始时间"),
    ("end", r"止时间"),
    ("overview", r"目概况|概况"),
    ("basis", r"项依据|依据"),
    # 年度目标 alone in its cell (福州), not a measure named after it (年度目标完成率)
    ("target", r"(?:当?年(?:度|整体)?|整体)?绩效目标?|(?:年度)?总体目标|年度目标(?![\u4e00-\u9fff])"),
]
# Words every label prints one of, full or fragment: a line without any holds no label.
_LABEL_WORDS = [
    "名称", "部门", "主管", "实施单位", "预算", "资金总", "总额", "金额", "额(万元)", "额(元)", "财政拨款", "其他资金",
    "项目性质", "始时间", "止时间", "结束时间", "期限", "概况", "依据", "绩效目", "总体目标", "年度目标",
]
# stray characters tolerated in front of a fragment ("5目名称", "[目概况", "奎部门")
_LEAD = 3
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")


def _any_of(words) -> re.Pattern[str]:
    """A search for plain words, longest first. Each alternative starts with a plain character, so
    the search skips to the characters the words start with instead of trying each word everywhere."""
    return re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))


def _label_start(labels: list[tuple[str, str]]) -> str:
    """A lookahead for the characters a fragment can start with, for the same reason."""
    characters = sorted(set(_CJK_CHAR.findall("".join(pattern for _, pattern in labels))))
    return f"(?=[{''.join(characters)}])"


_FIELD_OF = {label: field for field, labels in _FULL.items() for label in labels}
_FULL_RE = _any_of(_FIELD_OF)
_FRAGMENT_RE = re.compile(
    rf"^.{{0,{_LEAD}}}?{_label_start(_FRAGMENT)}(?:{'|'.join(f'(?P<{f}>{p})' for f, p in _FRAGMENT)})"
)
# Any label in a line's text without whitespace (labels hold no whitespace): one search rules out
# the many lines that hold none.
_LABEL_IN_LINE = _any_of(_LABEL_WORDS)

# every 项目名称 label, whole or in part, prints this
NAME_WORD = "名称"

PROJECT_FIELDS = frozenset(
    {"department", "implementer", "fund", "fund_fiscal", "fund_other", "nature", "start", "end", "period"}
)


class Token(NamedTuple):
    """A label (`field` set) or a piece of value text (`text` set), and the cell it came from."""

    cell: int
    field: str | None = None
    text: str = ""


def _label_matches(text: str) -> list[re.Match[str]]:
    matches = list(_FULL_RE.finditer(text))
    if matches and matches[0].start() <= _LEAD:
        return matches
    fragment = _FRAGMENT_RE.match(text)
    if fragment is None:
        return matches
    # a fragment at the start, then any full labels after it
    return [fragment] + [m for m in matches if m.start() >= fragment.end()]


def _cell_tokens(index: int, text: str) -> list[Token]:
    """The labels of a cell that prints a label word, and the value pieces around them."""
    tokens: list[Token] = []
    position = 0
    for match in _label_matches(text):
        before = text[position : match.start()].strip()
        # text before a fragment is stray marks; before a full label it ends the previous value
        if before and match.re is _FULL_RE:
            tokens.append(Token(index, None, before))
        tokens.append(Token(index, match.lastgroup or _FIELD_OF[match.group()]))
        position = match.end()
    rest = text[position:].strip()
    if rest:
        tokens.append(Token(index, None, rest))
    return tokens


def may_hold_labels(line_text: str) -> bool:
    """False when a line (its text without whitespace) surely holds no label."""
    return _LABEL_IN_LINE.search(line_text) is not None


def tokenize(texts: list[str]) -> list[Token]:
    """The labels and value pieces of a line's cells, in order."""
    tokens: list[Token] = []
    for index, text in enumerate(texts):
        if not text:
            continue
        if _LABEL_IN_LINE.search(text) is None:
            if value := text.strip():
                tokens.append(Token(index, None, value))  # most cells: a value, no label
        else:
            tokens += _cell_tokens(index, text)
    return tokens
