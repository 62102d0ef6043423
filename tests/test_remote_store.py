"""kabar on a remote SPARQL store: ingest, query and export through the SPARQL 1.1 Protocol give what the embedded
store gives, on Virtuoso 7.2 and on `oxigraph serve`, each started here on loopback with its data in a temp folder.

`make test` installs Debian's virtuoso-opensource when it is missing; the
`oxigraph` PyPI package (the server) is a dev dependency.
"""

from __future__ import annotations

import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, SEED_ARTICLES, assert_one_line_error, kabar, real_batch
from rdflib import Graph
from rdflib.compare import isomorphic
from test_readme_queries import example_queries

from ontology import ONTOLOGY_GRAPH
from store import open_store

SEED = SEED_ARTICLES
SEED_FILE = SEED / "tribunnews-2024-05-iran-as-oman.txt"
VIRTUOSO, ISQL = shutil.which("virtuoso-t"), shutil.which("isql-vt")
USER, PASSWORD = "kabar", "s3cret"
OXIGRAPH = Path(sys.executable).parent / "oxigraph"
VIRTUOSO_INI = """[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CaseMode = 2
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 120
"""


def free_port() -> int:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        return free.getsockname()[1]


def wait_for_sparql(url: str, process: subprocess.Popen, what: str) -> None:
    """Until the endpoint answers an ASK (60 s at most)."""
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}?query=ASK%20%7B%7D", timeout=5):
                return
        except (urllib.error.URLError, OSError):
            assert process.poll() is None, f"{what} stopped at start (exit {process.returncode})"
            assert time.monotonic() < deadline, f"{what} did not answer in 60 s"
            time.sleep(0.3)


def start_virtuoso(folder: Path, max_rows: int = 1_000_000) -> tuple[subprocess.Popen, str]:
    """Virtuoso with its own ini and database in `folder`, on loopback ports: SPARQL updates allowed at /sparql
    to anyone, and at /sparql-auth to the user `USER` (HTTP Digest)."""
    assert VIRTUOSO and ISQL, "Virtuoso is missing: `make test` installs virtuoso-opensource (as root)"
    sql, http = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(folder=folder, sql=sql, http=http, max_rows=max_rows))
    process = subprocess.Popen([VIRTUOSO, "-c", "virtuoso.ini", "+foreground"], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_sparql(f"http://127.0.0.1:{http}/sparql", process, "Virtuoso")
    subprocess.run([ISQL, f"127.0.0.1:{sql}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL"; '
                    f"DB.DBA.USER_CREATE('{USER}', '{PASSWORD}'); GRANT SPARQL_UPDATE TO \"{USER}\";"],
                   check=True, capture_output=True, timeout=60)
    return process, f"sparql+http://127.0.0.1:{http}/sparql"


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    process, location = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield location
    finally:
        stop(process)


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`oxigraph serve` on a folder of its own: queries at /query, updates at /update."""
    port = free_port()
    process = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_sparql(f"http://127.0.0.1:{port}/query", process, "oxigraph serve")
        yield f"sparql+http://127.0.0.1:{port}/query#update=/update"
    finally:
        stop(process)


@pytest.fixture(params=["virtuoso", "oxigraph"])
def remote(request: pytest.FixtureRequest) -> str:
    """An empty remote store (kabar's graphs dropped from the module's server)."""
    return emptied(request.getfixturevalue(request.param))


def emptied(location: str) -> str:
    """The store, its kabar graphs dropped."""
    with open_store(location) as store:
        names = store.graph_names()
        if names:
            store.update(" ;\n".join(f"DROP SILENT GRAPH <{name}>" for name in names))
    return location


def named(text: str) -> set[str]:
    """An export's lines but those with blank nodes (the ontology's, named anew by each store)."""
    return {line for line in text.splitlines() if "_:" not in line}


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return real_batch(tmp_path_factory.mktemp("batch") / "batch.jsonl", 12)


def ingest(store: str, *paths: Path) -> None:
    done = kabar("--store", store, "-q", "ingest", *map(str, paths))
    assert done.returncode == 0, done.stderr


def export(store: str, *args: str) -> str:
    done = kabar("--store", store, "export", *(args or ("--format", "nquads")))
    assert done.returncode == 0, done.stderr
    return done.stdout


def unordered_cells(printed: str) -> list[str]:
    """The table with each cell's comma-separated parts sorted: GROUP_CONCAT's order is the engine's to choose."""
    return [" | ".join(", ".join(sorted(cell.split(", "))) for cell in line.rstrip().split(" | "))
            for line in printed.splitlines()]


@pytest.mark.parametrize(("query", "table"), example_queries(), ids=lambda v: v.split("\n")[0][:40])
def test_readme_queries_print_the_readme_tables_from_a_remote_store(remote: str, query: str, table: str) -> None:
    ingest(remote, SEED)
    done = kabar("--store", remote, "query", query)
    assert done.returncode == 0, done.stderr
    assert unordered_cells(done.stdout) == unordered_cells(table)


def test_a_remote_store_holds_the_embedded_store_s_dataset(remote: str, articles: Path, tmp_path: Path) -> None:
    """Quad for quad, the ontology's blank nodes aside (isomorphic); ingesting the batch again changes nothing."""
    local = str(tmp_path / "store")
    ingest(local, SEED, articles)
    ingest(remote, SEED, articles)
    expected, stored = export(local), export(remote)
    assert len(stored.splitlines()) == len(expected.splitlines()) > 10_000
    assert named(stored) == named(expected)
    assert isomorphic(*(Graph().parse(data=export(store, "--graph", str(ONTOLOGY_GRAPH), "--format", "turtle"))
                        for store in (local, remote)))
    ingest(remote, articles)
    assert named(export(remote)) == named(expected)


def test_a_construct_from_a_remote_store_prints_triples(oxigraph: str, virtuoso: str) -> None:
    query = ("PREFIX schema: <https://schema.org/> PREFIX kabar: <https://w3id.org/kabar/ontology#> "
             "CONSTRUCT { ?c schema:name ?n } WHERE { ?c a kabar:Country ; schema:name ?n }")
    printed = []
    for store in (oxigraph, virtuoso):
        ingest(store, SEED)
        done = kabar("--store", store, "query", "--format", "ntriples", query)
        assert done.returncode == 0, done.stderr
        printed.append(sorted(done.stdout.splitlines()))
    assert printed[0] == printed[1]
    assert '<https://w3id.org/kabar/id/entity/Q794> <https://schema.org/name> "Iran" .' in printed[0]


def test_a_refused_write_is_one_line_and_the_store_keeps_what_it_had(oxigraph: str, articles: Path) -> None:
    """Without `#update=/update`, writes go to Oxigraph's /query, which refuses them: nothing half written."""
    ingest(oxigraph, SEED)
    before = export(oxigraph)
    query_only = oxigraph.split("#")[0]
    done = kabar("--store", query_only, "ingest", str(articles))
    assert_one_line_error(done, f"the SPARQL store at {query_only} refused the update (HTTP 4")
    assert export(oxigraph) == before


@pytest.mark.parametrize("command", [["ingest", str(SEED_FILE)], ["query", "ASK {}"], ["export"]])
def test_an_unreachable_store_is_one_line(command: list[str]) -> None:
    location = f"sparql+http://127.0.0.1:{free_port()}/sparql"
    assert_one_line_error(kabar("--store", location, *command), f"cannot reach the SPARQL store at {location}")


@pytest.mark.parametrize(("location", "said"), [
    ("sparql+http://127.0.0.1:99999/sparql", "names no valid port"),
    ("sparql+http:///sparql", "names no host"),
])
def test_a_malformed_store_url_is_one_line(location: str, said: str) -> None:
    assert_one_line_error(kabar("--store", location, "query", "ASK {}"), f"the remote store {location} {said}")


def test_a_virtuoso_that_cuts_answers_short_stops_the_export_with_the_setting_to_raise(tmp_path: Path) -> None:
    """Virtuoso's default ResultSetMaxRows (10,000) cuts SELECT answers silently but for a header: kabar reads it
    and stops, rather than write half of the KB graph."""
    process, location = start_virtuoso(tmp_path, max_rows=1_000)
    try:
        for command in (["ingest", str(SEED_FILE)], ["export"]):  # ingest reads the KB graph back: 6,152 rows
            assert_one_line_error(kabar("--store", location, *command), "cut an answer at 1000 rows",
                                  "ResultSetMaxRows")
    finally:
        stop(process)


def test_links_validation_and_reasoning_answer_as_on_the_embedded_store(remote: str, tmp_path: Path) -> None:
    local = str(tmp_path / "store")
    printed = {}
    for store in (local, remote):
        ingest(store, SEED_FILE)
        runs = [kabar("--store", store, *command) for command in (["links"], ["validate"], ["reason"])]
        assert all(done.returncode == 0 for done in runs), [done.stderr for done in runs]
        printed[store] = [re.sub(r"\(\d+\.\d s\)", "(…)", done.stdout.replace(store.split("#")[0], "STORE"))
                          for done in runs]  # the time `reason` took is the machine's
    assert printed[remote] == printed[local]
    assert "Q842" in printed[local][0] and "0 violations" in printed[local][1]


def test_a_store_behind_digest_authentication(virtuoso: str) -> None:
    """Virtuoso's /sparql-auth, as a store open to the network is set up: the password is sent as asked and never
    printed; a wrong one is one line."""
    endpoint = virtuoso.replace("/sparql", "/sparql-auth")
    with_user = endpoint.replace("http://", f"http://{USER}:{PASSWORD}@")
    ingest(with_user, SEED_FILE)
    done = kabar("--store", with_user, "query", "ASK { ?e <https://schema.org/name> \"Brett McGurk\" }")
    assert (done.returncode, done.stdout.strip()) == (0, "true")
    wrong = kabar("--store", with_user.replace(PASSWORD, "wrong"), "query", "ASK {}")
    assert_one_line_error(wrong, f"the SPARQL store at {endpoint} refused the query (HTTP 401)")
    assert PASSWORD not in wrong.stderr


def test_serve_on_a_remote_store_is_refused_in_one_line(oxigraph: str) -> None:
    assert_one_line_error(kabar("--store", oxigraph, "serve"), "kabar serve serves the embedded store only")


def test_the_readme_remote_store_commands_run_as_shown(virtuoso: str, oxigraph: str, tmp_path: Path) -> None:
    """The README's block, with its HOST:PORT placeholders pointed at the servers started here."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"### A remote SPARQL store\n.*?```sh\n(.*?)```", text, re.S)
    assert block
    virtuoso_at = virtuoso.removeprefix("sparql+http://").split("/")[0]
    oxigraph_at = oxigraph.removeprefix("sparql+http://").split("/")[0]
    lines = block[1].splitlines()
    assert len(lines) == 4
    for line in lines:
        line = (line.replace("HOST:8890", virtuoso_at).replace("HOST:7878", oxigraph_at)
                .replace("PASSWORD", PASSWORD).replace("kabar.trig", str(tmp_path / "kabar.trig")))
        args = shlex.split(line)
        assert args[0] == "kabar"
        done = kabar(*args[1:])
        assert done.returncode == 0, (line, done.stderr)
        if "query" in args:
            assert "Muscat" in done.stdout
    assert "<https://w3id.org/kabar/graph/events>" in (tmp_path / "kabar.trig").read_text(encoding="utf-8")


def test_extraction_on_a_dask_cluster_writes_the_same_dataset_into_a_remote_store(oxigraph: str, articles: Path,
                                                                                  tmp_path: Path) -> None:
    """Dask workers extract, the ingest process writes into `oxigraph serve`: the one-process embedded store's
    dataset (issue 16: the cluster and the remote store together)."""
    local = str(tmp_path / "store")
    done = kabar("--store", emptied(oxigraph), "-q", "ingest", "--scheduler", "local", "--jobs", "2", str(articles))
    assert done.returncode == 0, done.stderr
    ingest(local, articles)
    assert named(export(oxigraph)) == named(export(local))
