"""The archive (DuckDB): documents and everything read from them, kept for queries and comparisons.

It stores the rows it is handed and answers queries; reading and checking a document before it is
stored happens in yusuan/archiving.py. See docs/archive.md for the schema and the commands (`yusuan db ...`).
"""

from .archive import Archive
from .connection import DEFAULT_PATH, PATH_VARIABLE, ArchiveMissing, resolve_path
from .listing import DocumentDetail, DocumentSummary, Facets, Filters, Page, QueryResult
from .locking import ArchiveBusy
from .metrics import metric_label
from .migrations import LATEST, MIGRATIONS
from .region import region_of
from .rows import DocumentRecord, record_of
from .serving import ServerMark, ServerRunning, server_using, waiting_message
from .store import Stored, content_hash_of_model, hash_bytes

__all__ = [
    "Archive", "ArchiveBusy", "ArchiveMissing", "DEFAULT_PATH", "DocumentDetail", "DocumentRecord",
    "DocumentSummary", "Facets", "Filters", "LATEST", "MIGRATIONS", "PATH_VARIABLE", "Page", "QueryResult",
    "ServerMark", "ServerRunning", "Stored", "content_hash_of_model", "hash_bytes", "metric_label", "record_of",
    "region_of", "resolve_path", "server_using", "waiting_message",
]
