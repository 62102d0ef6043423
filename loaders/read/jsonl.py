"""`.jsonl` articles: one article object per line; errors name the line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from loaders.model import Article
from loaders.read import reader
from loaders.read.fields import article, json_object


@reader(".jsonl")
def read_jsonl(path: Path, raw: str) -> Iterator[Article]:
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.strip():
            yield article(json_object(path, number, line), path, number)
