"""`/export`: the whole dataset (TriG, N-Quads) or one named graph (`?graph=IRI`), streamed.

The bytes come from `KabarStore.export`, which `kabar export` runs too, so
the endpoint and the command write the same thing.
"""

from __future__ import annotations

from typing import BinaryIO

from flask import Blueprint, Response, request, url_for
from werkzeug.exceptions import NotFound

from server.extension import kabar_store
from server.formats import DATASET_FORMATS, GRAPH_FORMATS, choose_format, content_type, dump_download
from server.negotiation import vary_on_accept
from server.protocol import named_node
from server.streaming import stream_dump

bp = Blueprint("export", __name__)


bp.after_request(vary_on_accept)


@bp.get("/export")
def dataset() -> Response:
    store = kabar_store.store
    graph = request.args.get("graph")
    requested, accept = request.args.getlist("format"), request.headers.get("Accept")
    if graph is None:
        chosen, media_type = choose_format(DATASET_FORMATS, requested, accept, "the dataset")
    else:
        named_node(graph, "graph")
        if not store.has_graph(graph):
            raise NotFound(
                f"The store has no named graph <{graph}>. GET {url_for('.dataset')} for the whole dataset."
            )
        chosen, media_type = choose_format(GRAPH_FORMATS, requested, accept, "a named graph")

    def dump(output: BinaryIO) -> None:
        store.export(output, chosen.serializer, graph)

    return Response(stream_dump(dump), content_type=content_type(media_type),
                    headers=dump_download(chosen, graph is None))
