"""`.html` pages: the article's main text and its metadata (title, date, author, site, language) by trafilatura.

Menus, footers and comments are left out. `page_article` is shared with
the readers of feeds (a linked page fetched online) and web archives.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

import lxml.html
import trafilatura

from loaders.model import Article
from loaders.read import reader
from loaders.read.fields import ArticleError, article
from loaders.read.source import ReadOptions, Source

_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_BLOCKS = ("p", "br", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre")
_DATES = {"extensive_search": False, "original_date": True}
"""Only dates the page states as its own (meta tags, time elements), not guesses from the text around."""


def _looks_like_html(head: bytes) -> bool:
    lower = head[:512].lower()
    return lower.startswith((b"<!doctype html", b"<html")) or b"<html" in lower


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content): one line per paragraph, markup gone."""
    if "<" not in fragment:
        return fragment.strip()
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return "\n".join(" ".join(line.split()) for line in root.text_content().splitlines() if line.strip())


def page_article(data: bytes, name: str, url: str | None, origin: str | None = None) -> Article | None:
    """The article a web page holds, or None when it has no main text (an index page, an error page)."""
    with warnings.catch_warnings():  # trafilatura's own FutureWarnings about lxml say nothing about the page
        warnings.simplefilter("ignore")
        found = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                            include_tables=False, date_extraction_params=_DATES)
    if found is None or not (found.text or "").strip():
        return None
    text = found.text.strip()
    first, _, rest = text.partition("\n")
    if found.title and first.strip() == found.title.strip() and rest.strip():
        text = rest.strip()  # the headline is the title, not the first paragraph
    language = _LANG.search(data[:4096])
    fields = {"url": url or found.url, "title": found.title, "published": found.date, "author": found.author,
              "source": found.sitename, "lang": language[1].decode().lower() if language else None,
              "keywords": [*(found.tags or []), *(found.categories or [])] or None, "text": text}
    return article({k: v for k, v in fields.items() if v}, name, 1, origin=origin)


@reader(".html", ".htm", sniff=_looks_like_html)
def read_html(source: Source, options: ReadOptions) -> Iterator[Article]:
    found = page_article(source.data, source.name, source.url)
    if found is None:
        raise ArticleError(source.name, None, "no article text found in this page")
    yield found
