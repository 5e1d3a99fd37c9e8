"""/api/compare: one department over the years, or a region's departments in one year, with charts."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Response

from ..errors import YusuanError
from .comparing import Question, chart, compare, drawable
from .schemas import ComparisonOut, ErrorOut, SectionOut, SeriesOut
from .services import Services, services

router = APIRouter(tags=["对比"])
ANSWERS: dict[int | str, dict] = {
    400: {"model": ErrorOut, "description": "没有给出部门，也没有给出地区和年度"},
    404: {"model": ErrorOut, "description": "档案中没有可对比的文件"},
}


def question(department: Annotated[str | None, Query(max_length=100)] = None,
             region: Annotated[str | None, Query(max_length=100)] = None,
             year: Annotated[int | None, Query(ge=1949, le=2100)] = None,
             kind: Literal["budget", "final"] = "budget") -> Question:
    return Question(department or None, region or None, year, kind)


def answer(s: Services, asked: Question):
    if not asked.is_complete:
        raise HTTPException(400, "请给出部门（department），或地区（region）和年度（year）。")
    try:
        return compare(s.archive, asked)
    except YusuanError as error:
        raise HTTPException(404, error.message) from None


@router.get("/compare", response_model=ComparisonOut, summary="对比（金额为万元，精确的字符串）",
            responses=ANSWERS)
def comparison(asked: Question = Depends(question), s: Services = Depends(services)) -> ComparisonOut:
    found = answer(s, asked)
    return ComparisonOut(
        title=found.title, subject_label=found.subject_label, subjects=found.subjects,
        document_ids=found.document_ids, unit=found.unit, note=found.note, choices=found.choices,
        sections=[SectionOut(id=sec.id, title=sec.title, stacked=list(sec.stacked), shares=sec.shares,
                             series=[SeriesOut(key=x.key, label=x.label,
                                               values=[None if v is None else str(v) for v in x.values])
                                     for x in sec.series],
                             chart=f"/api/compare/charts/{sec.id}.svg?{asked.query()}" if drawable(sec) else None)
                  for sec in found.sections])


@router.get("/compare/charts/{section}.svg", summary="对比的一个部分画成图（SVG）", response_class=Response,
            responses=ANSWERS)
def comparison_chart(section: Literal["three_public", "basic_project", "functional", "operating_cost"],
                     asked: Question = Depends(question), s: Services = Depends(services)) -> Response:
    svg = chart(answer(s, asked), section)
    if svg is None:
        raise HTTPException(404, "这一部分没有可画的数。")
    return Response(svg, media_type="image/svg+xml")
