"""Where a piece of data came from in the input, so a finding can point at it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Source(BaseModel):
    """Line numbers are 1-based lines of a text input; pages are 1-based; box is (x0, top, x1, bottom) in PDF points."""

    model_config = ConfigDict(frozen=True)

    line: int | None = None
    page: int | None = None
    box: tuple[float, float, float, float] | None = None
