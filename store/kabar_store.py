"""The on-disk Oxigraph store, kabar's default `QuadStore`: the one door to pyoxigraph's `Store`.

Nothing outside `store/` opens a pyoxigraph `Store` (ruff's banned-API
rule holds everyone else to this module). Every write here is one
pyoxigraph transaction: a graph is replaced by one SPARQL update
(`QuadStore.replace_graph`) built from terms pyoxigraph serialized itself,
so a graph is either the old one or the new one, never half of each; quads
are added in batches, each batch one transaction. Internal queries pass
their values as `substitutions`, never spliced into the query text. What
only this store does: snapshots for the server's query workers, and rdflib
over the same store.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset

from store.quad_store import KABAR_PREFIXES, GraphName, QuadStore, Result, StoreError, target

ENGINE_STACK = 64 << 20

DEFAULT_STORE = Path("var/store")
STORE_ENV = "KABAR_STORE"
REMOTE_SCHEMES = ("sparql+http://", "sparql+https://")
"""A `--store` starting so is a SPARQL store over HTTP (`store.remote_store`), not a folder."""
BATCH = 20_000
"""Quads per transaction when adding many: Oxigraph holds a transaction in memory until it commits."""

READABLE_PREFIXES = {prefix: ns for prefix, ns in KABAR_PREFIXES.items() if prefix != "kid"}
"""Written in Turtle and TriG: `kid:`'s local names hold '/' and '#', which a prefixed name must escape."""
UNION_OF_GRAPHS = "CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


@dataclass(frozen=True)
class ExportPlan:
    """How the dataset or one graph is written: pyoxigraph's dump of `graph` (None: every graph), or, for a
    format without named graphs when no graph is named, the triples of `union_query` (what the endpoint's
    default graph shows). `KabarStore.export` runs it here; the server's query workers run it on a snapshot."""

    graph: GraphName | None
    union_query: str | None
    prefixes: Mapping[str, str] | None


def export_plan(fmt: ox.RdfFormat, graph: GraphName | None = None) -> ExportPlan:
    """The plan of `KabarStore.export`: Turtle and TriG with kabar's prefixes (but for `kid:`: kabar's own IRIs,
    `…/id/article/7ac0…#char=373,376`, would be prefixed names full of escapes, so they stay `<…>`)."""
    prefixes = READABLE_PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    whole_as_union = graph is None and not fmt.supports_datasets
    return ExportPlan(graph, UNION_OF_GRAPHS if whole_as_union else None, prefixes)


def resolve_store_path(path: str | os.PathLike[str] | None = None) -> Path | str:
    """`--store` first, then `KABAR_STORE`, then `var/store`: a folder, or the URL of a remote store (a string)."""
    location = os.fspath(path) if path else os.environ.get(STORE_ENV) or os.fspath(DEFAULT_STORE)
    return location if location.startswith(REMOTE_SCHEMES) else Path(location)


class KabarStore(QuadStore):
    """An Oxigraph store on disk holding one named graph per article, the ontology, the KB and the corrections."""

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not (self.path / "CURRENT").exists():
            raise StoreError(f"there is no store at {self.path}: create it with `kabar ingest` (or `make load`)")
        try:
            if read_only:
                self._ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._ox = ox.Store(str(self.path))
        except OSError as e:
            if "LOCK" in str(e):
                raise StoreError(
                    f"the store at {self.path} is open in another process (is `kabar serve` running? "
                    "while it runs, write through its /update or /store endpoints)"
                ) from e
            raise StoreError(f"cannot open the store at {self.path}: {e}") from e
        self._check_base()

    def _article_graphs(self) -> Iterator[str]:
        """Named graphs come in the engine's order, which mixes articles well."""
        return (graph.value for graph in islice(self._ox.named_graphs(), 100))

    # --- graphs -------------------------------------------------------------------------------------

    def add_quads(self, quads: Iterable[ox.Quad]) -> int:
        """Add quads in batches of `BATCH`, each one transaction; returns how many were offered."""
        batch: list[ox.Quad] = []
        count = 0
        for quad in quads:
            batch.append(quad)
            if len(batch) >= BATCH:
                self._ox.extend(batch)
                count += len(batch)
                batch = []
        self._ox.extend(batch)
        return count + len(batch)

    def bulk_load(self, text: BinaryIO, fmt: ox.RdfFormat, graph: ox.NamedNode | None = None,
                  base_iri: str | None = None) -> None:
        """Load RDF text with pyoxigraph's bulk loader: flat memory, but not one transaction
        (`store.rdf_load` says how loads stay safe); a triple format goes to `graph`, else the default graph."""
        self._ox.bulk_load(text, format=fmt, to_graph=graph or ox.DefaultGraph(), base_iri=base_iri)

    def has_graph(self, name: GraphName) -> bool:
        """Whether the named graph exists (the default graph always does)."""
        graph = target(name)
        return isinstance(graph, ox.DefaultGraph) or self._ox.contains_named_graph(graph)

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))

    def graph_count(self) -> int:
        """Named graphs, counted from the index of graph names (cheap: no triples are read)."""
        return sum(1 for _ in self._ox.named_graphs())

    def quads(self, name: GraphName | None = None, subject: ox.NamedNode | None = None,
              predicate: ox.NamedNode | None = None, obj: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """The quads of one graph (every graph when None), optionally of one subject, predicate and object."""
        return self._ox.quads_for_pattern(subject, predicate, obj, None if name is None else target(name))

    def triple_count(self, name: GraphName | None = None) -> int:
        """Quads in one graph, or in the whole dataset (counted by the engine)."""
        return len(self._ox) if name is None else super().triple_count(name)

    # --- SPARQL -------------------------------------------------------------------------------------

    def query(self, sparql: str, *, substitutions: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
              union_default_graph: bool = False, prefixes: Mapping[str, str] | None = None) -> Result:
        """Run a query; `substitutions` bind variables (by name, without '?') to values before it runs."""
        bound = {ox.Variable(name): value for name, value in (substitutions or {}).items()}
        return self._ox.query(sparql, substitutions=bound or None, use_default_graph_as_union=union_default_graph,
                              prefixes=dict(prefixes) if prefixes else None)

    def update(self, sparql: str, *, prefixes: Mapping[str, str] | None = None) -> None:
        """Run a SPARQL update as one transaction: it fails whole or applies whole."""
        self._ox.update(sparql, prefixes=dict(prefixes) if prefixes else None)

    # --- rdflib ------------------------------------------------------------------------------------

    def rdflib_dataset(self) -> Dataset:
        """The store as an rdflib `Dataset` (through oxrdflib), for code written against rdflib's API.

        Its default graph is the union of all graphs, as on the endpoint, and
        `Dataset.query` runs on Oxigraph's engine. It reads the same store
        this object holds, so writes made here appear in it; write through
        this class's methods, which keep an article's graph one transaction.
        """
        return Dataset(store=OxigraphStore(store=self._ox), default_union=True)

    # --- whole-store output -------------------------------------------------------------------------

    def export(self, out: BinaryIO, fmt: ox.RdfFormat, graph: GraphName | None = None) -> None:
        """Write the dataset, or one graph, with pyoxigraph's serializers, as `export_plan` says.

        Shared by `kabar export` and, run in a query worker, by `/export` and
        `/store`, so they write the same bytes.
        """
        if graph is not None and not self.has_graph(graph):
            raise StoreError(f"no graph <{graph}> in the store at {self.path}")
        plan = export_plan(fmt, graph)
        prefixes = dict(plan.prefixes) if plan.prefixes else None
        if plan.union_query is not None:
            ox.serialize(self._ox.query(plan.union_query), out, format=fmt, prefixes=prefixes)
        else:
            self._ox.dump(out, format=fmt, from_graph=None if graph is None else target(graph), prefixes=prefixes)

    def snapshot(self, path: str | os.PathLike[str]) -> None:
        """A consistent copy of the store at `path` (a RocksDB checkpoint: hard links, so the same file system)."""
        self._ox.backup(str(path))

    # --- life cycle ---------------------------------------------------------------------------------

    def flush(self) -> None:
        if not self.read_only:
            self._ox.flush()

    def close(self) -> None:
        """Flush and release the store's lock so another process may open it."""
        self.flush()
        del self._ox



def query_triples(triples: Iterable[ox.Triple | ox.Quad]) -> ox.QueryTriples:
    """Triples as pyoxigraph's answer to a CONSTRUCT (through a store in memory), so that an answer read from
    elsewhere (`RemoteStore`) is printed and served by the code that serves the embedded store's."""
    memory = ox.Store()
    memory.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    return memory.query("CONSTRUCT WHERE { ?s ?p ?o }")


def with_stack(call: Callable[[], object], size: int = ENGINE_STACK) -> None:
    """Run `call` on a thread of its own with `size` bytes of stack, re-raising what it raised."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            call()
        except BaseException as error:  # handed to the caller's thread
            raised.append(error)

    previous = threading.stack_size(size)
    try:
        thread = threading.Thread(target=run, name="kabar-engine")
        thread.start()
    finally:
        threading.stack_size(previous)
    thread.join()
    if raised:
        raise raised[0]
