"""`/sparql`: the SPARQL 1.1 Protocol query operation, read-only.

Results are serialized by pyoxigraph itself, in a query worker process
(`server.executor`), so what a client receives is exactly what the engine
produced; the endpoint picks the format, refuses SERVICE calls that are not
allowed, and streams the bytes. The pool starts when this blueprint is
registered on an app.
"""

from __future__ import annotations

from flask import Blueprint, Response, request
from flask.blueprints import BlueprintSetupState
from werkzeug.exceptions import BadRequest, NotAcceptable

from server.config import SERVICE_ALLOW, check_length, setting
from server.description import service_description_response
from server.evaluation import dataset_options, syntax_error_message
from server.executor import QueryJob, init_executor, run_query
from server.extension import EXTENSION_NAME as STORE_EXTENSION
from server.formats import GRAPH_FORMATS, RESULT_FORMATS, Format, choose_format, content_type
from server.negotiation import best_match
from server.pages import render_query_page
from server.protocol import MISSING_QUERY, QueryRequest, read_query_request
from server.service_policy import check_services

bp = Blueprint("sparql", __name__)


@bp.record_once
def start_query_workers(state: BlueprintSetupState) -> None:
    init_executor(state.app, state.app.extensions[STORE_EXTENSION])


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
    text = protocol_request.query
    check_length(text, "query")
    check_services(text, setting(SERVICE_ALLOW))
    results = Negotiated(RESULT_FORMATS, protocol_request)
    graphs = Negotiated(GRAPH_FORMATS, protocol_request)
    job = QueryJob(text, dataset_options(text, protocol_request), results.serializer, graphs.serializer)
    running = run_query(job, lambda message: syntax_error_message(text, message))
    chosen = graphs if running.what.startswith("CONSTRUCT") else results
    if chosen.media_type is None:
        running.close()
        chosen.refuse(running.what)
    return Response(running, content_type=content_type(chosen.media_type))


class Negotiated:
    """The format a request asks for among `formats`, or None: which applies is known once the query ran."""

    def __init__(self, formats: tuple[Format, ...], protocol_request: QueryRequest) -> None:
        self._formats = formats
        self._requested = protocol_request.formats
        self._accept = request.headers.get("Accept")
        try:
            chosen, self.media_type = choose_format(formats, self._requested, self._accept, "")
            self.serializer: str | None = chosen.media_type
        except NotAcceptable:
            self.media_type = self.serializer = None

    def refuse(self, what: str) -> None:
        """Raise the 406 that names `what` the query returned."""
        choose_format(self._formats, self._requested, self._accept, what)


def wants_html(accept: str | None) -> bool:
    """A browser: it prefers HTML to the default results format (a bare */* does not)."""
    return best_match(accept, [RESULT_FORMATS[0].media_type, "text/html"]) == "text/html"
