"""/login and /logout: a browser's way to present a token (the API takes `Authorization: Bearer`).

Logging in checks the token and keeps it in the cookie `yusuan_token`: HttpOnly (no script reads
it), SameSite=Strict (no other site's page can send it along), Secure over HTTPS. Logging out
clears it. Both are writes that need no token (access.OPEN_WRITES); failed logins are limited per
address (access.login_refusal), apart from the upload allowance.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from .access import COOKIE, COOKIE_SECONDS, RateLimit, client_address, login_refusal, safe_next
from .tokens import Tokens
from .templating import templates

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
pages = templates()


def _form(request: Request, target: str, message: str | None = None, status: int = 200) -> HTMLResponse:
    return pages.TemplateResponse(request, "login.html", {"nav": None, "next": target, "message": message},
                                  status_code=status)


@router.get("/login")
def login_form(request: Request, next: Annotated[str, Query(max_length=2000)] = "/"):
    return _form(request, safe_next(next))


@router.post("/login")
def login(request: Request, token: Annotated[str, Form(max_length=200)] = "",
          next: Annotated[str, Form(max_length=2000)] = "/"):
    target = safe_next(next)
    tokens: Tokens = request.app.state.tokens
    if not tokens.enabled:
        return RedirectResponse(target, status_code=303)
    failures: RateLimit = request.app.state.login_failures
    too_many = login_refusal(request.scope, failures)
    if too_many is not None:  # refused before the token is looked at: guessing goes no faster
        return too_many
    role = tokens.role(token.strip())
    if role is None:
        failures.wait_for(client_address(request.scope))
        return _form(request, target, "令牌不正确。请检查后重新输入，或向管理员索取令牌。", status=401)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, token.strip(), max_age=COOKIE_SECONDS, path="/", httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")
    return response


@router.post("/logout")
def logout():
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response
