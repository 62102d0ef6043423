"""`kabar entity retype|rename|merge|remove|add` as a user runs them on a real store (issue 14, item 3): each
correction shows in the graph at once, holds when the articles are ingested again, and is recorded in the
corrections graph with who made it and when."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from loaders.edits import Edits, EntityEdit
from loaders.iris import entity_iri
from loaders.model import Mention, Span

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [
    {"url": "https://example.org/kabar-tests/edit-1", "title": "Retno bertemu Wang Yi", "lang": "id",
     "published": "2024-05-20", "text": "Jakarta, Purna Warta - Menlu Retno Marsudi bertemu Menlu China Wang Yi di "
     "Jakarta. Pertemuan itu juga dihadiri pejabat Walhi."},
    {"url": "https://example.org/kabar-tests/edit-2", "title": "Retno di Beijing", "lang": "id",
     "published": "2024-05-21", "text": "Menlu Retno Marsudi tiba di Beijing. Ia akan bertemu pejabat Walhi."},
]


def kabar(store: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kabar.cli", "--store", str(store), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300, env={**os.environ, "USER": "ana"})


def rows(store: Path, query: str) -> list[str]:
    done = kabar(store, "query", "--format", "tsv", query)
    assert done.returncode == 0, done.stderr
    return sorted(done.stdout.splitlines()[1:])


def entities(store: Path) -> list[str]:
    """'Type<TAB>name' of every entity an article mentions."""
    found = rows(store, "SELECT DISTINCT (STRAFTER(STR(?t), '#') AS ?type) ?n WHERE { ?a schema:mentions ?e . "
                        "?e a ?t ; schema:name ?n FILTER(STRSTARTS(STR(?t), STR(kabar:))) }")
    return [row.replace('"', "") for row in found]


@pytest.fixture()
def store(tmp_path: Path) -> tuple[Path, Path]:
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    path = tmp_path / "store"
    done = kabar(path, "-q", "ingest", str(articles))
    assert done.returncode == 0, done.stderr
    return path, articles


def test_each_correction_shows_at_once_and_holds_at_the_next_ingest(store: tuple[Path, Path]) -> None:
    path, articles = store
    before = entities(path)
    assert "Organization\tPurna Warta" in before  # the medium its dateline names
    assert not any("Walhi" in row for row in before)
    for command, said in [(("rename", "Purna Warta", "Purna Warta News"), None),
                          (("remove", "Purna Warta News"),  # an edit of an edit: renamed, then removed
                           "Purna Warta News is no entity now; 1 article(s) re-extracted"),
                          (("add", "Walhi", "Organization"), "'Walhi' is now of type Organization wherever it is "
                                                            "written; 2 article(s) re-extracted")]:
        done = kabar(path, "entity", *command)
        assert done.returncode == 0, done.stderr
        if said:
            assert done.stdout.strip() == said
    for _ in range(2):  # as corrected, then after ingesting the same articles again
        found = entities(path)
        assert not any("Purna Warta" in row for row in found)
        assert "Organization\tWalhi" in found
        assert rows(path, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:mentions ?e . "
                          "?e schema:name \"Walhi\" }") == ["2"]
        assert kabar(path, "-q", "ingest", str(articles)).returncode == 0


def test_retype_and_merge(store: tuple[Path, Path]) -> None:
    path, _ = store
    publisher = [row for row in entities(path) if row.endswith("\tPurna Warta")]
    assert publisher, entities(path)
    assert kabar(path, "entity", "retype", "Purna Warta", "Place").returncode == 0
    assert [row for row in entities(path) if row.endswith("\tPurna Warta")] == [
        "Place\tPurna Warta"]
    assert kabar(path, "entity", "merge", "Purna Warta", "Jakarta").returncode == 0
    assert not any(row.endswith("\tPurna Warta") for row in entities(path))
    assert rows(path, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:mentions ?e . ?e schema:name "
                      "\"Jakarta\" }") == ["1"]


def test_a_correction_says_who_and_when(store: tuple[Path, Path]) -> None:
    path, _ = store
    assert kabar(path, "entity", "remove", "Purna Warta").returncode == 0
    said = rows(path, "SELECT ?who ?removed (DATATYPE(?when) AS ?t) WHERE { GRAPH ?g { ?e kabar:removedByUser "
                      "?removed ; dcterms:creator ?who ; dcterms:modified ?when } }")
    assert said == ["\"ana\"\ttrue\t<http://www.w3.org/2001/XMLSchema#dateTime>"]


@pytest.mark.parametrize(("command", "message"), [
    (("remove", "Nobody"), "kabar: error: no entity 'Nobody' in the store"),
    (("merge", "Jakarta", "Jakarta"), "kabar: error: 'Jakarta' and 'Jakarta' are the same entity"),
    (("add", " ", "Person"), "kabar: error: the name to add cannot be empty"),
    (("rename", "Wang Yi", "Wang"), "kabar: error: 'Wang Yi' is linked to Q701801, whose Wikidata label is its "
                                    "name; `kabar unlink` it first to name it yourself"),
])
def test_a_correction_that_cannot_be_made_is_one_line(store: tuple[Path, Path], command: tuple[str, ...],
                                                      message: str) -> None:
    done = kabar(store[0], "entity", *command)
    assert (done.returncode, done.stderr.strip()) == (1, message)


def test_edits_join_an_entity_the_article_already_names() -> None:
    """A merged mention takes the key (so the entity) of the article's mention of its target."""
    text = "Retno P Marsudi bertemu Retno Marsudi."
    wrong = Mention(Span(0, 15, "Retno P Marsudi"), "Person", "Retno P Marsudi", None, "Person:retno p marsudi",
                    "pattern")
    right = Mention(Span(24, 37, "Retno Marsudi"), "Person", "Retno Marsudi", "Q18342668", "Q18342668")
    edits = Edits({entity_iri("Person", "Retno P Marsudi", None): EntityEdit("Person", "Retno Marsudi")})
    merged, kept = edits.apply(text, [wrong, right])
    assert (merged.key, merged.qid, merged.name) == ("Q18342668", "Q18342668", "Retno Marsudi")
    assert kept == right
