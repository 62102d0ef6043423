"""What several test modules share: the seed store, a small HTTP client, a served app, extraction helpers.

Test modules import the helpers from here (`from conftest import fetch`),
never from one another.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from email.message import Message
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import Graph

from loaders.iris import article_iri
from loaders.model import Article, Entity, Event, Extraction
from loaders.pipeline import default_pipeline
from server import create_app
from server.config import CONFIG_ENV, SETTINGS
from server.wsgi import WaitressServer
from store import KabarStore
from store.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLES = ROOT / "seeds" / "articles"
PUBLISHED = date(2024, 5, 22)
"""The seed article's publication date, the reference for relative dates in short test texts."""
TOKEN = "correct horse battery staple"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(autouse=True)
def no_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's KABAR_* settings never reach a test's app."""
    for variable in (CONFIG_ENV, *(s.env for s in SETTINGS)):
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KabarStore]:
    """The seeds as `make run` loads them; tests must only read it."""
    store = KabarStore(tmp_path_factory.mktemp("seed") / "store")
    ingest(store, [SEED_ARTICLES], with_kb=True)
    yield store
    store.close()


@pytest.fixture(scope="module")
def site(seed_store: KabarStore) -> Iterator[str]:
    """A real server over the seed store, for a module of tests that only read; its URL."""
    with serving(seed_store) as url:
        yield url


def rdflib_graph(store: KabarStore, name: str) -> Graph:
    """One graph of the store, as the store exports it, for rdflib's comparisons."""
    out = io.BytesIO()
    store.export(out, ox.RdfFormat.N_TRIPLES, name)
    return Graph().parse(data=out.getvalue().decode("utf-8"), format="nt")


# --- extraction ------------------------------------------------------------------------------------------

def extract(text: str, lang: str, published: date | None = PUBLISHED) -> Extraction:
    article = Article(article_iri(None, text), None, "", text, lang, published)
    return default_pipeline().extract(article)


def entity(extraction: Extraction, name: str) -> Entity:
    found = [e for e in extraction.entities if e.name == name]
    assert len(found) == 1, f"{name}: {[e.name for e in extraction.entities]}"
    return found[0]


def only_event(extraction: Extraction, type_: str) -> Event:
    found = [e for e in extraction.events if e.type == type_]
    assert len(found) == 1, [e.to_json() for e in extraction.events]
    return found[0]


# --- a small HTTP client on urllib, and a served app -------------------------------------------------------

@dataclass
class Reply:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    @property
    def media_type(self) -> str:
        return self.headers["Content-Type"].split(";")[0].strip()


def fetch(
    url: str, *, data: bytes | None = None, headers: Mapping[str, str] | None = None, method: str | None = None
) -> Reply:
    request = urllib.request.Request(url, data=data, headers=dict(headers or {}), method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Reply(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        with error:
            return Reply(error.code, error.headers, error.read())


def assert_plain_error(reply: Reply, status: int, *fragments: str) -> None:
    assert reply.status == status, reply.text
    assert reply.headers["Content-Type"] == "text/plain; charset=utf-8"
    for fragment in fragments:
        assert fragment in reply.text


@contextmanager
def serving(store: KabarStore, config: Mapping[str, Any] | None = None) -> Iterator[str]:
    """The app over `store` under a real waitress server on a free loopback port; yields its URL."""
    with WaitressServer(create_app(store, config), port=0) as server:
        yield server.url


# --- the real command line, in its own process -------------------------------------------------------------

def real_batch(path: Path, per_language: int) -> Path:
    """The first `per_language` real dev articles of each language as JSON lines at `path` (several of them report
    the same events)."""
    news = ROOT / "tests" / "data" / "news"
    lines = [line for split in ("en/dev", "id/dev")
             for line in (news / f"{split}.articles.jsonl").read_text(encoding="utf-8").splitlines()[:per_language]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def kabar(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`kabar ARGS...` as a user runs it, with `env` over this environment."""
    return subprocess.run([sys.executable, "-m", "kabar.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=120)


def assert_one_line_error(done: subprocess.CompletedProcess, *fragments: str) -> None:
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kabar: error: "), done.stderr
    for fragment in fragments:
        assert fragment in lines[0]


@contextmanager
def kabar_serving(store: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """`kabar serve` over the store in its own process on a free loopback port, as `make run` leaves it."""
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "kabar.cli", "--store", str(store), "serve", "--port",
                               str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                              env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/health", timeout=5).close()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "kabar serve did not start"
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=60)
