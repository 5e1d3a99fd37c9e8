"""Topic labels of the narrative: each subject pattern's required characters, a quick test before a search.

Expected values are written by hand from reading the patterns, not produced by the code.
"""

from pathlib import Path

import pytest

from yusuan.prose.subjects import required_characters

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "tongnan-jxw-2024-budget.txt"


@pytest.mark.parametrize(
    ("pattern", "required"),
    [
        ("公务接待费", set("公务接待费")),
        (r"(?:一般|专项)公共预算", set("公共预算")),
        (r"机关运行(?:经费)?", set("机关运行")),
        (r"(?<=[年门])收入|(?<![\u4e00-\u9fff])收入", set("收入")),
        (r"[甲乙]+丙?", set()),
    ],
)
def test_a_subject_pattern_requires_the_characters_every_match_contains(pattern, required):
    assert required_characters(pattern) == required


def test_every_subject_pattern_requires_only_characters_its_matches_contain():
    # the wordings of the seed's narrative: a pattern that matches them must not require more
    from yusuan.prose.subjects import _TOPICAL, _compiled

    text = EXAMPLE.read_text(encoding="utf-8")
    for topic in [None, *_TOPICAL]:
        for pattern in _compiled(topic):
            for match in pattern.pattern.finditer(text):
                assert pattern.required <= set(match.group(0)), (pattern.subject, match.group(0))
