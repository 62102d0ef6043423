"""The timeline: meetings and negotiations by month, newest first, optionally those of one country or person.

Read from the events graph (one node per event, however many articles report it) and the entities graph (names),
one page of events at a time; the participant a user picks is a bound value, never SPARQL text.
"""

from __future__ import annotations

from datetime import date
from itertools import groupby

import pyoxigraph as ox
from flask import Blueprint, render_template, request
from werkzeug.exceptions import BadRequest

from ontology.namespaces import EVENTS_GRAPH
from server.negotiation import vary_on_accept
from server.page_data import local, numbered, page_number, rows, short

bp = Blueprint("timeline", __name__)
bp.after_request(vary_on_accept)

PAGE = 100
"""Events a page shows."""
CHOICES = 100
"""Countries and persons offered as filters: those in the most events."""
KINDS = "VALUES ?type { kabar:Meeting kabar:Negotiation }"
"""What the timeline, the participation graph and the map show (`?e a ?type`)."""
ONE_SIDE = "?e kabar:participant ?with ."
"""Keeps the events the chosen participant (`?with`) took part in."""
# values bound by `substitutions` are projected where a subquery needs them (?events, ?with)
_EVENTS = """SELECT ?events ?with ?e ?type ?status ?date ?place ?placeName ?who ?name WHERE {
  { SELECT ?events ?with ?e ?type ?status ?date WHERE { GRAPH ?events {
      _KINDS ?e a ?type ; kabar:status ?status OPTIONAL { ?e kabar:date ?date } _ONE_SIDE } }
    ORDER BY DESC(STR(?date)) ?e LIMIT ?limit OFFSET ?offset }
  OPTIONAL { GRAPH ?events { ?e kabar:location ?place } OPTIONAL { GRAPH ?h { ?place schema:name ?placeName } } }
  OPTIONAL { GRAPH ?events { ?e kabar:participant ?who } OPTIONAL { GRAPH ?k { ?who schema:name ?name } } } }
ORDER BY DESC(STR(?date)) ?e ?name"""
_SIDES = """SELECT ?events ?who ?name ?kind (COUNT(DISTINCT ?e) AS ?n) WHERE {
  GRAPH ?events { _KINDS ?e a ?type ; kabar:participant ?who }
  GRAPH ?k { ?who schema:name ?name ; a ?kind VALUES ?kind { kabar:Country kabar:Person } } }
GROUP BY ?events ?who ?name ?kind ORDER BY DESC(?n) ?name LIMIT ?choices"""


@bp.get("/timeline")
def timeline() -> str:
    """Meetings and negotiations grouped by month; `with=IRI` keeps those the country or person took part in."""
    page, chosen = page_number(), request.args.get("with") or None
    bound = events_bound(chosen)
    query = _EVENTS.replace("_KINDS", KINDS).replace("_ONE_SIDE", ONE_SIDE if chosen else "")
    found = rows(numbered(query, limit=PAGE + 1, offset=page * PAGE), bound)
    events = _events(found)
    choices = participant_choices()
    months = [(label, list(group)) for label, group in groupby(events[:PAGE], key=lambda e: _month(e["date"]))]
    return render_template("timeline.html", months=months, choices=choices, chosen=chosen, page=page,
                           more=len(events) > PAGE)


def events_bound(chosen: str | None) -> dict[str, ox.NamedNode | ox.Literal]:
    """The events graph as `?events`, and the participant `with=` chose (if any) as `?with`; 400 for a `with=`
    that is not an IRI."""
    bound: dict[str, ox.NamedNode | ox.Literal] = {"events": ox.NamedNode(str(EVENTS_GRAPH))}
    if chosen is not None:
        try:
            bound["with"] = ox.NamedNode(chosen)
        except ValueError:
            raise BadRequest(f"with={chosen!r}: name a country or person by its IRI") from None
    return bound


def participant_choices() -> dict[str, list[dict[str, str]]]:
    """Countries and persons in the most meetings and negotiations, with their counts: what a page may filter by."""
    events = ox.NamedNode(str(EVENTS_GRAPH))
    sides = rows(numbered(_SIDES.replace("_KINDS", KINDS), choices=CHOICES), {"events": events})
    return {kind: [{"iri": r["who"], "name": r["name"], "count": r["n"]} for r in sides if short(r["kind"]) == kind]
            for kind in ("Country", "Person")}


def _events(found: list[dict[str, str]]) -> list[dict]:
    """One entry per event, in the rows' order, its participants gathered."""
    events: dict[str, dict] = {}
    for r in found:
        event = events.setdefault(r["e"], {
            "href": local(r["e"]), "type": short(r["type"]), "status": short(r["status"]), "date": r.get("date"),
            "place": {"href": local(r["place"]), "name": r.get("placeName", r["place"])} if "place" in r else None,
            "sides": []})
        if "who" in r and all(s["href"] != local(r["who"]) for s in event["sides"]):
            event["sides"].append({"href": local(r["who"]), "name": r.get("name", r["who"])})
    return list(events.values())


def _month(value: str | None) -> str:
    """'2024-05-20' and '2024-05' -> 'May 2024'; '2024' -> '2024'; None -> 'date not stated'."""
    if not value:
        return "date not stated"
    if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
        return f"{date(2000, int(value[5:7]), 1):%B} {value[:4]}"
    return value[:4]
