"""SERVICE calls only to allowed endpoints: the rules, and the refusal through a real server on loopback."""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest
from conftest import fetch
from werkzeug.exceptions import Forbidden

from server import create_app
from server.service_policy import check_services, public_host
from server.wsgi import WaitressServer
from store import KabarStore
from store.sparql_text import lex

WIKIDATA = "https://query.wikidata.org/sparql"
DEFAULT = (WIKIDATA,)


def service(target: str, prologue_text: str = "") -> str:
    return f"{prologue_text}SELECT * WHERE {{ SERVICE {target} {{ ?s ?p ?o }} }}"


@pytest.mark.parametrize(
    "query",
    [
        service(f"<{WIKIDATA}>"),
        service("SILENT wdqs:sparql", "PREFIX wdqs: <https://query.wikidata.org/>\n"),
        service("<sparql>", "BASE <https://query.wikidata.org/>\n"),
        "SELECT * WHERE { ?s <http://example.org/SERVICE> 'SERVICE <http://127.0.0.1/>' } # SERVICE <http://10.0.0.1/>",
    ],
)
def test_allowed(query: str) -> None:
    check_services(lex(query), DEFAULT)


@pytest.mark.parametrize(
    ("query", "named"),
    [
        (service("<http://127.0.0.1:8000/sparql>"), "SERVICE <http://127.0.0.1:8000/sparql> is not allowed"),
        (service("?endpoint"), "a variable as SERVICE endpoint"),
        (service("SILENT $endpoint"), "a variable as SERVICE endpoint"),
        (service("<https://query.wikidata.org/sparql?x=1>"), "is not allowed"),
        (service("ex:sparql", "PREFIX ex: <http://localhost/>\n"), "SERVICE ex:sparql is not allowed"),
        (service("<sparql>"), "SERVICE <sparql> is not allowed"),
    ],
)
def test_refused(query: str, named: str) -> None:
    with pytest.raises(Forbidden, match=named.replace("?", r"\?").replace("$", r"\$")) as refusal:
        check_services(lex(query), DEFAULT)
    assert "KABAR_SERVICE_ALLOW" in str(refusal.value.description) or "variable" in named


@pytest.mark.parametrize(
    "target",
    ["<http://127.0.0.1/sparql>", "<http://[::1]/sparql>", "<http://10.1.2.3/>", "<http://192.168.1.1/>",
     "<http://169.254.169.254/latest/meta-data/>", "<http://localhost:8080/>", "<http://db.internal/>",
     "<file:///etc/passwd>"],
)
def test_any_public_host_still_refuses_internal_addresses(target: str) -> None:
    with pytest.raises(Forbidden):
        check_services(lex(service(target)), ("*",))
    check_services(lex(service(target)), ("*", target[1:-1]))  # listed explicitly: allowed


def test_public_addresses() -> None:
    assert public_host("1.1.1.1") and public_host("2606:4700:4700::1111")
    assert not public_host("127.0.0.2") and not public_host("fd00::1") and not public_host("")


def test_the_lexer_reads_targets_with_the_prologue_in_force() -> None:
    query = 'BASE <http://b/> PREFIX p: <http://p/> SELECT * { SERVICE SILENT p:x\\# {} SERVICE<y>{} "SERVICE ?z" }'
    assert [(t.written, t.iri) for t in lex(query).targets] == [("p:x\\#", "http://p/x#"), ("<y>", "http://b/y")]


class Recorder(BaseHTTPRequestHandler):
    """A SPARQL endpoint on loopback that notes every call; the server must never reach it."""

    calls: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.calls.append(self.path)
        self.send_response(500)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def internal_endpoint() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()


def test_service_to_a_loopback_address_is_refused_through_http(tmp_path, internal_endpoint: str) -> None:
    store = KabarStore(tmp_path / "store")
    with WaitressServer(create_app(store, {"KABAR_QUERY_WORKERS": 1}), port=0) as server:
        for target in (f"<{internal_endpoint}>", "?where"):
            query = f"SELECT * WHERE {{ SERVICE {target} {{ ?s ?p ?o }} }}"
            reply = fetch(f"{server.url}/sparql?{urllib.parse.urlencode({'query': query})}")
            assert reply.status == 403, reply.text
            assert reply.headers["Content-Type"] == "text/plain; charset=utf-8"
            assert "not allowed" in reply.text
    assert Recorder.calls == []
