"""Every IRI kabar mints resolves on the running server (issue 13, item 2): a page for a browser, RDF for a
program, 404 for what the store does not know; served by a real server over the seed as `make run` loads it."""

from __future__ import annotations

import re

import pyoxigraph as ox
from conftest import fetch

from ontology import ID, K
from store import KabarStore


def local(iri: str) -> str:
    return iri.removeprefix("https://w3id.org/kabar")


def test_an_entity_as_turtle_says_what_the_graph_says_of_it(site: str) -> None:
    reply = fetch(f"{site}/id/entity/Q794", headers={"Accept": "text/turtle"})
    assert reply.status == 200 and reply.media_type == "text/turtle"
    graph = list(ox.parse(reply.body, format=ox.RdfFormat.TURTLE))
    iran = ox.NamedNode(str(ID["entity/Q794"]))
    said = {(t.predicate.value, t.object.value) for t in graph if t.subject == iran}
    assert ("https://schema.org/name", "Iran") in said
    assert ("http://www.w3.org/2002/07/owl#sameAs", "http://www.wikidata.org/entity/Q794") in said
    assert any(t.object == iran and t.predicate.value == str(K.mentionOf) for t in graph)  # its mentions


def test_a_browser_gets_a_page_whose_links_resolve_here(site: str) -> None:
    reply = fetch(f"{site}/id/entity/Q794", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert reply.status == 200 and reply.media_type == "text/html"
    assert "<h1>Iran</h1>" in reply.text
    assert 'href="http://www.wikidata.org/entity/Q794"' in reply.text  # the Wikidata item, on Wikidata
    mention = re.search(r'href="(/id/article/[0-9a-f]+)"', reply.text)  # a mention, in its article
    assert mention is not None, reply.text
    page = fetch(site + mention.group(1), headers={"Accept": "text/html"})  # the article's page, Iran marked in it
    assert page.status == 200 and '<a class="mention Country" href="/id/entity/Q794"' in page.text


def test_every_kind_of_iri_resolves(site: str, seed_store: KabarStore) -> None:
    kinds = {"article", "entity", "event", "person", "position"}
    seen: dict[str, str] = {}
    for quad in seed_store.quads():
        for term in (quad.subject, quad.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(str(ID)) and "#" not in term.value:
                kind = term.value[len(str(ID)):].split("/")[0]
                seen.setdefault(kind, term.value)
    assert kinds <= set(seen), seen
    for iri in seen.values():
        reply = fetch(site + local(iri), headers={"Accept": "application/n-triples"})
        assert reply.status == 200 and iri in reply.text, iri


def test_the_ontology_and_an_unknown_iri(site: str) -> None:
    reply = fetch(f"{site}/ontology", headers={"Accept": "text/turtle"})
    assert reply.status == 200 and "https://w3id.org/kabar/ontology#Meeting" in reply.text
    assert fetch(f"{site}/ontology?format=ntriples").media_type == "application/n-triples"
    missing = fetch(f"{site}/id/entity/Q0", headers={"Accept": "text/turtle"})
    assert missing.status == 404 and "The store says nothing of https://w3id.org/kabar/id/entity/Q0" in missing.text
