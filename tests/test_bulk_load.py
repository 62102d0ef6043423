"""Bulk loads: `kabar load` files, a dataset POSTed to `/store`, and large graph bodies streamed to disk; checked
whole before anything is written, and never seen half done by a query."""

from __future__ import annotations

import bz2
import gzip
import shlex
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import AUTH, TOKEN, assert_plain_error, fetch, serving

from store import KabarStore
from store.snapshots import Snapshots

ROOT = Path(__file__).resolve().parent.parent
EX = "http://example.org/"
NQUADS = (f'<{EX}s> <{EX}p> "in the default graph" .\n'
          f'<{EX}s> <{EX}p> "one" <{EX}g/one> .\n'
          f'_:b <{EX}p> "two" <{EX}g/two> .\n')
TRIG = f'@prefix ex: <{EX}> .\nex:g\\/three {{ ex:s ex:p "three" }}\n{{ ex:s ex:p "default" }}\n'
TURTLE = f'@prefix ex: <{EX}> .\n<thing> ex:p "relative" .\n'


def kabar(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kabar.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


def graphs(store_dir: Path) -> dict[str, int]:
    with KabarStore(store_dir, read_only=True) as store:
        counts: dict[str, int] = {}
        for quad in store.quads():
            name = "default" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
            counts[name] = counts.get(name, 0) + 1
        return counts


# --- kabar load ------------------------------------------------------------------------------------------


def test_load_reads_each_format_and_compression_into_its_graphs(tmp_path: Path) -> None:
    (tmp_path / "a.nq.gz").write_bytes(gzip.compress(NQUADS.encode()))
    (tmp_path / "b.trig.bz2").write_bytes(bz2.compress(TRIG.encode()))
    (tmp_path / "c.ttl").write_text(TURTLE)
    store = tmp_path / "store"
    done = kabar("--store", str(store), "load", *(str(tmp_path / n) for n in ("a.nq.gz", "b.trig.bz2", "c.ttl")))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("loaded 6 triple(s) from 3 file(s) in ")
    assert graphs(store) == {"default": 3, f"{EX}g/one": 1, f"{EX}g/two": 1, f"{EX}g/three": 1}
    with KabarStore(store, read_only=True) as opened:  # a relative IRI is resolved against the file's own
        [quad] = opened.quads(subject=ox.NamedNode((tmp_path / "thing").resolve().as_uri()))
        assert quad.object == ox.Literal("relative")


def test_load_into_a_named_graph(tmp_path: Path) -> None:
    (tmp_path / "c.nt").write_text(f'<{EX}s> <{EX}p> "x" .\n')
    done = kabar("--store", str(tmp_path / "store"), "load", "--graph", f"{EX}g/named", str(tmp_path / "c.nt"))
    assert done.returncode == 0, done.stderr
    assert graphs(tmp_path / "store") == {f"{EX}g/named": 1}


def test_a_syntax_error_in_any_file_loads_nothing_and_names_file_and_line(tmp_path: Path) -> None:
    store = tmp_path / "store"
    (tmp_path / "good.nq").write_text(NQUADS)
    assert kabar("--store", str(store), "load", str(tmp_path / "good.nq")).returncode == 0
    (tmp_path / "more.nt").write_text(f'<{EX}s> <{EX}p> "more" .\n')
    (tmp_path / "bad.nt").write_text(f'<{EX}s> <{EX}p> "fine" .\n<{EX}s> <{EX}p> "unclosed .\n')
    done = kabar("--store", str(store), "load", str(tmp_path / "more.nt"), str(tmp_path / "bad.nt"))
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(f"kabar: error: {tmp_path / 'bad.nt'}: not valid N-Triples at line 2: ")
    assert line.endswith("nothing was loaded")
    assert graphs(store) == {"default": 1, f"{EX}g/one": 1, f"{EX}g/two": 1}  # more.nt, before it, neither


@pytest.mark.parametrize(("args", "message"), [
    (["--graph", f"{EX}g", "{dir}/a.nq"], "N-Quads names the graph of each quad, so --graph does not apply"),
    (["{dir}/notes.txt"], "not an RDF file kabar loads (the name should end in .nt, .nq, .ttl, .trig"),
    (["{dir}/missing.nt"], "missing.nt: no such file"),
    (["--graph", "not an iri", "{dir}/a.nq"], "--graph 'not an iri' is not an IRI"),
])
def test_load_refuses_in_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "a.nq").write_text(NQUADS)
    (tmp_path / "notes.txt").write_text("hello")
    done = kabar("--store", str(tmp_path / "store"), "load", *(a.format(dir=tmp_path) for a in args))
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert message in line


# --- /store ----------------------------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[KabarStore]:
    with KabarStore(tmp_path / "store") as opened:
        yield opened


def post(url: str, body: bytes, content_type: str, method: str = "POST", headers: dict[str, str] = AUTH):
    return fetch(url, data=body, method=method, headers={"Content-Type": content_type, **headers})


def test_a_dataset_posted_to_the_store_loads_into_the_graphs_it_names(store: KabarStore) -> None:
    with serving(store, {"write_token": TOKEN}) as url:
        reply = post(f"{url}/store", NQUADS.encode(), "application/n-quads")
        assert (reply.status, reply.text) == (200, "Loaded 3 quad(s).\n")
        assert post(f"{url}/store", TRIG.encode(), "application/trig").status == 200
        assert post(f"{url}/store", NQUADS.encode(), "application/n-quads", headers={}).status == 401
        got = fetch(f"{url}/sparql?" + urllib.parse.urlencode(
            {"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"}),
            headers={"Accept": "text/csv"})
    assert got.text.split() == ["n", "3"]  # one, two, three; the default graph's 3 are in no named graph
    assert store.triple_count(ox.DefaultGraph()) == 2  # one from each body


def test_a_bad_dataset_is_400_with_the_line_and_changes_nothing(store: KabarStore) -> None:
    with serving(store, {"write_token": TOKEN}) as url:
        reply = post(f"{url}/store", (NQUADS + f'<{EX}s> <{EX}p> "x" <{EX}g/one>\n').encode(), "application/n-quads")
    assert_plain_error(reply, 400, "The body: not valid N-Quads at line ", "nothing was loaded")
    assert store.triple_count() == 0


def test_a_graph_body_past_max_body_bytes_is_loaded_in_bulk_up_to_max_load_bytes(store: KabarStore) -> None:
    lines = [f'<{EX}s{i}> <{EX}p> "{"x" * 80}" .\n'.encode() for i in range(30)]
    body = b"".join(lines)
    config = {"write_token": TOKEN, "max_body_bytes": 1000, "max_load_bytes": 5000}
    with serving(store, config) as url:
        target = f"{url}/store?graph=" + urllib.parse.quote(f"{EX}g/big")
        assert len(body) > 1000 and post(target, body, "application/n-triples", "PUT").status == 201
        assert store.triple_count(ox.NamedNode(f"{EX}g/big")) == 30
        assert post(target, b"".join(lines[:6]), "application/n-triples", "PUT").status == 204  # small: as usual
        assert store.triple_count(ox.NamedNode(f"{EX}g/big")) == 6
        assert_plain_error(post(target, body * 2, "application/n-triples", "PUT"), 413, "max_load_bytes")
        assert_plain_error(post(target, body, "application/ld+json", "PUT"), 413, "max_body_bytes")
        assert store.triple_count(ox.NamedNode(f"{EX}g/big")) == 6


def test_by_default_a_bulk_load_is_bounded_by_max_body_bytes_and_the_413_says_which_setting(store: KabarStore
                                                                                           ) -> None:
    """Raising max_load_bytes raises what waitress reads before the token is checked, so it is not raised unasked."""
    with serving(store, {"write_token": TOKEN, "max_body_bytes": 1000}) as url:
        reply = post(f"{url}/store", NQUADS.encode() * 20, "application/n-quads")
    assert_plain_error(reply, 413, "1,000 bytes", "max_load_bytes")
    assert store.triple_count() == 0


def test_the_readme_curl_load_runs_as_shown(store: KabarStore, tmp_path: Path) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("curl -X POST -H \"Authorization: Bearer $KABAR_WRITE_TOKEN\"")
    command = text[start:text.index("\n```", start)].replace("\\\n", " ")
    (tmp_path / "dump.nq").write_text(NQUADS)
    with serving(store, {"write_token": TOKEN}) as url:
        argv = shlex.split(command.replace("$KABAR_WRITE_TOKEN", TOKEN).replace("http://127.0.0.1:8000", url))
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, "Loaded 3 quad(s).\n"), done.stderr
    assert store.triple_count(ox.NamedNode(f"{EX}g/one")) == 1


def test_queries_during_a_bulk_write_read_the_store_as_it_was_before(store: KabarStore, tmp_path: Path) -> None:
    snapshots = Snapshots(store)
    store.add_to_graph(ox.NamedNode(f"{EX}g/before"), [ox.Triple(ox.NamedNode(f"{EX}s"), ox.NamedNode(f"{EX}p"),
                                                                  ox.Literal("before"))])
    snapshots.changed()  # a write no query has seen yet
    (tmp_path / "x.nq").write_text(NQUADS)
    with snapshots.writing():
        with open(tmp_path / "x.nq", "rb") as text:
            store.bulk_load(text, ox.RdfFormat.N_QUADS)
        snapshots.changed()
        during = snapshots.acquire()
        with KabarStore(during.path, read_only=True) as seen:
            assert seen.has_graph(ox.NamedNode(f"{EX}g/before")) and not seen.has_graph(ox.NamedNode(f"{EX}g/one"))
        snapshots.release(during)
    after = snapshots.acquire()
    with KabarStore(after.path, read_only=True) as seen:
        assert seen.has_graph(ox.NamedNode(f"{EX}g/one"))
    snapshots.release(after)
    snapshots.close()
