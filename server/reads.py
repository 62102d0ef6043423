"""Reads of the store that can cost more than an index lookup: in a query worker, on a snapshot, in time.

`/sparql` runs a client's query this way (`server.sparql`); this module
gives the server's other reads the same engine: the pages' queries and
the VoID description's counts (`select_rows`), and the dataset or a graph
written out for `/export` and `GET /store` (`export_response`). Each
holds a worker like a query does, reads the snapshot of the store as it
was when it started (never the live store the writes go to), and is
stopped at the time limit (`query_timeout`), sending included. What stays
in the serving process is the reads by key that cost one index lookup:
whether a graph exists, a Linked Data resource's own triples, `/health`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import pyoxigraph as ox
from flask import Response, request

from server.executor import DumpJob, QueryJob, RunningQuery, run_query
from server.formats import Format, content_type, dump_download
from server.send_guard import DEADLINE_KEY
from store.kabar_store import KABAR_PREFIXES, export_plan
from store.quad_store import Target

JSON_RESULTS = "application/sparql-results+json"

Bound = Mapping[str, ox.NamedNode | ox.Literal]


def select_rows(query: str, bound: Bound | None = None, what: str = "Reading the store") -> list[dict[str, str]]:
    """The solutions of one of kabar's own SELECT queries as {variable: lexical value} (an unbound variable is
    absent), with `bound` values substituted before it runs, never spliced into its text."""
    job = QueryJob(query, {"prefixes": KABAR_PREFIXES}, JSON_RESULTS, None,
                   {name: str(value) for name, value in (bound or {}).items()})
    results = json.loads(_body(run_query(job, None, what, "Try again later, or raise the setting query_timeout.")))
    names = results["head"]["vars"]
    return [{n: b[n]["value"] for n in names if n in b} for b in results["results"]["bindings"]]


def export_response(chosen: Format, media_type: str, graph: Target | None) -> Response:
    """The dataset (`graph` None) or one graph in `chosen`, streamed from a worker as `KabarStore.export` writes
    it (`store.kabar_store.export_plan`), so `/export`, `GET /store` and `kabar export` give the same bytes."""
    fmt = chosen.serializer
    assert isinstance(fmt, ox.RdfFormat)
    plan = export_plan(fmt, graph)
    if plan.union_query is not None:
        job: QueryJob | DumpJob = QueryJob(plan.union_query, {}, None, fmt.media_type, prefixes=plan.prefixes)
    else:
        name = None if graph is None else graph.value if isinstance(graph, ox.NamedNode) else "default"
        job = DumpJob(name, fmt.media_type, plan.prefixes)
    running = run_query(job, None, "The export", "Export one graph at a time (graph=IRI), or raise the setting "
                        "query_timeout.")
    request.environ[DEADLINE_KEY] = running.deadline
    whole = running.whole
    return Response(running if whole is None else whole, content_type=content_type(media_type),
                    headers=dump_download(chosen, graph is None))


def _body(running: RunningQuery) -> bytes:
    whole = running.whole
    return whole if whole is not None else b"".join(running)
