"""The web app (`yusuan serve`): upload and check documents, browse the archive, compare.

    from yusuan.web import Settings, create_app
    app = create_app(Settings(db=Path("yusuan.duckdb")))

See docs/web.md.
"""

from .app import create_app
from .settings import Settings

__all__ = ["Settings", "create_app"]
