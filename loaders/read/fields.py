"""What every reader shares: the article fields, their checks, and the one-line `ArticleError`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from loaders import lang
from loaders.iris import article_iri
from loaders.model import Article

FIELDS = ("url", "title", "published", "source", "author", "lang", "text")


class ArticleError(Exception):
    """An article file that cannot be read; `str()` is `path:line: what is wrong`."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = str(path), line, message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


def json_object(path: Path, line: int, raw: str) -> Mapping[str, Any]:
    """The JSON object `raw` (found at `line` of `path`), or the ArticleError saying where it breaks."""
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as e:
        raise ArticleError(path, line + e.lineno - 1, f"invalid JSON: {e.msg} (column {e.colno})") from e
    if not isinstance(value, dict):
        raise ArticleError(path, line, f"expected a JSON object, found {type(value).__name__}")
    return value


def article(fields: Mapping[str, Any], path: Path, line: int) -> Article:
    """The article these fields describe, checked; `line` is where they start in `path`."""
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise ArticleError(path, line, f"unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}")
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(path, line, "the article has no text")
    for name in ("url", "title", "source", "author"):
        if fields.get(name) is not None and not isinstance(fields[name], str):
            raise ArticleError(path, line, f"field {name!r} must be a string")
    code = fields.get("lang") or lang.detect_language(text)
    if code not in lang.codes():
        raise ArticleError(path, line, f"field 'lang' is {code!r}; kabar reads {' and '.join(lang.codes())}")
    url = fields.get("url") or None
    title = fields.get("title") or text.strip().splitlines()[0][:120]
    return Article(
        iri=article_iri(url, text),
        url=url,
        title=title,
        text=text,
        lang=code,
        published=_published(fields.get("published"), path, line),
        source=fields.get("source"),
        author=fields.get("author"),
        origin=f"{path}:{line}" if path.suffix == ".jsonl" else str(path),
    )


def _published(value: Any, path: Path, line: int) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.fromisoformat(str(value)).date()
    except ValueError as e:
        raise ArticleError(path, line, f"field 'published' is {value!r}, not an ISO date (YYYY-MM-DD)") from e
