"""`/store`: the SPARQL 1.1 Graph Store HTTP Protocol, indirect identification (`?graph=IRI`, `?default`).

Reads are open and stream like `/export` (the same bytes for a named
graph). Writes need the write token. `?default` is the store's own
unnamed graph, the graph a PUT to it fills, even where queries see the
union of all graphs as their default graph.

A write parses the whole body before touching the store, so a body with
a syntax error is a 400 and changes nothing; then the replacement or
merge is one transaction of the store (`KabarStore.replace_graph`,
`add_to_graph`).
Writes here are serialized by a lock so that 201 (new graph) versus 204
and the 404 of a DELETE describe the store the write itself saw.

POST without `?graph` or `?default` loads a dataset (N-Quads, TriG) into
the graphs it names, in bulk, as Oxigraph's server and Fuseki do; a graph
format creates a new graph with a fresh IRI, as the protocol says, and
answers 201 with its URL in Location.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, g, request, url_for
from werkzeug.exceptions import BadRequest, InternalServerError, MethodNotAllowed, NotFound, UnsupportedMediaType

from ontology.namespaces import POSTED_GRAPHS
from server.auth import protect_writes
from server.config import MAX_BODY_BYTES, MAX_LOAD_BYTES, public_url
from server.errors import syntax_error_message
from server.executor import query_executor
from server.extension import kabar_store
from server.formats import DATASET_FORMATS, GRAPH_FORMATS, Format, choose_format
from server.negotiation import vary_on_accept
from server.nesting import check_body_nesting
from server.protocol import named_node
from server.reads import export_response
from server.writes import store_write
from store import KabarStore, StoreError
from store.rdf_load import LoadError, RdfInput, bulk_load, check

log = logging.getLogger(__name__)
bp = Blueprint("graph_store", __name__)
protect_writes(bp)

Target = ox.NamedNode | ox.DefaultGraph
"""A graph a request names; None where a request names none (the whole store)."""

DEFAULT_GRAPH = ox.DefaultGraph()
UPLOAD_CHUNK = 1 << 20
BULK_GRAPH_FORMATS = tuple(f for f in GRAPH_FORMATS if f.serializer in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE))


bp.after_request(vary_on_accept)


@bp.get("/store")
def read() -> Response:
    """The named graph, the default graph, or (naming neither) the whole store as TriG or N-Quads."""
    target = requested_target()
    requested, accept = request.args.getlist("format"), request.headers.get("Accept")
    if target is None:
        chosen, media_type = choose_format(DATASET_FORMATS, requested, accept, "the whole store")
    else:
        require_existing(kabar_store.store, target)
        chosen, media_type = choose_format(GRAPH_FORMATS, requested, accept, "a graph")
    return export_response(chosen, media_type, target)


@bp.put("/store")
def replace() -> Response:
    target = requested_target()
    if target is None:
        refuse_whole_store("PUT")
    if bulk_body():
        return bulk_write(target, replace=True)
    triples = read_graph_body(target)
    with store_write() as store:
        created = not exists(store, target)
        write(store, target, triples, replace=True)
    return written(target, created)


@bp.post("/store")
def merge() -> Response:
    """Add to a graph; naming none, load a dataset (N-Quads, TriG) into the graphs it names, or create a graph
    with a fresh IRI for a graph format and say where it is."""
    target = requested_target()
    if dataset_post():
        return bulk_write(None, replace=False)
    minted = target is None
    if target is None:
        target = ox.NamedNode(f"{POSTED_GRAPHS}{uuid.uuid4()}")
    if bulk_body():
        response = bulk_write(target, replace=False)
    else:
        triples = read_graph_body(target)
        with store_write() as store:
            created = not exists(store, target)
            write(store, target, triples, replace=False)
        response = written(target, created)
    if minted:
        response.headers["Location"] = public_url(".read", graph=target.value)
    return response


@bp.delete("/store")
def drop() -> Response:
    target = requested_target()
    if target is None:
        refuse_whole_store("DELETE")
    with store_write() as store:
        require_existing(store, target)
        run(lambda: store.drop_graph(target))
    return Response(status=204)


def bulk_write(target: Target | None, *, replace: bool) -> Response:
    """Stream the body to a file beside the store, check all of it, then bulk-load it (`store.rdf_load`) into
    `target`, or (None) into the graphs a dataset names: memory stays flat however large the body, and
    queries read the store as it was before until the load ends."""
    store = kabar_store.store
    chosen = _format_in(DATASET_FORMATS if target is None else BULK_GRAPH_FORMATS)
    assert chosen is not None, "dataset_post() or bulk_body() chose this path"
    base_iri = target.value if isinstance(target, ox.NamedNode) else public_url(".read")
    with tempfile.NamedTemporaryFile(dir=store.path.parent, prefix=f"{store.path.name}.upload-") as body:
        shutil.copyfileobj(request.stream, body, UPLOAD_CHUNK)
        body.flush()
        source = RdfInput(Path(body.name), chosen.serializer)
        try:
            count = check(source, graph=None, name="The body", base_iri=base_iri)
        except LoadError as e:
            raise BadRequest(str(e)) from None
        with store_write(), query_executor().snapshots.writing():
            created = target is not None and not exists(store, target)
            try:
                if replace and target is not None:
                    store.drop_graph(target)
                bulk_load(store, source, graph=target if isinstance(target, ox.NamedNode) else None,
                          base_iri=base_iri)
            except StoreError as e:  # a bulk load is not one transaction: what it loaded stays
                log.error("a bulk load to %s stopped: %s", target or "the store", e)  # the server's paths stay here
                raise InternalServerError("The load stopped partway; what it loaded stays. Send the same body again "
                                          "to complete it (the server's log says why it stopped).") from e
    if target is None:
        return Response(f"Loaded {count} quad(s).\n", status=200, mimetype="text/plain")
    return written(target, created)


def dataset_post() -> bool:
    """A dataset (N-Quads, TriG) POSTed to the store, naming no graph: loaded in bulk into the graphs it names."""
    return request.method == "POST" and requested_target() is None and _format_in(DATASET_FORMATS) is not None


def bulk_body() -> bool:
    """A graph's body larger than max_body_bytes, or of unknown length, in N-Triples or Turtle (which pyoxigraph
    parses without recursion): loaded in bulk rather than parsed in memory."""
    length = request.content_length
    return (length is None or length > current_app.config[MAX_BODY_BYTES.key]) \
        and _format_in(BULK_GRAPH_FORMATS) is not None


@bp.before_request
def allow_bulk_bodies() -> None:
    """A write loaded in bulk may be up to max_load_bytes (`protect_writes` has checked the token already)."""
    if request.method in ("PUT", "POST") and (dataset_post() or bulk_body()):
        g.bulk_load = True
        request.max_content_length = current_app.config[MAX_LOAD_BYTES.key] or current_app.config[MAX_BODY_BYTES.key]


def _format_in(formats: tuple[Format, ...]) -> Format | None:
    return next((f for f in formats if request.mimetype in f.media_types), None)


def requested_target() -> Target | None:
    """The graph named by `?default` or `?graph=IRI`; None for neither; 400 for both or a bad IRI."""
    graphs = request.args.getlist("graph")
    if "default" in request.args and graphs:
        raise BadRequest("Name one graph: ?default or ?graph=IRI, not both.")
    if len(graphs) > 1:
        raise BadRequest(f"Name one graph: one graph= parameter, not {len(graphs)}.")
    if "default" in request.args:
        return DEFAULT_GRAPH
    return named_node(graphs[0], "graph") if graphs else None


def refuse_whole_store(method: str) -> NoReturn:
    raise MethodNotAllowed(
        valid_methods=["GET", "HEAD", "POST", "OPTIONS"],
        description=f"{method} needs a graph: add ?graph=IRI for a named graph, or ?default for the default graph.",
    )


def exists(store: KabarStore, target: Target) -> bool:
    """The default graph always exists; a named graph once created, even empty."""
    return store.has_graph(target)


def require_existing(store: KabarStore, target: Target) -> None:
    if not exists(store, target):
        raise NotFound(
            f"The store has no named graph {target}. GET {url_for('.read')} (naming no graph) for all of it."
        )


def body_format() -> Format:
    """The graph format the Content-Type names; 415 listing the accepted ones otherwise."""
    for candidate in GRAPH_FORMATS:
        if request.mimetype in candidate.media_types:
            return candidate
    dataset = any(request.mimetype in f.media_types for f in DATASET_FORMATS)
    raise UnsupportedMediaType(
        "Cannot read a graph from "
        + (f"a body of type {request.mimetype}" if request.mimetype else "a body without a Content-Type")
        + (": it is a dataset format, and a request here writes one graph" if dataset else "")
        + ". Send one of: " + ", ".join(f.media_type for f in GRAPH_FORMATS) + "."
    )


def read_graph_body(target: Target) -> list[ox.Triple]:
    """Every triple of the body, parsed before the store is touched; 400 naming the line for bad syntax."""
    chosen = body_format()
    body = request.get_data()
    check_body_nesting(body, chosen.serializer)
    base_iri = target.value if isinstance(target, ox.NamedNode) else public_url(".read")
    try:
        quads = ox.parse(
            body, format=chosen.serializer, base_iri=base_iri, without_named_graphs=True, rename_blank_nodes=True
        )
        return [quad.triple for quad in quads]
    except SyntaxError as e:
        summary = f"The body is not valid {chosen.serializer.name}; the store is unchanged"
        raise BadRequest(syntax_error_message(summary, body.decode("utf-8", "replace"), e)) from e


def write(store: KabarStore, target: Target, triples: list[ox.Triple], *, replace: bool) -> None:
    """Replace or extend the graph with `triples` in one transaction."""
    run(lambda: (store.replace_graph if replace else store.add_to_graph)(target, triples))


def run(write_: Callable[[], None]) -> None:
    """Do a write of the store; a failure is a 500 saying the store is unchanged (each write is one transaction)."""
    try:
        write_()
    except (SyntaxError, RuntimeError, OSError) as e:
        raise InternalServerError(f"The store could not be written, and is unchanged: {e}") from e


def written(target: Target, created: bool) -> Response:
    """201 for a graph the request created, 204 for one that was there."""
    if not created:
        return Response(status=204)
    return Response(f"Created the graph {target}.\n", status=201, mimetype="text/plain")
