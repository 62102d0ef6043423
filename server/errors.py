"""Errors as plain text: SPARQL clients show the body to a person, who should read what to change."""

from __future__ import annotations

import re

from flask import Flask, Response, current_app, g, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed, RequestEntityTooLarge

from server.config import MAX_BODY_BYTES, MAX_LOAD_BYTES
from store.kabar_store import KABAR_PREFIXES
from store.sparql_errors import explain

_SPARQL_POSITION = re.compile(r"error at (\d+):(\d+)")


def plain_text_error(error: HTTPException) -> Response:
    """The status line and the description, keeping the exception's headers (e.g. Allow on a 405)."""
    response = error.get_response()
    description = error.description
    if isinstance(error, MethodNotAllowed) and error.valid_methods and description == MethodNotAllowed.description:
        description = f"{request.method} is not allowed on {request.path}: use {', '.join(error.valid_methods)}."
    response.set_data(f"{error.code} {error.name}\n\n{description}\n")
    response.mimetype = "text/plain"
    return response


def body_too_large(error: RequestEntityTooLarge) -> Response:
    """413 naming the limit and the setting that raises it, instead of werkzeug's generic text."""
    limit = request.max_content_length or current_app.config[MAX_BODY_BYTES.key]
    setting = MAX_LOAD_BYTES if g.get("bulk_load") else MAX_BODY_BYTES
    return plain_text_error(
        RequestEntityTooLarge(
            f"The request body is larger than the {limit:,} bytes this server accepts. Send less (split the "
            f"data into several requests), or raise the setting {setting.name} ({setting.env})."
        )
    )


def syntax_error_message(summary: str, text: str, error: SyntaxError | str) -> str:
    """`summary` and the parser's message, then the line of `text` it points at, quoted, when it says which.

    pyoxigraph's SPARQL parser writes the position into the message
    ("error at 3:2"), which is all a query worker sends back (a string);
    its RDF parsers also set `lineno` and `offset`.
    """
    detail = error if isinstance(error, str) else error.msg or error
    message = f"{summary}: {detail}"
    position = _SPARQL_POSITION.match(str(error))
    if position:
        line, column = int(position[1]), int(position[2])
    else:
        line, column = (None, None) if isinstance(error, str) else (error.lineno, error.offset)
    lines = text.split("\n")
    if line is not None and 1 <= line <= len(lines):
        message += f"\nline {line}, column {column}: {lines[line - 1].rstrip()}"
    return message


def sparql_error_message(summary: str, text: str, error: SyntaxError | str) -> str:
    """`summary` and what is wrong with the query or update `text` in words (an undeclared prefix, a misspelt
    keyword, else the parser's position), then its line with a caret: what `kabar query` prints too."""
    return f"{summary}: {explain(text, str(error), KABAR_PREFIXES)}"


def register_error_handlers(app: Flask) -> None:
    """Every HTTP error, including the 500 Flask makes of an unhandled exception."""
    app.register_error_handler(HTTPException, plain_text_error)
    app.register_error_handler(RequestEntityTooLarge, body_too_large)
