"""How the archive names a headline figure's metric (the keys: model/metrics.py)."""

from __future__ import annotations

from ..classification import catalog
from ..model.metrics import FISCAL_FUNCTIONAL, FUNCTIONAL, METRIC_LABELS


def metric_label(metric: str) -> str:
    """'expenditure:201' -> '一般公共服务支出'; 'fiscal_expenditure:201' -> '一般公共预算财政拨款支出「201 一般公共服务支出」'."""
    for prefix, template in ((FUNCTIONAL, "{name}"), (FISCAL_FUNCTIONAL, "一般公共预算财政拨款支出「{code} {name}」")):
        if metric.startswith(prefix):
            code = metric[len(prefix):]
            return template.format(code=code, name=catalog("functional").name_of(code) or code)
    return METRIC_LABELS.get(metric, metric)
