"""`.json` articles: one article object per file."""

from __future__ import annotations

from collections.abc import Iterator

from loaders.model import Article
from loaders.read import reader
from loaders.read.fields import article, json_object
from loaders.read.source import ReadOptions, Source


@reader(".json", sniff=lambda head: head.startswith(b"{") and b"\n{" not in head.rstrip())
def read_json(source: Source, options: ReadOptions) -> Iterator[Article]:
    yield article(json_object(source.name, 1, source.text()), source.name, 1)
