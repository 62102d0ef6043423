"""`/sparql`: the SPARQL 1.1 Protocol query operation, read-only.

Results are serialized by pyoxigraph itself, so what a client receives is
exactly what the engine produced; the endpoint only picks the format.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, request
from werkzeug.exceptions import BadRequest, InternalServerError

from server.config import check_length
from server.description import service_description_response
from server.evaluation import QueryResults, evaluate
from server.extension import kabar_store
from server.formats import GRAPH_FORMATS, RESULT_FORMATS, choose_format, content_type
from server.negotiation import best_match
from server.pages import render_query_page
from server.protocol import MISSING_QUERY, read_query_request

bp = Blueprint("sparql", __name__)


@bp.after_request
def vary_on_accept(response: Response) -> Response:
    """Every answer here depends on Accept (results format, or HTML page versus 400)."""
    response.vary.add("Accept")
    return response


@bp.route("/sparql", methods=["GET", "POST"])
def query() -> Response | str:
    protocol_request = read_query_request(request)
    if protocol_request.query is None:
        if (description := service_description_response()) is not None:
            return description
        if request.method == "GET" and wants_html(request.headers.get("Accept")):
            return render_query_page()
        raise BadRequest(MISSING_QUERY)
    check_length(protocol_request.query, "query")
    results = evaluate(kabar_store.store.oxigraph, protocol_request.query, protocol_request)
    formats = GRAPH_FORMATS if isinstance(results, ox.QueryTriples) else RESULT_FORMATS
    chosen, media_type = choose_format(
        formats, protocol_request.formats, request.headers.get("Accept"), describe(results)
    )
    try:
        body = results.serialize(format=chosen.serializer)
    except OSError as e:
        raise InternalServerError(f"The query failed while running: {e}") from e
    return Response(body, content_type=content_type(media_type))


def wants_html(accept: str | None) -> bool:
    """A browser: it prefers HTML to the default results format (a bare */* does not)."""
    return best_match(accept, [RESULT_FORMATS[0].media_type, "text/html"]) == "text/html"


def describe(results: QueryResults) -> str:
    if isinstance(results, ox.QueryTriples):
        return "CONSTRUCT or DESCRIBE results"
    if isinstance(results, ox.QueryBoolean):
        return "ASK results"
    return "SELECT results"
