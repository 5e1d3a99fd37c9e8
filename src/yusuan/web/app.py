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
from ..archive import ArchiveBusy
from . import api_compare, api_documents, api_uploads, login, pages
from .access import AccessControl, RateLimit, can_read
from .tokens import Tokens
from .hosts import HostAndOrigin, allowed_hosts
from .isolated import WorkerFailed
from .schemas import REFUSALS
from .middleware import SecurityHeaders, UploadSizeLimit
from .services import open_services
from .settings import Settings

STATIC = Path(__file__).parent / "static"
_STATIC_METHODS = ("GET", "HEAD")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    tokens = Tokens(settings.tokens)  # a malformed token is refused here, before anything is served
    allowed = allowed_hosts(settings)  # and a malformed host name

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
    app.state.login_failures = RateLimit(settings.upload_rate, settings.upload_window)
    # outermost first: security headers on every answer, refusals included; then the host names and
    # pages the server takes requests from; then who may do what (before a body is read); then the
    # size cap on what is read
    app.add_middleware(UploadSizeLimit, limit=settings.max_request_bytes)
    app.add_middleware(AccessControl, tokens=tokens, public_read=settings.public_read,
                       rate=RateLimit(settings.upload_rate, settings.upload_window))
    app.add_middleware(HostAndOrigin, allowed=allowed)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    reading = [Depends(can_read), Depends(only_known_parameters)]
    for router in (api_uploads.router, api_documents.router, api_compare.router):
        app.include_router(router, prefix="/api", dependencies=reading, responses=REFUSALS)
    app.include_router(pages.router, dependencies=[Depends(can_read)])
    app.include_router(login.router)
    app.openapi = _described(app.openapi, settings)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(ArchiveBusy, _archive_busy)
    app.add_exception_handler(WorkerFailed, _work_stopped)
    app.add_exception_handler(Exception, _internal_error)
    return app


def _described(make, settings: Settings):
    """FastAPI's description, plus what it cannot know: the token (Authorization: Bearer) every operation
    takes when tokens are set, and this server's limit on files per upload."""

    def described() -> dict:
        schema = make()  # made once and kept by FastAPI: adding twice changes nothing
        body = schema["paths"]["/api/uploads"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
        name = body["$ref"].rsplit("/", 1)[-1]
        schema["components"]["schemas"][name]["properties"]["files"]["maxItems"] = settings.max_files
        schema.setdefault("components", {}).setdefault("securitySchemes", {})["token"] = {
            "type": "http", "scheme": "bearer",
            "description": "服务设置了令牌时（--token、--read-token、--token-file）必须给出：只读令牌可查看，管理令牌还可上传。"}
        schema["security"] = [{"token": []}]
        return schema

    return described


def _query_names(dependant) -> set[str]:
    names = {getattr(field, "alias", None) or field.name for field in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def only_known_parameters(request: Request) -> None:
    """The API refuses a query parameter it does not know (`?yaer=2024` would otherwise list every year)."""
    dependant = getattr(request.scope.get("route"), "dependant", None)
    if dependant is None:
        return
    known = _query_names(dependant)
    unknown = [name for name in dict.fromkeys(request.query_params.keys()) if name not in known]
    if unknown:
        raise RequestValidationError([{"loc": ("query", name), "type": "extra_forbidden",
                                       "msg": f"没有这个参数；可用的参数：{'、'.join(sorted(known)) or '无'}"}
                                      for name in unknown])


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error_page(request: Request, status: int, message: str, headers: dict[str, str] | None = None):
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    return pages.pages.TemplateResponse(request, "error.html", {"status": status, "message": message, "nav": None},
                                        status_code=status, headers=headers)


async def _http_error(request: Request, error: HTTPException):
    message = error.detail if isinstance(error.detail, str) else "请求有误。"
    headers = dict(error.headers or {})  # Allow of a 405, WWW-Authenticate of a 401: kept
    if error.status_code == 404 and error.detail == "Not Found":
        message = "没有这个页面。"
    if error.status_code == 405:
        # the router names the route's methods; the static files mount raises its 405 without them
        if "Allow" not in headers and request.url.path.startswith("/static/"):
            headers["Allow"] = ", ".join(_STATIC_METHODS)
        allowed = f"，只接受 {headers['Allow']}" if "Allow" in headers else ""
        message = f"这个地址不接受 {request.method} 请求{allowed}。请检查请求的方法。"
    return _error_page(request, error.status_code, message, headers or None)


def _problems(error: RequestValidationError) -> list[dict]:
    """The validation errors as plain JSON: where, what, why (never the raw input or exception objects)."""
    return [{"loc": [p if isinstance(p, int) else str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")),
             "type": str(e.get("type", ""))} for e in error.errors()]


async def _invalid_request(request: Request, error: RequestValidationError):
    problems = _problems(error)
    fields = "、".join(dict.fromkeys(str(p["loc"][-1]) for p in problems if p["loc"])) or "请求"
    if _wants_json(request):
        return JSONResponse({"detail": problems, "message": f"请求的参数有误（{fields}）。请对照 /api/openapi.json 检查后重试。"},
                            status_code=422)
    return _error_page(request, 422, f"请求的参数有误（{fields}）。请检查链接或表单。")


async def _archive_busy(request: Request, error: ArchiveBusy):
    # another program (a long `yusuan db add`) kept the archive for longer than the server waits
    response = _error_page(request, 503, error.message)
    response.headers["Retry-After"] = "30"
    return response


async def _work_stopped(request: Request, error: WorkerFailed):
    # a rendering or a page image stopped at its worker's time or memory bound, or its worker crashed
    return _error_page(request, 503, error.message)


async def _internal_error(request: Request, error: Exception):
    return _error_page(request, 500, f"内部错误（{type(error).__name__}）。请报告这个问题。")
