"""The ontology's page (issue 19, item 4): every term documented in English and Indonesian with its shape and a
seed example, kept up to date by `make ontology`, served at /ontology to browsers, RDF to programs."""

from __future__ import annotations

import re

import pytest
from conftest import fetch
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kabar.ontology_page import page
from ontology import ONTOLOGY_FILE, ONTOLOGY_IRI, ONTOLOGY_PAGE, OWL, VOCABULARY
from ontology.build import VERSION


@pytest.fixture(scope="module")
def html() -> str:
    return ONTOLOGY_PAGE.read_text(encoding="utf-8")


def test_the_page_is_up_to_date(html: str) -> None:
    assert page() == html, "ontology/kabar.html differs from what the vocabulary gives: run `make ontology`"


def test_every_term_has_a_section_with_both_languages(html: str) -> None:
    sections = dict(re.findall(r'<section id="(\w+)">(.*?)</section>', html, re.S))
    for term in (*VOCABULARY.classes, *VOCABULARY.properties, *VOCABULARY.individuals):
        text = sections[term.name]
        for words in (term.label.en, term.label.id, term.comment.en, term.comment.id):
            assert words.replace("'", "&#39;") in text, (term.name, words)


def test_a_class_section_shows_its_shape_and_an_example_from_the_seed(html: str) -> None:
    meeting = re.search(r'<section id="Negotiation">(.*?)</section>', html, re.S).group(1)  # type: ignore[union-attr]
    assert "<code>kabar:participant</code></td><td>2 or more</td><td>a kabar:Agent</td>" in meeting
    assert "one of kabar:Held, kabar:Planned, kabar:Cancelled, kabar:Refused" in meeting
    assert "kid:event/" in meeting or "/event/" in meeting  # the seed's talks in Oman


def test_the_ontology_has_a_version_iri_and_a_changelog(html: str) -> None:
    graph = Graph().parse(ONTOLOGY_FILE, format="turtle")
    assert (URIRef(ONTOLOGY_IRI), OWL.versionIRI, URIRef(f"{ONTOLOGY_IRI}/{VERSION}")) in graph
    assert f"## {VERSION}" in html  # the changelog, on the page


def test_a_browser_gets_the_page_and_a_program_the_ontology_it_documents(site: str, html: str) -> None:
    shown = fetch(f"{site}/ontology", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert (shown.status, shown.media_type, shown.text) == (200, "text/html", html)
    committed = Graph().parse(ONTOLOGY_FILE, format="turtle")
    for accept, syntax in (("text/turtle", "turtle"), ("application/rdf+xml", "xml"),
                           ("application/ld+json", "json-ld")):
        reply = fetch(f"{site}/ontology", headers={"Accept": accept})
        assert reply.status == 200 and reply.media_type == accept
        assert isomorphic(Graph().parse(data=reply.text, format=syntax), committed), accept
