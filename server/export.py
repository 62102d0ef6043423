"""`/export`: the whole dataset (TriG, N-Quads) or one named graph (`?graph=IRI`), streamed.

The bytes are `KabarStore.export`'s (which `kabar export` runs), written
by a query worker from a snapshot under the time limit (`server.reads`).
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, request, url_for
from werkzeug.exceptions import NotFound

from server.extension import kabar_store
from server.formats import DATASET_FORMATS, GRAPH_FORMATS, choose_format
from server.negotiation import vary_on_accept
from server.protocol import named_node
from server.reads import export_response

bp = Blueprint("export", __name__)


bp.after_request(vary_on_accept)


@bp.get("/export")
def dataset() -> Response:
    graph = request.args.get("graph")
    requested, accept = request.args.getlist("format"), request.headers.get("Accept")
    if graph is None:
        chosen, media_type = choose_format(DATASET_FORMATS, requested, accept, "the dataset")
    else:
        named_node(graph, "graph")
        if not kabar_store.store.has_graph(graph):
            raise NotFound(
                f"The store has no named graph <{graph}>. GET {url_for('.dataset')} for the whole dataset."
            )
        chosen, media_type = choose_format(GRAPH_FORMATS, requested, accept, "a named graph")

    return export_response(chosen, media_type, None if graph is None else ox.NamedNode(graph))
