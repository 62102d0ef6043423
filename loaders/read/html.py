"""`.html` pages: the article's main text and its metadata (title, date, author, site, language) by trafilatura.

Menus, footers and comments are left out. When trafilatura takes the
site's part of a `<title>` such as 'Global Voices Online » North Korea:
...' for the title, the part the page also heads with (an h1 or h2) is
the headline. `page_article` is shared with the readers of feeds (a
linked page fetched online) and web archives.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

import lxml.html
import trafilatura
from lxml import etree

from loaders.model import Article
from loaders.read import reader
from loaders.read.fields import ArticleError, article
from loaders.read.source import ReadOptions, Source

_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_BLOCKS = ("p", "br", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre")
_TITLE_PARTS = re.compile(r"\s+(?:[|\u00bb\u00ab\u2013\u2014\u00b7:]|-|::)\s+")
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
    text, title = found.text.strip(), _headline(data, found.title)
    first, _, rest = text.partition("\n")
    if title and first.strip() == title.strip() and rest.strip():
        text = rest.strip()  # the headline is the title, not the first paragraph
    language = _LANG.search(data[:4096])
    fields = {"url": url or found.url, "title": title, "published": found.date, "author": found.author,
              "source": found.sitename, "lang": language[1].decode().lower() if language else None,
              "keywords": [*(found.tags or []), *(found.categories or [])] or None, "text": text}
    return article({k: v for k, v in fields.items() if v}, name, 1, origin=origin)


def _headline(data: bytes, title: str | None) -> str | None:
    """The page's headline: trafilatura's title, unless that is the site's part of a `<title>` such as 'Global
    Voices Online » North Korea: ...' and another part is the page's own h1 or h2 heading."""
    try:
        root = lxml.html.document_fromstring(data)
    except (ValueError, etree.ParserError):
        return title
    page_title = " ".join((root.findtext(".//title") or "").split())
    parts = [p for p in _TITLE_PARTS.split(page_title) if p and p != title]
    if len(parts) == len(_TITLE_PARTS.split(page_title)) or not title:
        return title  # no part of the page's title is trafilatura's: it found the headline elsewhere
    headings = {" ".join(h.text_content().split()) for h in root.iter("h1", "h2")}
    return next((p for p in parts if p in headings), title)


@reader(".html", ".htm", sniff=_looks_like_html)
def read_html(source: Source, options: ReadOptions) -> Iterator[Article]:
    found = page_article(source.data, source.name, source.url)
    if found is None:
        raise ArticleError(source.name, None, "no article text found in this page")
    yield found
