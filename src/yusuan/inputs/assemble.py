"""Sheet rows -> the BudgetInput data, remembering where each fact came from (sheet, row, column)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .sheets import OVERALL, SHEETS, basic_facts_for, sheets_for

Path = tuple[str | int, ...]
# the performance sheets exist only in a budget workbook; their specs serve both kinds
_BUDGET_SHEETS = {sheet.target: sheet for sheet in SHEETS}


def worded(sheet: str, row: int | None, column: str | None, letter: str | None = None) -> str:
    """工作表「支出功能科目」第5行“基本支出”列（D5单元格）; on 基本信息 the row's label is the column."""
    where = f"工作表「{sheet}」"
    if row:
        where += f"第{row}行"
    if column:
        where += f"“{column}”" + ("" if sheet == "基本信息" else "列")
    if row and letter:
        where += f"（{letter}{row}单元格）"
    return where


@dataclass
class Origins:
    """Where each fact was typed: a path into BudgetInput -> (sheet, row, column header).

    `letters` are the column letters the headers were found in, per sheet, to name the cell too.
    """

    places: dict[Path, tuple[str, int | None, str | None]] = field(default_factory=dict)
    letters: dict[str, dict[str, str]] = field(default_factory=dict)

    def add(self, path: Path, sheet: str, row: int | None, column: str | None = None) -> None:
        self.places[path] = (sheet, row, column)

    def place(self, path: Path) -> str:
        """The longest known prefix of `path`, worded "工作表「X」第5行“基本支出”列（D5单元格）"."""
        for length in range(len(path), 0, -1):
            found = self.places.get(tuple(path[:length]))
            if found is not None:
                sheet, row, column = found
                return worded(sheet, row, column, self.letters.get(sheet, {}).get(column or ""))
        return "工作簿"


def _clean(values: dict) -> dict:
    return {k: v for k, v in values.items() if v is not None and not k.startswith("_")}


def _list(sheets: dict, target: str, key: str, origins: Origins, specs: dict) -> list:
    spec = specs.get(target) or _BUDGET_SHEETS[target]
    items = []
    for index, (row, values) in enumerate(sheets.get(target, [])):
        _remember(origins, (key, index), spec, row)
        items.append(_clean(values))
    return items


def _remember(origins: Origins, path: Path, spec, row: int) -> None:
    origins.add(path, spec.name, row)
    for column in spec.columns:
        origins.add((*path, *column.key.split(".")), spec.name, row, column.header)


def _basic(sheets: dict, data: dict, origins: Origins, kind: str) -> None:
    values = sheets.get("basic", [(0, {})])[0][1]
    rows = values.get("_rows", {})
    headers = {column.key: column.header for column in basic_facts_for(kind)}
    for column in basic_facts_for(kind):
        path = tuple(column.key.split("."))
        origins.add(path, "基本信息", rows.get(column.key), column.header)
        value = values.get(column.key)
        if value is None:
            continue
        node = data
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    origins.add(("prior_year",), "基本信息", rows.get("prior_year.basic"), headers["prior_year.basic"])
    origins.add(("operating_cost",), "基本信息", rows.get("operating_cost.current"), headers["operating_cost.current"])


def _projects(sheets: dict, origins: Origins, specs: dict) -> list[dict]:
    projects = []
    for item in _list(sheets, "projects", "projects", origins, specs):
        funding = {k.split(".", 1)[1]: item.pop(k) for k in list(item) if k.startswith("funding.")}
        projects.append({**item, "funding": funding})
    return projects


def _three_public(sheets: dict, origins: Origins, specs: dict) -> dict:
    spec = specs["three_public"]
    header = {column.key: column.header for column in spec.columns}
    found: dict = {"current": {}, "prior": {}, "reasons": {}, "budget": {}}
    origins.add(("three_public",), spec.name, None)
    for row, values in sheets.get("three_public", []):
        item = values.get("item")
        if item is None:
            continue
        for key, name in (("current", "current"), ("prior", "prior"), ("reasons", "reason"), ("budget", "budget")):
            if name in header:
                origins.add(("three_public", key, item), spec.name, row, header[name])
            if values.get(name) is not None:
                found[key][item] = values[name]
    return found


def _vehicles(sheets: dict, data: dict) -> None:
    assets = data.setdefault("assets", {})
    for _, values in sheets.get("vehicles", []):
        kind = values.get("kind")
        if kind is None:
            continue
        if values.get("held") is not None:
            assets.setdefault("vehicles", {})[kind] = values["held"]
        if values.get("planned") is not None:
            assets.setdefault("planned_purchase", {})[kind] = values["planned"]


def _owner_cell(origins: Origins, row: int) -> str:
    column = _BUDGET_SHEETS["indicators"].columns[0].header
    return worded("绩效指标", row, column, origins.letters.get("绩效指标", {}).get(column))


def _performance(sheets: dict, data: dict, origins: Origins, problems: list[str]) -> None:
    targets = _list(sheets, "performance_projects", "projects", Origins(), _BUDGET_SHEETS)
    spec, indicator_spec = _BUDGET_SHEETS["performance_projects"], _BUDGET_SHEETS["indicators"]
    for index, (row, _) in enumerate(sheets.get("performance_projects", [])):
        _remember(origins, ("performance", "projects", index), spec, row)
    owners = {t.get("project"): t for t in targets}
    performance = data.setdefault("performance", {})
    overall = performance.get("overall")
    for row, values in sheets.get("indicators", []):
        owner = values.get("owner")
        indicator = {k: v for k, v in _clean(values).items() if k != "owner"}
        if owner == OVERALL:
            if overall is None:
                problems.append(f"{_owner_cell(origins, row)}：填了“整体”指标，但“基本信息”中没有填写部门整体绩效目标。"
                                "请在“基本信息”的“部门整体绩效目标”一行填写，或删去这一行指标。")
                continue
            where, bucket = ("performance", "overall", "indicators"), overall.setdefault("indicators", [])
        elif owner in owners:
            index = targets.index(owners[owner])
            where, bucket = ("performance", "projects", index, "indicators"), owners[owner].setdefault("indicators", [])
        else:
            problems.append(f"{_owner_cell(origins, row)}：“{owner}”在「绩效目标」表中没有对应的行。"
                            "请先在「绩效目标」表为该项目填写一行，或填写“整体”。")
            continue
        _remember(origins, (*where, len(bucket)), indicator_spec, row)
        bucket.append(indicator)
    performance["projects"] = targets


def assemble(sheets: dict, letters: dict[str, dict[str, str]] | None = None,
             kind: str = "budget") -> tuple[dict, Origins, list[str]]:
    """The BudgetInput data, where each fact came from, and the rows that cannot be placed."""
    origins = Origins(letters=letters or {})
    specs = {sheet.target: sheet for sheet in sheets_for(kind)}
    data: dict = {}
    _basic(sheets, data, origins, kind)
    problems: list[str] = []
    data["duties"] = [v["text"] for _, v in sheets.get("duties", []) if v.get("text")]
    data["member_units"] = [v["name"] for _, v in sheets.get("member_units", []) if v.get("name")]
    origins.add(("duties",), "职能职责", None)
    origins.add(("member_units",), "单位构成", None)
    data["functional_lines"] = _list(sheets, "functional_lines", "functional_lines", origins, specs)
    data["economic_lines"] = _list(sheets, "economic_lines", "economic_lines", origins, specs)
    data["projects"] = _projects(sheets, origins, specs)
    # 基本信息 may hold part of it already (a 决算's counts)
    data["three_public"] = {**data.get("three_public", {}), **_three_public(sheets, origins, specs)}
    procurement = data.setdefault("procurement", {})
    procurement["items"] = _list(sheets, "procurement", "items", Origins(), specs)
    for index, (row, _) in enumerate(sheets.get("procurement", [])):
        _remember(origins, ("procurement", "items", index), specs["procurement"], row)
    _vehicles(sheets, data)
    _performance(sheets, data, origins, problems)
    origins.add(("functional_lines",), "支出功能科目", None)
    origins.add(("economic_lines",), "基本支出经济科目", None)
    return data, origins, problems
