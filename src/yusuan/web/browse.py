"""The archive list as the web shows it, newest first, and the choices its filter form offers (the years,
regions and kinds present in the archive). The pages and the JSON API both list through here.
"""

from __future__ import annotations

from ..archive import Archive, Facets, Filters, Page

ListFilters = Filters  # the archive's filters, "has errors" included; the routes name them so


def list_documents(archive: Archive, filters: ListFilters, limit: int, offset: int) -> Page:
    return archive.list(filters, limit, offset, newest_first=True)


def facets(archive: Archive) -> Facets:
    return archive.facets()
