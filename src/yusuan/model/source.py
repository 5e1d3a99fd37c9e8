"""Where a piece of data came from in the input, so a finding can point at it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Source(BaseModel):
    """Line numbers are 1-based lines of a text input; pages are 1-based; box is (x0, top, x1, bottom) in PDF points."""

    model_config = ConfigDict(frozen=True)

    line: int | None = None
    page: int | None = None
    box: tuple[float, float, float, float] | None = None

    @property
    def where(self) -> str | None:
        """Where a reader finds it: the page of a paged document (a line counted through a PDF's text means
        nothing on the page), else the line of a text."""
        if self.page is not None:
            return f"第 {self.page} 页"
        return f"第 {self.line} 行" if self.line is not None else None
