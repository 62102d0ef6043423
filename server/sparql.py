"""`/sparql`: the SPARQL 1.1 Protocol query operation, read-only.

Results are serialized by pyoxigraph itself, in a query worker process
(`server.executor`), so what a client receives is exactly what the engine
produced; the endpoint picks the dataset and the format, refuses SERVICE
calls that are not allowed (`server.service_policy`), and streams the
bytes. The engine runs the canonical text of the lexer's tokens
(`store.sparql_text`), on which those decisions were taken. The pool starts when
this blueprint is registered on an app.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, request
from flask.blueprints import BlueprintSetupState
from werkzeug.exceptions import BadRequest

from server.config import SERVICE_ALLOW, check_length, setting, union_default_graph
from server.description import service_description_response
from server.egress import egress_proxy
from server.errors import sparql_error_message
from server.executor import QueryJob, init_executor, query_executor, run_query
from server.extension import EXTENSION_NAME as STORE_EXTENSION
from server.formats import (
    CONSTRUCT_FORMATS,
    RESULT_FORMATS,
    Format,
    choose_format,
    content_type,
    download_name,
    negotiate,
)
from server.negotiation import best_match, vary_on_accept
from server.pages import render_query_page
from server.protocol import MISSING_QUERY, READ_ONLY, QueryRequest, read_query_request
from server.result_cache import (
    NOT_OF_THE_STORE,
    Cached,
    cache_headers,
    entity_tag,
    init_result_cache,
    not_modified,
    request_key,
    result_cache,
)
from server.send_guard import DEADLINE_KEY
from server.service_policy import check_services, read
from store.kabar_store import KABAR_PREFIXES
from store.sparql_text import Lexed

bp = Blueprint("sparql", __name__)

VARY_ON_ACCEPT = {"Vary": "Accept"}


@bp.record_once
def start_query_workers(state: BlueprintSetupState) -> None:
    init_executor(state.app, state.app.extensions[STORE_EXTENSION])
    init_result_cache(state.app)


bp.after_request(vary_on_accept)


@bp.route("/sparql", methods=["GET", "POST"])
def query() -> Response | str:
    current = request._get_current_object()  # the proxy costs a lookup per attribute
    protocol_request = read_query_request(current)
    accept = current.headers.get("Accept")
    if protocol_request.query is None:
        if (description := service_description_response()) is not None:
            return description
        if current.method == "GET" and wants_html(accept):
            return render_query_page()
        raise BadRequest(MISSING_QUERY)
    text = protocol_request.query
    check_length(text, "query")
    lexed = read(text, "query")
    check_services(lexed, setting(SERVICE_ALLOW))
    canonical = lexed.canonical(egress_proxy().url_for)
    results = Negotiated(RESULT_FORMATS, protocol_request.formats, accept)
    graphs = Negotiated(CONSTRUCT_FORMATS, protocol_request.formats, accept)
    options = {**requested_dataset(lexed, protocol_request), "prefixes": KABAR_PREFIXES}  # kabar's, undeclared
    cacheable = current.method == "GET" and not lexed.keywords & NOT_OF_THE_STORE
    if cacheable:
        version = query_executor().snapshots.changes
        key = request_key(canonical, sorted(options.items()), results.media_type, graphs.media_type)
        tag = entity_tag(version, key)
        if not_modified(current, tag):
            return cache_headers(Response(status=304, headers=VARY_ON_ACCEPT), tag)
        if (cached := result_cache().get(version, key)) is not None:
            return cache_headers(Response(cached.body, content_type=cached.content_type,
                                          headers={**VARY_ON_ACCEPT, **cached.headers}), tag)
    job = QueryJob(canonical, options, results.serializer, graphs.serializer)
    running = run_query(job, lambda message: query_error_message(lexed, text, message))
    current.environ[DEADLINE_KEY] = running.deadline
    chosen = graphs if running.what.startswith("CONSTRUCT") else results
    if chosen.media_type is None:
        running.close()
        chosen.refuse(running.what)
    whole, media_type = running.whole, content_type(chosen.media_type)
    response = Response(running if whole is None else whole, content_type=media_type,
                        headers={**VARY_ON_ACCEPT, **chosen.download})
    if not cacheable:
        return response
    if whole is not None:
        result_cache().put(version, key, Cached(whole, media_type, chosen.download))
    return cache_headers(response, tag)


def requested_dataset(query: Lexed, request: QueryRequest) -> dict[str, Any]:
    """pyoxigraph's arguments choosing the dataset (IRIs as strings, for the worker), most explicit choice first.

    The protocol's default-graph-uri / named-graph-uri override the query's
    FROM / FROM NAMED (SPARQL 1.1 Protocol, 2.1.4); FROM is honoured only
    when pyoxigraph is not told to use the union; without either, the
    default graph is the union of all graphs (as every article is a named
    graph of its own) unless the setting union_default_graph is off, when
    it is the store's own default graph, as SPARQL defines it.
    """
    if request.names_dataset:
        return {
            "default_graph": [graph.value for graph in request.default_graphs],
            "named_graphs": [graph.value for graph in request.named_graphs],
        }
    if query.declares_dataset() or not union_default_graph():
        return {}
    return {"use_default_graph_as_union": True}


def query_error_message(query: Lexed, text: str, error: str) -> str:
    """The 400's text for a query the parser refused: the read-only notice for an update, else what is wrong,
    shown on the user's `text`. The parser ran the canonical text (`Lexed.canonical`), which keeps the user's
    lines but not always their spacing: a column the parser gives may sit a little off in the user's line."""
    operation = query.update_operation()
    if operation is not None:
        return f"{READ_ONLY} The request is a SPARQL Update ({operation})."
    return sparql_error_message("The query is not valid SPARQL", text, error)


RESULTS_FILE = "query-results"
"""What a browser names a query's answer it saves: `query-results.tsv`, `query-results.ttl`..."""


class Negotiated:
    """The format a request asks for among `formats`, or None: which applies is known once the query ran."""

    def __init__(self, formats: tuple[Format, ...], requested: list[str], accept: str | None) -> None:
        self._formats = formats
        self._requested = requested
        self._accept = accept
        chosen = negotiate(formats, tuple(requested), accept)
        self.media_type = None if chosen is None else chosen[1]
        self.serializer = None if chosen is None else chosen[0].media_type
        self.download = {} if chosen is None else download_name(RESULTS_FILE, chosen[0])

    def refuse(self, what: str) -> None:
        """Raise the 406 that names `what` the query returned."""
        choose_format(self._formats, self._requested, self._accept, what)


def wants_html(accept: str | None) -> bool:
    """A browser: it prefers HTML to the default results format (a bare */* does not)."""
    return best_match(accept, [RESULT_FORMATS[0].media_type, "text/html"]) == "text/html"
