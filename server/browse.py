"""Browse and search the graph without writing SPARQL: `/browse` (articles, newest first, and entities by type with
their mention counts, paged) and `/search` (entities whose names or other names, in any language, contain the words
typed; `/search?q=...&format=json` feeds the search box's suggestions).

Every list links to the Linked Data page of what it names (`server.resources`). The queries run on the store
in this process, bounded by `PAGE` rows, with the user's words bound as a value, never spliced into SPARQL text.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, jsonify, render_template, request
from werkzeug.exceptions import BadRequest

from ontology.namespaces import ENTITIES_GRAPH
from server.negotiation import vary_on_accept
from server.page_data import local, numbered, page_number, rows, short
from store.kabar_store import KABAR_PREFIXES

bp = Blueprint("browse", __name__)
bp.after_request(vary_on_accept)

PAGE = 50
"""Rows a list shows at once."""
SUGGESTIONS = 10
TYPES = ("Person", "Organization", "Country", "Place")
_MAX_WORDS = 200  # characters of a search

# the page of articles first, then its publishers' names (stated once, in the entities graph): naming every
# article's publisher before cutting the page took 230 ms at 2,000 articles, the page first 44 ms
_ARTICLES = """SELECT ?a ?headline ?published ?publisher ?entities WHERE {
  { SELECT ?a ?headline ?published ?p WHERE { GRAPH ?g {
      ?a a kabar:Article ; schema:headline ?headline
      OPTIONAL { ?a schema:datePublished ?published } OPTIONAL { ?a schema:publisher ?p } } }
    ORDER BY DESC(?published) ?headline LIMIT 51 OFFSET ?offset }
  OPTIONAL { GRAPH ?entities { ?p schema:name ?publisher } } }
ORDER BY DESC(?published) ?headline"""
# a value bound by `substitutions` must be projected, so ?type, ?entities and ?words are selected
_ENTITIES = """SELECT ?e ?name ?type ?entities (COUNT(?m) AS ?mentions) WHERE {
  GRAPH ?entities { ?e a ?type ; schema:name ?name }
  GRAPH ?g { ?m kabar:mentionOf ?e } }
GROUP BY ?e ?name ?type ?entities ORDER BY DESC(?mentions) ?name LIMIT 51 OFFSET ?offset"""
_SEARCH = """SELECT ?e ?name ?type ?entities ?words (SAMPLE(?label) AS ?matched) WHERE { GRAPH ?entities {
  ?e schema:name ?name ; a ?type . { ?e schema:name ?label } UNION { ?e skos:altLabel ?label }
  FILTER(CONTAINS(LCASE(STR(?label)), ?words)) } }
GROUP BY ?e ?name ?type ?entities ?words ORDER BY STRLEN(?name) ?name LIMIT ?limit"""


@bp.get("/browse")
def browse() -> str:
    kind, page = request.args.get("type"), page_number()
    if kind is not None and kind not in TYPES:
        raise BadRequest(f"type={kind!r}: browse one of {', '.join(TYPES)}, or articles without type=")
    if kind is None:
        found = rows(numbered(_ARTICLES, offset=page * PAGE), {"entities": ox.NamedNode(str(ENTITIES_GRAPH))})
        items = [{"href": local(r["a"]), "text": r["headline"], "note": " · ".join(
            filter(None, (r.get("published"), r.get("publisher"))))} for r in found[:PAGE]]
    else:
        found = rows(numbered(_ENTITIES, offset=page * PAGE), {
            "type": ox.NamedNode(KABAR_PREFIXES["kabar"] + kind), "entities": ox.NamedNode(str(ENTITIES_GRAPH))})
        items = [{"href": local(r["e"]), "text": r["name"], "note": f"{r['mentions']} mention(s)"}
                 for r in found[:PAGE]]
    return render_template("browse.html", kind=kind, types=TYPES, items=items, page=page,
                           more=len(found) > PAGE)


@bp.get("/search")
def search() -> Response | str:
    words = " ".join(request.args.get("q", "").split()).lower()
    if len(words) > _MAX_WORDS:
        raise BadRequest(f"a search is at most {_MAX_WORDS} characters")
    json_wanted = request.args.get("format") == "json"
    found = []
    if words:
        hits = rows(numbered(_SEARCH, limit=SUGGESTIONS if json_wanted else PAGE), {
            "words": ox.Literal(words), "entities": ox.NamedNode(str(ENTITIES_GRAPH))})
        found = [{"href": local(r["e"]), "name": r["name"], "type": short(r["type"]), "matched": r["matched"]}
                 for r in hits]
    if json_wanted:
        return jsonify(found)
    return render_template("search.html", q=words, found=found)
