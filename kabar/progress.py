"""What `kabar ingest` and `kabar load` show while they work: a bar on a terminal, a line per article with
--verbose (ingest), else nothing.

The bar (rich) has the count, the rate and the time left; piped or
redirected, stderr gets no bar, and the command's one summary line on
stdout says how many articles were stored and how fast.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from loaders.model import Article, Extraction


class _Bar:
    """A rich bar on stderr, once started, stopped when the command's `with` block ends."""

    _progress: Progress | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()


class IngestProgress(_Bar):
    """Called by `store.ingest`: `started(total)` once the inputs are read, then `(article, extraction)` each."""

    def __init__(self, *, quiet: bool = False, verbose: bool = False) -> None:
        self.verbose = verbose and not quiet
        self.bar = not quiet and not self.verbose and sys.stderr.isatty()
        self.begun = time.monotonic()
        self.done = 0
        self._progress = None
        self._task: TaskID | None = None

    def started(self, total: int) -> None:
        if self.bar and total:
            self._progress = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                                      TextColumn("[cyan]{task.fields[rate]}"),
                                      TextColumn("ETA"), TimeRemainingColumn(), console=Console(stderr=True),
                                      transient=True)
            self._task = self._progress.add_task("extract", total=total, rate="")
            self._progress.start()

    def __call__(self, article: Article, extraction: Extraction) -> None:
        self.done += 1
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, advance=1, rate=f"{self.rate():.1f} articles/s")
        elif self.verbose:
            print(f"{article.origin}: {len(extraction.entities)} entities, {len(extraction.events)} events",
                  file=sys.stderr)

    def rate(self) -> float:
        seconds = time.monotonic() - self.begun
        return self.done / seconds if seconds > 0 else 0.0


class LoadProgress(_Bar):
    """Called by `store.rdf_load` with the bytes it reads: a bar of the files' size on a terminal, else nothing."""

    def __init__(self, total_bytes: int, *, quiet: bool = False) -> None:
        self._progress = None
        if not quiet and sys.stderr.isatty() and total_bytes:
            self._progress = Progress(TextColumn("loading"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                                      TextColumn("ETA"), TimeRemainingColumn(), console=Console(stderr=True),
                                      transient=True)
            self._task = self._progress.add_task("load", total=total_bytes)
            self._progress.start()

    def __call__(self, read: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, advance=read)
