"""Every way a command can fail as a user would meet it: one line naming the file, store or setting, exit 1.

Each case runs the real `kabar` in its own process and checks that
stderr is exactly one `kabar: error:` line with no traceback.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, SEED_ARTICLES, assert_one_line_error, kabar, kabar_serving

SEEDS = SEED_ARTICLES


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("errors") / "store"
    done = kabar("--store", str(path), "ingest", str(SEEDS))
    assert done.returncode == 0, done.stderr
    return path


def test_missing_article_file(store: Path) -> None:
    assert_one_line_error(kabar("--store", str(store), "ingest", "nope.txt"), "nope.txt: no such file or directory")


def test_unsupported_file(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    assert_one_line_error(kabar("extract", str(tmp_path / "a.pdf")), "a.pdf: unsupported file type '.pdf'")


def test_url_without_online() -> None:
    assert_one_line_error(kabar("extract", "https://example.org/news/1"), "reading a URL needs --online")


def test_missing_query_file(store: Path) -> None:
    assert_one_line_error(kabar("--store", str(store), "query", "@missing.rq"),
                          "cannot read the query file missing.rq: No such file or directory")


@pytest.mark.parametrize(("query", "reason", "column"), [
    ("SELEC ?s WHERE { ?s ?p ?o }", "unknown keyword `SELEC` at line 1, column 1 (did you mean SELECT?)", 1),
    ("SELECT ?s WHERE { ?s foaf:name ?o }", "undeclared prefix `foaf:` at line 1, column 22 (known prefixes: "
     "dcterms:, kabar:, kid:, owl:, prov:, rdf:, rdfs:, schema:, sem:, skos:, wd:, wdt:, xsd:)", 22),
])
def test_a_bad_query_says_what_is_wrong_then_shows_the_line_with_a_caret(store: Path, query: str, reason: str,
                                                                           column: int) -> None:
    """The Wikidata Query Service's habit: the mistake in words, then where (issue 10, item 4); no traceback."""
    done = kabar("--store", str(store), "query", query)
    lead = f"line 1, column {column}: "
    assert (done.returncode, done.stderr.splitlines()) == (1, [
        f"kabar: error: the query is not valid SPARQL: {reason}", lead + query, " " * (len(lead) + column - 1) + "^"])


def test_unreachable_service(store: Path) -> None:
    """As the shipped Wikidata query offline: the SERVICE endpoint cannot be reached (here a closed loopback port)."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    assert_one_line_error(kabar("--store", str(store), "query", query), "the query failed",
                          "a SERVICE call needs the network")


def test_port_in_use(store: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        assert_one_line_error(kabar("--store", str(store), "serve", "--port", port),
                              f"cannot listen on 127.0.0.1:{port}: Address already in use")


def test_store_locked_by_another_process(store: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", "import sys, store; s = store.KabarStore(sys.argv[1]); "
                               "print('open', flush=True); sys.stdin.read()", str(store)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "open"
        assert_one_line_error(kabar("--store", str(store), "ingest", str(SEEDS)), "open in another process")
    finally:
        holder.communicate("", timeout=30)


@pytest.mark.parametrize("command", [["links"], ["kb", "stats"], ["query", "ASK { ?s ?p ?o }"], ["export"],
                                     ["serve"], ["link", "Joe Biden", "Q6279"], ["unlink", "Joe Biden"]])
def test_missing_store_is_named_and_never_created(tmp_path: Path, command: list[str]) -> None:
    typo = tmp_path / "typo"
    assert_one_line_error(kabar("--store", str(typo), *command), f"there is no store at {typo}")
    assert not typo.exists()


def test_mistyped_setting_stops_serve(store: Path) -> None:
    assert_one_line_error(kabar("--store", str(store), "serve", env={"KABAR_QUERY_TIMOUT": "5"}),
                          "unknown setting KABAR_QUERY_TIMOUT (did you mean KABAR_QUERY_TIMEOUT?)")


@pytest.fixture
def served(store: Path) -> Iterator[str]:
    """`kabar serve` holding the store, as `make run` leaves it."""
    with kabar_serving(store) as url:
        yield url


def test_read_commands_work_while_the_server_holds_the_store(store: Path, served: str) -> None:
    links = kabar("--store", str(store), "links")
    assert links.returncode == 0, links.stderr
    assert links.stdout.split()[:4] == ["confidence", "qid", "type", "name"]
    stats = kabar("--store", str(store), "kb", "stats")
    assert stats.returncode == 0, stats.stderr
    assert "triples" in stats.stdout
    assert_one_line_error(kabar("--store", str(store), "ingest", str(SEEDS)), "open in another process")


# --- hostile input: refused in one line, quickly, and nothing stored before is lost ------------------------------

def test_a_fifo_named_like_an_article_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)  # no writer: opening it for reading would wait forever
    assert_one_line_error(kabar("extract", str(fifo)), "feed.jsonl", "not a regular file")


def test_a_gzip_bomb_is_refused_before_it_fills_memory(tmp_path: Path) -> None:
    import gzip

    from loaders.read.source import MAX_INPUT_BYTES

    bomb = tmp_path / "articles.jsonl.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as f:
        zeros = b"\0" * (64 << 20)
        for _ in range(MAX_INPUT_BYTES // len(zeros) + 1):
            f.write(zeros)
    assert bomb.stat().st_size < 4 << 20
    assert_one_line_error(kabar("extract", str(bomb)), "articles.jsonl.gz", "decompresses to more than")


def test_json_nested_a_hundred_thousand_deep_names_the_file(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    assert_one_line_error(kabar("extract", str(deep)), "deep.json:1", "nested too deeply")


@pytest.mark.parametrize(("raw", "what"), [
    ('{"text": "Iran dan AS\\nbertemu\\u0000 di Muscat."}', "control character (U+0000)"),
    ('{"text": "Iran dan AS bertemu di Muscat.", "title": "Iran \\ud800"}', "unpaired surrogate (U+D800)"),
])
def test_binary_text_is_refused_and_the_store_keeps_what_it_had(store: Path, tmp_path: Path, raw: str,
                                                                 what: str) -> None:
    before = kabar("--store", str(store), "query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    good = tmp_path / "a-good.jsonl"
    good.write_text('{"text": "Retno Marsudi bertemu Wang Yi di Jakarta."}\n')
    bad = tmp_path / "b-bad.jsonl"
    bad.write_text(raw + "\n")
    assert_one_line_error(kabar("--store", str(store), "ingest", str(good), str(bad)), "b-bad.jsonl:1", what)
    after = kabar("--store", str(store), "query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert after.stdout == before.stdout and before.returncode == 0
