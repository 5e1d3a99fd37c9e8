"""ASGI middleware: security headers and server timing on every response, a size cap on uploads.

The pages use no inline script or style (JavaScript and CSS are static files, charts are inline
SVG), so the Content-Security-Policy can forbid both.
"""

from __future__ import annotations

import json
import time

from starlette.exceptions import HTTPException

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds SECURITY_HEADERS and `Server-Timing: app;dur=<ms>` (time in the app until the headers)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                took = (time.perf_counter() - start) * 1000
                headers = [h for h in message.get("headers", []) if h[0].lower() not in dict(SECURITY_HEADERS)]
                message["headers"] = [*headers, *SECURITY_HEADERS, (b"server-timing", f"app;dur={took:.1f}".encode())]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class UploadSizeLimit:
    """Refuses a POST body larger than `limit` bytes with 413: by its Content-Length before reading it,
    else as soon as the bytes received pass the limit (a chunked body declares no length)."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    def _message(self) -> str:
        return f"上传的内容超过上限 {self.limit / 1024 / 1024:.0f} MB。请分批上传，或请管理员调高上限（--max-upload-mb）。"

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        received = 0

        async def counting_receive():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                # raised inside the route's body parsing: FastAPI passes an HTTPException on as it is
                raise HTTPException(413, self._message())
            return message

        await self.app(scope, counting_receive, send)

    async def _refuse(self, send):
        body = json.dumps({"detail": self._message()}, ensure_ascii=False).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
