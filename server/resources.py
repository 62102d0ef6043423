"""Linked Data: every IRI kabar mints resolves on the running server, a page for people and RDF for programs.

`/id/...` serves `https://w3id.org/kabar/id/...`, or the `id/` of the space `KABAR_BASE_IRI` names (entities,
articles, events, mentions, posts), and
`/ontology` the vocabulary (its classes and properties are `/ontology#Name`). A resource is what the
store says of it in every graph, and what points to it (the first `MAX_INCOMING`): the articles that
mention an entity, the events it took part in. Content negotiation is that of `/sparql`'s CONSTRUCT
(Turtle, N-Triples, JSON-LD, RDF/XML, or `format=`); a browser gets HTML, where a kabar IRI links to its
page on this server and a Wikidata item to Wikidata.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request
from werkzeug.exceptions import NotFound

from ontology import ONTOLOGY_PAGE
from ontology.namespaces import BASE, ID, ONTOLOGY_GRAPH, PREFIXES, RDFS, SCHEMA
from server.article_page import article_page
from server.description import rdf_response
from server.entity_page import entity_page
from server.event_page import event_page
from server.extension import kabar_store
from server.formats import GRAPH_FORMATS
from server.negotiation import best_match, vary_on_accept
from server.page_data import local

bp = Blueprint("resources", __name__)
bp.after_request(vary_on_accept)

MAX_INCOMING = 200
"""Triples pointing to a resource that a page shows: a country is mentioned by thousands of articles."""
_TITLES = (str(SCHEMA.name), str(RDFS.label), str(SCHEMA.headline))
_LONG = 600  # characters of a literal a page shows (an article's text is whole in the RDF)


@bp.get("/id/<path:rest>")
def resource(rest: str) -> Response | str:
    node = ox.NamedNode(str(ID) + rest)
    pages = {"article/": article_page, "event/": event_page, "entity/": entity_page, "person/": entity_page,
             "organization/": entity_page, "place/": entity_page, "country/": entity_page}
    shown = next((page for prefix, page in pages.items() if rest.startswith(prefix)), None)
    if shown is not None and "#" not in rest and _wants_html() and (page := shown(node)) is not None:
        return page
    return _describe(node)


@bp.get("/ontology")
def ontology() -> Response | str:
    """The vocabulary: its documentation page (`ontology/kabar.html`) for a browser, else the ontology graph as
    the store holds it (`ontology/kabar.ttl`) in the RDF format asked for."""
    if _wants_html():
        return Response(ONTOLOGY_PAGE.read_text(encoding="utf-8"), mimetype="text/html")
    triples = [q.triple for q in kabar_store.store.quads(ONTOLOGY_GRAPH)]
    return _answer(ox.NamedNode(BASE + "ontology"), triples, [])


def _describe(node: ox.NamedNode) -> Response | str:
    store = kabar_store.store
    about = list(dict.fromkeys(q.triple for q in store.quads(subject=node)))
    pointing = list(islice(_distinct(q.triple for q in store.quads(obj=node)), MAX_INCOMING))
    if not about and not pointing:
        raise NotFound(f"The store says nothing of {node.value}.")
    return _answer(node, about, pointing)


def _distinct(triples: Iterator[ox.Triple]) -> Iterator[ox.Triple]:
    """Each triple once (one per graph that states it), read lazily: a country has thousands pointing to it."""
    seen: set[ox.Triple] = set()
    for triple in triples:
        if triple not in seen:
            seen.add(triple)
            yield triple


def _answer(node: ox.NamedNode, about: list[ox.Triple], pointing: list[ox.Triple]) -> Response | str:
    if not _wants_html():
        return rdf_response([(t.subject, t.predicate.value, t.object) for t in about + pointing],
                            f"the description of {node.value}")
    title = next((t.object.value for p in _TITLES for t in about if t.predicate.value == p), node.value)
    return render_template("resource.html", iri=node.value, title=title,
                           about=[(_shown(t.predicate), _shown(t.object)) for t in about],
                           pointing=[(_shown(t.subject), _shown(t.predicate)) for t in pointing],
                           formats=GRAPH_FORMATS, truncated=len(pointing) == MAX_INCOMING)


def _wants_html() -> bool:
    rdf_types = [f.media_type for f in GRAPH_FORMATS]
    return not request.args.getlist("format") and \
        best_match(request.headers.get("Accept"), ["text/html", *rdf_types]) == "text/html"


def _shown(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> dict[str, str | None]:
    """How a page shows a term: its text (a prefixed name where one fits) and where it links."""
    if isinstance(term, ox.NamedNode):
        short = next((f"{p}:{term.value[len(str(ns)):]}" for p, ns in PREFIXES.items()
                      if term.value.startswith(str(ns)) and "/" not in term.value[len(str(ns)):]), term.value)
        return {"text": short, "href": local(term.value)}
    if isinstance(term, ox.Literal):
        text = term.value if len(term.value) <= _LONG else term.value[:_LONG] + " …"
        return {"text": text + (f" @{term.language}" if term.language else ""), "href": None}
    return {"text": str(term), "href": None}
