"""Loading RDF as it is, in bulk: `kabar load` and a dataset POSTed to the endpoint's `/store`.

Two passes over the input. The first parses all of it, streaming (memory
stays flat), so a syntax error anywhere is reported with its line before
anything is written. The second hands it to pyoxigraph's bulk loader, which
writes sorted table files straight into the store: flat memory, and no
transaction to hold the load (`QuadStore.update` and `add_quads` keep
everything in memory until they commit).

A bulk load is not one transaction. Readers never see one half done (the
endpoint's queries keep reading the snapshot taken before it until it
ends: `store.snapshots.Snapshots.writing`), and one cut short by a crash is
completed by running it again: adding what the store already holds changes
nothing, except that each load names blank nodes anew.
"""

from __future__ import annotations

import bz2
import gzip
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from store.quad_store import QuadStore, StoreError

FORMATS = {".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE,
           ".trig": ox.RdfFormat.TRIG}
"""The file extensions `kabar load` reads, each also compressed (`.gz`, `.bz2`)."""
COMPRESSIONS = (".gz", ".bz2")


class LoadError(ValueError):
    """An input that cannot be loaded; one line naming it (and the line of a syntax error)."""


@dataclass(frozen=True)
class RdfInput:
    """One file to load: its path, RDF format, and compression (None for none)."""

    path: Path
    format: ox.RdfFormat
    compression: str | None = None

    @classmethod
    def of(cls, path: str | Path) -> RdfInput:
        """The file, its format and compression told by its name ('dump.nq.gz')."""
        path = Path(path)
        suffixes = [s.lower() for s in path.suffixes[-2:]]
        compression = suffixes[-1] if suffixes and suffixes[-1] in COMPRESSIONS else None
        kind = suffixes[-2] if compression and len(suffixes) == 2 else (suffixes[-1] if suffixes else "")
        if kind not in FORMATS:
            raise LoadError(f"{path}: not an RDF file kabar loads (the name should end in "
                            f"{', '.join(FORMATS)}, each also .gz or .bz2)")
        if not path.is_file():
            raise LoadError(f"{path}: no such file")
        return cls(path, FORMATS[kind], compression)

    @contextmanager
    def bytes(self, progress: Callable[[int], None] | None = None) -> Iterator[BinaryIO]:
        """The file's RDF text, decompressed; `progress(n)` is told of each `n` bytes read from disk."""
        with self.path.open("rb") as raw:
            counted: BinaryIO = _Counted(raw, progress) if progress else raw  # type: ignore[assignment]
            if self.compression == ".gz":
                with gzip.GzipFile(fileobj=counted) as text:
                    yield text  # type: ignore[misc]
            elif self.compression == ".bz2":
                with bz2.BZ2File(counted) as text:
                    yield text  # type: ignore[misc]
            else:
                yield counted


def check(source: RdfInput, *, graph: ox.NamedNode | None, name: str, base_iri: str | None = None) -> int:
    """Parse the whole input without keeping it; the number of triples or quads. `LoadError` names the input
    (as `name`) and the line of a syntax error, or a dataset format when `graph` is to receive all of it."""
    fmt = source.format
    if graph is not None and fmt.supports_datasets:
        raise LoadError(f"{name}: {fmt.name} names the graph of each quad, so --graph does not apply; "
                        "load it without --graph, or load its triples as N-Triples or Turtle")
    try:
        with source.bytes() as text:
            return sum(1 for _ in ox.parse(text, format=fmt, base_iri=base_iri))
    except SyntaxError as e:
        line = f" at line {e.lineno}" if e.lineno else ""
        raise LoadError(f"{name}: not valid {fmt.name}{line}: {e.msg}; nothing was loaded") from None
    except (OSError, EOFError) as e:  # a truncated or corrupt .gz / .bz2
        raise LoadError(f"{name}: cannot be read: {e}; nothing was loaded") from None


def bulk_load(store: QuadStore, source: RdfInput, *, graph: ox.NamedNode | None, base_iri: str | None = None,
              progress: Callable[[int], None] | None = None) -> None:
    """Load an input `check` accepted into the store: a triple format into `graph` (else the default graph),
    a dataset format into the graphs it names."""
    try:
        with source.bytes(progress) as text:
            store.bulk_load(text, source.format, graph, base_iri)
    except (OSError, SyntaxError) as e:
        raise StoreError(f"the load into {store.path} stopped: {e}; run it again to complete it") from e


class _Counted:
    """A binary file that tells `progress` how many bytes each read took from it."""

    def __init__(self, raw: BinaryIO, progress: Callable[[int], None]) -> None:
        self.raw, self.progress = raw, progress

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.progress(len(data))
        return data

    def readinto(self, buffer: bytearray | memoryview) -> int:
        n = self.raw.readinto(buffer)  # type: ignore[attr-defined]
        self.progress(n or 0)
        return n or 0

    def readable(self) -> bool:
        return True

    def __getattr__(self, name: str) -> object:
        return getattr(self.raw, name)
