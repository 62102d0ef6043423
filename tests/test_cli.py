"""The `kabar` command as a user runs it: a real process, a real store on disk."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "articles"


def kabar(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kabar.cli", *args], capture_output=True, text=True,
                          input=stdin, env={**os.environ, **(env or {})}, timeout=120)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    done = kabar("--store", str(path), "ingest", str(SEEDS))
    assert done.returncode == 0, done.stderr
    assert "ingested 1 article(s)" in done.stdout
    return path


def test_query_prints_a_table(store: Path) -> None:
    done = kabar("--store", str(store), "query", """
        PREFIX kabar: <https://w3id.org/kabar/ontology#> PREFIX schema: <https://schema.org/>
        SELECT ?place WHERE { ?m a kabar:Negotiation ; kabar:location/schema:name ?place }""")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].strip() == "place"
    assert lines[2].strip() == "Muscat"
    assert lines[-1] == "(1 row)"


def test_query_from_stdin_as_csv_and_store_from_environment(store: Path) -> None:
    done = kabar("query", "-", "--format", "csv", env={"KABAR_STORE": str(store)},
                 stdin="PREFIX kabar: <https://w3id.org/kabar/ontology#> "
                       "SELECT (COUNT(*) AS ?n) WHERE { ?e a kabar:Negotiation }")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["n", "1"]


def test_malformed_query_names_the_position(store: Path) -> None:
    done = kabar("--store", str(store), "query", "SELECT ?x WHERE { ?x ?y }")
    assert done.returncode == 1
    assert "not valid SPARQL: error at 1:26" in done.stderr and "line 1, column 26: SELECT ?x" in done.stderr
    assert "Traceback" not in done.stderr


def test_extract_json_contract_stores_nothing(tmp_path: Path) -> None:
    store = tmp_path / "untouched"
    done = kabar("--store", str(store), "extract", str(SEEDS / "tribunnews-2024-05-iran-as-oman.txt"),
                 "--format", "json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == {"article", "entities", "events"}
    assert result["article"]["lang"] == "id" and result["article"]["published"] == "2024-05-22"
    entity = next(e for e in result["entities"] if e["name"] == "Muscat")
    assert entity["type"] == "Place" and entity["wikidata"] == "Q3826"
    assert {"id", "type", "name", "wikidata", "mentions"} <= set(entity)
    event = next(e for e in result["events"] if e["type"] == "Negotiation")
    assert {"id", "type", "participants", "location", "date", "part_of", "trigger", "status"} <= set(event)
    assert event["status"] == "held"
    assert event["location"] == entity["id"]
    assert not store.exists()


def test_broken_article_exits_non_zero_naming_file_and_line(tmp_path: Path, store: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Iran dan AS berunding."}\n{"text": \n', encoding="utf-8")
    before = kabar("--store", str(store), "query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                   "--format", "csv").stdout
    done = kabar("--store", str(store), "ingest", str(bad))
    assert done.returncode == 1
    assert f"{bad}:2" in done.stderr and "invalid JSON" in done.stderr
    assert "Traceback" not in done.stderr
    after = kabar("--store", str(store), "query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                  "--format", "csv").stdout
    assert after == before


def test_export_turtle_and_trig_files(store: Path, tmp_path: Path) -> None:
    ttl, trig = tmp_path / "kabar.ttl", tmp_path / "kabar.trig"
    assert kabar("--store", str(store), "export", "--format", "turtle", "-o", str(ttl)).returncode == 0
    assert kabar("--store", str(store), "export", "-o", str(trig)).returncode == 0
    assert len(Graph().parse(ttl, format="turtle")) > 1000
    dataset = Dataset()
    dataset.parse(trig, format="trig")
    assert len({g.identifier for g in dataset.graphs() if len(g)}) == 5  # ontology, KB, entities, events, article


def test_turtle_export_is_readable_and_round_trips(store: Path, tmp_path: Path) -> None:
    """Issue 10.6: prefixes for the vocabularies, kabar's own IRIs written whole (a prefixed name would need
    escapes: kid:article\\/…\\#char\\=…), and what is read back is the same graph."""
    article = kabar("--store", str(store), "query", "--format", "tsv",
                    "SELECT ?g WHERE { GRAPH ?g { ?a a kabar:Article } } LIMIT 1").stdout.splitlines()[1].strip("<>")
    for args in ((), ("--graph", article)):
        done = kabar("--store", str(store), "export", "--format", "turtle", *args)
        assert done.returncode == 0, done.stderr
        assert "@prefix kabar: <https://w3id.org/kabar/ontology#> ." in done.stdout
        assert not re.search(r"(?m)(^|\s)[\w-]+:[^\s\"]*\\[/#=,]", done.stdout)  # no escaped prefixed name
        assert "<https://w3id.org/kabar/id/" in done.stdout
    nt = kabar("--store", str(store), "export", "--format", "turtle", "--graph", article).stdout
    back = kabar("--store", str(store), "query", "--format", "ntriples",
                 f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{article}> {{ ?s ?p ?o }} }}").stdout
    assert isomorphic(Graph().parse(data=nt, format="turtle"), Graph().parse(data=back, format="nt"))


def test_export_unknown_graph_is_an_error(store: Path) -> None:
    done = kabar("export", "--graph", "https://example.org/none", "--store", str(store))
    assert done.returncode == 1
    assert "no graph <https://example.org/none>" in done.stderr


def test_ingest_while_another_process_holds_the_store_says_so(store: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", "import sys, store; s = store.KabarStore(sys.argv[1]); "
                               "print('open', flush=True); sys.stdin.read()", str(store)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        done = kabar("--store", str(store), "ingest", str(SEEDS))
        assert done.returncode == 1
        assert "open in another process" in done.stderr and "/update" in done.stderr
    finally:
        holder.communicate("", timeout=30)


def test_reading_a_store_that_does_not_exist_says_how_to_make_one(tmp_path: Path) -> None:
    done = kabar("--store", str(tmp_path / "none"), "query", "ASK {}")
    assert done.returncode == 1
    assert "there is no store at" in done.stderr and "kabar ingest" in done.stderr
    assert not (tmp_path / "none").exists()
