"""Deep or long-chained queries, updates and RDF bodies get a one-line 400, never a dead worker or server.

Before the limits, 6,000 nested parentheses killed a query worker, and the
same in an update's FILTER killed the whole server (SIGSEGV), as did a
JSON-LD body 6,000 objects deep. Through a real server on loopback.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Reply, assert_plain_error, fetch

from server import create_app
from server.executor import QueryExecutor, query_executor
from server.wsgi import WaitressServer
from store import KabarStore
from store.sparql_text import MAX_DEPTH, MAX_TREE

TOKEN = "depth-token"
DEEP = 6000


class Served:
    def __init__(self, url: str, executor: QueryExecutor) -> None:
        self.url, self.executor = url, executor

    def query(self, text: str) -> Reply:
        return fetch(f"{self.url}/sparql", data=urllib.parse.urlencode({"query": text}).encode(),
                     headers={"Content-Type": "application/x-www-form-urlencoded"})

    def update(self, text: str) -> Reply:
        return fetch(f"{self.url}/update", data=text.encode(),
                     headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})

    def put(self, body: str, media_type: str, graph: str = "http://example.org/g") -> Reply:
        return fetch(f"{self.url}/store?graph={urllib.parse.quote(graph)}", data=body.encode(), method="PUT",
                     headers={"Content-Type": media_type, "Authorization": f"Bearer {TOKEN}"})

    def still_answers(self) -> bool:
        reply = self.query("ASK { }")
        return reply.status == 200 and json.loads(reply.body)["boolean"] is True


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    store = KabarStore(tmp_path_factory.mktemp("depth") / "store")
    app = create_app(store, {"write_token": TOKEN, "query_workers": 1, "query_timeout": 20})
    with WaitressServer(app, port=0) as server:
        yield Served(server.url, query_executor(app))
    store.close()


def nested_bind(depth: int) -> str:
    return "SELECT ?x WHERE { BIND(" + "(" * depth + "1" + ")" * depth + " AS ?x) }"


def nested_filter_update(depth: int) -> str:
    return ("DELETE { <http://e/s> <http://e/p> ?o } WHERE { <http://e/s> <http://e/p> ?o FILTER("
            + "(" * depth + "true" + ")" * depth + ") }")


def test_a_query_nested_6000_deep_is_400_and_the_worker_lives(served: Served) -> None:
    workers = served.executor.pids()
    assert_plain_error(served.query(nested_bind(DEEP)), 400, f"more than {MAX_DEPTH} levels")
    assert served.executor.pids() == workers  # the query never reached a worker
    assert served.still_answers()


def test_an_update_nested_6000_deep_is_400_and_the_server_lives(served: Served) -> None:
    reply = served.update(nested_filter_update(DEEP))
    assert_plain_error(reply, 400, f"more than {MAX_DEPTH} levels")
    assert reply.text.count("\n") <= 4  # status line, blank line, the one line
    assert served.still_answers()


@pytest.mark.parametrize(
    "pattern",
    [
        "BIND(" + "+".join(["1"] * 20000) + " AS ?x)",
        "BIND(" + "||".join(["true"] * 10000) + " AS ?x)",
        " UNION ".join(["{ BIND(1 AS ?x) }"] * 3000),
        "?s ?p ?o " + " ".join("MINUS { ?s ?p ?o }" for _ in range(5000)),
        "?s " + "|".join(["<http://e/p>"] * 5000) + " ?o",
    ],
)
def test_long_chains_of_operators_are_400_in_queries_and_updates(served: Served, pattern: str) -> None:
    assert_plain_error(served.query(f"SELECT * {{ {pattern} }}"), 400, f"more than {MAX_TREE} operators")
    update = f"INSERT {{ <http://e/s> <http://e/p> 1 }} WHERE {{ {pattern} }}"
    assert_plain_error(served.update(update), 400, f"more than {MAX_TREE} operators")
    assert served.still_answers()


def test_the_deepest_allowed_query_and_update_run(served: Served) -> None:
    reply = served.query(nested_bind(MAX_DEPTH - 2))
    assert reply.status == 200, reply.text
    assert served.update(nested_filter_update(MAX_DEPTH - 2)).status == 204
    chain = "SELECT * { ?s ?p ?o " + " ".join("MINUS { ?s ?p ?o }" for _ in range(MAX_TREE - 10)) + " }"
    assert served.query(chain).status == 200


JSON_LD = "application/ld+json"
RDF_XML = "application/rdf+xml"


def deep_json_ld(depth: int) -> str:
    return '{"@id": "http://e/s", ' + '"http://e/p": {' * depth + '"@id": "http://e/o"' + "}" * depth + "}"


def deep_rdf_xml(depth: int) -> str:
    return ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/">'
            '<rdf:Description rdf:about="http://e/s">' + "<e:p><rdf:Description>" * depth + "<e:q>x</e:q>"
            + "</rdf:Description></e:p>" * depth + "</rdf:Description></rdf:RDF>")


@pytest.mark.parametrize(("body", "media_type"), [(deep_json_ld(DEEP), JSON_LD), (deep_rdf_xml(DEEP), RDF_XML)])
def test_deep_json_ld_and_rdf_xml_bodies_are_400_and_the_server_lives(
    served: Served, body: str, media_type: str
) -> None:
    assert_plain_error(served.put(body, media_type), 400, f"nests more than {MAX_DEPTH} levels", "unchanged")
    assert served.still_answers()


def test_shallower_bodies_and_deep_turtle_are_stored(served: Served) -> None:
    assert served.put(deep_json_ld(50), JSON_LD, "http://example.org/json").status in (201, 204)
    assert served.put(deep_rdf_xml(50), RDF_XML, "http://example.org/xml").status in (201, 204)
    turtle = "@prefix : <http://e/> . :s :p " + "[ :p " * DEEP + ":o" + " ]" * DEEP + " ."
    assert served.put(turtle, "text/turtle", "http://example.org/turtle").status in (201, 204)  # parsed iteratively
    assert served.still_answers()


def test_the_cli_refuses_a_deep_query_in_one_line(tmp_path: Path) -> None:
    KabarStore(tmp_path / "store").close()
    done = subprocess.run([sys.executable, "-m", "kabar.cli", "--store", str(tmp_path / "store"), "query",
                           nested_bind(DEEP)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert f"more than {MAX_DEPTH} levels" in done.stderr and "Traceback" not in done.stderr
