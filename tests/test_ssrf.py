"""The endpoint cannot be made to connect where it should not: SERVICE and LOAD, through a real server on loopback.

A recording listener on 127.0.0.1 and ::1 stands for every internal host;
the generated and fixed queries and updates aim at it in every loopback
spelling, with the most permissive policy kabar has (`*` in service_allow,
allow_load on). It must see no connection. An allow-listed endpoint on
loopback shows federation still works, through the egress proxy. Private,
link-local, metadata and public addresses are checked against the policy
function alone, where nothing can connect.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import Reply, fetch
from hypothesis import HealthCheck, given, settings
from ssrf_corpus import LOOPBACK_V4, LOOPBACK_V6, REGRESSION_QUERIES, REGRESSION_UPDATES, Recorder, query, update

from server import create_app
from server.egress import EgressProxy, Refused
from server.service_policy import address_allowed
from server.wsgi import WaitressServer
from store import KabarStore

TOKEN = "ssrf-test-token"
REMOTE_ROW = "http://example.org/from-the-allowed-endpoint"


class AllowedEndpoint(BaseHTTPRequestHandler):
    """A SPARQL endpoint the operator listed: answers one row, or redirects to the recorder on /redirect."""

    protocol_version = "HTTP/1.1"
    redirect_to = ""
    calls: list[str] = []  # noqa: RUF012 - shared with the test on purpose

    def do_POST(self) -> None:
        self.calls.append(self.path)
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", self.redirect_to)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = json.dumps({"head": {"vars": ["s"]},
                           "results": {"bindings": [{"s": {"type": "uri", "value": REMOTE_ROW}}]}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST

    def log_message(self, *args: object) -> None:
        """Quiet."""


class Served:
    def __init__(self, url: str, recorder: Recorder, allowed: str) -> None:
        self.url, self.recorder, self.allowed = url, recorder, allowed

    def query(self, text: str) -> Reply:
        return fetch(f"{self.url}/sparql", data=urllib.parse.urlencode({"query": text}).encode(),
                     headers={"Content-Type": "application/x-www-form-urlencoded",
                              "Accept": "application/sparql-results+json"})

    def update(self, text: str) -> Reply:
        return fetch(f"{self.url}/update", data=text.encode(),
                     headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    recorder = Recorder().start()
    endpoint = ThreadingHTTPServer(("127.0.0.1", 0), AllowedEndpoint)
    threading.Thread(target=endpoint.serve_forever, daemon=True).start()
    allowed = f"http://127.0.0.1:{endpoint.server_address[1]}/sparql"
    AllowedEndpoint.redirect_to = f"http://{recorder.authority('127.0.0.1')}/sparql"
    config = {"service_allow": [allowed, allowed.replace("/sparql", "/redirect"), "*"], "allow_load": True,
              "write_token": TOKEN, "query_workers": 2, "query_timeout": 10}
    store = KabarStore(tmp_path_factory.mktemp("ssrf") / "store")
    with WaitressServer(create_app(store, config), port=0) as server:
        yield Served(server.url, recorder, allowed)
    endpoint.shutdown()
    recorder.stop()
    store.close()


def test_federation_to_an_allow_listed_endpoint_still_works(served: Served) -> None:
    reply = served.query(f"SELECT ?s WHERE {{ SERVICE <{served.allowed}> {{ ?s ?p ?o }} }}")
    assert reply.status == 200, reply.text
    assert [row["s"]["value"] for row in json.loads(reply.body)["results"]["bindings"]] == [REMOTE_ROW]


def test_a_redirect_from_an_allowed_endpoint_is_not_followed(served: Served) -> None:
    target = served.allowed.replace("/sparql", "/redirect")
    reply = served.query(f"SELECT ?s WHERE {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }}")
    assert reply.status == 200, reply.text
    assert json.loads(reply.body)["results"]["bindings"] == [{}]  # SILENT: the failed call is one empty row
    assert "/redirect" in AllowedEndpoint.calls
    assert served.recorder.connections == []


@pytest.mark.parametrize("host", LOOPBACK_V4 + LOOPBACK_V6)
def test_the_probes_of_issue_18_reach_nothing(served: Served, host: str) -> None:
    authority = served.recorder.authority(host)
    for text in REGRESSION_QUERIES:
        reply = served.query(text.format(t=authority))
        assert reply.status in (400, 403), (text, reply.text)
    for text in REGRESSION_UPDATES:
        reply = served.update(text.format(t=authority))
        assert reply.status in (400, 403), (text, reply.text)
    assert served.recorder.connections == []


def test_generated_queries_and_updates_reach_nothing(served: Served) -> None:
    """Hypothesis drives queries and updates at the recorder through the real server: no connection, no crash."""
    answered: list[int] = []

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(query(served.recorder) | update(served.recorder))
    def attack(text: str) -> None:
        is_update = "INSERT" in text or "LOAD" in text.upper()
        reply = served.update(text) if is_update else served.query(text)
        answered.append(reply.status)
        assert reply.status < 500 or "worker ended" not in reply.text, reply.text
        assert served.recorder.connections == [], text

    attack()
    assert len(answered) >= 100


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",
     "255.255.255.255", "::1", "::", "fd00::1", "fe80::1", "ff02::1", "::ffff:169.254.169.254", "::ffff:10.0.0.1",
     "2002:7f00:1::", "64:ff9b::a9fe:a9fe", "198.18.0.1"],
)
def test_internal_addresses_are_refused_by_the_policy(address: str) -> None:
    assert not address_allowed(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["1.1.1.1", "8.8.8.8", "2606:4700:4700::1111", "2a00:1450:4001:81c::200e"])
def test_public_addresses_are_allowed_by_the_policy(address: str) -> None:
    assert address_allowed(ipaddress.ip_address(address))


def test_the_proxy_connects_to_the_address_it_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: one resolution decides; a name that now resolves to loopback is refused (nothing connects)."""
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])

    def resolver(host: str, *args: object, **kwargs: object) -> list[tuple[object, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, 0)) for a in next(answers)]

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    proxy = EgressProxy(("*",), 5)
    connection = proxy.open("service", "https://rebinding.example/sparql")
    assert (connection.host, str(connection.address)) == ("rebinding.example", "93.184.216.34")  # type: ignore[attr-defined]
    with pytest.raises(Refused, match="not a public address"):
        proxy.open("service", "https://rebinding.example/sparql")


def test_the_proxy_serves_only_urls_it_handed_out(served: Served) -> None:
    proxy = EgressProxy((served.allowed,), 5)
    with pytest.raises(Refused):
        proxy.target_of(f"/wrong-secret/service/{served.allowed.encode().hex()}")
    assert proxy.target_of(f"/{proxy.secret}/service/{served.allowed.encode().hex()}") == ("service", served.allowed)
    with pytest.raises(Refused, match="allow-list"):
        proxy.open("service", "http://example.org/sparql")
