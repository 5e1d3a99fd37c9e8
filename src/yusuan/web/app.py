"""The web app: `create_app(settings)` builds it; `yusuan serve` runs it with uvicorn.

Pages at /, /archive, /compare, /documents/...; the JSON API under /api (described at
/api/openapi.json). The archive is opened when the app starts and closed when it stops.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from .. import __version__
from . import api_compare, api_documents, api_uploads, login, pages
from .access import AccessControl, RateLimit, Tokens, can_read
from .middleware import SecurityHeaders, UploadSizeLimit
from .services import open_services
from .settings import Settings

STATIC = Path(__file__).parent / "static"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    tokens = Tokens(settings.tokens)  # a malformed token is refused here, before anything is served

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.services = open_services(settings)
        try:
            yield
        finally:
            app.state.services.close()

    app = FastAPI(title="yusuan", version=__version__, description="部门预算/决算公开：上传、检查、档案与对比。",
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None, lifespan=lifespan)
    # Swagger UI would load its scripts from a CDN; /docs/api lists the endpoints instead
    app.state.tokens = tokens
    # outermost first: security headers on every answer, refusals included; then who may do what
    # (before a body is read); then the size cap on what is read
    app.add_middleware(UploadSizeLimit, limit=settings.max_request_bytes)
    app.add_middleware(AccessControl, tokens=tokens, public_read=settings.public_read,
                       rate=RateLimit(settings.upload_rate, settings.upload_window))
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    reading = [Depends(can_read)]
    for router in (api_uploads.router, api_documents.router, api_compare.router):
        app.include_router(router, prefix="/api", dependencies=reading)
    app.include_router(pages.router, dependencies=reading)
    app.include_router(login.router)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(Exception, _internal_error)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error_page(request: Request, status: int, message: str):
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return pages.pages.TemplateResponse(request, "error.html", {"status": status, "message": message, "nav": None},
                                        status_code=status)


async def _http_error(request: Request, error: HTTPException):
    message = error.detail if isinstance(error.detail, str) else "请求有误。"
    if error.status_code == 404 and error.detail == "Not Found":
        message = "没有这个页面。"
    return _error_page(request, error.status_code, message)


async def _invalid_request(request: Request, error: RequestValidationError):
    if _wants_json(request):
        return JSONResponse({"detail": error.errors()}, status_code=422)
    fields = "、".join(str(e["loc"][-1]) for e in error.errors())
    return _error_page(request, 422, f"请求的参数有误（{fields}）。请检查链接或表单。")


async def _internal_error(request: Request, error: Exception):
    return _error_page(request, 500, f"内部错误（{type(error).__name__}）。请报告这个问题。")
