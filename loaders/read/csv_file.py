"""`.csv` and `.tsv` articles: one per row, the header naming the columns.

Columns named as kabar's fields (or their usual other names, see
`loaders.read.fields`) are read as such; `--map text=body,title=judul`
names the others. Columns kabar has no use for are ignored with one
warning line. Errors name the row's line in the file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from loaders.model import Article
from loaders.read import reader
from loaders.read.fields import ArticleError, article, warn_ignored
from loaders.read.source import ReadOptions, Source

csv.field_size_limit(1 << 26)  # an article's text is one field, often longer than the 128 KiB default


@reader(".csv", ".tsv")
def read_csv(source: Source, options: ReadOptions) -> Iterator[Article]:
    text = source.text()
    lines = text.splitlines()
    if not lines:
        raise ArticleError(source.name, None, "the file is empty; a header line naming the columns comes first")
    delimiter = "\t" if source.suffix == ".tsv" else _delimiter(lines[0])
    rows = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    header = [name.strip() for name in next(rows)]
    renamed = {column: field for field, column in options.columns.items()}
    missing = sorted(set(renamed) - set(header))
    if missing:
        raise ArticleError(source.name, 1, f"no column {', '.join(missing)} for --map; the header has "
                                           f"{', '.join(header)}")
    names = [renamed.get(column, column) for column in header]
    ignored: set[str] = set()
    start = rows.line_num + 1
    for row in rows:
        if any(cell.strip() for cell in row):
            if len(row) != len(names):
                raise ArticleError(source.name, start, f"{len(row)} cells where the header has {len(names)}")
            yield article(dict(zip(names, row, strict=True)), source.name, start,
                          origin=f"{source.name}:{start}", ignored=ignored)
        start = rows.line_num + 1
    warn_ignored(source.name, ignored)


def _delimiter(header: str) -> str:
    """Comma, unless the header is split by semicolons or tabs (as spreadsheets in many locales write it)."""
    return max((",", ";", "\t"), key=header.count)
