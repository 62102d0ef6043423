"""The on-disk Oxigraph store, opened through oxrdflib.

Writes go through rdflib's `Dataset` on the oxrdflib store (the design
card's choice); queries and serialization use the same pyoxigraph store
underneath, so results are exactly what the engine produced.

Every named graph is replaced by one SPARQL update (`DROP` + `INSERT
DATA`), which Oxigraph runs as a single transaction: a graph is either
the old one or the new one, never half of each.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, URIRef

from ontology import PREFIXES

DEFAULT_STORE = Path("var/store")
STORE_ENV = "KABAR_STORE"


class StoreError(Exception):
    """The store cannot be opened or written; the message says why."""


def resolve_store_path(path: str | os.PathLike[str] | None = None) -> Path:
    """`--store` first, then `KABAR_STORE`, then `var/store`."""
    if path:
        return Path(path)
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


class KabarStore:
    """An Oxigraph store on disk holding one named graph per article."""

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not (self.path / "CURRENT").exists():
            raise StoreError(f"there is no store at {self.path}: create it with `kabar ingest` (or `make load`)")
        try:
            if read_only:
                self.oxigraph = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.oxigraph = ox.Store(str(self.path))
        except OSError as e:
            if "LOCK" in str(e):
                raise StoreError(
                    f"the store at {self.path} is open in another process (is `kabar serve` running? "
                    "while it runs, write through its /update or /store endpoints)"
                ) from e
            raise StoreError(f"cannot open the store at {self.path}: {e}") from e
        self.dataset = Dataset(store=OxigraphStore(store=self.oxigraph))
        for prefix, namespace in PREFIXES.items():
            self.dataset.bind(prefix, namespace)

    def replace_graph(self, name: str | URIRef, graph: Graph) -> None:
        """Make `graph` the whole content of the named graph `name`, atomically."""
        body = graph.serialize(format="nt")
        self.oxigraph.update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{body}}} }}")

    def drop_graph(self, name: str | URIRef) -> None:
        self.oxigraph.update(f"DROP SILENT GRAPH <{name}>")

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self.oxigraph.named_graphs() if isinstance(g, ox.NamedNode))

    def has_graph(self, name: str | URIRef) -> bool:
        return self.oxigraph.contains_named_graph(ox.NamedNode(str(name)))

    def graph(self, name: str | URIRef) -> Graph:
        """A read view of one named graph as an rdflib Graph (creates nothing, unlike `Dataset.graph`)."""
        return Graph(store=self.dataset.store, identifier=URIRef(str(name)))

    def triple_count(self, name: str | URIRef | None = None) -> int:
        """Quads in one named graph, or in the whole dataset."""
        if name is None:
            return len(self.oxigraph)
        return sum(1 for _ in self.quads(name))

    def quads(self, name: str | URIRef) -> Iterator[ox.Quad]:
        return self.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(str(name)))

    def flush(self) -> None:
        if not self.read_only:
            self.oxigraph.flush()

    def close(self) -> None:
        """Flush and release the store's lock so another process may open it."""
        self.flush()
        self.dataset.close()
        del self.dataset, self.oxigraph

    def __enter__(self) -> KabarStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
