"""`/export`: the whole dataset (TriG, N-Quads) or one named graph (`?graph=IRI`), streamed."""

from __future__ import annotations

from flask import Blueprint, Response, request
from werkzeug.exceptions import NotFound

from ontology import PREFIXES
from server.extension import kabar_store
from server.formats import DATASET_FORMATS, GRAPH_FORMATS, choose_format, content_type
from server.protocol import named_node
from server.streaming import Writable, stream_dump

bp = Blueprint("export", __name__)

PREFIX_IRIS = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


@bp.after_request
def vary_on_accept(response: Response) -> Response:
    response.vary.add("Accept")
    return response


@bp.get("/export")
def dataset() -> Response:
    store = kabar_store.store
    graph_iri = request.args.get("graph")
    accept = request.headers.get("Accept")
    if graph_iri is None:
        graph = None
        chosen, media_type = choose_format(DATASET_FORMATS, request.args.getlist("format"), accept, "the dataset")
    else:
        graph = named_node(graph_iri, "graph")
        if not store.has_graph(graph_iri):
            raise NotFound(f"The store has no named graph <{graph_iri}>. GET /export for the whole dataset.")
        chosen, media_type = choose_format(GRAPH_FORMATS, request.args.getlist("format"), accept, "a named graph")

    def dump(output: Writable) -> None:
        store.oxigraph.dump(output, chosen.serializer, from_graph=graph, prefixes=PREFIX_IRIS)

    return Response(stream_dump(dump), content_type=content_type(media_type))
