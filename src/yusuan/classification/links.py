"""What the functional and the economic catalogs say of the same money: which economic lines are 人员经费,
which hold a "三公" item, which book the same contribution as a functional line. The checks compare
printed tables by these links; the composer refuses leaf data that breaks them.
"""

from __future__ import annotations

# 人员经费 are 工资福利支出 and 对个人和家庭的补助; every other 类 of a 基本支出表 is 公用经费.
PERSONNEL_CLASSES = ("301", "303")

# 三公 item -> the economic lines that hold its 基本支出 part.
THREE_PUBLIC_LINES: dict[str, tuple[str, ...]] = {
    "overseas": ("30212",),
    "reception": ("30217",),
    "vehicle_operation": ("30231",),
    "vehicle_purchase": ("30913", "31013"),
}

# Economic 款 that mirror a functional 项: the same contribution booked twice.
MIRRORED_LINES: tuple[tuple[str, str], ...] = (
    ("30108", "2080505"),  # 机关事业单位基本养老保险缴费
    ("30109", "2080506"),  # 职业年金缴费
    ("30111", "2101103"),  # 公务员医疗补助（缴费）
    ("30113", "2210201"),  # 住房公积金
)
# Economic lines whose code changed between classification years, by the name they keep.
MIRRORED_NAMES = {"30113": "住房公积金"}
# 公务员医疗补助: some places (Shanghai) book 30110 and 30111 together under 2101101 行政单位医疗, with no
# 2101103 line, so that their sum is the 款 21011.
MEDICAL_AID, MEDICAL_SECTION, MEDICAL_PARTS = "30111", "21011", ("30110", "30111")
