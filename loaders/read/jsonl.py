"""`.jsonl` articles: one article object per line; errors name the line."""

from __future__ import annotations

from collections.abc import Iterator

from loaders.model import Article
from loaders.read import reader
from loaders.read.fields import article, json_object, warn_ignored
from loaders.read.source import ReadOptions, Source


@reader(".jsonl", sniff=lambda head: head.startswith(b"{") and b"\n{" in head)
def read_jsonl(source: Source, options: ReadOptions) -> Iterator[Article]:
    ignored: set[str] = set()
    for number, line in enumerate(source.text().splitlines(), start=1):
        if line.strip():
            yield article(json_object(source.name, number, line), source.name, number,
                          origin=f"{source.name}:{number}", ignored=ignored)
    warn_ignored(source.name, ignored)
