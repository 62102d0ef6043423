"""`kabar links|link|unlink`, `kabar kb import|stats|fetch` and `kabar eval extraction` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "articles"
DATA = ROOT / "tests" / "data"


def kabar(store: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kabar.cli", "--store", str(store), *args], capture_output=True,
                          text=True, env=os.environ.copy(), timeout=120, cwd=ROOT)


def sparql(store: Path, query: str) -> list[str]:
    done = kabar(store, "query", "--format", "csv", query)
    assert done.returncode == 0, done.stderr
    return sorted(done.stdout.splitlines()[1:])


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    done = kabar(path, "ingest", str(SEEDS))
    assert done.returncode == 0, done.stderr
    return path


def links(store: Path, *args: str) -> dict[str, list[str]]:
    done = kabar(store, "links", "--format", "tsv", *args)
    assert done.returncode == 0, done.stderr
    header, *rows = done.stdout.splitlines()
    assert header.split("\t")[:4] == ["confidence", "qid", "type", "name"]
    return {row.split("\t")[3]: row.split("\t") for row in rows}


def test_links_are_listed_least_confident_first(store: Path) -> None:
    every = links(store)
    assert {"Iran", "United States", "Joe Biden", "Muscat"} <= set(every)
    assert every["Iran"][:2] == ["1.000", "Q794"] and every["Iran"][4] == "label"
    confidences = [float(row[0]) for row in every.values()]
    assert confidences == sorted(confidences)
    below = links(store, "--below", "0.95")
    assert below and set(below) < set(every) and all(float(r[0]) < 0.95 for r in below.values())


def test_corrections_apply_at_once_and_survive_reingest(store: Path) -> None:
    done = kabar(store, "link", "Garda Republik", "Q271110")
    assert done.returncode == 0, done.stderr
    assert "1 article(s) re-extracted" in done.stdout
    done = kabar(store, "unlink", "Damascus")
    assert done.returncode == 0, done.stderr
    for _ in range(2):
        every = links(store)
        assert every["Islamic Revolutionary Guard Corps"][1:5] == ["Q271110", "Organization",
                                                                    "Islamic Revolutionary Guard Corps", "manual"]
        assert "Damascus" not in every and "Iran" in every
        assert kabar(store, "ingest", str(SEEDS)).returncode == 0
    assert sparql(store, "SELECT ?n WHERE { GRAPH <https://w3id.org/kabar/graph/corrections> { ?e ?p ?o } "
                         "BIND(STR(?e) AS ?n) }") == [
        "https://w3id.org/kabar/id/organization/garda-republik"] * 2 + ["https://w3id.org/kabar/id/place/damascus"]


def test_link_errors_are_one_line(store: Path) -> None:
    for args in (("link", "Garda Republik", "X12"), ("link", "Nobody Here", "Q794"),
                 ("unlink", "Nobody Here")):
        done = kabar(store, *args)
        assert done.returncode == 1 and done.stderr.count("\n") == 1 and done.stderr.startswith("kabar: error:")


def test_kb_import_stats_and_fetch_without_network(store: Path) -> None:
    done = kabar(store, "kb", "import", str(DATA / "wikidata" / "dump-sample.json"))
    assert done.returncode == 0, done.stderr
    assert "imported 1 file(s): 6 entities" in done.stdout and "100%" in done.stderr
    lines = kabar(store, "kb", "stats").stdout.splitlines()
    stats = dict(line.rsplit(None, 1) for line in lines if not line.startswith(("#", "source ")))
    assert int(stats["items"]) > 1900 and int(stats["P36"]) > 200 and int(stats["linkable Person"]) > 20
    assert int(stats["offline Person"]) > 100_000 and int(stats["offline Organization"]) > 16_000
    assert int(stats["offline Country"]) >= 193 and int(stats["offline Place"]) > 13_000
    sources = {line.split()[1]: line for line in lines if line.startswith("source ")}
    assert {"seed", "eps", "ror", "partyfacts", "newspapers", "natural-earth"} <= set(sources)
    done = kabar(store, "kb", "fetch", "--for-store", "--api", "http://127.0.0.1:9/w/api.php")
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "cannot reach Wikidata" in done.stderr


def test_a_qid_no_kb_holds_is_the_users_assertion_until_fetched(store: Path) -> None:
    qid = "Q999999990999"  # fake test QID: in no KB
    done = kabar(store, "link", "Brett McGurk", qid, "--label", "Brett H. McGurk")
    assert done.returncode == 0, done.stderr
    assert "recorded as your assertion" in done.stdout and "kabar kb fetch" in done.stdout
    assert links(store)["Brett McGurk"][1:5] == [qid, "Person", "Brett McGurk", "manual"]
    assert sparql(store, "SELECT ?l WHERE { GRAPH <https://w3id.org/kabar/graph/corrections> "
                         f"{{ <http://www.wikidata.org/entity/{qid}> rdfs:label ?l }} }}") == ["Brett H. McGurk"]
    done = kabar(store, "kb", "fetch", "--api", "http://127.0.0.1:9/w/api.php")  # offline: one line
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "cannot reach Wikidata" in done.stderr


def test_federation_example_joins_the_kb_capital(store: Path) -> None:
    rows = sparql(store, "@" + str(ROOT / "seeds" / "queries" / "meetings-in-capitals.rq"))
    assert [r.split(",")[1:3] for r in rows] == [["Muscat", "Oman"]]


def test_eval_extraction_reports_link_precision_and_recall(tmp_path: Path) -> None:
    done = kabar(tmp_path / "unused", "eval", "extraction", str(DATA / "gold" / "gold.jsonl"), str(SEEDS),
                 str(DATA / "gold" / "articles.jsonl"))
    assert done.returncode == 0, done.stderr
    rows = {line.split()[0]: line.split() for line in done.stdout.splitlines()[1:4]}
    assert float(rows["links"][1]) >= 0.95 and float(rows["links"][2]) >= 0.90
    done = kabar(tmp_path / "unused", "eval", "extraction", "--errors", str(DATA / "gold" / "gold.jsonl"), str(SEEDS),
                 str(DATA / "gold" / "articles.jsonl"))
    assert not [line for line in done.stdout.splitlines() if line.startswith("link ")]


def test_eval_errors_list_a_found_event_with_a_wrong_place_or_date(tmp_path: Path) -> None:
    """The event is found (same participants), but the gold says it was in Bali on 14 June: both are listed."""
    url = "https://example.org/kabar-tests/retno-wang-yi"
    articles, gold = tmp_path / "a.articles.jsonl", tmp_path / "a.gold.jsonl"
    articles.write_text(json.dumps({"url": url, "title": "Retno bertemu Wang Yi", "published": "2022-07-08",
                                    "lang": "id", "text": "Menlu Retno Marsudi bertemu Menlu China Wang Yi di Jakarta "
                                    "pada Kamis (7/7/2022)."}) + "\n", encoding="utf-8")
    gold.write_text(json.dumps({"url": url, "entities": [], "events": [
        {"type": "Meeting", "participants": ["Retno Marsudi", "Wang Yi"], "location": "Bali", "date": "2022-06-14",
         "status": "held"}]}) + "\n", encoding="utf-8")
    done = kabar(tmp_path / "unused", "eval", "extraction", "--errors", str(gold), str(articles))
    assert done.returncode == 0, done.stderr
    wrong = {line.split()[0]: line for line in done.stdout.splitlines() if line.startswith(("location", "date"))}
    assert "gold bali, found jakarta" in wrong["location"]
    assert "gold 2022-06-14, found 2022-07-07" in wrong["date"]
    assert "found events: location right 0/1 (0.00), date right 0/1 (0.00), status right 1/1" in done.stdout


def test_a_truncated_dump_is_one_line_and_changes_nothing(store: Path, tmp_path: Path) -> None:
    before = kabar(store, "kb", "stats").stdout
    broken = tmp_path / "cut.json.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00truncated")
    done = kabar(store, "kb", "import", str(broken))
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"kabar: error: {broken}:")
    assert kabar(store, "kb", "stats").stdout == before
