"""Provenance in the store: every mention, event and position leads back to the article's words by SPARQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from loaders.read import read_articles
from store import KabarStore
from store.ingest import ingest

SEED_ARTICLES = Path(__file__).resolve().parent.parent / "seeds" / "articles"
SEED = SEED_ARTICLES / "tribunnews-2024-05-iran-as-oman.txt"
PREFIXES = """
PREFIX kabar: <https://w3id.org/kabar/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KabarStore]:
    with KabarStore(tmp_path_factory.mktemp("provenance") / "store") as store:
        ingest(store, [SEED_ARTICLES])
        yield store


@pytest.fixture(scope="module")
def text() -> str:
    (article,) = read_articles(SEED)
    return article.text


def select(store: KabarStore, query: str) -> list[dict[str, str]]:
    results = store.query(PREFIXES + query, union_default_graph=True)
    names = [v.value for v in results.variables]
    return [{name: row[name].value for name in names if row[name] is not None} for row in results]


def test_every_mention_gives_back_its_words(store: KabarStore, text: str) -> None:
    rows = select(store, """
        SELECT ?m ?of ?start ?end ?anchor ?conf ?article ?body WHERE { GRAPH ?g {
          ?m a kabar:Mention ; kabar:mentionOf ?of ; kabar:startOffset ?start ; kabar:endOffset ?end ;
             kabar:anchorText ?anchor ; kabar:confidence ?conf ; kabar:extractedFrom ?article .
          ?article schema:articleBody ?body } }""")
    assert len(rows) > 50
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        assert text[start:end] == row["anchor"] == row["body"][start:end]
        assert 0 < float(row["conf"]) <= 1
        assert row["m"] == f"{row['article']}#char={start},{end}"


def test_sparql_substr_recovers_the_words(store: KabarStore) -> None:
    rows = select(store, """
        SELECT ?anchor (SUBSTR(?body, ?start + 1, ?end - ?start) AS ?words) WHERE { GRAPH ?g {
          ?m kabar:anchorText ?anchor ; kabar:startOffset ?start ; kabar:endOffset ?end ;
             kabar:extractedFrom/schema:articleBody ?body } }""")
    assert rows and all(r["anchor"] == r["words"] for r in rows)


def test_pronoun_mention_is_less_sure_and_in_its_sentence(store: KabarStore, text: str) -> None:
    [row] = select(store, """
        SELECT ?conf ?sentence ?s ?e WHERE { {
          ?m kabar:mentionOf/schema:name "Ali Bagheri Kani" ; kabar:anchorText "Dia"@id ; kabar:confidence ?conf ;
             kabar:inSentence ?sent . ?sent a kabar:Sentence ; kabar:anchorText ?sentence ;
             kabar:startOffset ?s ; kabar:endOffset ?e } }""")
    assert float(row["conf"]) == 0.6
    assert row["sentence"].startswith("Dia kini menjabat") and text[int(row["s"]):int(row["e"])] == row["sentence"]


def test_position_statement_is_a_mention_of_the_post(store: KabarStore) -> None:
    rows = select(store, """
        SELECT ?title ?words ?conf WHERE { {
          ?p schema:name "Ebrahim Raisi" ; kabar:holdsPosition ?post . ?post rdfs:label ?title .
          ?m kabar:mentionOf ?post ; kabar:anchorText ?words ; kabar:confidence ?conf } }""")
    assert [(r["title"], r["words"]) for r in rows] == [("Presiden", "Presiden Iran")]
    assert 0 < float(rows[0]["conf"]) < 0.9


def test_events_have_evidence_offsets_cameo_and_roles(store: KabarStore, text: str) -> None:
    rows = select(store, """
        SELECT ?type ?cameo ?conf ?trigger ?start ?end ?sentence WHERE { {
          ?e a ?type ; kabar:confidence ?conf ; kabar:inSentence ?first .
          FILTER(?type IN (kabar:Meeting, kabar:Negotiation, kabar:Attack, kabar:Death))
          OPTIONAL { ?e kabar:cameoCode ?cameo }
          ?t kabar:mentionOf ?e ; kabar:anchorText ?trigger ; kabar:startOffset ?start ; kabar:endOffset ?end ;
             kabar:inSentence/kabar:anchorText ?sentence } }""")
    assert {(r["type"].rsplit("#", 1)[1], r.get("cameo")) for r in rows} == {
        ("Negotiation", "046"), ("Attack", "190"), ("Death", None)}
    for r in rows:
        assert text[int(r["start"]):int(r["end"])] == r["trigger"]
        assert r["trigger"] in r["sentence"]
    attack = select(store, """
        SELECT ?attacker ?target WHERE { { ?e a kabar:Attack ; kabar:attacker/schema:name ?attacker ;
          kabar:target/schema:name ?target ; kabar:participant/schema:name ?attacker } }""")
    assert {(r["attacker"], r["target"]) for r in attack} == {("Hamas", "Israel"), ("Iran", "Israel")}


def test_only_held_meetings_can_be_asked_for(tmp_path: Path) -> None:
    articles = tmp_path / "two.jsonl"
    articles.write_text(
        '{"title": "Rencana", "lang": "id", "published": "2024-05-22", "text": "Menlu Retno Marsudi akan '
        'bertemu dengan Menlu Iran Hossein Amir-Abdollahian di Jakarta pekan depan."}\n'
        '{"title": "Held", "lang": "en", "published": "2024-05-22", "text": "Foreign Minister Retno Marsudi '
        'met Iranian Foreign Minister Hossein Amir-Abdollahian in Jakarta on Monday."}\n', encoding="utf-8")
    with KabarStore(tmp_path / "store") as store:
        ingest(store, [articles])
        rows = select(store, """
            SELECT ?title ?status WHERE { ?e a kabar:Meeting ; kabar:status ?status ;
              kabar:extractedFrom/schema:headline ?title }""")
        held = select(store, """
            SELECT ?title WHERE { ?e a kabar:Meeting ; kabar:status kabar:Held ;
              kabar:extractedFrom/schema:headline ?title }""")
    assert sorted((r["title"], r["status"].rsplit("#", 1)[1]) for r in rows) == [("Held", "Held"),
                                                                                 ("Rencana", "Planned")]
    assert [r["title"] for r in held] == ["Held"]


def test_pronouns_are_not_alternative_names(store: KabarStore) -> None:
    assert select(store, """
        SELECT ?e WHERE { GRAPH ?g { ?e skos:altLabel "Dia"@id } }""") == []


def test_reingest_writes_the_same_triples(tmp_path: Path) -> None:
    with KabarStore(tmp_path / "store") as store:
        ingest(store, [SEED_ARTICLES])
        before = store.triple_count()
        ingest(store, [SEED_ARTICLES])
        assert store.triple_count() == before
