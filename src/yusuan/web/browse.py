"""The archive list as the web shows it, newest first. The pages and the JSON API both list through here;
the choices of its filter form (years, regions and kinds present) are `Archive.facets`.
"""

from __future__ import annotations

from ..archive import Archive, Filters, Page


def list_documents(archive: Archive, filters: Filters, limit: int, offset: int) -> Page:
    return archive.list(filters, limit, offset, newest_first=True)
