"""The on-disk Oxigraph store: the one door through which kabar reads and writes its graphs.

Nothing outside `store/` opens a pyoxigraph `Store` (ruff's banned-API
rule holds everyone else to this class). Every write here is one
pyoxigraph transaction: a graph is replaced by one SPARQL update (`DROP`
+ `INSERT DATA`) built from terms pyoxigraph serialized itself, so a
graph is either the old one or the new one, never half of each; quads
are added in batches, each batch one transaction. Internal queries pass
their values as `substitutions`, never spliced into the query text.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph

from ontology import PREFIXES
from ontology.namespaces import BASE, BASE_IRI_ENV, DATA_BASE

ENGINE_STACK = 64 << 20

DEFAULT_STORE = Path("var/store")
STORE_ENV = "KABAR_STORE"
BATCH = 20_000
"""Quads per transaction when adding many: Oxigraph holds a transaction in memory until it commits."""

KABAR_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
"""Prefixes for internal queries (`prefixes=`) and for Turtle and TriG output."""
_READABLE_PREFIXES = {prefix: ns for prefix, ns in KABAR_PREFIXES.items() if prefix != "kid"}
"""Written in Turtle and TriG: `kid:`'s local names hold '/' and '#', which a prefixed name must escape."""

Target = ox.NamedNode | ox.DefaultGraph
"""A graph to read or write: a named graph, or the store's own unnamed default graph."""
GraphName = str | Target
Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
_ARTICLE_GRAPH = re.compile(r"(.*/)id/article/[0-9a-f]{20}")
"""An article's graph name, whatever IRI space minted it: the space is the first group."""
_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


class StoreError(Exception):
    """The store cannot be opened or written; the message says why."""


def resolve_store_path(path: str | os.PathLike[str] | None = None) -> Path:
    """`--store` first, then `KABAR_STORE`, then `var/store`."""
    if path:
        return Path(path)
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


def target(name: GraphName) -> Target:
    """The graph `name` stands for; a string must be an absolute IRI (ValueError otherwise)."""
    return name if isinstance(name, ox.NamedNode | ox.DefaultGraph) else ox.NamedNode(str(name))


class KabarStore:
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

    def _check_base(self) -> None:
        """A store keeps the IRI space it was made in: under another `KABAR_BASE_IRI` its IRIs would not resolve
        on the server and a new ingest would mint a second copy of every entity. The first article graph found
        says which space it is (named graphs come in the engine's order, which mixes articles well)."""
        for graph in islice(self._ox.named_graphs(), 100):
            found = _ARTICLE_GRAPH.fullmatch(graph.value)
            if found and found[1] != DATA_BASE:
                fix = f"unset {BASE_IRI_ENV}" if found[1] == BASE else f"set {BASE_IRI_ENV}={found[1]}"
                raise StoreError(f"the store at {self.path} holds IRIs under {found[1]}, not {DATA_BASE}: a store "
                                 f"keeps the base IRI it was made with ({fix}, or use another store)")
            if found:
                return

    # --- graphs -------------------------------------------------------------------------------------

    def replace_graph(self, name: GraphName, triples: Graph | Iterable[ox.Triple]) -> None:
        """Make `triples` the whole content of the graph, atomically; a named graph exists afterwards, even empty.

        The one graph-replace routine: article graphs, the ontology graph, the
        corrections and the Graph Store Protocol's PUT all go through it.
        """
        self._write(target(name), triples, replace=True)

    def add_to_graph(self, name: GraphName, triples: Graph | Iterable[ox.Triple]) -> None:
        """Add `triples` to the graph (created if missing) in one transaction."""
        self._write(target(name), triples, replace=False)

    def drop_graph(self, name: GraphName) -> None:
        """Remove a named graph, or empty the default graph."""
        graph = target(name)
        self.update("CLEAR DEFAULT" if isinstance(graph, ox.DefaultGraph) else f"DROP SILENT GRAPH {graph}")

    def _write(self, graph: Target, triples: Graph | Iterable[ox.Triple], *, replace: bool) -> None:
        data = triples if isinstance(triples, str) else ntriples(triples)
        if isinstance(graph, ox.DefaultGraph):
            operations = ["CLEAR DEFAULT"] if replace else []
            operations.append(f"INSERT DATA {{\n{data}}}")
        else:
            operations = [f"DROP SILENT GRAPH {graph}"] if replace else []
            operations += [f"CREATE SILENT GRAPH {graph}", f"INSERT DATA {{ GRAPH {graph} {{\n{data}}} }}"]
        self.update(" ;\n".join(operations))

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
        """Quads in one graph, or in the whole dataset."""
        if name is None:
            return len(self._ox)
        return sum(1 for _ in self.quads(name))

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
        """Write the dataset, or one graph, with pyoxigraph's serializers.

        Shared by `kabar export`, `/export` and `/store`, so they write the
        same bytes. A format without named graphs (Turtle) gets the union of
        all graphs when no graph is named (what the endpoint's default graph
        shows); Turtle and TriG are written with kabar's prefixes, but for `kid:`: kabar's own IRIs
        (`…/id/article/7ac0…#char=373,376`) would be prefixed names full of escapes, so they stay `<…>`.
        """
        prefixes = _READABLE_PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        if graph is not None:
            if not self.has_graph(graph):
                raise StoreError(f"no graph <{graph}> in the store at {self.path}")
            self._ox.dump(out, format=fmt, from_graph=target(graph), prefixes=prefixes)
        elif fmt.supports_datasets:
            self._ox.dump(out, format=fmt, prefixes=prefixes)
        else:
            ox.serialize(self._ox.query(_UNION), out, format=fmt, prefixes=prefixes)

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

    def __enter__(self) -> KabarStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def insert_data(graph: ox.NamedNode, triples: Graph | Iterable[ox.Triple] | str) -> str:
    """An `INSERT DATA` of the triples (or of N-Triples text) into the graph ("" when there are none)."""
    data = triples if isinstance(triples, str) else ntriples(triples)
    return f"INSERT DATA {{ GRAPH {graph} {{\n{data}}} }}" if data else ""


def ntriples(triples: Graph | Iterable[ox.Triple]) -> str:
    """The triples as N-Triples text, for an update's INSERT DATA."""
    if isinstance(triples, Graph):
        return triples.serialize(format="nt")
    listed = list(triples)
    return ox.serialize(listed, format=ox.RdfFormat.N_TRIPLES).decode("utf-8") if listed else ""


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
