"""GET /validate over a real server: the readable report, JSON for programs, one graph, and one check at a time."""

from __future__ import annotations

import json

from conftest import fetch

from ontology import ENTITIES_GRAPH
from server import validation


def test_the_seed_store_conforms(site: str) -> None:
    reply = fetch(f"{site}/validate")
    assert (reply.status, reply.media_type, reply.headers["Kabar-Conforms"]) == (200, "text/plain", "true")
    assert reply.text.strip() == "2 graph(s) conform to the kabar shapes: 0 violations"


def test_json_and_one_graph(site: str) -> None:
    reply = fetch(f"{site}/validate?graph={ENTITIES_GRAPH}", headers={"Accept": "application/json"})
    assert reply.status == 200 and reply.media_type == "application/json"
    assert json.loads(reply.text) == {"conforms": True, "graphs": 1, "violations": []}
    missing = fetch(f"{site}/validate?graph=https://example.org/none")
    assert missing.status == 404 and "the store has no graph https://example.org/none" in missing.text


def test_a_second_check_while_one_runs_is_told_to_retry(site: str) -> None:
    held = validation._ONE_AT_A_TIME  # the lock the running check holds: the server runs in this process
    with held:
        busy = fetch(f"{site}/validate")
    assert busy.status == 503 and busy.headers["Retry-After"] == str(validation.RETRY_AFTER)
    assert fetch(f"{site}/validate").status == 200  # released: the next check runs
