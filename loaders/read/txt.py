"""`.txt` articles: the file body is the text; metadata in YAML front matter or a sidecar `.json`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from loaders.model import Article
from loaders.read import reader
from loaders.read.fields import ArticleError, article, json_object


def _is_sidecar(path: Path) -> bool:
    """A `.json` beside a `.txt` of the same name is that text's metadata, not an article."""
    return path.suffix == ".json" and path.with_suffix(".txt").exists()


@reader(".txt", owns=_is_sidecar)
def read_txt(path: Path, raw: str) -> Iterator[Article]:
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
        meta = json_object(sidecar, 1, sidecar.read_text(encoding="utf-8"))
    if "text" in meta:
        raise ArticleError(path, 1, "a .txt article's text is the file body; remove the 'text' field")
    yield article({**meta, "text": body.strip()}, path, body_line)
