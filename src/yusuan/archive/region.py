"""The administrative region a department belongs to, read from the front of its name.

    重庆市潼南区经济和信息化委员会  -> 重庆市潼南区
    贵州省黔东南苗族侗族自治州凯里市财政局 -> 贵州省黔东南苗族侗族自治州凯里市
    江苏省人民检察院              -> 江苏省

A name is taken apart into place segments (a short name and a suffix such as 省, 市, 区, 县,
自治州) from the left, for as long as they continue. There is no gazetteer here, so two guards
keep ordinary words out: a segment name cannot contain characters that mark an institution
(局, 委, 厅, ...), and a few words that end in a place suffix (城市, 社区, ...) are not places.
"""

from __future__ import annotations

import re

_SUFFIX = "特别行政区|自治区|自治州|自治县|自治旗|地区|林区|省|市|州|盟|区|县|旗"
# Place names never contain these; institution names do (局 in 国土资源局矿区, 委 in 管委会).
_NOT_IN_PLACE_NAMES = "省市区县局委厅办院部处所校馆站队司科"
_SEGMENT = re.compile(rf"[^{_NOT_IN_PLACE_NAMES}]{{1,9}}?(?:{_SUFFIX})")
# Words that end like a place but are not one, as the segment after a place (重庆市城市管理局).
# Party and mass-organisation names put their prefix before the place (中共重庆市潼南区委办公室).
_PREFIXES = re.compile(r"^(?:中国共产党|中共|共青团|中国共产主义青年团)")
_NOT_PLACES = frozenset({"城市", "都市", "社区", "园区", "景区", "小区", "校区", "片区", "山区", "地区", "新区", "辖区", "市区", "城区"})


def _longest_segment(text: str) -> str | None:
    """The longest place segment at the start of `text` (广州市 is one segment, not 广州 + 市)."""
    longest = None
    for length in range(2, min(len(text), 14) + 1):
        candidate = text[:length]
        if _SEGMENT.fullmatch(candidate) and candidate not in _NOT_PLACES:
            longest = candidate
    return longest


def region_of(department: str | None) -> str | None:
    """The region at the front of a department name; None when the name does not start with a place."""
    if not department:
        return None
    name = _PREFIXES.sub("", "".join(department.split()))
    position = 0
    while segment := _longest_segment(name[position:]):
        position += len(segment)
    return name[:position] or None
