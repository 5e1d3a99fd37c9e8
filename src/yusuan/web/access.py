"""Who may do what. Today everyone may read and upload; the routes already name what each needs.

The hardening issue adds tokens (read-only and admin) and a rate limit on uploads: they go into
these two dependencies, and no route changes.
"""

from __future__ import annotations

from fastapi import Request


def can_read(request: Request) -> None:
    """Reading pages, the archive list, documents, downloads."""


def can_upload(request: Request) -> None:
    """Adding documents to the archive."""
