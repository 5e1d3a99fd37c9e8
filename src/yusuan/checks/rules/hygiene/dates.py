"""Dates of national policy the prose restates: a year there that the policy cannot have is a slip of the pen.

购房补贴 (2210203) is paid to staff who joined after the allocation of housing in kind stopped: the reform
that stopped it (国发〔1998〕23号) did so from the second half of 1998, and each province fixed its own day
then or later. A cut-off year before 1998 in a 购房补贴 sentence ("1988年12月1日后参加工作") is misprinted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ....prose.sentences import sentence_spans
from ...engine.context import Doc
from ...engine.findings import Finding
from ...engine.registry import rule
from ...engine.texts import sentences_of, texts_of
from ...engine.wording import quoted

_REFORM_YEAR = 1998
_HOUSING_SUBSIDY = re.compile(r"购房补贴|住房补贴|住房货币化|货币化分房")
# "1998年12月1日后参加工作", "1998年12月31日以后参加工作的": the day staff who joined after it are counted from
_JOINED_AFTER = re.compile(
    r"((?:19|20)\d{2})年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:以后|之后|后|起)(?:新)?参加(?:工作|革命工作)"
)


def housing_cutoffs(text: str) -> list[tuple[str, int]]:
    """(the date as printed, its year) of each cut-off before the reform in a sentence on 购房补贴."""
    found = []
    compact = "".join(text.split())
    for start, end in sentence_spans(compact):
        sentence = compact[start:end]
        if not _HOUSING_SUBSIDY.search(sentence):
            continue
        for match in _JOINED_AFTER.finditer(sentence):
            year = int(match.group(1))
            if year < _REFORM_YEAR:
                found.append((match.group(0), year))
    return found


@rule(
    id="HYGIENE-HOUSING-DATE", family="hygiene", severity="warning",
    title="购房补贴所称“某日后参加工作”的时间应在住房分配货币化改革（1998年停止住房实物分配）之后",
    basis="国务院《关于进一步深化城镇住房制度改革加快住房建设的通知》（国发〔1998〕23号）；财预〔2016〕143号“内容准确”",
    needs=("narrative",),
)
def housing_subsidy_cutoff_after_reform(doc: Doc) -> Iterator[Finding]:
    for text in texts_of(doc):
        if text.kind not in ("narrative", "note"):
            continue
        # the narrative by its sentences; a note whole, its lines closed up (a cell wraps a sentence over them)
        pieces = sentences_of(doc, text) if text.kind == "narrative" else [text.text]
        for printed, year in (cutoff for piece in pieces for cutoff in housing_cutoffs(piece)):
            message = (f"{text.where}写购房补贴发给{quoted(printed)}的人员，但住房实物分配自 {_REFORM_YEAR} 年下半年"
                       f"才停止（国发〔1998〕23号），{year} 年早于此，疑为笔误，请核对本地规定的起始时间。")
            yield Finding.at(text.place, message)
