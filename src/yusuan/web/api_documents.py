"""/api/documents: the archive list, one document, its tables, and its files to download."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Response

from ..archive import Filters
from . import documents as docs
from .browse import list_documents
from .downloads import Download, page_image, report_file, tidy_csv
from .marks import mark_of
from .access import can_upload
from .schemas import (NOT_FOUND, DocumentDetailOut, DocumentOut, DocumentPageOut, FacetsOut, FindingOut, MarkOut,
                      RemovedOut, TabOut, TableOut, TargetOut)
from .services import Services, services
from .tableview import TableView, tabs, view_of

router = APIRouter(tags=["档案"])
DocumentId = Annotated[int, Path(ge=1, le=2**31 - 1)]
TableId = Annotated[str, Path(pattern=r"^[a-z_]{1,40}$")]
MAX_OFFSET = 2**31 - 1  # the archive's ids and counts are 32-bit: a larger offset would not reach the database


def list_filters(department: Annotated[str | None, Query(max_length=100)] = None,
                 region: Annotated[str | None, Query(max_length=100)] = None,
                 year: Annotated[int | None, Query(ge=1949, le=2100)] = None,
                 kind: Literal["budget", "final"] | None = None,
                 has_errors: bool | None = None) -> Filters:
    """Query parameters of the list; an empty text field means no filter."""
    return Filters(department or None, region or None, year, kind, has_errors)


@router.get("/documents", response_model=DocumentPageOut, summary="档案中的文件，按条件筛选，新加入的在前")
def documents(filters: Filters = Depends(list_filters), limit: Annotated[int, Query(ge=1, le=500)] = 50,
              offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
              s: Services = Depends(services)) -> DocumentPageOut:
    page = list_documents(s.archive, filters, limit, offset)
    return DocumentPageOut(total=page.total, limit=limit, offset=offset, items=[DocumentOut.of(d) for d in page.items])


@router.get("/facets", response_model=FacetsOut, summary="筛选可选的年度、地区、类型")
def filter_choices(s: Services = Depends(services)) -> FacetsOut:
    found = s.archive.facets()
    return FacetsOut(years=found.years, regions=found.regions, kinds=found.kinds)


def download_links(document_id: int) -> dict[str, str]:
    base = f"/api/documents/{document_id}"
    return {**{fmt: f"{base}/render.{fmt}" for fmt in ("html", "pdf", "docx", "xlsx")},
            "csv": f"{base}/lines.csv", "report_html": f"{base}/report.html", "report_json": f"{base}/report.json"}


@router.get("/documents/{document_id}", response_model=DocumentDetailOut, summary="一份文件：表格、检查结果、下载",
            responses=NOT_FOUND)
def document(document_id: DocumentId, s: Services = Depends(services)) -> DocumentDetailOut:
    loaded = s.document(document_id)
    return DocumentDetailOut(
        document=DocumentOut.of(loaded.summary), rebuilt=loaded.rebuilt,
        tables=[TabOut(id=t.id, title=t.title) for t in tabs(loaded.disclosure)],
        statuses=docs.rule_statuses(s.archive, document_id),
        findings=[FindingOut.of(f) for f in docs.findings_of(s.archive, document_id)],
        downloads=download_links(document_id))


@router.delete("/documents/{document_id}", response_model=RemovedOut, dependencies=[Depends(can_upload)],
               summary="从档案中删除一份文件及其全部数据（需管理令牌）", responses=NOT_FOUND)
def remove_document(document_id: DocumentId, s: Services = Depends(services)) -> RemovedOut:
    if not s.remove(document_id):
        raise HTTPException(404, f"档案中没有编号为 {document_id} 的文件。")
    return RemovedOut(id=document_id, removed=True)


def table_view(s: Services, document_id: int, table_id: str, finding: int | None):
    """The loaded document and the table's view, highlighting finding number `finding` when it is about this table."""
    loaded = s.document(document_id)
    row = docs.finding(s.archive, document_id, finding) if finding is not None else None
    row = row if row is not None and row.table_id == table_id else None
    view = view_of(loaded.disclosure, table_id, row.finding.place if row else None)
    if view is None:
        raise HTTPException(404, "这份文件中没有这张表。")
    return loaded, view, row


def _content(view: TableView) -> dict:
    if view.shape == "grid":
        return {"table": view.table.model_dump(mode="json")}
    if view.shape == "performance":
        return {"blocks": [b.model_dump(mode="json") for b in view.blocks]}
    return {"claims": [c.model_dump(mode="json") for c in view.claims]}


@router.get("/documents/{document_id}/tables/{table_id}", response_model=TableOut,
            summary="一张表；给出 finding（检查发现的序号）时标出它所指的行、单元格和 PDF 页面位置",
            responses=NOT_FOUND)
def table(document_id: DocumentId, table_id: TableId, finding: Annotated[int | None, Query(ge=0, le=MAX_OFFSET)] = None,
          s: Services = Depends(services)) -> TableOut:
    loaded, view, _ = table_view(s, document_id, table_id, finding)
    mark = mark_of(view, s.store.positions(loaded.summary.content_hash)) if not loaded.rebuilt else None
    target = view.target
    return TableOut(id=view.id, title=view.title, shape=view.shape, content=_content(view),
                    target=TargetOut(row=target.row, column=target.column, indicator=target.indicator),
                    mark=MarkOut(page=mark.page, width=mark.width, height=mark.height, box=mark.box,
                                 image=f"/api/documents/{document_id}/pages/{mark.page}.png") if mark else None)


def _send(download: Download, inline: bool = False) -> Response:
    headers = {} if inline else {"Content-Disposition": download.disposition}
    return Response(download.data, media_type=download.media_type, headers=headers)


@router.get("/documents/{document_id}/render.{fmt}", summary="按标准格式重新排版的公开文件（html、pdf、docx、xlsx）",
            response_class=Response,
            responses=NOT_FOUND)
def render_document(document_id: DocumentId, fmt: Literal["html", "pdf", "docx", "xlsx"],
                    s: Services = Depends(services)) -> Response:
    return _send(s.renderings.get(s.document(document_id), fmt))


@router.get("/documents/{document_id}/lines.csv", summary="表格中的每个金额一行（与 yusuan export 相同）",
            response_class=Response,
            responses=NOT_FOUND)
def lines_csv(document_id: DocumentId, s: Services = Depends(services)) -> Response:
    return _send(tidy_csv(s.document(document_id)))


@router.get("/documents/{document_id}/report.{fmt}", summary="检查报告（html 或 json）", response_class=Response,
            responses=NOT_FOUND)
def report(document_id: DocumentId, fmt: Literal["html", "json"], s: Services = Depends(services)) -> Response:
    loaded = s.document(document_id)
    return _send(report_file(loaded, docs.report_of(s.archive, loaded.summary), fmt))


@router.get("/documents/{document_id}/pages/{page}.png", summary="PDF 文件的一页（图片）", response_class=Response,
            responses=NOT_FOUND)
def page(document_id: DocumentId, page: Annotated[int, Path(ge=1, le=100_000)],
         s: Services = Depends(services)) -> Response:
    settings = s.settings
    image = page_image(s.document(document_id), s.store, page, settings.parse_timeout, settings.parse_memory_mb)
    if image is None:
        raise HTTPException(404, "这份文件不是 PDF，或没有这一页。")
    return _send(image, inline=True)
