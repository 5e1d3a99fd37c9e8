"""The tokens a server accepts, each with a role: read from the command line or a token file, kept as
SHA-256 digests and compared in constant time. Who may do what with them is `access`."""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from ..errors import YusuanError

Role = Literal["read", "admin"]
ROLES: tuple[str, ...] = ("read", "admin")
ROLE_LABELS = {"read": "只读", "admin": "管理"}
_TOKEN = re.compile(r"[A-Za-z0-9._~+/=-]{16,200}")
TOKEN_RULE = ("令牌须为 16 至 200 个字符，只能包含字母、数字和 ._~+/=- ；可用 "
              "python3 -c 'import secrets; print(secrets.token_urlsafe(32))' 生成。")


class TokenError(YusuanError):
    pass


def _digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8", "replace")).digest()


def check_token(token: str, where: str) -> str:
    if not _TOKEN.fullmatch(token):
        raise TokenError(f"{where}的令牌无效。{TOKEN_RULE}")
    return token


def read_token_file(path: Path) -> list[tuple[str, str]]:
    """`<role> <token>` a line (role `admin` or `read`); blank lines and lines starting with # are skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TokenError(f"无法读取令牌文件“{path}”（{error}）。请检查路径和权限。") from error
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        if len(words) != 2 or words[0] not in ROLES:
            raise TokenError(f"令牌文件“{path}”第 {number} 行有误：每行应为“admin 令牌”或“read 令牌”。")
        found.append((check_token(words[1], f"令牌文件第 {number} 行"), words[0]))
    if not found:
        raise TokenError(f"令牌文件“{path}”中没有令牌。每行写“admin 令牌”或“read 令牌”。")
    return found


class Tokens:
    """The tokens the server accepts, kept as SHA-256 digests and compared in constant time."""

    def __init__(self, tokens: Iterable[tuple[str, str]]):
        self._digests: list[tuple[bytes, Role]] = []
        for token, role in tokens:
            if role not in ROLES:
                raise TokenError(f"未知的角色“{role}”：只能是 admin 或 read。")
            self._digests.append((_digest(check_token(token, ROLE_LABELS[role])), role))

    @property
    def enabled(self) -> bool:
        return bool(self._digests)

    def role(self, token: str | None) -> Role | None:
        if not token:
            return None
        digest = _digest(token)
        found: Role | None = None
        for known, role in self._digests:  # no early exit: the time taken says nothing about the tokens
            if hmac.compare_digest(known, digest) and (found is None or role == "admin"):
                found = role
        return found
