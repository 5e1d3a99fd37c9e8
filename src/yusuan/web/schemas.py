"""What the JSON API answers, as pydantic models (so /api/openapi.json describes it).

Amounts are strings ("3805.35"), exact as printed: no JSON reader turns them into floats.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

from ..archive import DocumentSummary
from .documents import FindingRow


class ErrorOut(BaseModel):
    """A refusal: what went wrong and what to do, in one sentence."""

    detail: str


def _error(description: str) -> dict:
    return {"model": ErrorOut, "description": description}


# what any endpoint may answer besides its own: without a valid token, and with a read-only one
REFUSALS: dict[int | str, dict] = {
    401: _error("需要令牌，或令牌不正确（服务设置了令牌时）"),
}
NOT_FOUND = {404: _error("档案中没有这份文件、这张表或这一页")}
UPLOAD_REFUSALS: dict[int | str, dict] = {
    400: _error("没有文件，或一次的文件过多"),
    403: _error("令牌只能查看，不能上传"),
    413: _error("上传的内容超过上限（--max-upload-mb）"),
    429: {**_error("上传过于频繁；Retry-After 给出要等的秒数"),
          "headers": {"Retry-After": {"description": "要等的秒数", "schema": {"type": "integer"}}}},
}


class JobOut(BaseModel):
    id: str
    name: str
    size: int
    format: str
    state: str
    state_label: str
    step: int | None
    steps: int
    pages: int | None
    message: str | None
    document_id: int | None
    existing: bool
    department: str | None
    year: int | None
    errors: int
    warnings: int
    elapsed: float


class UploadOut(BaseModel):
    jobs: list[JobOut]


class DocumentOut(BaseModel):
    id: int
    department: str | None
    region: str | None
    year: int | None
    kind: str
    scope: str
    unit: str
    source_name: str | None
    reader: str | None
    parsed_at: datetime
    errors: int
    warnings: int
    infos: int
    content_hash: str
    could_not_check: int = 0

    @classmethod
    def of(cls, summary: DocumentSummary) -> DocumentOut:
        fields = {name: getattr(summary, name) for name in cls.model_fields}
        if fields["parsed_at"].tzinfo is None:  # the archive keeps UTC without a zone; RFC 3339 needs one
            fields["parsed_at"] = fields["parsed_at"].replace(tzinfo=UTC)
        return cls(**fields)


class RemovedOut(BaseModel):
    id: int
    removed: bool


class DocumentPageOut(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentOut]


class FindingOut(BaseModel):
    ordinal: int
    rule: str
    severity: str
    message: str
    table: str | None
    code: str | None
    name: str | None
    column: str | None
    line: int | None
    page: int | None
    provided: str | None
    expected: str | None
    difference: str | None

    @classmethod
    def of(cls, row: FindingRow) -> FindingOut:
        """The finding's plain form as the archive keeps it (checks/report/form.py), with its number."""
        return cls(ordinal=row.ordinal, **row.form)


class TabOut(BaseModel):
    id: str
    title: str


class DocumentDetailOut(BaseModel):
    document: DocumentOut
    rebuilt: bool  # the model was rebuilt from the archive (no projects, performance tables, narrative text)
    tables: list[TabOut]
    statuses: dict[str, int]
    findings: list[FindingOut]
    downloads: dict[str, str]  # what -> URL


class TargetOut(BaseModel):
    row: int | None
    column: str | None
    indicator: int | None


class MarkOut(BaseModel):
    page: int
    width: float
    height: float
    box: tuple[float, float, float, float]
    image: str  # URL of the page image


class TableOut(BaseModel):
    id: str
    title: str
    shape: str  # grid | performance | narrative
    content: dict[str, Any]  # the model's Table, performance tables or claims, as `yusuan parse` writes them
    target: TargetOut
    mark: MarkOut | None


class SeriesOut(BaseModel):
    key: str
    label: str
    values: list[str | None]


class SectionOut(BaseModel):
    id: str
    title: str
    series: list[SeriesOut]
    stacked: list[str]
    shares: bool
    chart: str | None  # URL of the SVG chart, when there is something to draw


class ComparisonOut(BaseModel):
    title: str
    subject_label: str
    subjects: list[str]
    document_ids: list[int]
    unit: str
    note: str | None
    choices: list[str]  # which document was used where the archive holds several, and why
    sections: list[SectionOut]


class FacetsOut(BaseModel):
    years: list[int]
    regions: list[str]
    kinds: list[str]
