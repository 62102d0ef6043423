"""Absolute links the server writes never come from the request's Host header, which any client chooses.

A spoofed Host (cache poisoning, links to an attacker's host in a
description a crawler stores) is attacked here over a real server; the
public base is the `base_url` setting, else the listening socket's URL.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AUTH, TOKEN, fetch, serving

from server import create_app
from server.config import ConfigError
from store import KabarStore

SPOOFED = {"Host": "attacker.example", "X-Forwarded-Host": "attacker.example"}
TURTLE = {"Accept": "text/turtle"}


@pytest.mark.parametrize("path", ["/.well-known/void", "/sparql"])
def test_a_spoofed_host_never_reaches_the_descriptions(seed_store: KabarStore, path: str) -> None:
    with serving(seed_store) as url:
        reply = fetch(url + path, headers={**SPOOFED, **TURTLE})
    assert reply.status == 200, reply.text
    assert "attacker.example" not in reply.text
    assert f"<{url}/sparql>" in reply.text


def test_the_base_url_setting_names_the_public_server(seed_store: KabarStore) -> None:
    with serving(seed_store, {"base_url": "https://kabar.example.org/"}) as url:
        reply = fetch(url + "/.well-known/void", headers={**SPOOFED, **TURTLE})
    assert "<https://kabar.example.org/sparql>" in reply.text
    assert url not in reply.text and "attacker.example" not in reply.text


def test_a_created_graph_is_located_under_the_base_url(tmp_path: Path) -> None:
    with KabarStore(tmp_path / "store") as store, serving(store, {"write_token": TOKEN}) as url:
        reply = fetch(url + "/store", data=b"<urn:a> <urn:b> <urn:c> .", method="POST",
                      headers={**AUTH, **SPOOFED, "Content-Type": "application/n-triples"})
    assert reply.status == 201, reply.text
    assert reply.headers["Location"].startswith(url + "/store?graph=")


@pytest.mark.parametrize("value", ["kabar.example.org", "ftp://kabar.example.org", "https://x.org/?q=1", 8000])
def test_a_base_url_that_is_no_http_url_stops_start_up(seed_store: KabarStore, value: object) -> None:
    with pytest.raises(ConfigError, match="base_url"):
        create_app(seed_store, {"base_url": value})
