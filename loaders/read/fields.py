"""Read articles from `.txt`, `.json` and `.jsonl` files into `Article` records.

Reading is strict and complete before anything is written: a broken file
raises `ArticleError` naming the file and line, so `kabar ingest` can
refuse the whole batch and leave the store as it was.

- `.txt`: the text, with metadata in YAML front matter (between `---`
  lines) or in a sidecar `.json` of the same name.
- `.json`: one article object.
- `.jsonl`: one article object per line.
Fields: `url`, `title`, `published` (ISO date), `source`, `author`,
`lang` (`id`/`en`, detected when absent), `text`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from loaders.iris import article_iri
from loaders.langid import LANGUAGES, detect_language
from loaders.model import Article

SUFFIXES = (".txt", ".json", ".jsonl")
FIELDS = ("url", "title", "published", "source", "author", "lang", "text")


class ArticleError(Exception):
    """An article file that cannot be read; `str()` is `path:line: what is wrong`."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = str(path), line, message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


def article_files(paths: list[Path]) -> list[Path]:
    """The files to read: given files as they are, directories walked in name order.

    A `.json` beside a `.txt` of the same name is that text's metadata, not an article.
    """
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(
                p for p in sorted(path.rglob("*"))
                if p.suffix in SUFFIXES and p.is_file()
                and not (p.suffix == ".json" and p.with_suffix(".txt").exists())
            )
        elif path.exists():
            out.append(path)
        else:
            raise ArticleError(path, None, "no such file or directory")
    return out


def read_articles(path: Path | str) -> Iterator[Article]:
    """Every article in one file."""
    path = Path(path)
    if path.suffix not in SUFFIXES:
        raise ArticleError(path, None, f"unsupported file type {path.suffix!r}; use one of {', '.join(SUFFIXES)}")
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ArticleError(path, None, f"not UTF-8 text ({e.reason} at byte {e.start})") from e
    except OSError as e:
        raise ArticleError(path, None, e.strerror or str(e)) from e
    if path.suffix == ".txt":
        yield _from_text(path, raw)
    elif path.suffix == ".json":
        yield _article(_json_object(path, 1, raw), path, 1)
    else:
        for number, line in enumerate(raw.splitlines(), start=1):
            if line.strip():
                yield _article(_json_object(path, number, line), path, number)


def read_all(paths: list[Path]) -> list[Article]:
    """All articles of all paths, or the first error: nothing is half-read."""
    return [article for file in article_files(paths) for article in read_articles(file)]


def _json_object(path: Path, line: int, raw: str) -> Mapping[str, Any]:
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as e:
        raise ArticleError(path, line + e.lineno - 1, f"invalid JSON: {e.msg} (column {e.colno})") from e
    if not isinstance(value, dict):
        raise ArticleError(path, line, f"expected a JSON object, found {type(value).__name__}")
    return value


def _from_text(path: Path, raw: str) -> Article:
    meta: Mapping[str, Any] = {}
    body, body_line = raw, 1
    if raw.startswith("---\n"):
        end = raw.find("\n---\n", 4)
        if end < 0:
            raise ArticleError(path, 1, "front matter opened with '---' is never closed by a '---' line")
        try:
            loaded = yaml.safe_load(raw[4:end]) or {}
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            raise ArticleError(path, mark.line + 2 if mark else 1, f"invalid YAML front matter: {e}") from e
        if not isinstance(loaded, dict):
            raise ArticleError(path, 2, "front matter must be a mapping of field: value")
        meta, body = loaded, raw[end + 5:]
        body_line = raw.count("\n", 0, end + 5) + 1
    sidecar = path.with_suffix(".json")
    if sidecar.exists():
        if meta:
            raise ArticleError(path, 1, f"metadata given twice: in front matter and in {sidecar.name}")
        meta = _json_object(sidecar, 1, sidecar.read_text(encoding="utf-8"))
    if "text" in meta:
        raise ArticleError(path, 1, "a .txt article's text is the file body; remove the 'text' field")
    return _article({**meta, "text": body.strip()}, path, body_line)


def _article(fields: Mapping[str, Any], path: Path, line: int) -> Article:
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise ArticleError(path, line, f"unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}")
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(path, line, "the article has no text")
    for name in ("url", "title", "source", "author"):
        if fields.get(name) is not None and not isinstance(fields[name], str):
            raise ArticleError(path, line, f"field {name!r} must be a string")
    lang = fields.get("lang") or detect_language(text)
    if lang not in LANGUAGES:
        raise ArticleError(path, line, f"field 'lang' is {lang!r}; kabar reads {' and '.join(LANGUAGES)}")
    url = fields.get("url") or None
    title = fields.get("title") or text.strip().splitlines()[0][:120]
    return Article(
        iri=article_iri(url, text),
        url=url,
        title=title,
        text=text,
        lang=lang,
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
