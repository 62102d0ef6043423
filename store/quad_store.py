"""What every store kabar reads and writes offers, whichever engine holds the quads.

Two implement it: `KabarStore`, the embedded Oxigraph store on disk (the
default), and `RemoteStore`, any SPARQL 1.1 store over HTTP (Virtuoso,
`oxigraph serve`, Fuseki). Ingest, the KB graph, corrections, query and
export are written against this class; what only the embedded store can do
(snapshots for the server's query workers, rdflib over the same store)
stays on `KabarStore`. The write routines every store shares live here:
a graph is replaced by one SPARQL update (`DROP` + `INSERT DATA`), so on
any store that runs an update request as one transaction a graph is
either the old one or the new one, never half of each.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph

from ontology import PREFIXES
from ontology.namespaces import BASE, BASE_IRI_ENV, DATA_BASE

KABAR_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
"""Prefixes for internal queries (`prefixes=`) and for Turtle and TriG output."""

INSERT_BLOCK = 4_000
"""Triples in one `INSERT DATA` block (`insert_data`)."""
Target = ox.NamedNode | ox.DefaultGraph
"""A graph to read or write: a named graph, or the store's own unnamed default graph."""
GraphName = str | Target
Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
_ARTICLE_GRAPH = re.compile(r"(.*/)id/article/[0-9a-f]{20}")
"""An article's graph name, whatever IRI space minted it: the space is the first group."""


class StoreError(Exception):
    """The store cannot be opened or written; the message says why."""


def target(name: GraphName) -> Target:
    """The graph `name` stands for; a string must be an absolute IRI (ValueError otherwise)."""
    return name if isinstance(name, ox.NamedNode | ox.DefaultGraph) else ox.NamedNode(str(name))


class QuadStore(ABC):
    """A dataset of named graphs that kabar reads and writes through SPARQL and quad patterns."""

    path: Path | str
    """Where the store is: a folder, or the URL of a remote store (named in every message about it)."""
    read_only: bool

    # --- what each engine provides -----------------------------------------------------------------

    @abstractmethod
    def quads(self, name: GraphName | None = None, subject: ox.NamedNode | None = None,
              predicate: ox.NamedNode | None = None, obj: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """The quads of one graph (every graph when None), optionally of one subject, predicate and object."""

    def quads_in(self, name: GraphName, *, subjects: Iterable[ox.NamedNode] = (),
                 objects: Iterable[ox.NamedNode] = (), predicate: ox.NamedNode | None = None) -> list[ox.Quad]:
        """The quads of one named graph whose subject is one of `subjects`, or whose object is one of `objects`
        (with `predicate` when given): one read for many nodes, which a remote store answers in one request."""
        return [q for node in subjects for q in self.quads(name, node, predicate)] + [
            q for node in objects for q in self.quads(name, predicate=predicate, obj=node)]

    def own_quads(self, nodes: Iterable[ox.NamedNode], predicates: Iterable[ox.NamedNode]) -> list[ox.Quad]:
        """What each node's own graph says of it with these predicates (an article graph of its article): one read
        for many nodes, which a remote store answers in one request."""
        wanted = list(predicates)
        return [q for node in nodes for p in wanted for q in self.quads(node, node, p)]

    @abstractmethod
    def has_graph(self, name: GraphName) -> bool:
        """Whether the named graph exists (the default graph always does)."""

    @abstractmethod
    def graph_names(self) -> list[str]:
        """The named graphs, sorted."""

    @abstractmethod
    def query(self, sparql: str, *, substitutions: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
              union_default_graph: bool = False, prefixes: Mapping[str, str] | None = None) -> Result:
        """Run a query; `substitutions` bind variables (by name, without '?') to values before it runs."""

    @abstractmethod
    def update(self, sparql: str, *, prefixes: Mapping[str, str] | None = None) -> None:
        """Run a SPARQL update as one transaction: it fails whole or applies whole."""

    @abstractmethod
    def add_quads(self, quads: Iterable[ox.Quad]) -> int:
        """Add quads in batches, each one transaction; returns how many were offered."""

    @abstractmethod
    def bulk_load(self, text: BinaryIO, fmt: ox.RdfFormat, graph: ox.NamedNode | None = None,
                  base_iri: str | None = None) -> None:
        """Load RDF text, not as one transaction; a triple format goes to `graph`, else the default graph."""

    @abstractmethod
    def export(self, out: BinaryIO, fmt: ox.RdfFormat, graph: GraphName | None = None) -> None:
        """Write the dataset, or one graph; a format without named graphs gets the union of all graphs."""

    @abstractmethod
    def flush(self) -> None:
        """Make what was written durable."""

    @abstractmethod
    def close(self) -> None:
        """Flush and let go of the store."""

    @abstractmethod
    def _article_graphs(self) -> Iterable[str]:
        """Some of the store's graph names (a hundred are enough), for `_check_base`."""

    # --- shared by every engine --------------------------------------------------------------------

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
        named = graph if isinstance(graph, ox.NamedNode) else None
        if named is None:
            operations = ["CLEAR DEFAULT"] if replace else []
        else:
            operations = [f"DROP SILENT GRAPH {named}"] if replace else []
            operations.append(f"CREATE SILENT GRAPH {named}")
        operations.append(insert_data(named, triples))
        if any(operations):
            self.update(" ;\n".join(op for op in operations if op))

    def triple_count(self, name: GraphName | None = None) -> int:
        """Quads in one graph, or in the whole dataset."""
        return sum(1 for _ in self.quads(name))

    def _check_base(self) -> None:
        """A store keeps the IRI space it was made in: under another `KABAR_BASE_IRI` its IRIs would not resolve
        on the server and a new ingest would mint a second copy of every entity. The first article graph found
        says which space it is."""
        for graph in self._article_graphs():
            found = _ARTICLE_GRAPH.fullmatch(graph)
            if found and found[1] != DATA_BASE:
                fix = f"unset {BASE_IRI_ENV}" if found[1] == BASE else f"set {BASE_IRI_ENV}={found[1]}"
                raise StoreError(f"the store at {self.path} holds IRIs under {found[1]}, not {DATA_BASE}: a store "
                                 f"keeps the base IRI it was made with ({fix}, or use another store)")
            if found:
                return

    def __enter__(self) -> QuadStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def insert_data(graph: ox.NamedNode | None, triples: Graph | Iterable[ox.Triple] | str) -> str:
    """Inserts of the triples (or of N-Triples text, a triple a line) into the graph, None for the default graph;
    "" when there are none. In blocks of `INSERT_BLOCK` triples, each its own operation of the one update:
    Virtuoso's SPARQL compiler runs out of memory near 5,000 triples in one block ("SP030: memory exhausted").
    Triples with blank nodes stay one block (a label names one node only within an operation), written
    `INSERT … WHERE {}`, which mints fresh nodes as `INSERT DATA` does: Virtuoso refuses blank nodes in
    `INSERT DATA` ("not allowed in a constant clause")."""
    text = ntriples(triples)
    blank = "_:" in text
    lines = text.splitlines(keepends=True)
    size = len(lines) if blank else INSERT_BLOCK
    operations = []
    for start in range(0, len(lines), size):
        data = "".join(lines[start:start + size])
        block = f"{{\n{data}}}" if graph is None else f"{{ GRAPH {graph} {{\n{data}}} }}"
        operations.append(f"INSERT {block} WHERE {{}}" if blank else f"INSERT DATA {block}")
    return " ;\n".join(operations)


def ntriples(triples: Graph | Iterable[ox.Triple] | str) -> str:
    """The triples as N-Triples text, for an update's INSERT DATA (text is taken as it is)."""
    if isinstance(triples, str):
        return triples
    if isinstance(triples, Graph):
        return triples.serialize(format="nt")
    listed = list(triples)
    return ox.serialize(listed, format=ox.RdfFormat.N_TRIPLES).decode("utf-8") if listed else ""
