"""The participation graph: who met or negotiated with whom, around one country or person (`/graph?with=IRI`).

Nodes are the chosen participant and everyone who took part in a meeting or negotiation with it; an edge joins
two of them for the events they shared, thicker for more. Read from the events graph and the entities graph;
drawn in the browser by vis-network (vendored in `static/vis-network/`), with the same pairs as a table for
readers without script. The participant is a bound value, never SPARQL text.
"""

from __future__ import annotations

from flask import Blueprint, render_template, request

from server.negotiation import vary_on_accept
from server.page_data import local, numbered, rows
from server.timeline import KINDS, events_bound, participant_choices

bp = Blueprint("graph_view", __name__)
bp.after_request(vary_on_accept)

PAIRS = 300
"""Edges drawn at most, those of the most shared events first."""
# values bound by `substitutions` must be projected (?events, ?with)
_PAIRS = """SELECT ?events ?with ?a ?b (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?events {
  _KINDS ?e a ?type ; kabar:participant ?with, ?a, ?b
  FILTER(STR(?a) < STR(?b)) } }
GROUP BY ?events ?with ?a ?b ORDER BY DESC(?n) ?a ?b LIMIT ?pairs"""
_NAMES = """SELECT DISTINCT ?events ?with ?x ?name ?kind WHERE {
  GRAPH ?events { ?e kabar:participant ?with, ?x }
  GRAPH ?k { ?x schema:name ?name ; a ?kind FILTER(STRSTARTS(STR(?kind), STR(kabar:))) } }"""


@bp.get("/graph")
def graph() -> str:
    """The graph around `with` (default: the participant in the most meetings and negotiations)."""
    choices = participant_choices()
    chosen = request.args.get("with") or next((c["iri"] for kind in choices.values() for c in kind), None)
    nodes: list[dict[str, str]] = []
    edges: list[dict[str, object]] = []
    if chosen is not None:
        bound = events_bound(chosen)
        names = {r["x"]: (r["name"], r["kind"].rsplit("#", 1)[-1]) for r in rows(_NAMES, bound)}
        edges = [{"from": r["a"], "to": r["b"], "value": int(r["n"])}
                 for r in rows(numbered(_PAIRS.replace("_KINDS", KINDS), pairs=PAIRS), bound)]
        shown = {chosen} | {e["from"] for e in edges} | {e["to"] for e in edges}
        nodes = [{"id": iri, "label": names.get(iri, (iri, ""))[0], "group": names.get(iri, ("", "Other"))[1],
                  "href": local(iri)} for iri in sorted(shown, key=lambda i: names.get(i, (i, ""))[0])]
    label = {n["id"]: n["label"] for n in nodes}
    pairs = [{"a": label.get(str(e["from"])), "b": label.get(str(e["to"])), "n": e["value"]} for e in edges]
    return render_template("graph.html", nodes=nodes, edges=edges, pairs=pairs, choices=choices, chosen=chosen)
