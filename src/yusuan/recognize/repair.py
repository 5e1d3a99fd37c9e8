"""Repairing codes the layout lost: a code pushed onto the next page's first row, a row printed
with its name and amounts but no code. Repaired by position first, then confirmed by the catalog.
Names set a line above their codes are paired back with them first."""

from __future__ import annotations

from ..classification import catalog, parent_of
from ..model import Row, Unreadable


def _is_orphan_code(row: Row) -> bool:
    return row.code is not None and not row.name and all(v is None for v in row.values.values())


def _needs_code(row: Row) -> bool:
    return row.code is None and row.item is None and bool(row.name)


def repair_codes(rows: list[Row], catalog_name: str, unreadable: list[Unreadable]) -> list[Row]:
    needing = [i for i, r in enumerate(rows) if _needs_code(r)]
    if not needing or not any(r.code for r in rows):
        return rows
    known = catalog(catalog_name)
    orphans = [i for i, r in enumerate(rows) if _is_orphan_code(r)]
    used: set[int] = set()
    repaired = list(rows)
    for index in needing:
        row = rows[index]
        context = _context_code(rows, index)
        code = _code_from_orphans(row, index, rows, orphans, used, context, known) or _code_from_catalog(row, context, known)
        if code is None:
            unreadable.append(Unreadable(what=f"“{row.name}”一行缺少科目编码，无法补全", source=row.source))
            continue
        repaired[index] = row.model_copy(update={"code": code})
    return [r for i, r in enumerate(repaired) if i not in used]


def _context_code(rows: list[Row], index: int) -> str | None:
    """The nearest coded row above: its code tells which 类/款 the row sits under."""
    for row in reversed(rows[:index]):
        if row.code and not _is_orphan_code(row):
            return row.code
    return None


def _fits(code: str, name: str, context: str | None, known) -> bool:
    matches = known.name_matches(code, name)
    if matches is False:
        return False
    if context is None:
        return True
    # a row sits under its parent (or next to a sibling, or under the 类 of its 款)
    return code[:3] == context[:3]


def _code_from_orphans(row, index, rows, orphans, used, context, known) -> str | None:
    # the orphan that follows the row, before any other coded row, belongs to it
    for orphan_index in orphans:
        if orphan_index in used or orphan_index < index:
            continue
        between = rows[index + 1 : orphan_index]
        if any(r.code and not _is_orphan_code(r) for r in between):
            break
        code = rows[orphan_index].code
        if _fits(code, row.name, context, known):
            used.add(orphan_index)
            return code
    return None


def _code_from_catalog(row: Row, context: str | None, known) -> str | None:
    if context is None:
        return None
    parents = [p for p in (context if len(context) < 7 else parent_of(context), context[:5], context[:3]) if p]
    for parent in parents:
        found = known.find(row.name, parent=parent)
        if len(found) == 1:
            return found[0].code
    return None


# the shifted pairing must be confirmed by the catalog this often, and far more often than the printed one
_SHIFT_MIN_AGREEING = 2


def _is_name_alone(row: Row) -> bool:
    return row.code is None and row.item is None and bool(row.name) and all(v is None for v in row.values.values())


def _coded_run(rows: list[Row], start: int, page: int | None) -> list[int]:
    """The coded rows from `start` on, up to the first other row or the end of the page."""
    run = []
    for index in range(start, len(rows)):
        if rows[index].code is None or rows[index].item is not None or rows[index].source.page != page:
            break
        run.append(index)
    return run


def realign_names(rows: list[Row], catalog_name: str, tentative: frozenset[int] = frozenset()) -> list[Row]:
    """Names printed a line above their codes and amounts (a PDF setting the name column higher): a
    name stands alone at the top of each page and each code is read with the next line's name. Each
    code takes the name above it where the catalog confirms the shifted pairing far more often than
    the printed one; where it does not, the names stay as printed. A `tentative` row (a lone name
    that closed a page's column header) is a row only as a name above a code: dropped either way."""
    known = catalog(catalog_name)
    realigned, dropped = list(rows), set(tentative)
    for start, row in enumerate(rows):
        if not _is_name_alone(row):
            continue
        run = _coded_run(rows, start + 1, row.source.page)
        shifted = [row.name] + [rows[i].name for i in run[:-1]]
        printed_agree = sum(known.agrees(rows[i].code, rows[i].name) is True for i in run)
        shifted_agree = sum(known.agrees(rows[i].code, name) is True for i, name in zip(run, shifted))
        if shifted_agree >= _SHIFT_MIN_AGREEING and shifted_agree > 2 * printed_agree:
            for i, name in zip(run, shifted):
                realigned[i] = rows[i].model_copy(update={"name": name})
            dropped.add(start)
    return [r for i, r in enumerate(realigned) if i not in dropped]
