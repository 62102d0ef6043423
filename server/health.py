"""`GET /health`: whether this server can answer queries, for load balancers and process supervisors.

Cheap on purpose, as it is polled: it counts named graphs (an index scan),
not triples, and asks the operating system whether the query workers run.
200 when every worker runs, 503 ("degraded") when some do not.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from server.executor import query_executor
from server.extension import kabar_store

bp = Blueprint("health", __name__)


@bp.get("/health")
def health() -> tuple[Response, int]:
    store, executor = kabar_store.store, query_executor()
    alive = executor.alive()
    report = {
        "status": "ok" if alive == executor.workers else "degraded",
        "store": str(store.path),
        "graphs": store.graph_count(),
        "workers": {"configured": executor.workers, "alive": alive},
        "snapshot_generation": executor.snapshots.generation,
    }
    return jsonify(report), 200 if alive == executor.workers else 503
