"""CORS for reads: browser scripts on the configured origins may query, export and read descriptions.

Writes get no CORS headers at all, so a page on another origin cannot
make a visitor's browser write, whatever token it holds; tools outside
browsers do not need CORS. Reads are told apart by path and method, as
one path may take both (GET /store reads, PUT /store writes).
"""

from __future__ import annotations

from flask import Flask, Response, request

from server.config import CORS_ORIGINS, setting

READS: dict[str, frozenset[str]] = {
    "/sparql": frozenset({"GET", "HEAD", "POST"}),
    "/export": frozenset({"GET", "HEAD"}),
    "/store": frozenset({"GET", "HEAD"}),
    "/.well-known/void": frozenset({"GET", "HEAD"}),
}
"""The read methods of each path; a POST to /sparql only ever queries."""

ALLOWED_HEADERS = "Accept, Content-Type, Authorization"
PREFLIGHT_MAX_AGE = "86400"


def read_methods() -> frozenset[str]:
    """The read methods of the requested path; empty for paths that only write or are not matched."""
    rule = request.url_rule
    return READS.get(rule.rule, frozenset()) if rule is not None else frozenset()


def allowed_origin(origins: tuple[str, ...]) -> str | None:
    """The Access-Control-Allow-Origin value for this request's Origin, or None to send no CORS headers."""
    if "*" in origins:
        return "*"
    origin = request.headers.get("Origin", "").rstrip("/")
    return origin if origin in origins else None


def preflight() -> Response | None:
    """The answer to a browser's OPTIONS preflight for a read; other OPTIONS go on to Flask's default."""
    if request.method != "OPTIONS":
        return None
    asked = request.headers.get("Access-Control-Request-Method", "").upper()
    if asked not in read_methods() or "Origin" not in request.headers:
        return None
    origin = allowed_origin(setting(CORS_ORIGINS))
    if origin is None:
        return None
    response = Response(status=204)
    response.headers["Access-Control-Allow-Origin"] = origin
    response.headers["Access-Control-Allow-Methods"] = ", ".join(sorted(read_methods()))
    response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
    response.headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    return response


def add_cors_headers(response: Response) -> Response:
    """Allow-Origin on reads (errors included, so scripts can show why); Vary when it depends on Origin."""
    method = request.method
    reads = read_methods()
    origins: tuple[str, ...] = setting(CORS_ORIGINS)
    if method in reads and not has_header(response, "access-control-allow-origin"):
        origin = allowed_origin(origins)
        if origin is not None:
            response.headers["Access-Control-Allow-Origin"] = origin
    if (method in reads or method == "OPTIONS") and "*" not in origins:
        response.vary.add("Origin")
    return response


def has_header(response: Response, lowercase_name: str) -> bool:
    """`name in response.headers`, without the KeyError werkzeug raises and catches when it is absent (usually)."""
    return any(name.lower() == lowercase_name for name, _ in response.headers)


def init_cors(app: Flask) -> None:
    app.before_request(preflight)
    app.after_request(add_cors_headers)
