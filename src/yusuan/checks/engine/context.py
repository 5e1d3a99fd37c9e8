"""The document as a rule sees it: tables by id, figures with their phrases, and one way to compare.

Every comparison of amounts goes through `Doc.compare`, so all rules word their findings the same
way, treat rounding the same way, and report which cells took part (for the mutation test).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TypeVar

from ...model import Claim, Disclosure, Row, Table, Unit, convert
from .figures import ZERO, CellKey, Figure
from .findings import Finding, Place, Severity
from .structure import columns_of
from .tolerance import DEFAULT_TOLERANCE, Verdict, judge, rounding_allowance
from .wording import amount, cell_phrase, column_label, quoted, table_title, trimmed

T = TypeVar("T")
_LAST_DIGIT = Decimal("0.01")  # narrative and tables print amounts to 0.01 of their unit


def printed_step(value: Decimal) -> Decimal:
    """The unit of the last digit printed: a text rounds to whole 万元 ("19,302万元") as often as to 0.01,
    and agrees with a table in 元 that rounds to it (193,018,000元)."""
    exponent = value.as_tuple().exponent
    return Decimal(1).scaleb(exponent) if isinstance(exponent, int) else _LAST_DIGIT


class Participation:
    """Cells that took part in a comparison, with the most severe finding the comparison could raise."""

    _RANK = {"info": 0, "warning": 1, "error": 2}

    def __init__(self) -> None:
        self.cells: dict[CellKey, Severity] = {}

    def add(self, keys: Iterable[CellKey], severity: Severity) -> None:
        for key in keys:
            known = self.cells.get(key)
            if known is None or self._RANK[severity] > self._RANK[known]:
                self.cells[key] = severity


class Doc:
    def __init__(self, disclosure: Disclosure, tolerance: Decimal = DEFAULT_TOLERANCE,
                 participation: Participation | None = None):
        self.disclosure = disclosure
        # everything recognized, the tables the rules do not see included (the engine sets it)
        self.recognized = disclosure
        self.tolerance = tolerance
        self.participation = participation
        self.severity: Severity = "error"  # of the rule being run; set by the engine
        self._row_positions: dict[str, dict[int, int]] = {}
        self._printed: dict[int, frozenset[str]] = {}
        self._cache: dict[str, object] = {}
        self.start_rule()

    def start_rule(self) -> None:
        """Forget what the previous rule compared (the engine calls this before each rule)."""
        self.compared = 0
        self.unprinted: dict[str, None] = {}  # columns a comparison needed and the table does not print
        self.doubts: dict[str, None] = {}  # readings a rule would not compare: "could not check", not a finding
        self.lacking: dict[str, None] = {}  # parts a comparison needed that the document does not hold

    def doubt(self, why: str) -> None:
        """A comparison left out because the reading is doubtful: nothing is found, and the engine reports
        the rule as could not run when nothing else was compared."""
        self.doubts[why] = None

    def lack(self, part: str) -> None:
        """A comparison left out because the document does not hold the part it needs (a table of a page
        holding one table): the engine reports the rule as could not run when nothing else was compared."""
        self.lacking[part] = None

    @property
    def unit(self) -> Unit:
        return self.disclosure.unit

    @property
    def year(self) -> int | None:
        return self.disclosure.year

    def table(self, table_id: str) -> Table | None:
        return self.disclosure.tables.get(table_id)

    def tables(self, table_ids: Iterable[str]) -> list[Table]:
        return [t for t in map(self.table, table_ids) if t is not None]

    def title(self, table: Table) -> str:
        return table_title(table, self.disclosure.department)

    # -- figures ---------------------------------------------------------------------------------

    def cell(self, table: Table, row: Row, column: str) -> Figure:
        value = row.values.get(column)
        printed = self._printed.get(id(table)) or self._printed_columns(table)  # asked for every cell: inline
        return Figure(
            value=ZERO if value is None else self._in_document_unit(value, table.unit),
            cells=((table.id, self._position(table, row), column),),
            blank=value is None,
            origin=(table, row, column),
            missing=() if column in printed else (self.column_phrase(table, column),),
            unread=(cell_phrase(table, row, column, self.disclosure.department),) if column in row.unread else (),
            unit=table.unit,
            printed=value,
        )

    def prints(self, table: Table, column: str) -> bool:
        """Whether the table has the column at all (an empty cell is printed; a missing column is not)."""
        return column in (self._printed.get(id(table)) or self._printed_columns(table))

    def _printed_columns(self, table: Table) -> frozenset[str]:
        printed = self._printed[id(table)] = frozenset(columns_of(table))
        return printed

    def column_phrase(self, table: Table, column: str) -> str:
        return f"{self.title(table)}「{column_label(table, column)}」栏"

    def phrase(self, figure: Figure) -> str:
        """How a message names the figure: its phrase, or for a cell where it is printed."""
        if figure.phrase or figure.origin is None:
            return figure.phrase
        table, row, column = figure.origin
        return cell_phrase(table, row, column, self.disclosure.department)

    def cached(self, name: str, compute: Callable[[], T]) -> T:
        """Something several rules derive from the same document (computed once per check run)."""
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]

    def claim(self, claim: Claim) -> Figure:
        return Figure(
            value=self._in_document_unit(claim.value, claim.unit),
            phrase=f"情况说明中{quoted(claim.label)}",
            place=Place.of_claim(claim),
            slack=convert(printed_step(claim.value) / 2, claim.unit, self.unit),
            unit=claim.unit,
            printed=claim.value,
        )

    def _in_document_unit(self, value: Decimal, unit: Unit) -> Decimal:
        return value if unit == self.unit else convert(value, unit, self.unit)

    def _position(self, table: Table, row: Row) -> int:
        positions = self._row_positions.get(table.id)
        if positions is None:
            positions = {id(r): i for i, r in enumerate(table.rows)}
            self._row_positions[table.id] = positions
        return positions.get(id(row), -1)

    # -- comparing -------------------------------------------------------------------------------

    def compare(self, stated: Figure, expected: Figure, severity: Severity | None = None) -> Finding | None:
        """None when the two agree; else a finding at the stated figure (info when rounding explains it).

        A figure that needs a column its table does not print cannot be compared: nothing is found, and
        the engine reports the rule as could not run when none of its comparisons could be made."""
        if stated.missing or expected.missing:
            self.unprinted.update(dict.fromkeys(stated.missing + expected.missing))
            return None
        if stated.unread or expected.unread:
            self.doubt("金额未能读出：" + "、".join(stated.unread + expected.unread))
            return None
        self.compared += 1
        severity = severity or self.severity
        if self.participation is not None:
            self.participation.add(stated.cells + expected.cells, severity)
        figures = stated.figures + expected.figures
        # a figure printed in coarser steps may be off by half a step: that much of the difference is no
        # difference at all, and what is left is judged as any other (the allowance for rounding a sum
        # counts the figures, not the width of their steps)
        slack = stated.slack + expected.slack
        excess = max(abs(stated.value - expected.value) - slack, ZERO)
        verdict = judge(excess, ZERO, figures, self.tolerance)
        # a stated figure less than one of its printed steps off was rounded so that the parts add up to the
        # total printed (1,256万元 for 12,565,793元)
        step_off = verdict == Verdict.mismatch and abs(stated.value - expected.value) < 2 * stated.slack - self.tolerance
        if verdict == Verdict.equal:
            return None
        rounding = verdict == Verdict.rounding or step_off
        if step_off:
            message = self._mismatch_message(stated, expected).removesuffix("。") + "，不到所述金额的一个末位单位，视为舍入差异。"
        elif rounding:
            message = self._rounding_message(stated, expected, figures)
        else:
            message = self._mismatch_message(stated, expected)
        return Finding(
            message=message,
            place=stated.located or expected.located or Place(),
            severity="info" if rounding else severity,
            provided=None if stated.blank else stated.value,
            expected=None if expected.blank else expected.value,
            difference=stated.value - expected.value,
        )

    def said(self, figure: Figure) -> str:
        """The figure's amount in the unit it was printed in ("12,565,793 元" of a sentence in 元 in a 万元
        document), so that the reader finds it where it is printed."""
        if figure.blank:
            return amount(None, figure.unit or self.unit)
        unit = figure.unit or self.unit
        if figure.printed is not None:
            return amount(figure.printed, unit)
        return amount(figure.value if unit == self.unit else trimmed(convert(figure.value, self.unit, unit)), unit)

    def _difference(self, stated: Figure, expected: Figure) -> str:
        """In the unit both figures were printed in; in the document's where they differ."""
        units = (stated.unit or self.unit, expected.unit or self.unit)
        unit = units[0] if units[0] == units[1] else self.unit
        if stated.printed is not None and expected.printed is not None and units[0] == units[1]:
            return amount(abs(stated.printed - expected.printed), unit)
        gap = abs(stated.value - expected.value)
        if units[0] == units[1] == self.unit:
            return amount(gap, unit)
        # figures of two units: the gap without the zeros a conversion leaves (14,900.0 万元 for 1.5 亿元 less 100 万元)
        return amount(trimmed(gap if unit == self.unit else convert(gap, self.unit, unit)), unit)

    def _mismatch_message(self, stated: Figure, expected: Figure) -> str:
        return (f"{self.phrase(stated)}为 {self.said(stated)}，与{self.phrase(expected)} {self.said(expected)}不一致"
                f"（相差 {self._difference(stated, expected)}）。")

    def _rounding_message(self, stated: Figure, expected: Figure, figures: int) -> str:
        allowance = amount(rounding_allowance(figures, self.tolerance), self.unit)
        return (f"{self.phrase(stated)}为 {self.said(stated)}，与{self.phrase(expected)} {self.said(expected)}"
                f"相差 {self._difference(stated, expected)}，未超过 {figures} 个四舍五入数"
                f"可能累积的误差（{allowance}），视为舍入差异。")
