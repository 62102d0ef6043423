"""`.txt` articles: the file body is the text; metadata in YAML front matter or a sidecar `.json`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from loaders.model import Article
from loaders.read import reader
from loaders.read.fields import ArticleError, article, json_object
from loaders.read.source import ReadOptions, Source


def _is_sidecar(path: Path) -> bool:
    """A `.json` beside a `.txt` of the same name is that text's metadata, not an article."""
    return path.suffix == ".json" and path.with_suffix(".txt").exists()


@reader(".txt", owns=_is_sidecar)
def read_txt(source: Source, options: ReadOptions) -> Iterator[Article]:
    raw, name = source.text(), source.name
    meta: Mapping[str, Any] = {}
    lines: dict[str, int] = {}
    body, body_line = raw, 1
    if raw.startswith("---\n"):
        end = raw.find("\n---\n", 3)
        if end < 0 and raw.endswith("\n---"):
            end = len(raw) - 4
        if end < 0:
            raise ArticleError(name, 1, "front matter opened with '---' is never closed by a '---' line")
        meta, lines = _front_matter(name, raw[4:end + 1])
        body = raw[end + 5:]
        body_line = raw.count("\n", 0, end + 5) + 1
    sidecar = source.local.with_suffix(".json") if source.local else None
    if sidecar and sidecar.exists():
        if meta:
            raise ArticleError(name, 1, f"metadata given twice: in front matter and in {sidecar.name}")
        meta = json_object(sidecar, 1, Source(str(sidecar), ".json", sidecar.read_bytes()).text())
    if "text" in meta:
        raise ArticleError(name, lines.get("text", 1), "a .txt article's text is the file body; remove 'text'")
    yield article({**meta, "text": body.strip()}, name, body_line, lines=lines)


def _front_matter(name: str, raw: str) -> tuple[Mapping[str, Any], dict[str, int]]:
    """The front matter's fields, and the file line each one is on (the front matter starts on line 2)."""
    try:
        node = yaml.compose(raw, Loader=yaml.SafeLoader)
        loaded = yaml.safe_load(raw) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise ArticleError(name, mark.line + 2 if mark else 1, f"invalid YAML front matter: {e}") from e
    if not isinstance(loaded, dict) or not isinstance(node, yaml.MappingNode):
        raise ArticleError(name, 2, "front matter must be a mapping of field: value")
    return loaded, {str(key.value): key.start_mark.line + 2 for key, _ in node.value}
