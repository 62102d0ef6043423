"""An event's page for people: what it is (type, CAMEO code, status), who took part and in what role, where and
when, what it was part of, and every sentence of every article that reports it, with the trigger words marked.

Read from the events graph (one node per event however many articles report it), the entities graph (names) and
the article graphs (headlines, and the sentences the reports point to).
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from flask import render_template
from markupsafe import Markup, escape

from ontology.namespaces import EVENTS_GRAPH
from server.page_data import local, rows, short

_EVENT = """SELECT ?events ?e ?type ?status ?cameo ?date ?dateText ?place ?placeName ?whole WHERE { GRAPH ?events {
  ?e a ?type ; kabar:status ?status FILTER(?type != kabar:Event)
  OPTIONAL { ?e kabar:cameoCode ?cameo } OPTIONAL { ?e kabar:date ?date } OPTIONAL { ?e kabar:dateText ?dateText }
  OPTIONAL { ?e kabar:partOf ?whole } }
  OPTIONAL { GRAPH ?events { ?e kabar:location ?place } OPTIONAL { GRAPH ?h { ?place schema:name ?placeName } } } }
LIMIT 1"""
_SIDES = """SELECT ?events ?e ?who ?name (GROUP_CONCAT(DISTINCT ?role; separator=", ") AS ?roles) WHERE {
  GRAPH ?events { ?e kabar:participant ?who OPTIONAL { ?e ?r ?who FILTER(?r != kabar:participant)
    BIND(STRAFTER(STR(?r), "#") AS ?role) } }
  OPTIONAL { GRAPH ?g { ?who schema:name ?name } } }
GROUP BY ?events ?e ?who ?name ORDER BY ?name"""
_REPORTS = """SELECT ?events ?e ?sentence ?text ?article ?headline ?published WHERE {
  GRAPH ?events { ?e kabar:inSentence ?sentence }
  GRAPH ?article { ?sentence kabar:anchorText ?text ; kabar:extractedFrom ?article .
    ?article schema:headline ?headline OPTIONAL { ?article schema:datePublished ?published } } }
ORDER BY DESC(?published) ?article ?sentence"""
_TRIGGERS = "SELECT ?events ?e ?word WHERE { GRAPH ?events { ?e kabar:trigger ?word } }"


def event_page(node: ox.NamedNode) -> str | None:
    """The page of the event `node`, or None if the events graph has no such event."""
    bound = {"e": node, "events": ox.NamedNode(str(EVENTS_GRAPH))}
    found = rows(_EVENT, bound)
    if not found:
        return None
    event = found[0]
    words = sorted({r["word"] for r in rows(_TRIGGERS, bound)}, key=len, reverse=True)
    sides = [{"href": local(r["who"]), "name": r.get("name", r["who"]), "roles": r.get("roles", "")}
             for r in rows(_SIDES, bound)]
    reports = [{"href": local(r["article"]), "headline": r["headline"], "published": r.get("published"),
                "sentence": marked(r["text"], words)} for r in rows(_REPORTS, bound)]
    return render_template("event.html", iri=node.value, type=short(event["type"]), status=short(event["status"]),
                           cameo=event.get("cameo"), date=event.get("date"), date_text=event.get("dateText"),
                           place={"href": local(event["place"]), "name": event.get("placeName", event["place"])}
                           if "place" in event else None,
                           whole=local(event["whole"]) if "whole" in event else None, sides=sides, reports=reports)


def marked(sentence: str, words: list[str]) -> Markup:
    """The sentence, escaped, with the trigger words (whole words, any case) in <mark>."""
    if not words:
        return escape(sentence)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE)
    out, at = [], 0
    for m in pattern.finditer(sentence):
        out += [escape(sentence[at:m.start()]), Markup("<mark>{}</mark>").format(m.group())]
        at = m.end()
    out.append(escape(sentence[at:]))
    return Markup("").join(out)
