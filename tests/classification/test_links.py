"""The links between the two catalogs name lines that exist, under the names the rules expect."""

from __future__ import annotations

from yusuan.classification import catalog
from yusuan.classification.links import (MEDICAL_PARTS, MEDICAL_SECTION, MIRRORED_LINES, MIRRORED_NAMES,
                                         PERSONNEL_CLASSES, THREE_PUBLIC_LINES)


def test_every_linked_code_is_in_its_catalog():
    economic, functional = catalog("economic"), catalog("functional")
    assert set(PERSONNEL_CLASSES) == {"301", "303"} and all(c in economic for c in PERSONNEL_CLASSES)
    assert all(code in economic for codes in THREE_PUBLIC_LINES.values() for code in codes)
    for economic_code, functional_code in MIRRORED_LINES:
        assert economic_code in economic and functional_code in functional
    assert MEDICAL_SECTION in functional and all(code in economic for code in MEDICAL_PARTS)


def test_the_mirrored_lines_are_the_contributions_they_stand_for():
    economic, functional = catalog("economic"), catalog("functional")
    assert economic.name_of("30113") == MIRRORED_NAMES["30113"] == "住房公积金"
    assert functional.name_of("2210201") == "住房公积金"
    assert functional.name_of("2080505") == "机关事业单位基本养老保险缴费支出"
    assert economic.name_of("30212") == "因公出国（境）费用"
