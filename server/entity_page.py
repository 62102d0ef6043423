"""An entity's page for people: its names in every language, type, Wikidata link and how sure the link is, the
posts it holds, the events it took part in as a timeline, who it appears with most, and every mention in context
(the sentence, the mention marked, the article and its date), the first `MENTIONS`.

Read from the entities graph (description), the events graph (its events) and the article graphs (mentions,
sentences, headlines), by queries with the entity bound; a link to the query editor asks for its events.
"""

from __future__ import annotations

from urllib.parse import quote

import pyoxigraph as ox
from flask import render_template
from markupsafe import Markup, escape

from ontology.namespaces import ENTITIES_GRAPH, EVENTS_GRAPH, ID
from server.page_data import local, rows, rows_side_by_side, short

_POST_IRIS = str(ID["position/"])
MENTIONS = 50
"""Mentions a page quotes: a country is mentioned thousands of times."""
COMPANY = 15

_ABOUT = """SELECT ?entities ?e ?type ?name ?item WHERE { GRAPH ?entities { ?e a ?type ; schema:name ?name
  OPTIONAL { ?e owl:sameAs ?item } } FILTER(STRSTARTS(STR(?type), STR(kabar:))) } LIMIT 1"""
_NAMES = "SELECT ?entities ?e ?label WHERE { GRAPH ?entities { ?e skos:altLabel ?label } } ORDER BY ?label"
_POSTS = """SELECT ?entities ?e ?title ?in ?inName WHERE { GRAPH ?entities { ?e kabar:holdsPosition ?post .
  ?post rdfs:label ?title }
  OPTIONAL { GRAPH ?entities { ?post kabar:positionIn ?in } OPTIONAL { GRAPH ?g { ?in schema:name ?inName } } } }
ORDER BY ?title"""
_LINK = """SELECT ?e (MIN(?c) AS ?lowest) (MAX(?c) AS ?highest) (SAMPLE(?how) AS ?method) WHERE {
  GRAPH ?g { ?m kabar:mentionOf ?e ; kabar:linkConfidence ?c OPTIONAL { ?m kabar:linkMethod ?how } } } GROUP BY ?e"""
_EVENTS = """SELECT ?events ?e ?event ?type ?date ?status ?placeName WHERE { GRAPH ?events {
  ?event kabar:participant ?e ; a ?type ; kabar:status ?status FILTER(?type != kabar:Event)
  OPTIONAL { ?event kabar:date ?date } }
  OPTIONAL { GRAPH ?events { ?event kabar:location ?place } OPTIONAL { GRAPH ?h { ?place schema:name ?placeName } } } }
ORDER BY DESC(?date) ?event"""
_COMPANY = """SELECT ?e ?entities ?other ?name ?articles WHERE {
  { SELECT ?e ?other (COUNT(DISTINCT ?a) AS ?articles) WHERE {
      GRAPH ?a { ?a schema:mentions ?e , ?other FILTER(?other != ?e) } }
    GROUP BY ?e ?other ORDER BY DESC(?articles) LIMIT 15 }
  GRAPH ?entities { ?other schema:name ?name } } ORDER BY DESC(?articles) ?name"""
_CONTEXT = """SELECT ?e ?article ?headline ?published ?start ?end ?sentence ?from WHERE {{
  {{ SELECT DISTINCT ?e ?article ?published WHERE {{ GRAPH ?article {{ {mentioning}
      OPTIONAL {{ ?article schema:datePublished ?published }} }} }} ORDER BY DESC(?published) ?article LIMIT 51 }}
  GRAPH ?article {{ ?m kabar:mentionOf ?e ; kabar:startOffset ?start ; kabar:endOffset ?end ;
      kabar:inSentence ?s ; kabar:extractedFrom ?article .
    ?s kabar:anchorText ?sentence ; kabar:startOffset ?from .
    ?article schema:headline ?headline }} }}
ORDER BY DESC(?published) ?article ?start LIMIT 51"""
"""The first mentions, newest article first, read from the 51 newest articles that mention the entity: the
first 51 mentions are in them, and a country's thousands of mentions are not joined and sorted (150 -> 22 ms on
2,000 articles). An article lists the entities it mentions (`schema:mentions`), not the posts."""
_MENTIONING = {True: "?m kabar:mentionOf ?e", False: "?article schema:mentions ?e"}  # is the page a post's?
_EVENTS_QUERY = """SELECT ?event ?type ?date ?place WHERE {{
  ?event kabar:participant <{iri}> ; a ?type ; kabar:status kabar:Held .
  OPTIONAL {{ ?event kabar:date ?date }} OPTIONAL {{ ?event kabar:location/schema:name ?place }}
}} ORDER BY ?date"""


def entity_page(node: ox.NamedNode) -> str | None:
    """The page of the entity `node`, or None if the entities graph does not describe it."""
    bound = {"e": node, "entities": ox.NamedNode(str(ENTITIES_GRAPH))}
    about = rows(_ABOUT, bound)
    if not about:
        return None
    entity = about[0]
    link, company, mentions = rows_side_by_side(  # each reads every mention of a country: the page's cost
        (_LINK, {"e": node}), (_COMPANY, bound),
        (_CONTEXT.format(mentioning=_MENTIONING[node.value.startswith(_POST_IRIS)]), {"e": node}))
    return render_template(
        "entity.html", iri=node.value, name=entity["name"], type=short(entity["type"]), item=entity.get("item"),
        names=list(dict.fromkeys(r["label"] for r in rows(_NAMES, bound))),
        link=link[0] if link and "lowest" in link[0] else None,
        posts=[{"title": r["title"], "in": local(r["in"]) if "in" in r else None, "inName": r.get("inName")}
               for r in rows(_POSTS, bound)],
        events=[{"href": local(r["event"]), "type": short(r["type"]), "date": r.get("date"),
                 "status": short(r["status"]), "place": r.get("placeName")}
                for r in rows(_EVENTS, {"e": node, "events": ox.NamedNode(str(EVENTS_GRAPH))})],
        company=[{"href": local(r["other"]), "name": r["name"], "articles": r["articles"]} for r in company],
        mentions=[{"href": local(r["article"]), "headline": r["headline"], "published": r.get("published"),
                   "sentence": _quoted(r["sentence"], int(r["start"]) - int(r["from"]), int(r["end"]) - int(r["from"]))}
                  for r in mentions[:MENTIONS]],
        more=len(mentions) > MENTIONS, query="/query?query=" + quote(_EVENTS_QUERY.format(iri=node.value)))


def _quoted(sentence: str, start: int, end: int) -> Markup:
    """The sentence, escaped, with the mention (its offsets within the sentence) marked."""
    if not 0 <= start < end <= len(sentence):
        return escape(sentence)
    return Markup("{}<mark>{}</mark>{}").format(sentence[:start], sentence[start:end], sentence[end:])
