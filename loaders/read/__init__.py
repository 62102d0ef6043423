"""Reading articles into `Article` records: one reader per format, found by suffix.

Reading is complete before anything is written: an input that cannot be
read raises `ArticleError` naming the file (or URL) and line, so `kabar
ingest` can refuse the whole batch and leave the store as it was. Where
the bytes come from (files, folders, `.gz`/`.bz2`, `-` for standard
input, URLs with `--online`) is `loaders.read.source`'s business; a reader
module registers itself with `@reader(".x")` and turns one `Source` into
articles. Every module of this package but `fields`, `published` and
`source` is a reader, imported below, so a new format is one new module:

- `.txt` (`txt`): the text, with metadata in YAML front matter (between
  `---` lines) or in a sidecar `.json` of the same name;
- `.json` (`json_file`): one article object; `.jsonl` (`jsonl`): one per line;
- `.csv`/`.tsv` (`csv_file`): one article per row, columns named in the header;
- `.html`/`.htm` (`html`): a saved web page, its main text and metadata by trafilatura;
- `.xml`/`.rss`/`.atom` (`feed`): an RSS or Atom feed, one article per entry;
- `.warc` (`warc`): a web archive's HTML responses.

Fields: `url`, `title`, `published` (a date: ISO, RFC 822, '14 Juli 2023',
'2023-07'), `source`, `author`, `lang` (a language pack's code, detected
when absent), `text`, `keywords`; see `loaders.read.fields` for the other
names they go by.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from loaders.model import Article
from loaders.read.fields import ArticleError
from loaders.read.source import STDIN, ReadOptions, Source, expand, is_url, open_source

ReadFunction = Callable[[Source, ReadOptions], Iterator[Article]]


@dataclass(frozen=True)
class Reader:
    suffixes: tuple[str, ...]
    read: ReadFunction
    owns: Callable[[Path], bool] = lambda path: False  # another format's file that is this one's metadata
    sniff: Callable[[bytes], bool] = lambda head: False  # do these first bytes look like this format?


_READERS: dict[str, Reader] = {}


def reader(*suffixes: str, owns: Callable[[Path], bool] | None = None,
           sniff: Callable[[bytes], bool] | None = None) -> Callable[[ReadFunction], ReadFunction]:
    """Register the decorated function as the reader of files ending in any of `suffixes`.

    `owns(path)` tells the folder walk that a file of another suffix belongs
    to one of this format's files (a `.txt`'s sidecar `.json`) and is no
    article of its own; `sniff(first bytes)` recognizes the format on
    standard input or a URL whose name does not tell.
    """
    def register(read: ReadFunction) -> ReadFunction:
        entry = Reader(suffixes, read, owns or (lambda path: False), sniff or (lambda head: False))
        for suffix in suffixes:
            if suffix in _READERS:
                raise ValueError(f"two readers for {suffix} files")
            _READERS[suffix] = entry
        return read

    return register


def suffixes() -> tuple[str, ...]:
    return tuple(_READERS)


def sniff(data: bytes) -> str:
    """The format of bytes with no name to tell it: the first reader that recognizes them, else plain text."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    for suffix, found in _READERS.items():
        if found.sniff(head):
            return suffix
    return ".txt"


def _owned(path: Path) -> bool:
    return any(r.owns(path) for r in _READERS.values())


def inputs(names: list[str | Path]) -> list[str]:
    """The inputs `names` stand for (folders walked); raises `ArticleError` for one that is not there."""
    return expand([str(n) for n in names], lambda suffix: suffix in _READERS, _owned)


def read_source(source: Source, options: ReadOptions | None = None) -> Iterator[Article]:
    """Every article in one source."""
    found = _READERS.get(source.suffix)
    if found is None:
        raise ArticleError(source.name, None, f"unsupported file type {source.suffix or '(none)'!r}; "
                                              f"use one of {', '.join(_READERS)} (or .gz/.bz2 of them)")
    yield from found.read(source, options or ReadOptions())


def read_articles(name: str | Path, options: ReadOptions | None = None) -> Iterator[Article]:
    """Every article in one file, URL or `-`, none longer than the options allow."""
    options = options or ReadOptions()
    for article in read_source(open_source(str(name), options, sniff), options):
        if len(article.text) > options.max_text_chars:
            raise ArticleError(article.origin, None, f"the text is {len(article.text):,} characters long, more than "
                                                     f"the {options.max_text_chars:,} an article may have (--max-text)")
        yield article


def read_all(names: list[str | Path], options: ReadOptions | None = None,
             progress: Callable[[str], None] | None = None) -> list[Article]:
    """All articles of all inputs, or the first error: nothing is half-read. `progress(name)` after each input."""
    out: list[Article] = []
    for name in inputs(names):
        out.extend(read_articles(name, options))
        if progress:
            progress(name)
    return out


for _module in pkgutil.iter_modules(__path__):
    if _module.name not in ("fields", "published", "source"):
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["STDIN", "ArticleError", "ReadOptions", "Reader", "Source", "inputs", "is_url", "read_all",
           "read_articles", "read_source", "reader", "sniff", "suffixes"]
