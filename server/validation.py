"""`/validate`: the store checked against the kabar SHACL shapes, as `kabar validate` prints it (read-only).

`?graph=IRI` checks one graph. The answer is 200 whether or not the graph
conforms: the report says, and `Kabar-Conforms: true|false` tells a
program without reading it; JSON (`Accept: application/json`) lists the
violations. Checking a large store takes seconds of CPU, so one check runs
at a time and a request that finds one running gets 503 with Retry-After.
"""

from __future__ import annotations

import threading
from dataclasses import asdict

from flask import Blueprint, Response, jsonify, request
from werkzeug.exceptions import NotFound, ServiceUnavailable

from server.extension import kabar_store
from server.negotiation import best_match, vary_on_accept
from server.protocol import named_node
from store import StoreError
from store.validation import validate_store

bp = Blueprint("validation", __name__)
bp.after_request(vary_on_accept)

_ONE_AT_A_TIME = threading.Lock()
RETRY_AFTER = 10
"""Seconds a client is told to wait when a check is already running."""


@bp.get("/validate")
def validate() -> Response:
    graph = request.args.get("graph")
    if graph is not None:
        named_node(graph, "graph")
    if not _ONE_AT_A_TIME.acquire(blocking=False):
        raise ServiceUnavailable(f"A validation of the store is running: retry in {RETRY_AFTER} s.",
                                 retry_after=RETRY_AFTER)
    try:
        report = validate_store(kabar_store.store, graph)
    except StoreError as e:
        raise NotFound(str(e)) from e
    finally:
        _ONE_AT_A_TIME.release()
    if best_match(request.headers.get("Accept"), ["text/plain", "application/json"]) == "application/json":
        answer = jsonify(conforms=report.conforms, graphs=report.graphs,
                         violations=[asdict(v) for v in report.violations])
    else:
        answer = Response(report.text() + "\n", mimetype="text/plain")
    answer.headers["Kabar-Conforms"] = "true" if report.conforms else "false"
    return answer
