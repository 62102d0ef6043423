"""The map of where meetings and negotiations took place (issue 13, item 3), and the coordinates it stands on:
the KB's P625 of each place and country, stated in the entities graph; served by a real server on the seed store."""

from __future__ import annotations

import re
import urllib.parse
import xml.etree.ElementTree as ET

import pytest
from conftest import assert_plain_error, fetch

from loaders.kb.build.index import KBIndex
from loaders.kb.build.records import Place
from server.basemap import BASEMAP, HEIGHT, WIDTH, project
from store import KabarStore
from store.kabar_store import KABAR_PREFIXES

MUSCAT, OMAN = "Q3826", "Q842"
IRAN = "https://w3id.org/kabar/id/entity/Q794"
NOT_IN_IT = "https://w3id.org/kabar/id/entity/Q668"  # India: in no event of the seed
SVG = "{http://www.w3.org/2000/svg}"


def kb_point(qid: str) -> tuple[float, float]:
    place = KBIndex.open().record("place", qid)
    assert isinstance(place, Place) and place.lat is not None and place.lon is not None
    return place.lat, place.lon


def test_places_and_countries_carry_the_kbs_coordinates(seed_store: KabarStore) -> None:
    rows = seed_store.query("""SELECT ?q ?lat ?lon WHERE { GRAPH <https://w3id.org/kabar/graph/entities> {
        ?p owl:sameAs ?q ; schema:latitude ?lat ; schema:longitude ?lon } }""", prefixes=KABAR_PREFIXES)
    found = {r["q"].value.rsplit("/", 1)[-1]: (float(r["lat"].value), float(r["lon"].value)) for r in rows}
    for qid in (MUSCAT, OMAN, "Q794", "Q30"):
        assert found[qid] == pytest.approx(kb_point(qid), abs=1e-6)
    assert not [q for q in found if q in ("Q5", "Q7200")]  # only places and countries have coordinates


def test_the_map_puts_the_seeds_talks_at_muscat(site: str) -> None:
    reply = fetch(f"{site}/map")
    assert reply.status == 200 and reply.headers["Content-Type"] == "text/html; charset=utf-8"
    page = reply.text
    x, y = project(*kb_point(MUSCAT))
    dot = re.search(rf'<a href="/id/entity/{MUSCAT}"[^>]*><circle class="dot" cx="([\d.]+)" cy="([\d.]+)"', page)
    assert dot and float(dot[1]) == pytest.approx(x, abs=1e-3) and float(dot[2]) == pytest.approx(y, abs=1e-3)
    assert f'<tr><td><a href="/id/entity/{MUSCAT}">Muscat</a></td><td>1</td>' in page
    box = [float(v) for v in re.search(r'<svg viewBox="([^"]+)"', page)[1].split()]
    assert box[0] <= x <= box[0] + box[2] and box[1] <= y <= box[1] + box[3] and box[2] < WIDTH / 4  # fits Muscat
    assert '<image href="/static/map/countries-110m.svg"' in page  # served here, not from a tile server
    assert not re.search(r'(?:href|src)="(?:https?:)?//', page)


def test_the_filter_keeps_one_participants_places(site: str) -> None:
    chosen = fetch(f"{site}/map?{urllib.parse.urlencode({'with': IRAN})}").text
    assert f'<option value="{IRAN}" selected>' in chosen and f'href="/id/entity/{MUSCAT}"' in chosen
    other = fetch(f"{site}/map?{urllib.parse.urlencode({'with': NOT_IN_IT})}").text
    assert "<circle" not in other and "No meeting or negotiation with a stated place for this participant" in other
    assert_plain_error(fetch(f"{site}/map?with=not%20an%20iri"), 400, "with='not an iri'")


def test_the_base_map_is_served_and_draws_every_country_without_lines_across_the_world(site: str) -> None:
    reply = fetch(f"{site}/static/map/countries-110m.svg")
    assert reply.status == 200 and reply.media_type == "image/svg+xml"
    assert reply.body == BASEMAP.read_bytes()
    root = ET.fromstring(reply.body)
    assert root.get("viewBox") == f"0 0 {WIDTH:g} {HEIGHT:g}"
    names = {p.findtext(f"{SVG}title") for p in root.iter(f"{SVG}path")}
    assert {"Indonesia", "Iran", "Oman", "Fiji", "Russia", "United States of America"} <= names and len(names) > 170
    for path in root.iter(f"{SVG}path"):  # a step across the antimeridian would draw a line over the map
        steps = [step for ring in re.findall(r"l([^z]*)z", path.get("d")) for step in ring.split()[::2]]
        assert steps and all(abs(float(dx)) < 30 for dx in steps), path.findtext(f"{SVG}title")
