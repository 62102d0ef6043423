"""RSS and Atom feeds: one article per entry, its text from the entry or, with `--online`, from its page.

Many feeds carry only a teaser: such an entry's page is fetched when the
network is allowed; offline the teaser is read as the text, and one
warning line says how many entries that was. A relative entry link (Atom
allows them) is resolved against the feed's own address.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from loaders.model import Article
from loaders.read import reader, sniff
from loaders.read.fields import ArticleError, article
from loaders.read.html import fragment_text, page_article
from loaders.read.source import ReadOptions, Source, fetch

log = logging.getLogger("kabar.read")
_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)\b")


@reader(".xml", ".rss", ".atom", sniff=lambda head: bool(_FEED.search(head)))
def read_feed(source: Source, options: ReadOptions) -> Iterator[Article]:
    parsed = feedparser.parse(source.data)
    if not parsed.version:
        problem = parsed.get("bozo_exception")
        raise ArticleError(source.name, getattr(problem, "getLineNumber", lambda: None)(),
                           f"not an RSS or Atom feed{f' ({problem})' if problem else ''}")
    teasers = empty = 0
    base = source.url or next((k.get("href") for k in parsed.feed.get("links", []) if k.get("rel") == "self"), None)
    for number, entry in enumerate(parsed.entries, start=1):
        name = f"{source.name} entry {number}"
        link = _absolute(entry.get("link"), base)
        content = max((fragment_text(c.get("value", "")) for c in entry.get("content", [])), key=len, default="")
        if not content and link and options.online:
            page = fetch(link, options, sniff)
            found = page_article(page.data, link, page.url, origin=link)
            if found is not None:
                yield found
                continue
        text = content or fragment_text(entry.get("summary", ""))
        if not text:
            empty += 1
            continue
        teasers += not content
        yield article(_fields(entry, parsed.feed, text, link), name, 0, origin=link or name)
    if teasers:
        log.warning("%s: %d entr%s had only a summary, read as the text (--online reads the linked pages)",
                    source.name, teasers, "y" if teasers == 1 else "ies")
    if empty:
        log.warning("%s: skipped %d entr%s without text", source.name, empty, "y" if empty == 1 else "ies")


def _absolute(link: str | None, base: str | None) -> str | None:
    """An entry's link as an address: a relative one ('/blog/2012/07/16/x', as Atom allows) resolved against the
    feed's own address (where it was read from, else its rel="self" link); one that stays relative is no address."""
    if link and base:
        link = urljoin(base, link)
    return link if link and urlsplit(link).scheme in ("http", "https") else None


def _fields(entry: Mapping[str, Any], feed: Mapping[str, Any], text: str, link: str | None) -> dict[str, Any]:
    tags = [t.get("term") for t in entry.get("tags", []) if t.get("term")]
    fields = {"url": link, "title": fragment_text(entry.get("title", "")),
              "published": entry.get("published") or entry.get("updated"), "author": entry.get("author"),
              "source": feed.get("title"), "lang": entry.get("language") or feed.get("language"),
              "keywords": tags, "text": text}
    return {k: v for k, v in fields.items() if v}
