"""SHACL shapes and `kabar validate`: generated from the vocabulary, met by real articles' graphs, and broken
graphs caught with the right shape by both engines; an ingest refuses an article whose graph breaks one."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SH

from loaders.model import Document
from loaders.pipeline import default_pipeline
from loaders.rdf import extraction_graph
from loaders.read import ArticleError, read_articles
from ontology import ID, OWL, RDF, SCHEMA, SHAPES_FILE, VOCABULARY, XSD, K
from ontology.shapes import shapes_graph
from ontology.validation import ENGINES, validate
from store import KabarStore
from store.ingest import ingest, store_articles

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "articles" / "tribunnews-2024-05-iran-as-oman.txt"
NEWS = ROOT / "tests" / "data" / "news"


def kabar(store: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kabar.cli", "--store", str(store), *args], capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    """The seed article's whole graph as the pipeline maps it, before the store splits it."""
    (article,) = read_articles(SEED)
    rdf = extraction_graph(default_pipeline().extract(article))
    return rdf.article + rdf.entities + rdf.events


def test_shapes_file_is_up_to_date() -> None:
    assert isomorphic(Graph().parse(SHAPES_FILE, format="turtle"), shapes_graph()), (
        "ontology/shapes.ttl differs from what ontology/vocabulary.py builds: run `make ontology`")


def test_every_class_the_graph_uses_has_a_shape() -> None:
    targets = {o for o in shapes_graph().objects(None, SH.targetClass)}
    used = {"Article", "Person", "Organization", "Place", "Meeting", "Negotiation", "Attack", "Death", "Mention",
            "Sentence", "Position"}
    assert {K[c] for c in used} <= targets
    assert all(K[s.target] in {c.iri for c in VOCABULARY.classes} for s in VOCABULARY.shapes)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_seed_article_graph_conforms(seed_graph: Graph, engine: str) -> None:
    report = validate(seed_graph, engine)
    assert report.conforms, report.text()


def _event(g: Graph, type_: str) -> URIRef:
    return next(s for s in g.subjects(RDF.type, K[type_]) if str(s).startswith(str(ID["event/"])))


def _article(g: Graph) -> URIRef:
    return next(g.subjects(RDF.type, K.Article))


def _one_participant(g: Graph) -> None:
    talks = _event(g, "Negotiation")
    for p in list(g.objects(talks, K.participant))[1:]:
        g.remove((talks, K.participant, p))


def _bad_date(g: Graph) -> None:
    g.set((_event(g, "Negotiation"), K.date, Literal("2024-13-45", datatype=XSD.date)))


def _wikipedia_link(g: Graph) -> None:
    iran = URIRef(str(ID["entity/Q794"]))
    g.set((iran, OWL.sameAs, URIRef("https://www.wikidata.org/wiki/Q794")))


def _no_provenance(g: Graph) -> None:
    g.remove((_event(g, "Attack"), K.extractedFrom, None))


def _unknown_status(g: Graph) -> None:
    g.set((_event(g, "Death"), K.status, K.Meeting))


def _two_names(g: Graph) -> None:
    g.add((URIRef(str(ID["entity/Q5947347"])), SCHEMA.name, Literal("Ibrahim Raisi")))


def _untagged_headline(g: Graph) -> None:
    article = _article(g)
    g.set((article, SCHEMA.headline, Literal(str(g.value(article, SCHEMA.headline)))))


def _confidence_above_one(g: Graph) -> None:
    g.set((_event(g, "Negotiation"), K.confidence, Literal("1.7", datatype=XSD.decimal)))


def _article_as_location(g: Graph) -> None:
    g.set((_event(g, "Negotiation"), K.location, _article(g)))


def _mention_without_offset(g: Graph) -> None:
    mention = next(g.subjects(RDF.type, K.Mention))
    g.remove((mention, K.startOffset, None))


def _participant_as_text(g: Graph) -> None:
    g.add((_event(g, "Negotiation"), K.participant, Literal("Iran")))


def _cameo_in_words(g: Graph) -> None:
    g.set((_event(g, "Attack"), K.cameoCode, Literal("attack")))


BROKEN: list[tuple[Callable[[Graph], None], tuple[str, str, str]]] = [
    (_one_participant, ("NegotiationShape", "kabar:participant", "MinCount")),
    (_bad_date, ("NegotiationShape", "kabar:date", "Or")),
    (_wikipedia_link, ("PlaceShape", "owl:sameAs", "Pattern")),  # a Country is a Place
    (_no_provenance, ("AttackShape", "kabar:extractedFrom", "MinCount")),
    (_unknown_status, ("DeathShape", "kabar:status", "In")),
    (_two_names, ("PersonShape", "schema:name", "MaxCount")),
    (_untagged_headline, ("ArticleShape", "schema:headline", "Datatype")),
    (_confidence_above_one, ("NegotiationShape", "kabar:confidence", "MaxInclusive")),
    (_article_as_location, ("NegotiationShape", "kabar:location", "Class")),
    (_mention_without_offset, ("MentionShape", "kabar:startOffset", "MinCount")),
    (_participant_as_text, ("NegotiationShape", "kabar:participant", "Class")),
    (_cameo_in_words, ("AttackShape", "kabar:cameoCode", "Pattern")),
]


@pytest.mark.parametrize(("breaking", "expected"), BROKEN, ids=[b.__name__.strip("_") for b, _ in BROKEN])
def test_a_broken_graph_is_reported_with_its_shape_by_both_engines(
        seed_graph: Graph, breaking: Callable[[Graph], None], expected: tuple[str, str, str]) -> None:
    g = Graph() + seed_graph
    breaking(g)
    found = {engine: validate(g, engine) for engine in ENGINES}
    keys = {engine: {(v.shape, v.path, v.constraint, v.focus) for v in r.violations} for engine, r in found.items()}
    assert keys["native"] == keys["pyshacl"]
    assert expected in found["native"].groups(), found["native"].text()
    assert found["native"].text().startswith("1 violation(s) of 1 rule(s)")


@pytest.fixture(scope="module")
def dev_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed, the test articles and every development article, ingested as a user would."""
    path = tmp_path_factory.mktemp("validate") / "store"
    done = kabar(path, "-q", "ingest", str(SEED.parent), str(ROOT / "tests" / "data" / "gold" / "articles.jsonl"),
                 *(str(NEWS / f"{split}.articles.jsonl") for split in ("id/dev", "id/dev2", "en/dev")))
    assert done.returncode == 0, done.stderr
    return path


def test_the_store_of_the_seed_and_the_development_articles_has_no_violation(dev_store: Path) -> None:
    done = kabar(dev_store, "validate")
    assert (done.returncode, done.stderr) == (0, ""), done.stdout
    assert "conform to the kabar shapes: 0 violations" in done.stdout
    events = kabar(dev_store, "validate", "--graph", str(K).replace("ontology#", "graph/events"))
    assert events.returncode == 0, events.stdout


def test_a_broken_file_is_reported_readably_and_as_a_shacl_report(seed_graph: Graph, tmp_path: Path) -> None:
    g = Graph() + seed_graph
    _one_participant(g)
    broken = tmp_path / "broken.ttl"
    g.serialize(broken, format="turtle")
    done = kabar(tmp_path / "none", "validate", str(broken))
    assert done.returncode == 1
    assert "NegotiationShape kabar:participant (MinCount): 1 node(s)" in done.stdout
    standard = kabar(tmp_path / "none", "validate", str(broken), "--engine", "pyshacl", "--format", "turtle")
    report = Graph().parse(data=standard.stdout, format="turtle")
    assert (None, SH.conforms, Literal(False)) in report
    assert len(list(report.subjects(RDF.type, SH.ValidationResult))) == 1


def test_a_file_that_is_not_rdf_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    done = kabar(tmp_path / "none", "validate", str(bad))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"kabar: error: {bad}:") and len(done.stderr.splitlines()) == 1


class _OneSided:
    """The events component with a bug a retrained replacement might have: every event keeps one participant."""

    def __init__(self, real: object) -> None:
        self.real, self.name = real, "events"
        self.requires, self.assigns = real.requires, real.assigns  # type: ignore[attr-defined]

    def __call__(self, doc: Document) -> None:
        self.real(doc)  # type: ignore[operator]
        for event in doc.events:
            event.participants = event.participants[:1]


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_refuses_an_article_whose_graph_breaks_a_shape_and_keeps_what_was_stored(tmp_path: Path,
                                                                                       jobs: int) -> None:
    """Also when worker processes extract (`jobs` 2): the refusal comes back to the writer before any write."""
    store = KabarStore(tmp_path / "store")
    try:
        ingest(store, [ROOT / "tests" / "data" / "gold" / "articles.jsonl"])
        before = store.graph_names()
        pipeline = default_pipeline()
        broken = pipeline.replaced("events", _OneSided(pipeline.get("events")))  # type: ignore[arg-type]
        with pytest.raises(ArticleError, match=r"NegotiationShape kabar:participant \(MinCount\)") as refused:
            store_articles(store, broken, [*read_articles(SEED)] * 2, jobs=jobs)
        assert "not stored" in str(refused.value) and str(SEED) in str(refused.value)
        assert store.graph_names() == before
    finally:
        store.close()
