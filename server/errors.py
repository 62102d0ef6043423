"""Errors as plain text: SPARQL clients show the body to a person, who should read what to change."""

from __future__ import annotations

from flask import Flask, Response
from werkzeug.exceptions import HTTPException


def plain_text_error(error: HTTPException) -> Response:
    """The status line and the description, keeping the exception's headers (e.g. Allow on a 405)."""
    response = error.get_response()
    response.set_data(f"{error.code} {error.name}\n\n{error.description}\n")
    response.mimetype = "text/plain"
    return response


def register_error_handlers(app: Flask) -> None:
    """Every HTTP error, including the 500 Flask makes of an unhandled exception."""
    app.register_error_handler(HTTPException, plain_text_error)
