"""Bearer-token access for writes: reads are open, every write carries the configured token.

With no token configured writes are off altogether, so a server started
without thinking about it cannot be written to by anyone.
"""

from __future__ import annotations

import hmac
from collections.abc import Collection

from flask import Blueprint, request
from werkzeug.exceptions import Forbidden, Unauthorized

from server.config import CONFIG_ENV, WRITE_TOKEN, setting

WRITE_METHODS = frozenset({"POST", "PUT", "DELETE", "PATCH"})

WRITES_OFF = (
    "Writes are turned off: this server has no write token. To turn them on, set the environment variable "
    f"{WRITE_TOKEN.env}, or write_token in the configuration file that {CONFIG_ENV} names, and restart "
    "the server; then send the token as Authorization: Bearer <token>."
)


class BearerChallenge(Unauthorized):
    """401 with the RFC 6750 challenge, `error` saying whether a token was given but wrong."""

    def __init__(self, description: str, error: str | None = None) -> None:
        super().__init__(description)
        self.challenge = 'Bearer realm="kabar"' + (f', error="{error}"' if error else "")

    def get_headers(self, *args: object, **kwargs: object) -> list[tuple[str, str]]:
        return [*super().get_headers(*args, **kwargs), ("WWW-Authenticate", self.challenge)]


def require_write_token() -> None:
    """Return if the request carries the configured token; else raise 403 (writes off) or 401."""
    token: str | None = setting(WRITE_TOKEN)
    if token is None:
        raise Forbidden(WRITES_OFF)
    scheme, _, given = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise BearerChallenge("This is a write: send the server's write token as Authorization: Bearer <token>.")
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise BearerChallenge("The bearer token is not this server's write token.", "invalid_token")


def protect_writes(bp: Blueprint, methods: Collection[str] = WRITE_METHODS) -> None:
    """Make every request to `bp` with one of `methods` need the write token, before its view reads anything."""

    @bp.before_request
    def check_token() -> None:
        if request.method in methods:
            require_write_token()
