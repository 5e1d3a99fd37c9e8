"""What a batch run did, counted as it goes, and the summary printed at the end."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from .work import Failed

SHOWN_FAILURES = 20


@dataclass
class BatchSummary:
    found: int = 0  # documents discovered (this run)
    archived_before: int = 0  # skipped: already in the archive
    failed_before: int = 0  # skipped: failed in an earlier run (see the failure log)
    added: int = 0
    duplicates: int = 0  # the same content twice in this run: stored once
    failed: int = 0
    errors_found: int = 0  # error findings in the documents added
    failures: list[Failed] = field(default_factory=list)  # the first SHOWN_FAILURES, for the summary
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    @property
    def processed(self) -> int:
        """Documents parsed in this run (added, duplicate or failed)."""
        return self.added + self.duplicates + self.failed

    @property
    def seconds(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    @property
    def rate(self) -> float:
        """Documents processed per second of this run."""
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    def note_failure(self, failure: Failed) -> None:
        self.failed += 1
        if len(self.failures) < SHOWN_FAILURES:
            self.failures.append(failure)

    @property
    def exit_code(self) -> int:
        """0 when every document found is in the archive; 2 when some failed (as `yusuan db add`)."""
        return 2 if self.failed or self.failed_before else 0

    def as_dict(self) -> dict[str, object]:
        return {"found": self.found, "archived_before": self.archived_before, "failed_before": self.failed_before,
                "added": self.added, "duplicates": self.duplicates, "failed": self.failed,
                "errors_found": self.errors_found, "seconds": round(self.seconds, 3),
                "documents_per_second": round(self.rate, 3)}
