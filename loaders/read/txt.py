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

MAX_FRONT_MATTER_DEPTH = 8
"""Front matter is a mapping of fields, some of them lists: deeper nesting is no article's."""


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


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader with dates left as text: `published` is read by kabar's date parser, which names the
    field's line and says what is wrong ('2024-02-30'), where YAML's own would raise from deep inside."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _refuse_unsafe_yaml(name: str, raw: str) -> None:
    """Front matter is a few plain fields: anchors and aliases (the 'billion laughs' bomb), explicit tags
    ('!!python/object') and nesting deeper than `MAX_FRONT_MATTER_DEPTH` are refused before YAML builds anything."""
    depth = 0
    for event in yaml.parse(raw, Loader=yaml.SafeLoader):
        line = event.start_mark.line + 2
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ArticleError(name, line, "YAML anchors and aliases (&, *) are not allowed in front matter")
        tag = getattr(event, "tag", None)
        if tag is not None and not (isinstance(event, yaml.ScalarEvent) and event.implicit[0]) \
                and not (isinstance(event, yaml.CollectionStartEvent) and event.implicit):
            raise ArticleError(name, line, f"YAML tags ({tag}) are not allowed in front matter")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_FRONT_MATTER_DEPTH:
                raise ArticleError(name, line, f"front matter nested deeper than {MAX_FRONT_MATTER_DEPTH} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _front_matter(name: str, raw: str) -> tuple[Mapping[str, Any], dict[str, int]]:
    """The front matter's fields, and the file line each one is on (the front matter starts on line 2)."""
    try:
        _refuse_unsafe_yaml(name, raw)
        node = yaml.compose(raw, Loader=_FrontMatterLoader)
        loaded = yaml.load(raw, Loader=_FrontMatterLoader) or {}  # a SafeLoader, without dates
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ArticleError(name, mark.line + 2 if mark else 1, f"invalid YAML front matter: {problem}") from e
    except ValueError as e:  # a number of thousands of digits
        raise ArticleError(name, 2, f"invalid value in front matter: {e.args[0].split(':')[0]}") from e
    if not isinstance(loaded, dict) or not isinstance(node, yaml.MappingNode):
        raise ArticleError(name, 2, "front matter must be a mapping of field: value")
    return loaded, {str(key.value): key.start_mark.line + 2 for key, _ in node.value}
