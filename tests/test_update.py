"""SPARQL Update at /update, the write token guarding it, and the settings, through a real server on loopback.

Every test gets its own on-disk store, since these tests write.
"""

from __future__ import annotations

import json
import socket
import urllib.parse
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from conftest import AUTH, TOKEN, Reply, assert_plain_error, fetch, serving
from rdflib import Graph, Literal, URIRef

from ontology import ID, SCHEMA
from server.config import CONFIG_ENV, ConfigError, load_config
from store import KabarStore

ARTICLE = URIRef(ID["article/one"])
EX = "http://example.org/"
NEW_TRIPLE = f"<{EX}a> <{EX}p> <{EX}b>"
ASK_NEW = f"ASK {{ GRAPH ?g {{ {NEW_TRIPLE} }} }}"
INSERT_NEW = f"INSERT DATA {{ GRAPH <{EX}g> {{ {NEW_TRIPLE} }} }}"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[KabarStore]:
    store = KabarStore(tmp_path / "store")
    article = Graph()
    article.add((URIRef(ID["entity/Q842"]), SCHEMA.name, Literal("Oman", lang="en")))
    store.replace_graph(ARTICLE, article)
    yield store
    store.close()


@pytest.fixture
def endpoint(store: KabarStore) -> Iterator[str]:
    with serving(store, {"write_token": TOKEN}) as url:
        yield url


def post_update(endpoint: str, update: str, headers: Mapping[str, str] = AUTH) -> Reply:
    headers = {"Content-Type": "application/sparql-update", **headers}
    return fetch(f"{endpoint}/update", data=update.encode("utf-8"), headers=headers)


def post_form(endpoint: str, params: list[tuple[str, str]], headers: Mapping[str, str] = AUTH) -> Reply:
    headers = {"Content-Type": "application/x-www-form-urlencoded", **headers}
    return fetch(f"{endpoint}/update", data=urllib.parse.urlencode(params).encode(), headers=headers)


def ask(endpoint: str, query: str) -> bool:
    reply = fetch(f"{endpoint}/sparql?{urllib.parse.urlencode({'query': query})}")
    assert reply.status == 200, reply.text
    return json.loads(reply.body)["boolean"]


# --- the write token ---------------------------------------------------------------------------------


def test_without_a_configured_token_writes_are_off_and_the_403_says_how_to_turn_them_on(store: KabarStore) -> None:
    with serving(store) as url:
        reply = post_update(url, INSERT_NEW)
        assert_plain_error(reply, 403, "KABAR_WRITE_TOKEN", "write_token", "Authorization: Bearer")
        assert not ask(url, ASK_NEW)


def test_a_write_without_authorization_is_401_with_a_bearer_challenge(endpoint: str) -> None:
    reply = post_update(endpoint, INSERT_NEW, headers={})
    assert_plain_error(reply, 401, "Authorization: Bearer")
    assert reply.headers["WWW-Authenticate"] == 'Bearer realm="kabar"'
    assert not ask(endpoint, ASK_NEW)


@pytest.mark.parametrize("authorization", [f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", "Bearer x"])
def test_a_wrong_token_is_401_invalid_token(endpoint: str, authorization: str) -> None:
    reply = post_update(endpoint, INSERT_NEW, headers={"Authorization": authorization})
    assert_plain_error(reply, 401, "not this server's write token")
    assert reply.headers["WWW-Authenticate"] == 'Bearer realm="kabar", error="invalid_token"'
    assert not ask(endpoint, ASK_NEW)


def test_another_authorization_scheme_is_401(endpoint: str) -> None:
    reply = post_update(endpoint, INSERT_NEW, headers={"Authorization": "Basic a2FiYXI6c2VjcmV0"})
    assert_plain_error(reply, 401, "Bearer")
    assert reply.headers["WWW-Authenticate"] == 'Bearer realm="kabar"'


def test_the_token_is_checked_before_the_request_is_read(endpoint: str) -> None:
    reply = fetch(f"{endpoint}/update", data=b"x", headers={"Content-Type": "image/png"})
    assert reply.status == 401


# --- updates -----------------------------------------------------------------------------------------


def test_an_update_with_the_token_is_applied_and_visible_to_queries(endpoint: str, store: KabarStore) -> None:
    reply = post_update(endpoint, INSERT_NEW)
    assert (reply.status, reply.body) == (204, b"")
    assert ask(endpoint, ASK_NEW)
    assert store.has_graph(f"{EX}g")


def test_form_and_body_with_charset_are_both_accepted(endpoint: str) -> None:
    assert post_form(endpoint, [("update", INSERT_NEW)]).status == 204
    delete = f"DELETE DATA {{ GRAPH <{EX}g> {{ {NEW_TRIPLE} }} }}"
    headers = {**AUTH, "Content-Type": "application/sparql-update; charset=utf-8"}
    assert fetch(f"{endpoint}/update", data=delete.encode(), headers=headers).status == 204
    assert not ask(endpoint, ASK_NEW)


def test_a_large_form_encoded_update_is_accepted(endpoint: str) -> None:
    """Flask limits form fields to 500 kB unless told otherwise; the body limit applies instead."""
    rows = "\n".join(f'<{EX}s{i}> <{EX}p> "{"x" * 60}" .' for i in range(10_000))
    reply = post_form(endpoint, [("update", f"INSERT DATA {{ GRAPH <{EX}big> {{ {rows} }} }}")])
    assert reply.status == 204, reply.text
    assert ask(endpoint, f"ASK {{ GRAPH <{EX}big> {{ <{EX}s9999> ?p ?o }} }}")


def test_a_multi_operation_update_that_fails_at_run_time_changes_nothing(endpoint: str, store: KabarStore) -> None:
    before = store.triple_count()
    reply = post_update(endpoint, f"{INSERT_NEW} ;\nCREATE GRAPH <{ARTICLE}>")
    assert_plain_error(reply, 400, "changed nothing", "already exists")
    assert not ask(endpoint, ASK_NEW)
    assert store.triple_count() == before
    assert not store.has_graph(f"{EX}g")


def test_a_load_from_a_loopback_host_is_refused_even_when_load_is_on_and_changes_nothing(store: KabarStore) -> None:
    with serving(store, {"write_token": TOKEN, "allow_load": True}) as url:
        reply = post_update(url, f"{INSERT_NEW} ;\nLOAD <http://127.0.0.1:1/data.ttl>")
        assert_plain_error(reply, 403, "loads only from public http(s) hosts")
        assert not ask(url, ASK_NEW)


def test_a_malformed_update_is_400_with_the_line_and_column(endpoint: str) -> None:
    reply = post_update(endpoint, f"{INSERT_NEW} ;\nDELETE DATA {{ ?s }}")
    assert_plain_error(reply, 400, "not valid SPARQL 1.1 Update", "error at 2:", "line 2, column", "DELETE DATA")
    assert not ask(endpoint, ASK_NEW)


def test_load_is_refused_unless_allowed(endpoint: str) -> None:
    reply = post_update(endpoint, f"{INSERT_NEW} ;\nload <http://127.0.0.1:8000/data.ttl>")
    assert_plain_error(reply, 403, "LOAD is turned off", "allow_load", "KABAR_ALLOW_LOAD")
    assert not ask(endpoint, ASK_NEW)


def test_service_is_refused_in_updates(endpoint: str) -> None:
    remote = "<http://127.0.0.1:8000/sparql>"
    update = f"INSERT {{ GRAPH <{EX}g> {{ ?s ?p ?o }} }} WHERE {{ SERVICE {remote} {{ ?s ?p ?o }} }}"
    assert_plain_error(post_update(endpoint, update), 403, "SERVICE is not allowed")


def test_the_words_load_and_service_inside_data_are_not_operations(endpoint: str) -> None:
    update = f'INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}LOAD> <{EX}SERVICE> "LOAD <http://x/> SERVICE" }} }} # LOAD'
    assert post_update(endpoint, update).status == 204


@pytest.mark.parametrize(
    ("params", "status", "fragment"),
    [
        ([("update", INSERT_NEW), ("using-graph-uri", str(ARTICLE))], 400, "USING <iri>"),
        ([("update", INSERT_NEW), ("using-named-graph-uri", str(ARTICLE))], 400, "using-named-graph-uri"),
        ([("query", "ASK {}")], 400, "/sparql"),
        ([("update", INSERT_NEW), ("update", INSERT_NEW)], 400, "one update="),
        ([("update", "  ")], 400, "No update"),
    ],
)
def test_requests_the_endpoint_cannot_honour_are_400(
    endpoint: str, params: list[tuple[str, str]], status: int, fragment: str
) -> None:
    assert_plain_error(post_form(endpoint, params), status, fragment)
    assert not ask(endpoint, ASK_NEW)


def test_other_content_types_are_415(endpoint: str) -> None:
    reply = fetch(f"{endpoint}/update", data=INSERT_NEW.encode(), headers={**AUTH, "Content-Type": "text/plain"})
    assert_plain_error(reply, 415, "application/sparql-update", "application/x-www-form-urlencoded")


def test_get_is_405_allowing_post(endpoint: str) -> None:
    reply = fetch(f"{endpoint}/update?{urllib.parse.urlencode({'update': INSERT_NEW})}")
    assert_plain_error(reply, 405, "GET is not allowed on /update", "POST")
    assert "POST" in reply.headers["Allow"]
    assert not ask(endpoint, ASK_NEW)


def test_a_body_over_the_limit_is_413_naming_the_setting(store: KabarStore) -> None:
    with serving(store, {"write_token": TOKEN, "max_body_bytes": 1000}) as url:
        reply = post_update(url, INSERT_NEW + " " * 1000)
        assert_plain_error(reply, 413, "1,000 bytes", "max_body_bytes")
        assert not ask(url, ASK_NEW)


def test_a_huge_body_is_refused_without_being_buffered(store: KabarStore) -> None:
    """Far past the limit, waitress stops reading at once (its 413), instead of buffering up to 1 GiB."""
    with serving(store, {"write_token": TOKEN, "max_body_bytes": 1000}) as url:
        host, port = urllib.parse.urlsplit(url).hostname, urllib.parse.urlsplit(url).port
        with socket.create_connection((host, port), timeout=10) as client:
            client.sendall(f"POST /update HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {TOKEN}\r\n"
                           "Content-Type: application/sparql-update\r\nContent-Length: 5000000\r\n\r\n".encode())
            answer = b"".join(iter(lambda: client.recv(4096), b"")).decode()
        assert answer.startswith("HTTP/1.1 413")
        assert "Request Entity Too Large" in answer and "exceeds max_body" in answer
        assert not ask(url, ASK_NEW)


def test_queries_longer_than_the_limit_are_400(store: KabarStore) -> None:
    with serving(store, {"max_query_chars": 50}) as url:
        long_query = "ASK { ?s ?p ?o }" + " " * 50
        reply = fetch(f"{url}/sparql?{urllib.parse.urlencode({'query': long_query})}")
        assert_plain_error(reply, 400, "66 characters", "at most 50", "max_query_chars")
        assert ask(url, "ASK { ?s ?p ?o }")


# --- configuration -----------------------------------------------------------------------------------


def test_defaults() -> None:
    config = load_config(None, environ={})
    assert config["KABAR_WRITE_TOKEN"] is None
    assert config["KABAR_CORS_ORIGINS"] == ("*",)
    assert config["MAX_CONTENT_LENGTH"] == config["MAX_FORM_MEMORY_SIZE"] == 10 * 1024 * 1024
    assert config["KABAR_MAX_QUERY_CHARS"] == 100_000
    assert config["KABAR_UNION_DEFAULT_GRAPH"] is True
    assert config["KABAR_ALLOW_LOAD"] is False


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kabar.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_environment_overrides_the_mapping_which_overrides_the_file(tmp_path: Path) -> None:
    path = write_config(tmp_path, """
write_token = "from-file"
max_body_bytes = 2048
max_query_chars = 500
cors_origins = ["https://a.example/", "https://b.example"]
union_default_graph = false
""")
    environ = {CONFIG_ENV: str(path), "KABAR_WRITE_TOKEN": "from-env", "KABAR_MAX_QUERY_CHARS": "700"}
    config = load_config({"max_query_chars": 600, "max_body_bytes": 4096, "TESTING": True}, environ)
    assert config["KABAR_WRITE_TOKEN"] == "from-env"
    assert config["KABAR_MAX_QUERY_CHARS"] == 700
    assert config["MAX_CONTENT_LENGTH"] == 4096
    assert config["KABAR_CORS_ORIGINS"] == ("https://a.example", "https://b.example")
    assert config["KABAR_UNION_DEFAULT_GRAPH"] is False
    assert config["TESTING"] is True


def test_environment_values_are_parsed() -> None:
    environ = {
        "KABAR_CORS_ORIGINS": "https://a.example, https://b.example",
        "KABAR_ALLOW_LOAD": "yes",
        "KABAR_UNION_DEFAULT_GRAPH": "0",
        "KABAR_MAX_BODY_BYTES": "1_000",
        "KABAR_WRITE_TOKEN": "",
    }
    config = load_config(None, environ)
    assert config["KABAR_CORS_ORIGINS"] == ("https://a.example", "https://b.example")
    assert (config["KABAR_ALLOW_LOAD"], config["KABAR_UNION_DEFAULT_GRAPH"]) == (True, False)
    assert config["MAX_CONTENT_LENGTH"] == 1000
    assert config["KABAR_WRITE_TOKEN"] is None
    assert load_config(None, {"KABAR_CORS_ORIGINS": ""})["KABAR_CORS_ORIGINS"] == ()


def test_flask_keys_of_the_mapping_are_settings_too() -> None:
    config = load_config({"MAX_CONTENT_LENGTH": 1024, "KABAR_WRITE_TOKEN": "t"}, environ={})
    assert (config["MAX_CONTENT_LENGTH"], config["KABAR_WRITE_TOKEN"]) == (1024, "t")


@pytest.mark.parametrize(
    ("file_text", "environ", "mapping", "fragment"),
    [
        ("write_tokn = 'x'", {}, None, "unknown setting 'write_tokn'"),
        ("max_body_bytes = 'lots'", {}, None, "max_body_bytes = 'lots'"),
        ("cors_origins = 3", {}, None, "cors_origins"),
        ("write_token = ", {}, None, "not valid TOML"),
        ("", {"KABAR_ALLOW_LOAD": "maybe"}, None, "KABAR_ALLOW_LOAD = 'maybe' in the environment"),
        ("", {"KABAR_MAX_QUERY_CHARS": "-1"}, None, "KABAR_MAX_QUERY_CHARS"),
        ("", {}, {"allow_lod": True}, "unknown setting 'allow_lod' passed to create_app"),
    ],
)
def test_bad_configuration_stops_the_app(
    tmp_path: Path, file_text: str, environ: dict[str, str], mapping: dict[str, Any] | None, fragment: str
) -> None:
    environ = {CONFIG_ENV: str(write_config(tmp_path, file_text)), **environ}
    with pytest.raises(ConfigError) as raised:
        load_config(mapping, environ)
    assert fragment in str(raised.value)


def test_a_missing_configuration_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="KABAR_CONFIG"):
        load_config(None, {CONFIG_ENV: str(tmp_path / "missing.toml")})


def test_the_token_comes_from_the_file_unless_the_environment_sets_one(
    store: KabarStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CONFIG_ENV, str(write_config(tmp_path, 'write_token = "file-token"\n')))
    with serving(store) as url:
        assert post_update(url, INSERT_NEW, {"Authorization": "Bearer file-token"}).status == 204
    monkeypatch.setenv("KABAR_WRITE_TOKEN", "env-token")
    with serving(store) as url:
        assert post_update(url, INSERT_NEW, {"Authorization": "Bearer file-token"}).status == 401
        assert post_update(url, INSERT_NEW, {"Authorization": "Bearer env-token"}).status == 204
