"""The archive (DuckDB): documents and everything read from them, kept for queries and comparisons.

See docs/archive.md for the schema and the commands (`yusuan db ...`).
"""

from .adding import Added, content_hash_of_model, hash_bytes
from .archive import Archive
from .connection import DEFAULT_PATH, PATH_VARIABLE, ArchiveMissing, resolve_path
from .listing import DocumentDetail, DocumentSummary, Filters, Page, QueryResult
from .locking import ArchiveBusy
from .metrics import METRIC_LABELS, metric_label
from .migrations import LATEST, MIGRATIONS
from .region import region_of
from .rows import DocumentRecord, document_record
from .serving import ServerMark, ServerRunning, server_using, waiting_message
from .store import Stored

__all__ = [
    "Added", "Archive", "ArchiveBusy", "ArchiveMissing", "DEFAULT_PATH", "DocumentDetail", "DocumentRecord",
    "DocumentSummary", "Filters", "LATEST", "METRIC_LABELS", "MIGRATIONS", "PATH_VARIABLE", "Page", "QueryResult",
    "ServerMark", "ServerRunning", "Stored", "content_hash_of_model", "document_record", "hash_bytes", "metric_label",
    "region_of", "resolve_path", "server_using", "waiting_message",
]
