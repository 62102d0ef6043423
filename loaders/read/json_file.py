"""`.json` articles: one article object per file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from loaders.model import Article
from loaders.read import reader
from loaders.read.fields import article, json_object


@reader(".json")
def read_json(path: Path, raw: str) -> Iterator[Article]:
    yield article(json_object(path, 1, raw), path, 1)
