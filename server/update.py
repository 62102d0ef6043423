"""`/update`: the SPARQL 1.1 Protocol update operation, behind the write token.

pyoxigraph runs a whole request (all its operations) as one transaction,
so a request that fails anywhere changes nothing. Updates address the
store's graphs as they are: their default graph is the store's unnamed
graph, never the union that queries may see, so WITH, GRAPH or USING
name the article graphs.

Two operations would make the server itself open connections, which an
endpoint must not do on a client's say-so (it could reach internal
hosts): LOAD is refused unless the `allow_load` setting is on (and then
reaches public hosts only, through `server.egress`), and SERVICE is always
refused in updates. Both are found on the tokens of `store.sparql_text`,
and the engine runs the canonical text written from those tokens.
"""

from __future__ import annotations

from flask import Blueprint, Response, request
from werkzeug.exceptions import BadRequest, Forbidden, InternalServerError, UnsupportedMediaType

from server.auth import protect_writes
from server.config import ALLOW_LOAD, setting
from server.egress import egress_proxy
from server.errors import sparql_error_message
from server.protocol import FORM_MEDIA_TYPE, UPDATE_MEDIA_TYPE, body_text
from server.service_policy import check_loads, read
from server.writes import store_write
from store.kabar_store import KABAR_PREFIXES
from store.snapshots import Replay
from store.sparql_text import Lexed

bp = Blueprint("update", __name__)
protect_writes(bp)

USING_PARAMETERS = ("using-graph-uri", "using-named-graph-uri")

MISSING_UPDATE = (
    f"No update: send the SPARQL Update as the update= parameter of a POST with Content-Type {FORM_MEDIA_TYPE}, "
    f"or as the body of a POST with Content-Type {UPDATE_MEDIA_TYPE}."
)


@bp.post("/update")
def update() -> Response:
    lexed = read(read_update_request(), "update")
    refuse_network_access(lexed)
    text = lexed.canonical(egress_proxy().url_for)
    replay = Replay(text, KABAR_PREFIXES) if lexed.replayable() else None
    try:
        with store_write(replay) as store:
            store.update(text, prefixes=KABAR_PREFIXES)
    except SyntaxError as e:
        raise BadRequest(sparql_error_message("The update is not valid SPARQL 1.1 Update", text, e)) from e
    except RuntimeError as e:
        raise BadRequest(f"The update failed and changed nothing: {e}") from e
    except OSError as e:
        raise InternalServerError(f"The update failed and changed nothing: {e}") from e
    return Response(status=204)


def read_update_request() -> str:
    """The update text of a form or raw-body POST; 400 or 415 saying what to send instead."""
    if "query" in request.values:
        raise BadRequest("This is the update endpoint: send queries (query=) to /sparql.")
    using = [name for name in USING_PARAMETERS if name in request.values]
    if using:
        raise BadRequest(
            f"{using[0]} is not supported: name the graphs in the update itself, with USING <iri> "
            "or USING NAMED <iri> (or WITH <iri>, or GRAPH <iri> { ... })."
        )
    if request.mimetype == UPDATE_MEDIA_TYPE:
        if "update" in request.args:
            raise BadRequest("Send the update either as the request body or as update=, not both.")
        text = body_text(request, "update")
    elif request.mimetype == FORM_MEDIA_TYPE:
        updates = request.form.getlist("update")
        if len(updates) > 1:
            raise BadRequest(f"Send one update= parameter, not {len(updates)}.")
        text = updates[0] if updates else ""
    else:
        raise UnsupportedMediaType(
            f"POST the update with Content-Type {UPDATE_MEDIA_TYPE} (the update as body) or "
            f"{FORM_MEDIA_TYPE} (update=...), not {request.mimetype or 'without a Content-Type'}."
        )
    if not text.strip():
        raise BadRequest(MISSING_UPDATE)
    return text


def refuse_network_access(lexed: Lexed) -> None:
    """403 for LOAD (unless allowed, and then from public hosts only) and SERVICE, read as tokens."""
    keywords = lexed.keywords
    if "LOAD" in keywords and not setting(ALLOW_LOAD):
        raise Forbidden(
            "LOAD is turned off: it would make this server fetch a URL. Send the data itself instead "
            "(PUT or POST it to /store?graph=<iri>, or INSERT DATA), or turn on the setting allow_load "
            "(KABAR_ALLOW_LOAD=true) on a server that cannot reach hosts it should not."
        )
    if "SERVICE" in keywords:
        raise Forbidden(
            "SERVICE is not allowed in updates: it would make this server call another endpoint. "
            "Query the remote endpoint yourself and INSERT DATA what it returned."
        )
    check_loads(lexed)

