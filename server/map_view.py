"""The map: where meetings and negotiations took place, one dot per place, larger for more events.

A place is on the map when its entity carries coordinates (the offline KB's P625, stated as `schema:latitude` and
`schema:longitude`); the others are listed under it, by name. The country outlines are a vendored SVG
(`static/map/`, Natural Earth); the dots are drawn here in the same projection, so the page needs no script
and no tile server. The view fits the dots; `with=IRI` keeps the events of one country or person, a bound value.
"""

from __future__ import annotations

from math import sqrt

from flask import Blueprint, render_template, request

from server.basemap import HEIGHT, WIDTH, project
from server.negotiation import vary_on_accept
from server.page_data import local, numbered, rows
from server.timeline import KINDS, ONE_SIDE, events_bound, participant_choices

bp = Blueprint("map_view", __name__)
bp.after_request(vary_on_accept)

PLACES = 500
"""Places shown at most, those of the most events first."""
LABELLED = 12
"""Places named on the map itself; every place is named in the table and in its dot's tooltip."""
_MARGIN, _MIN_SPAN = 8.0, 60.0  # degrees around the dots, and the narrowest view
# values bound by `substitutions` are projected (?events, ?with)
_PLACES = """SELECT ?events ?with ?place (SAMPLE(?named) AS ?name) (SAMPLE(?lat) AS ?latitude)
  (SAMPLE(?lon) AS ?longitude) (COUNT(DISTINCT ?e) AS ?n) (MAX(STR(?date)) AS ?latest) WHERE {
  GRAPH ?events { _KINDS ?e a ?type ; kabar:location ?place . _ONE_SIDE OPTIONAL { ?e kabar:date ?date } }
  OPTIONAL { GRAPH ?k { ?place schema:latitude ?lat ; schema:longitude ?lon } }
  OPTIONAL { GRAPH ?h { ?place schema:name ?named } } }
GROUP BY ?events ?with ?place ORDER BY DESC(?n) ?name LIMIT ?places"""


@bp.get("/map")
def event_map() -> str:
    """The places of meetings and negotiations (of `with=IRI`'s, when given), on a map and in a table."""
    chosen = request.args.get("with") or None
    query = _PLACES.replace("_KINDS", KINDS).replace("_ONE_SIDE", ONE_SIDE if chosen else "")
    places = [_place(r) for r in rows(numbered(query, places=PLACES), events_bound(chosen))]
    placed = [p for p in places if p["x"] is not None]
    box = _view(placed)
    scale = box[2] / WIDTH  # dots and labels keep their size on screen whatever the view's extent
    for rank, p in enumerate(placed):
        p["r"] = round(scale * (2.0 + 1.4 * sqrt(p["count"])), 3)
        if rank < LABELLED:
            p["label"] = {"x": round(p["x"] + p["r"] + scale * 1.2, 3), "y": round(p["y"] + scale * 1.5, 3)}
    sizes = {"stroke": round(scale * 0.4, 3), "font": round(scale * 4.5, 3), "halo": round(scale * 0.8, 3)}
    return render_template("map.html", placed=placed, unplaced=[p for p in places if p["x"] is None],
                           box=" ".join(f"{v:g}" for v in box), sizes=sizes, width=WIDTH, height=HEIGHT,
                           choices=participant_choices(), chosen=chosen)


def _place(r: dict[str, str]) -> dict:
    x = y = None
    if "latitude" in r and "longitude" in r:
        x, y = (round(v, 3) for v in project(float(r["latitude"]), float(r["longitude"])))
    return {"href": local(r["place"]), "name": r.get("name", r["place"]), "count": int(r["n"]),
            "latest": r.get("latest"), "x": x, "y": y}


def _view(placed: list[dict]) -> tuple[float, float, float, float]:
    """The viewBox (x, y, width, height) around the dots at the map's 2:1, no narrower than `_MIN_SPAN`; the
    inhabited world (84°N to 60°S: the base map leaves Antarctica out) when there are none or they span it."""
    world = (0.0, 6.0, WIDTH, 144.0)
    if not placed:
        return world
    xs, ys = [p["x"] for p in placed], [p["y"] for p in placed]
    width = max(max(xs) - min(xs) + 2 * _MARGIN, (max(ys) - min(ys) + 2 * _MARGIN) * 2, _MIN_SPAN)
    if width >= WIDTH:
        return world
    height = width / 2
    x = min(max((min(xs) + max(xs)) / 2 - width / 2, 0.0), WIDTH - width)
    y = min(max((min(ys) + max(ys)) / 2 - height / 2, 0.0), HEIGHT - height)
    return round(x, 2), round(y, 2), round(width, 2), round(height, 2)
