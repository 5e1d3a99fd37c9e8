"""A rendered narrative prints Chinese punctuation in Chinese prose, whatever the source's extraction left."""

import re

import pytest

from yusuan.pipeline import parse_path
from yusuan.writers.html import html_bytes
from yusuan.writers.punctuation import chinese_punctuation


@pytest.mark.parametrize(("text", "printed"), [
    ("政策;起草全区规划,拟定产业政策", "政策；起草全区规划，拟定产业政策"),
    ('2024年"三公"经费预算', "2024年“三公”经费预算"),
    ('聚焦区委"1356"总体部署', "聚焦区委“1356”总体部署"),
    ('print "a" and "b"', 'print "a" and "b"'),
    ("(一)职能职责", "（一）职能职责"),
    ("其中: 一般公共预算", "其中：一般公共预算"),
    ("增长 5%, 主要原因是", "增长 5%，主要原因是"),
    ("收入3,805.35万元", "收入3,805.35万元"),        # a thousands separator stays
    ("上午 10:30 开始", "上午 10:30 开始"),           # so do a time and an address
    ("见 www.example.com/a?b=1", "见 www.example.com/a?b=1"),
    ("Total (A) and B", "Total (A) and B"),
])
def test_marks_next_to_chinese_become_full_width(text, printed):
    assert chinese_punctuation(text) == printed


def test_the_re_rendered_example_has_no_half_width_mark_in_its_prose(seed_path):
    html = html_bytes(parse_path(seed_path)).decode()
    prose = " ".join(re.findall(r"<p[^>]*>(.*?)</p>", html, flags=re.S))
    assert "政策；起草" in prose
    assert not re.search(r"[\u4e00-\u9fff][,;:]|[,;:][\u4e00-\u9fff]", prose)
    cells = " ".join(re.findall(r'<td class="value"[^>]*>(.*?)</td>', html, flags=re.S))
    assert "聚焦区委“1356”总体部署，紧密衔接" in cells
