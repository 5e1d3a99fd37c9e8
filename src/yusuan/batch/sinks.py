"""Where outcomes go: the archive (one transaction per document), or Parquet partitions imported
chunk by chunk (the Ray engine). Both keep the same counts and the same failure log.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..archive import Archive
from ..errors import YusuanError
from .failures import FailureLog
from .progress import BatchProgress
from .summary import BatchSummary
from .work import Done, Failed, Outcome


class Sink:
    def __init__(self, archive: Archive, log: FailureLog, summary: BatchSummary, progress: BatchProgress):
        self.archive = archive
        self.log = log
        self.summary = summary
        self.progress = progress

    def deliver(self, outcomes: Sequence[Outcome]) -> None:
        raise NotImplementedError

    def fail(self, failure: Failed) -> None:
        self.log.write(failure)
        self.summary.note_failure(failure)
        self.progress.advance()

    def stored(self, done: Done, new: bool) -> None:
        if new:
            self.summary.added += 1
            self.summary.errors_found += done.errors
        else:
            self.summary.duplicates += 1
        self.progress.advance()


def storing_failure(done: Done, error: Exception) -> Failed:
    message = error.message if isinstance(error, YusuanError) else f"无法写入档案（{type(error).__name__}: {error}）。"
    return Failed(done.path, done.content_hash, message)


class ArchiveSink(Sink):
    """Each document in its own transaction: a kill loses nothing that was stored."""

    def deliver(self, outcomes: Sequence[Outcome]) -> None:
        for outcome in outcomes:
            if isinstance(outcome, Failed):
                self.fail(outcome)
                continue
            try:
                stored = self.archive.add_record(outcome.record)
            except Exception as error:  # one document's rows must not stop the others
                self.fail(storing_failure(outcome, error))
                continue
            self.stored(outcome, stored.new)
