"""`kabar kb import` into a real store: seed CSVs, the JSON dump format (plain, .gz, .bz2), N-Triples."""

from __future__ import annotations

import bz2
import gzip
import io
from pathlib import Path

import pytest
from rdflib import Graph

from kabar.kb_commands import StderrProgress
from loaders.kb.wikidata import KBImportError
from ontology import WIKIDATA_GRAPH
from store import KabarStore
from store.ingest import ingest
from store.kb_graph import import_files, kb_stats, store_kb

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "wikidata"
SEED_KB = ROOT / "seeds" / "wikidata"
WD = "http://www.wikidata.org/entity/"


@pytest.fixture
def store(tmp_path: Path) -> KabarStore:
    with KabarStore(tmp_path / "store") as s:
        yield s


def kb_triples(store: KabarStore) -> set[tuple[str, str, str]]:
    return {(q.subject.value, q.predicate.value, str(q.object)) for q in store.quads(WIKIDATA_GRAPH)}


def test_seed_csvs_give_the_same_graph_as_ingest(store: KabarStore, tmp_path: Path) -> None:
    import_files(store, [SEED_KB / "countries.csv", SEED_KB / "people.csv"])
    with KabarStore(tmp_path / "ingested") as other:
        ingest(other, [], with_kb=True)
        assert kb_triples(store) == kb_triples(other)


def test_json_dump_keeps_truthy_facts_in_kb_languages(store: KabarStore) -> None:
    report = import_files(store, [DATA / "dump-sample.json"])
    assert (report.files, report.entities) == (1, 6)
    triples = kb_triples(store)
    p31 = "http://www.wikidata.org/prop/direct/P31"
    assert {o for s, p, o in triples if s == WD + "Q999999990002" and p == p31} == {f"<{WD}Q515>"}  # not deprecated
    assert not any(o.endswith(("@fr", "@de")) for _, _, o in triples)
    assert not any("P999999" in s for s, _, _ in triples)
    kb = store_kb(store)
    assert kb.by_qid("Q999999990001").type == "Person"
    assert kb.by_qid("Q999999990002").country == "Q999999990003"
    assert kb.by_qid("Q999999990003").type == "Country"
    assert kb.by_qid("Q999999990004") is None  # untyped: never a link target
    assert kb.capitals()["Q999999990003"] == ["Q999999990002"]


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress])
def test_compressed_dumps_and_idempotence(store: KabarStore, tmp_path: Path, compress) -> None:
    suffix = ".gz" if compress is gzip.compress else ".bz2"
    packed = tmp_path / f"latest-all.json{suffix}"
    packed.write_bytes(compress((DATA / "dump-sample.json").read_bytes()))
    import_files(store, [packed])
    once = kb_triples(store)
    import_files(store, [packed, DATA / "dump-sample.json"])
    assert kb_triples(store) == once and len(once) > 10


def test_ntriples_keep_only_the_kb_shape(store: KabarStore) -> None:
    import_files(store, [DATA / "truthy-sample.nt"])
    predicates = {p.rsplit("/", 1)[-1] for _, p, _ in kb_triples(store)}
    assert "P571" not in predicates and {"P31", "P17"} <= predicates
    entry = store_kb(store).by_qid("Q999999990005")
    assert (entry.type, entry.country, entry.aliases) == ("Organization", "Q842", (("TFO", "en"),))


def test_turtle_from_a_construct_query(store: KabarStore, tmp_path: Path) -> None:
    turtle = tmp_path / "construct.ttl"
    Graph().parse(DATA / "truthy-sample.nt", format="nt").serialize(turtle, format="turtle")
    import_files(store, [turtle])
    assert store_kb(store).by_qid("Q999999990005").label == "Testo Fakeorg"


def test_import_never_touches_news_graphs(store: KabarStore) -> None:
    ingest(store, [ROOT / "seeds" / "articles"])
    news = {g: store.triple_count(g) for g in store.graph_names() if g != str(WIKIDATA_GRAPH)}
    import_files(store, [DATA / "dump-sample.json", DATA / "truthy-sample.nt"])
    assert {g: store.triple_count(g) for g in store.graph_names() if g != str(WIKIDATA_GRAPH)} == news


def test_imported_items_are_recognized_and_linked_at_the_next_ingest(store: KabarStore, tmp_path: Path) -> None:
    import_files(store, [DATA / "dump-sample.json"])
    article = tmp_path / "a.json"
    article.write_text('{"title": "t", "lang": "id", "text": "Menlu Testa Fakeperson bertemu Joe Biden di Fakeville."}')
    ingest(store, [article])
    links = {r["item"].value for r in store.query(
        "SELECT ?item WHERE { GRAPH ?g { ?e <http://www.w3.org/2002/07/owl#sameAs> ?item } }")}
    assert {WD + "Q999999990001", WD + "Q999999990002", WD + "Q6279"} <= links


def test_bad_files_are_one_line_errors(store: KabarStore, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('[\n{"type": "item", "id": "Q1",\n]\n')
    with pytest.raises(KBImportError, match=r"broken.json:2"):
        import_files(store, [broken])
    with pytest.raises(KBImportError, match="unknown format"):
        import_files(store, [DATA / "README.md"])


def test_progress_and_stats(store: KabarStore) -> None:
    out = io.StringIO()
    import_files(store, [DATA / "dump-sample.json"], StderrProgress(out))
    assert "100%" in out.getvalue() and "6 entities" in out.getvalue()
    stats = kb_stats(store)
    assert stats["items"] == 5 and stats["linkable Person"] >= 1 and stats["P36"] == 1
    assert str(WIKIDATA_GRAPH) in store.graph_names()




def test_reloading_the_seed_kb_keeps_imported_items(store: KabarStore) -> None:
    import_files(store, [DATA / "dump-sample.json"])
    ingest(store, [], with_kb=True)
    before = kb_triples(store)
    ingest(store, [], with_kb=True)
    assert kb_triples(store) == before
    assert store_kb(store).by_qid("Q999999990001").type == "Person"
    assert store_kb(store).by_qid("Q794").label == "Iran"
