"""The HTML pages. Each gathers what it shows through the same functions as the JSON API."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup

from ..archive import Filters
from ..checks.engine.parts import missing_parts
from ..checks_xdoc import check_archived
from ..errors import YusuanError
from ..readers.registry import installed_formats
from . import documents as docs
from .access import can_upload
from .api_documents import MAX_OFFSET, DocumentId, TableId, download_links, table_view
from .browse import list_documents
from .comparing import Question, chart, compare, drawable, inline_charts
from .forms import compare_form, list_form
from .marks import mark_of
from .services import Services, services
from .tableview import NARRATIVE, PERFORMANCE_FIELDS, tabs
from .templating import templates
from .uploads import accept

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
pages = templates()
RECENT = 10


def _page(request: Request, name: str, nav: str | None = None, **context) -> HTMLResponse:
    return pages.TemplateResponse(request, name, {"nav": nav, **context})


@router.get("/")
def index(request: Request, s: Services = Depends(services)):
    recent = list_documents(s.archive, Filters(), RECENT, 0)
    limits = {"file_mb": s.settings.max_file_bytes // (1024 * 1024), "pages": s.settings.max_pages,
              "files": s.settings.max_files}
    return _page(request, "index.html", "upload", recent=recent.items, total=recent.total, limits=limits,
                 formats=installed_formats())


@router.post("/upload", dependencies=[Depends(can_upload)])
async def upload_form(files: Annotated[list[UploadFile], File()], s: Services = Depends(services)):
    """The form without JavaScript: take the files, then show their progress page."""
    jobs = await accept(files, s)
    return RedirectResponse(f"/uploads?jobs={','.join(j.id for j in jobs)}", status_code=303)


@router.get("/uploads")
def uploads(request: Request, jobs: Annotated[str, Query(max_length=2000)] = "", s: Services = Depends(services)):
    ids = [i for i in jobs.split(",") if i][:100]
    found = [snap for i in ids if (snap := s.board.snapshot(i)) is not None]
    finished = all(j["state"] in ("done", "failed") for j in found)
    return _page(request, "uploads.html", "upload", jobs=found, ids=",".join(j["id"] for j in found),
                 finished=finished)


@router.get("/documents/{document_id}")
def document(request: Request, document_id: DocumentId, s: Services = Depends(services)):
    loaded = s.document(document_id)
    found_tabs = tabs(loaded.disclosure)
    statuses = docs.rule_statuses(s.archive, document_id)
    return _page(request, "document.html", "archive", doc=loaded.summary, rebuilt=loaded.rebuilt, tabs=found_tabs,
                 tab_ids={t.id for t in found_tabs}, groups=docs.grouped(docs.findings_of(s.archive, document_id)),
                 statuses=sorted(statuses.items()), downloads=download_links(document_id),
                 xdoc=check_archived(s.archive, document_id),
                 nothing_read=not loaded.rebuilt and all(t.id == NARRATIVE for t in found_tabs),
                 missing_parts=[] if loaded.rebuilt else missing_parts(loaded.disclosure))


@router.post("/documents/{document_id}/delete", dependencies=[Depends(can_upload)])
def delete_document(document_id: DocumentId, confirm: Annotated[str, Form(max_length=10)] = "",
                    s: Services = Depends(services)):
    """The delete button of a document page (admin only): the box must be ticked, then back to the archive."""
    if confirm != "yes":
        raise HTTPException(400, "请先勾选“确认删除”，再点删除。")
    if not s.remove(document_id):
        raise HTTPException(404, f"档案中没有编号为 {document_id} 的文件。")
    return RedirectResponse(f"/archive?removed={document_id}", status_code=303)


@router.get("/documents/{document_id}/tables/{table_id}")
def table(request: Request, document_id: DocumentId, table_id: TableId,
          finding: Annotated[int | None, Query(ge=0, le=MAX_OFFSET)] = None, s: Services = Depends(services)):
    about = docs.finding(s.archive, document_id, finding) if finding is not None else None
    if about is not None and about.table_id and about.table_id != table_id:  # a link edited by hand
        return RedirectResponse(f"/documents/{document_id}/tables/{about.table_id}?finding={finding}#target", 303)
    loaded, view, row = table_view(s, document_id, table_id, finding)
    mark = None if loaded.rebuilt else mark_of(view, s.store.positions(loaded.summary.content_hash))
    return _page(request, "table.html", "archive", doc=loaded.summary, view=view, tabs=tabs(loaded.disclosure),
                 finding=row, mark=mark, fields=PERFORMANCE_FIELDS, unit=loaded.disclosure.unit.value)


def _page_link(filters: Filters, offset: int) -> str:
    pairs = {"department": filters.department, "region": filters.region, "year": filters.year, "kind": filters.kind,
             "has_errors": None if filters.has_errors is None else str(filters.has_errors).lower(), "offset": offset}
    return "/archive?" + urlencode({k: v for k, v in pairs.items() if v is not None})


@router.get("/archive")
def archive(request: Request, filters: Filters = Depends(list_form),
            offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
            removed: Annotated[int | None, Query(ge=1, le=MAX_OFFSET)] = None, s: Services = Depends(services)):
    size = s.settings.page_size
    page = list_documents(s.archive, filters, size, offset)
    return _page(request, "archive.html", "archive", page=page, recent=page.items, filters=filters,
                 filtered=filters != Filters(), facets=s.archive.facets(), first=offset + 1, removed=removed,
                 last=offset + len(page.items),
                 prev_link=_page_link(filters, max(offset - size, 0)) if offset > 0 else None,
                 next_link=_page_link(filters, offset + size) if offset + size < page.total else None)


@router.get("/compare")
def comparison(request: Request, asked: Question = Depends(compare_form), s: Services = Depends(services)):
    found, problem = None, None
    if asked.is_complete:
        try:
            found = compare(s.archive, asked)
        except YusuanError as error:
            problem = error.message
    # yusuan's own SVG, its labels escaped where it is made (compare/svg.py): safe to put in as it is
    inline = found is not None and inline_charts(found)
    sections = [(sec, Markup(svg) if inline and (svg := chart(found, sec.id)) else None, drawable(sec))
                for sec in (found.sections if found else [])]
    return _page(request, "compare.html", "compare", asked=asked, comparison=found, sections=sections,
                 inline=inline, problem=problem, facets=s.archive.facets())


@router.get("/docs/api")
def api_guide(request: Request):
    endpoints = []
    for path, operations in request.app.openapi()["paths"].items():
        for method, operation in operations.items():
            params = [p["name"] for p in operation.get("parameters", [])]
            endpoints.append({"method": method.upper(), "path": path, "summary": operation.get("summary", ""),
                              "params": params})
    return _page(request, "api.html", "api", endpoints=endpoints, base=str(request.base_url).rstrip("/"))
