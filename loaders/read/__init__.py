"""Reading article files into `Article` records: one reader per file format, found by suffix.

Reading is strict and complete before anything is written: a broken file
raises `ArticleError` naming the file and line, so `kabar ingest` can
refuse the whole batch and leave the store as it was. A reader module
registers itself with `reader(suffix)`; every module of this package but
`fields` is one, imported below, so a new format is one new module here:

- `.txt` (`loaders.read.txt`): the text, with metadata in YAML front
  matter (between `---` lines) or in a sidecar `.json` of the same name;
- `.json` (`loaders.read.json_file`): one article object;
- `.jsonl` (`loaders.read.jsonl`): one article object per line.

Fields: `url`, `title`, `published` (ISO date), `source`, `author`,
`lang` (a language pack's code, detected when absent), `text`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from loaders.model import Article
from loaders.read.fields import ArticleError


@dataclass(frozen=True)
class Reader:
    suffix: str
    read: Callable[[Path, str], Iterator[Article]]  # (path, its text) -> its articles
    owns: Callable[[Path], bool] = lambda path: False  # another format's file that is this one's metadata


_READERS: dict[str, Reader] = {}


def reader(suffix: str, owns: Callable[[Path], bool] | None = None
           ) -> Callable[[Callable[[Path, str], Iterator[Article]]], Callable[[Path, str], Iterator[Article]]]:
    """Register the decorated function as the reader of files ending in `suffix`.

    `owns(path)` tells the folder walk that a file of another suffix belongs
    to one of this format's files (a `.txt`'s sidecar `.json`) and is no
    article of its own.
    """
    def register(read: Callable[[Path, str], Iterator[Article]]) -> Callable[[Path, str], Iterator[Article]]:
        if suffix in _READERS:
            raise ValueError(f"two readers for {suffix} files")
        _READERS[suffix] = Reader(suffix, read, owns or (lambda path: False))
        return read

    return register


def suffixes() -> tuple[str, ...]:
    return tuple(_READERS)


def article_files(paths: list[Path]) -> list[Path]:
    """The files to read: given files as they are, directories walked in name order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(
                p for p in sorted(path.rglob("*"))
                if p.suffix in _READERS and p.is_file() and not any(r.owns(p) for r in _READERS.values())
            )
        elif path.exists():
            out.append(path)
        else:
            raise ArticleError(path, None, "no such file or directory")
    return out


def read_articles(path: Path | str) -> Iterator[Article]:
    """Every article in one file."""
    path = Path(path)
    found = _READERS.get(path.suffix)
    if found is None:
        raise ArticleError(path, None, f"unsupported file type {path.suffix!r}; use one of {', '.join(_READERS)}")
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ArticleError(path, None, f"not UTF-8 text ({e.reason} at byte {e.start})") from e
    except OSError as e:
        raise ArticleError(path, None, e.strerror or str(e)) from e
    yield from found.read(path, raw)


def read_all(paths: list[Path]) -> list[Article]:
    """All articles of all paths, or the first error: nothing is half-read."""
    return [article for file in article_files(paths) for article in read_articles(file)]


for _module in pkgutil.iter_modules(__path__):
    if _module.name != "fields":
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["ArticleError", "Reader", "article_files", "read_all", "read_articles", "reader", "suffixes"]
