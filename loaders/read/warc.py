"""`.warc` web archives (`.warc.gz` too): each HTML page fetched with 200 OK is one article, by trafilatura.

Other records (requests, metadata, images, redirects) are passed over;
pages with no article text (indexes, tag pages) are counted in one
warning line.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from loaders.model import Article
from loaders.read import reader
from loaders.read.fields import ArticleError
from loaders.read.html import page_article
from loaders.read.source import ReadOptions, Source

log = logging.getLogger("kabar.read")


@reader(".warc", sniff=lambda head: head.startswith(b"WARC/"))
def read_warc(source: Source, options: ReadOptions) -> Iterator[Article]:
    pages = empty = 0
    try:
        for record in ArchiveIterator(io.BytesIO(source.data)):
            headers = record.http_headers
            if (record.rec_type != "response" or headers is None or headers.get_statuscode() != "200"
                    or "html" not in (headers.get_header("Content-Type") or "")):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            pages += 1
            found = page_article(record.content_stream().read(), f"{source.name} {url}", url, origin=url)
            if found is None:
                empty += 1
            else:
                yield found
    except ArchiveLoadFailed as e:
        raise ArticleError(source.name, None, f"not a WARC file ({e})") from e
    if empty:
        log.warning("%s: skipped %d of %d HTML page(s) with no article text", source.name, empty, pages)
    if not pages:
        raise ArticleError(source.name, None, "no HTML page in this archive")
