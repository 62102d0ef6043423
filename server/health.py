"""`GET /health`: whether this server can answer queries, for load balancers and process supervisors.

Cheap on purpose, as it is polled: it counts named graphs (an index scan),
not triples, and asks the operating system whether the query workers run.
200 when every worker runs, 503 ("degraded") when some do not. It reports
saturation too: workers busy with a query and queries waiting for one;
status "saturated" (still 200) when every worker is busy and queries wait.
waitress serves it on threads of its own (`server.wsgi.HealthFirst`), so it
answers while every query thread is taken. It shows no file-system path.
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
    busy, waiting = executor.load()
    healthy = alive == executor.workers
    status = "degraded" if not healthy else "saturated" if busy >= executor.workers and waiting else "ok"
    report = {
        "status": status,
        "graphs": store.graph_count(),
        "workers": {"configured": executor.workers, "alive": alive, "busy": busy},
        "queue": waiting,
        "snapshot_generation": executor.snapshots.generation,
    }
    return jsonify(report), 200 if healthy else 503
