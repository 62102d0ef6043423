"""What every reader shares: the article fields, their checks, and the one-line `ArticleError`.

Sources name fields their own way (`headline`, `body`, `pubDate`, `tags`):
common names are read as kabar's fields, tags and keywords are kept, and
any other field is ignored with one warning line per file, never a
refused batch. A field that is there but wrong (no text, a date that is
no date, a language kabar has no pack for) is an error naming its line.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from loaders import lang
from loaders.iris import article_iri
from loaders.model import Article
from loaders.read.published import parse_published

FIELDS = ("url", "title", "published", "source", "author", "lang", "text", "keywords")
ALIASES = {
    "link": "url", "headline": "title", "body": "text", "content": "text", "article": "text",
    "date": "published", "pubdate": "published", "published_at": "published", "datepublished": "published",
    "publisher": "source", "site": "source", "sitename": "source", "authors": "author", "byline": "author",
    "language": "lang", "tags": "keywords", "categories": "keywords",
    "judul": "title", "tanggal": "published", "penulis": "author", "sumber": "source", "bahasa": "lang",
}
"""Other names sources give kabar's fields (compared in lower case)."""

log = logging.getLogger("kabar.read")


class ArticleError(Exception):
    """An article file that cannot be read; `str()` is `path:line: what is wrong`."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = str(path), line, message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


def json_object(path: Path | str, line: int, raw: str) -> Mapping[str, Any]:
    """The JSON object `raw` (found at `line` of `path`), or the ArticleError saying where it breaks."""
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as e:
        raise ArticleError(path, line + e.lineno - 1, f"invalid JSON: {e.msg} (column {e.colno})") from e
    except RecursionError as e:  # '[[[[…' a hundred thousand deep: no article is shaped so
        raise ArticleError(path, line, "JSON nested too deeply to be an article") from e
    except ValueError as e:  # a number of thousands of digits: Python refuses to read it
        raise ArticleError(path, line, f"invalid JSON: a number too long to read ({e.args[0].split(':')[0]})") from e
    if not isinstance(value, dict):
        raise ArticleError(path, line, f"expected a JSON object, found {type(value).__name__}")
    return value


def kabar_fields(fields: Mapping[str, Any], path: Path | str, line: int,
                 ignored: set[str] | None = None) -> dict[str, Any]:
    """`fields` under kabar's names; fields kabar has no use for are dropped with one warning line.

    A reader of many articles per file passes `ignored` to collect them and
    warns once for the file (see `warn_ignored`).
    """
    out: dict[str, Any] = {}
    unknown = []
    for name, value in fields.items():
        known = name if name in FIELDS else ALIASES.get(str(name).lower().replace("-", "_"))
        if known is None:
            unknown.append(str(name))
        elif value not in (None, "") and known not in out:
            out[known] = value
    if ignored is not None:
        ignored.update(unknown)
    else:
        warn_ignored(f"{path}:{line}" if line else str(path), unknown)
    return out


def warn_ignored(where: str, names: Iterable[str]) -> None:
    if names:
        log.warning("%s: ignored field(s) %s (kabar reads %s)", where, ", ".join(sorted(names)), ", ".join(FIELDS))


def article(fields: Mapping[str, Any], path: Path | str, line: int, *, origin: str | None = None,
            lines: Mapping[str, int] | None = None, ignored: set[str] | None = None) -> Article:
    """The article these fields describe, checked; `line` is where they start in `path`.

    `lines` gives the line of each field when the format knows it (front
    matter), so that an error names the bad field's own line.
    """
    fields = kabar_fields(fields, path, line, ignored)

    def fail(name: str, message: str) -> ArticleError:
        return ArticleError(path, (lines or {}).get(name, line), message)

    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise fail("text", "the article has no text")
    for name in ("url", "title", "source", "author"):
        if name in fields and not isinstance(fields[name], str):
            raise fail(name, f"field {name!r} must be a string")
    for name in ("text", "url", "title", "source", "author"):
        if isinstance(value := fields.get(name), str) and (bad := _NOT_TEXT.search(value)):
            what = "an unpaired surrogate" if "\ud800" <= bad.group() <= "\udfff" else "a control character"
            raise fail(name, f"field {name!r} holds {what} (U+{ord(bad.group()):04X}) at character "
                             f"{bad.start() + 1:,}: binary data, not text kabar can store")
    code = fields.get("lang") or lang.detect_language(text)
    code = str(code).lower().split("-")[0].split("_")[0]  # 'id-ID', 'en_US' -> the pack's code
    if code not in lang.codes():
        raise fail("lang", f"field 'lang' is {code!r}; kabar reads {' and '.join(lang.codes())}")
    url = fields.get("url") or None
    title = fields.get("title") or text.strip().splitlines()[0][:120]
    published = fields.get("published")
    when = parse_published(published) if published is not None else None
    if published is not None and when is None:
        raise fail("published", f"field 'published' is {published!r}, not a date kabar can read "
                                "(2023-07-14, 2023-07, 14 Juli 2023, Fri, 14 Jul 2023 10:30:00 +0700)")
    return Article(
        iri=article_iri(url, text),
        url=url,
        title=title,
        text=text,
        lang=code,
        published=when[0] if when else None,
        source=fields.get("source"),
        author=fields.get("author"),
        origin=origin or str(path),
        published_precision=when[1] if when else "day",
        keywords=_keywords(fields.get("keywords")),
    )


_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")
"""C0 controls but tab, line breaks and form feed, DEL, and lone surrogates (a JSON escape such as \\ud800 makes
one; no UTF-8 holds it): an article with them is a binary file read as text."""


def _keywords(value: Any) -> tuple[str, ...]:
    """Tags as a list, or one comma-separated string."""
    if value is None:
        return ()
    items = value if isinstance(value, list | tuple) else [value]
    words = (word.strip() for item in items for word in str(item).split(","))
    return tuple(dict.fromkeys(word for word in words if word))
