"""The ontology file users load, and the HermiT check that it and kabar's data agree.

The reasoner tests need Java; without it they fail with the install hint
rather than skip, so a missing JRE cannot pass unnoticed. XSD is reached
through `namespaces` because pytest's collection probes module globals and
rdflib's XSD namespace warns on every unknown attribute.
"""

from __future__ import annotations

import owlready2
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from loaders.iris import article_iri, entity_iri, event_iri, position_iri
from loaders.kb.seed import load_kb
from ontology import (
    ID,
    KABAR,
    ONTOLOGY_FILE,
    OWL,
    PREFIXES,
    RDF,
    RDFS,
    SCHEMA,
    VOCABULARY,
    WD,
    K,
    namespaces,
)
from ontology.build import build_graph
from ontology.reasoning import InconsistentOntologyError, ReasonerUnavailable, check_consistency


@pytest.fixture(scope="module")
def ontology_file() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@pytest.fixture(scope="module")
def kb_graph() -> Graph:
    ntriples = ox.serialize(load_kb().triples(), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    return Graph().parse(data=ntriples, format="nt")


def test_file_is_up_to_date(ontology_file: Graph) -> None:
    assert isomorphic(ontology_file, build_graph()), (
        "ontology/kabar.ttl differs from what ontology/vocabulary.py builds: run `make ontology`"
    )


def test_every_term_has_label_and_comment_in_english_and_indonesian(ontology_file: Graph) -> None:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    terms = {s for kind in kinds for s in ontology_file.subjects(RDF.type, kind) if s.startswith(str(KABAR))}
    assert len(terms) == len(VOCABULARY.classes) + len(VOCABULARY.properties)
    missing = [
        f"{term.n3(ontology_file.namespace_manager)} {predicate.n3(ontology_file.namespace_manager)}@{lang}"
        for term in sorted(terms)
        for predicate in (RDFS.label, RDFS.comment)
        for lang in ("en", "id")
        if not any(o.language == lang for o in ontology_file.objects(term, predicate))
    ]
    assert not missing, f"missing in ontology/kabar.ttl: {missing}"


@pytest.mark.parametrize(
    "axiom",
    [
        "kabar:Article rdfs:subClassOf schema:NewsArticle",
        "kabar:Meeting rdfs:subClassOf kabar:Event",
        "kabar:Negotiation rdfs:subClassOf kabar:Event",
        "kabar:Event rdfs:subClassOf sem:Event",
        "kabar:Person rdfs:subClassOf schema:Person",
        "kabar:participant rdfs:subPropertyOf sem:hasActor",
        "kabar:partOf rdfs:subPropertyOf sem:subEventOf",
        "kabar:extractedFrom rdfs:subPropertyOf prov:wasDerivedFrom",
    ],
)
def test_alignment_axiom_is_stated(ontology_file: Graph, axiom: str) -> None:
    assert ontology_file.query(f"ASK {{ {axiom} }}", initNs=PREFIXES).askAnswer, f"{axiom} not in kabar.ttl"


def _meeting_in_muscat() -> Graph:
    """One article's facts: a meeting of two people in Muscat within Iran-US talks."""
    g = Graph()
    article = URIRef(article_iri("https://example.org/iran-as-oman", ""))
    iran, us, muscat = (URIRef(entity_iri(t, n, q)) for t, n, q in
                        (("Country", "Iran", "Q794"), ("Country", "United States", "Q30"),
                         ("Place", "Muscat", "Q3826")))
    mcgurk, bagheri = (URIRef(entity_iri("Person", n, None)) for n in ("Brett McGurk", "Ali Bagheri Kani"))
    post = URIRef(position_iri(str(bagheri), "wakil menteri luar negeri", str(iran)))
    talks, meeting = (URIRef(event_iri(str(article), t, i)) for t, i in (("Negotiation", 1), ("Meeting", 2)))
    facts = [
        (article, RDF.type, K.Article),
        (article, SCHEMA.headline, Literal("Pembicaraan Rahasia Iran-AS", lang="id")),
        (article, SCHEMA.datePublished, Literal("2024-05-22", datatype=namespaces.XSD.date)),
        (article, SCHEMA.mentions, iran),
        (iran, RDF.type, K.Country), (iran, OWL.sameAs, WD.Q794),
        (us, RDF.type, K.Country), (us, OWL.sameAs, WD.Q30),
        (muscat, RDF.type, K.Place), (muscat, OWL.sameAs, WD.Q3826),
        (mcgurk, RDF.type, K.Person), (bagheri, RDF.type, K.Person),
        (bagheri, K.holdsPosition, post), (post, RDF.type, K.Position), (post, K.positionIn, iran),
        (talks, RDF.type, K.Negotiation), (talks, K.party, iran), (talks, K.party, us),
        (talks, K.extractedFrom, article),
        (meeting, RDF.type, K.Meeting),
        (meeting, K.participant, mcgurk), (meeting, K.participant, bagheri),
        (meeting, K.location, muscat), (meeting, K.partOf, talks),
        (meeting, K.date, Literal("2024-05", datatype=namespaces.XSD.gYearMonth)),
        (meeting, K.dateText, Literal("awal bulan ini")),
        (meeting, K.trigger, Literal("bertemu dengan")),
        (meeting, K.evidence, Literal("Brett McGurk ... bertemu dengan Ali Bagheri ...")),
        (meeting, K.extractedFrom, article),
    ]
    for fact in facts:
        g.add(fact)
    return g


def test_ontology_kb_and_article_facts_are_consistent(ontology_file: Graph, kb_graph: Graph) -> None:
    assert (WD.Q794, RDFS.label, Literal("Iran", lang="en")) in kb_graph
    check_consistency(ontology_file + kb_graph + _meeting_in_muscat())


PERSON = URIRef(entity_iri("Person", "Ali Bagheri Kani", None))
COUNTRY = URIRef(entity_iri("Country", "Iran", "Q794"))
MEETING = URIRef(event_iri(str(ID["article/0"]), "Meeting", 0))


@pytest.mark.parametrize(
    "facts",
    [
        [(PERSON, RDF.type, K.Person), (PERSON, RDF.type, K.Place)],
        [(PERSON, RDF.type, K.Person), (MEETING, K.location, PERSON)],
        [(PERSON, RDF.type, K.Person), (PERSON, OWL.sameAs, WD.Q794),
         (COUNTRY, RDF.type, K.Country), (COUNTRY, OWL.sameAs, WD.Q794)],
    ],
    ids=["typed-person-and-place", "person-as-location", "person-and-country-same-wikidata-item"],
)
def test_disjoint_classes_are_caught(ontology_file: Graph, facts: list[tuple[URIRef, URIRef, URIRef]]) -> None:
    data = Graph()
    for fact in facts:
        data.add(fact)
    with pytest.raises(InconsistentOntologyError, match="inconsistent"):
        check_consistency(ontology_file + data)


def test_impossible_date_is_rejected(ontology_file: Graph) -> None:
    data = Graph()
    data.add((MEETING, K.date, Literal("2024-02-30", datatype=namespaces.XSD.date)))
    with pytest.raises(InconsistentOntologyError, match="2024-02-30"):
        check_consistency(ontology_file + data)


def test_missing_java_says_how_to_install_it(ontology_file: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(owlready2, "JAVA_EXE", "/nonexistent/java")
    with pytest.raises(ReasonerUnavailable, match="apt-get install default-jre-headless"):
        check_consistency(ontology_file)
