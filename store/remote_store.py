"""A SPARQL 1.1 store over HTTP (Virtuoso, `oxigraph serve`, Fuseki) as kabar's store: `--store sparql+http://…`.

Everything goes through the SPARQL 1.1 Protocol: reads are SELECT (or
CONSTRUCT) requests, writes are update requests. An article is still one
update request, so on a store that runs a request as one transaction (the
three above do) it is stored whole or not at all. What differs from the
embedded store, and why:

- answers are read whole from the response, in SPARQL XML results (the one
  format Virtuoso, Oxigraph and Fuseki all write to the standard) and
  N-Triples;
- a store that cuts answers short says so in `X-SPARQL-MaxRows` (Virtuoso's
  `ResultSetMaxRows`); kabar then stops with one line rather than read half a
  graph;
- a shared store holds others' graphs (Virtuoso its own system graphs): the
  export and the graph list are kabar's graphs only (under its base IRIs);
- an empty named graph is absent (Virtuoso keeps no empty graphs);
- `substitutions` become a `VALUES` block at the start of the WHERE clause,
  built from terms pyoxigraph serialized itself.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import BinaryIO
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

import pyoxigraph as ox

from ontology import RDF, K
from ontology.namespaces import BASE, DATA_BASE
from store.kabar_store import READABLE_PREFIXES, REMOTE_SCHEMES, query_triples
from store.quad_store import GraphName, QuadStore, Result, StoreError, insert_data, target
from store.sparql_text import SparqlTextError, lex

TIMEOUT = 600.0
"""Seconds a request may take before kabar gives up on the store."""
BATCH = 20_000
"""Quads per update request when adding many, each request one transaction of the store."""
_VALUES = 500
"""Nodes in one `VALUES` block of `quads_in`."""
_RESULTS = "application/sparql-results+xml"
_TRIPLES = "application/n-triples"
_BNODE = re.compile(rb"<bnode>([^<]*)</bnode>")
"""A blank node in XML results: Virtuoso names them `nodeID://b10006`, which is not a blank node label; each is
renamed to the hex of its name, so one node keeps one name."""
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_OWN = (str(BASE), DATA_BASE)
"""kabar's graphs are named under these: its own graphs and the article graphs of the store's IRI space."""


def is_remote(location: object) -> bool:
    """Whether `--store` names a SPARQL store over HTTP rather than a folder."""
    return isinstance(location, str) and location.startswith(REMOTE_SCHEMES)


class RemoteStore(QuadStore):
    """A SPARQL 1.1 endpoint holding kabar's graphs.

    `sparql+http://HOST:PORT/PATH` names the query endpoint; updates go to the
    same URL, or to the one a fragment names (`#update=/update`, relative to
    it, as `oxigraph serve` and Fuseki split them). A user and password in
    the URL are sent as the server asks (HTTP Basic or Digest).
    """

    def __init__(self, location: str, *, read_only: bool = False) -> None:
        if not is_remote(location):
            raise StoreError(f"{location} is not a remote store (it starts with {' or '.join(REMOTE_SCHEMES)})")
        parts = urlsplit(location.removeprefix("sparql+"))
        try:
            port = parts.port
        except ValueError as e:  # 'sparql+http://host:99999/': the port is not a number from 0 to 65535
            raise StoreError(f"the remote store {location} names no valid port: {e}") from None
        if not parts.hostname:
            raise StoreError(f"the remote store {location} names no host")
        netloc = parts.hostname + (f":{port}" if port else "")
        self.query_url = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
        update = parse_qs(parts.fragment).get("update", [""])[0]
        self.update_url = urljoin(self.query_url, update) if update else self.query_url
        self.path = "sparql+" + self.query_url
        self.read_only = read_only
        handlers: list[urllib.request.BaseHandler] = []
        if parts.username:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, f"{parts.scheme}://{netloc}/", parts.username, parts.password or "")
            handlers += [urllib.request.HTTPBasicAuthHandler(passwords),
                         urllib.request.HTTPDigestAuthHandler(passwords)]
        self._opener = urllib.request.build_opener(*handlers)
        self._request(self.query_url, {"query": "ASK {}"}, _RESULTS)  # reachable, and a SPARQL endpoint
        self._check_base()

    # --- HTTP ---------------------------------------------------------------------------------------

    def _request(self, url: str, form: dict[str, str], accept: str | None) -> bytes:
        """POST a form to the store; the body of its answer, or StoreError with the store's own first line."""
        request = urllib.request.Request(url, data=urlencode(form).encode("utf-8"), method="POST")
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        if accept:
            request.add_header("Accept", accept)
        try:
            with self._opener.open(request, timeout=TIMEOUT) as response:
                cut = response.headers.get("X-SPARQL-MaxRows")
                if cut:
                    raise StoreError(f"the SPARQL store at {self.path} cut an answer at {cut} rows: raise its limit "
                                     "(Virtuoso: ResultSetMaxRows in [SPARQL] of virtuoso.ini)")
                return response.read()
        except urllib.error.HTTPError as e:
            said = _first_line(e.read().decode("utf-8", "replace")) or e.reason
            what = "query" if "query" in form else "update"
            raise StoreError(f"the SPARQL store at {self.path} refused the {what} (HTTP {e.code}): {said}") from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", None) or e
            raise StoreError(f"cannot reach the SPARQL store at {self.path}: {reason}") from None

    # --- SPARQL -------------------------------------------------------------------------------------

    def query(self, sparql: str, *, substitutions: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
              union_default_graph: bool = False, prefixes: Mapping[str, str] | None = None) -> Result:
        text = _with_prefixes(sparql, prefixes)
        if substitutions:
            text = _bind(text, substitutions)
        form = {"query": text}
        if union_default_graph:
            form["union-default-graph"] = ""  # Oxigraph's parameter; Virtuoso's default graph is the union already
        if _query_form(text) in ("CONSTRUCT", "DESCRIBE"):
            body = self._request(self.query_url, form, _TRIPLES)
            return query_triples(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
        body = _BNODE.sub(lambda m: b"<bnode>b" + m[1].hex().encode() + b"</bnode>",
                          self._request(self.query_url, form, _RESULTS))
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)

    def update(self, sparql: str, *, prefixes: Mapping[str, str] | None = None) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.path} was opened to read only")
        self._request(self.update_url, {"update": _with_prefixes(sparql, prefixes)}, None)

    def _select(self, text: str) -> ox.QuerySolutions:
        result = self.query(text)
        assert isinstance(result, ox.QuerySolutions)
        return result

    # --- graphs -------------------------------------------------------------------------------------

    def quads(self, name: GraphName | None = None, subject: ox.NamedNode | None = None,
              predicate: ox.NamedNode | None = None, obj: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        graph = None if name is None else target(name)
        s, p, o = (str(term) if term is not None else var for term, var in
                   ((subject, "?s"), (predicate, "?p"), (obj, "?o")))
        triple = f"{s} {p} {o}"
        pattern = triple if isinstance(graph, ox.DefaultGraph) else f"GRAPH {graph or '?g'} {{ {triple} }}"
        for row in self._select(f"SELECT * WHERE {{ {pattern} }}"):
            yield ox.Quad(row["s"] if subject is None else subject, row["p"] if predicate is None else predicate,
                          row["o"] if obj is None else obj, row["g"] if graph is None else graph)

    def quads_in(self, name: GraphName, *, subjects: Iterable[ox.NamedNode] = (),
                 objects: Iterable[ox.NamedNode] = (), predicate: ox.NamedNode | None = None) -> list[ox.Quad]:
        graph = target(name)
        p = predicate or "?p"
        found: list[ox.Quad] = []
        for variable, nodes in (("?s", sorted(set(subjects), key=str)), ("?o", sorted(set(objects), key=str))):
            for start in range(0, len(nodes), _VALUES):
                values = " ".join(map(str, nodes[start:start + _VALUES]))
                rows = self._select(f"SELECT * WHERE {{ VALUES {variable} {{ {values} }} "
                                    f"GRAPH {graph} {{ ?s {p} ?o }} }}")
                found += [ox.Quad(row["s"], predicate or row["p"], row["o"], graph) for row in rows]
        return found

    def own_quads(self, nodes: Iterable[ox.NamedNode], predicates: Iterable[ox.NamedNode]) -> list[ox.Quad]:
        wanted = " ".join(map(str, predicates))
        ordered = sorted(set(nodes), key=str)
        found: list[ox.Quad] = []
        for start in range(0, len(ordered), _VALUES):
            values = " ".join(map(str, ordered[start:start + _VALUES]))
            rows = self._select(f"SELECT * WHERE {{ VALUES ?s {{ {values} }} VALUES ?p {{ {wanted} }} "
                                "GRAPH ?s { ?s ?p ?o } }")
            found += [ox.Quad(row["s"], row["p"], row["o"], row["s"]) for row in rows]
        return found

    def has_graph(self, name: GraphName) -> bool:
        graph = target(name)
        if isinstance(graph, ox.DefaultGraph):
            return True
        return bool(self.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))

    def graph_names(self) -> list[str]:
        """kabar's named graphs (a shared store holds others')."""
        rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(g for row in rows if (g := row["g"].value).startswith(_OWN))

    def _article_graphs(self) -> Iterator[str]:
        rows = self._select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?a <{RDF.type}> <{K.Article}> }} }} LIMIT 100")
        return (row["g"].value for row in rows)

    def add_quads(self, quads: Iterable[ox.Quad]) -> int:
        count = 0
        iterator = iter(quads)
        while batch := list(islice(iterator, BATCH)):
            by_graph: dict[ox.NamedNode | ox.DefaultGraph, list[ox.Triple]] = defaultdict(list)
            for quad in batch:
                by_graph[quad.graph_name].append(quad.triple)
            self.update(" ;\n".join(insert_data(g if isinstance(g, ox.NamedNode) else None, triples)
                                    for g, triples in by_graph.items()))
            count += len(batch)
        return count

    def bulk_load(self, text: BinaryIO, fmt: ox.RdfFormat, graph: ox.NamedNode | None = None,
                  base_iri: str | None = None) -> None:
        """Parsed here, sent in updates of `BATCH` quads (a store's own bulk loader is faster: see the README)."""
        into = graph or ox.DefaultGraph()
        parsed = ox.parse(text, format=fmt, base_iri=base_iri)
        self.add_quads(q if fmt.supports_datasets else ox.Quad(q.subject, q.predicate, q.object, into)
                       for q in parsed)

    def export(self, out: BinaryIO, fmt: ox.RdfFormat, graph: GraphName | None = None) -> None:
        """kabar's graphs, graph by graph, or one graph's triples, as `KabarStore.export` writes them."""
        prefixes = READABLE_PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        if graph is not None:
            if not self.has_graph(graph):
                raise StoreError(f"no graph <{graph}> in the store at {self.path}")
            ox.serialize((q.triple for q in self.quads(graph)), out, format=fmt, prefixes=prefixes)
            return
        quads = (q for name in self.graph_names() for q in self.quads(name))
        ox.serialize(quads if fmt.supports_datasets else (q.triple for q in quads), out, format=fmt,
                     prefixes=prefixes)

    def flush(self) -> None:
        """Each update request is durable when the store answers it."""

    def close(self) -> None:
        """Nothing is held open between requests."""


def _with_prefixes(sparql: str, prefixes: Mapping[str, str] | None) -> str:
    """The text with `prefixes` declared before it (its own declarations, later, win)."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in (prefixes or {}).items()) + sparql


def _bind(text: str, substitutions: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with its variables bound by a `VALUES` block opening its WHERE clause (kabar's own queries,
    the only ones given substitutions, spell `WHERE {`)."""
    found = _WHERE.search(text)
    if not found:
        raise ValueError("a query given substitutions must have a WHERE clause")
    names = " ".join(f"?{name}" for name in substitutions)
    values = " ".join(str(value) for value in substitutions.values())
    return f"{text[:found.end()]} VALUES ({names}) {{ ({values}) }} {text[found.end():]}"


def _query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: which answer to ask the store for."""
    try:
        return lex(text).query_form() or "SELECT"
    except SparqlTextError as e:
        raise StoreError(f"the query cannot be read as SPARQL: {e}") from None


def _first_line(text: str) -> str:
    """The store's error message, one line: its first line that says something, cut at 300 characters."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line[:300]
