"""The region at the front of a department's name."""

import pytest

from yusuan.archive import region_of


@pytest.mark.parametrize(("department", "region"), [
    ("重庆市潼南区经济和信息化委员会", "重庆市潼南区"),
    ("重庆市潼南区中小企业融资服务中心", "重庆市潼南区"),
    ("广州市天河区教育局", "广州市天河区"),  # 广州 is not 广 + 州
    ("江苏省人民检察院", "江苏省"),
    ("上海市普陀区规划和自然资源局", "上海市普陀区"),
    ("贵州省黔东南苗族侗族自治州凯里市财政局", "贵州省黔东南苗族侗族自治州凯里市"),
    ("内蒙古自治区鄂尔多斯市伊金霍洛旗财政局", "内蒙古自治区鄂尔多斯市伊金霍洛旗"),
    ("湖北省神农架林区财政局", "湖北省神农架林区"),
    ("上海市浦东新区财政局", "上海市浦东新区"),
    ("中共重庆市潼南区委办公室", "重庆市潼南区"),
    ("共青团重庆市潼南区委员会", "重庆市潼南区"),
    ("重庆市城市管理局", "重庆市"),  # 城市 is a word, not a place
    ("北京市市场监督管理局", "北京市"),
    ("重庆市国土资源局矿区管理处", "重庆市"),  # 局 marks an institution, so 国土资源局矿区 is no place
    ("重庆市社区服务中心", "重庆市"),
    ("省人大办公厅", None),
    ("", None),
    (None, None),
])
def test_region_of(department, region):
    assert region_of(department) == region
