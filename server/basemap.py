"""The map's projection, and its base map: Natural Earth's country outlines (through world-atlas) as one SVG.

Equirectangular (plate carrée): a degree is one unit either way, so the outlines and the dots the map page
draws over them share one viewBox, and the browser needs no mapping library. `make basemap` runs `main` on
world-atlas's TopoJSON to write that SVG; at run time the page only projects points.
"""

from __future__ import annotations

import json
import sys
from html import escape
from itertools import pairwise
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 360.0, 180.0
"""The map's viewBox: longitude -180..180 and latitude 90..-90, one unit a degree."""

Position = tuple[float, float]


def project(lat: float, lon: float) -> Position:
    """Where a WGS84 point (Wikidata's P625) falls on the map: x east from -180°, y south from 90°."""
    return lon + 180.0, 90.0 - lat


def _arcs(topology: dict[str, Any]) -> list[list[Position]]:
    """TopoJSON's shared arcs as (lon, lat) points: quantized, each position a step from the one before."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(indexes: list[int], arcs: list[list[Position]]) -> list[Position]:
    """A ring from its arcs in order (`~i` is arc i backwards), each joint point once."""
    points: list[Position] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _unwrapped(ring: list[Position]) -> list[Position]:
    """The ring with each longitude within 180° of the one before: a coast that crosses the antimeridian (Russia's
    Chukotka, Fiji) runs on past ±180 instead of drawing a line across the whole map."""
    points = ring[:1]
    for lon, lat in ring[1:]:
        previous = points[-1][0]
        lon += 360.0 * round((previous - lon) / 360.0)
        points.append((lon, lat))
    return points


def _path(rings: list[list[Position]]) -> str:
    """SVG path data: each ring moved to once, then relative steps between points rounded to 0.01°; a ring that
    runs past ±180° is drawn again a world's width over, so that both sides of the map show it."""
    parts = []
    for ring in map(_unwrapped, rings):
        lons = [lon for lon, _ in ring]
        shifts = [0.0] + ([-360.0] if max(lons) > 180 else []) + ([360.0] if min(lons) < -180 else [])
        for shift in shifts:
            projected = (project(lat, lon + shift) for lon, lat in ring)
            points = [(round(x * 100), round(y * 100)) for x, y in projected]
            steps = [(b[0] - a[0], b[1] - a[1]) for a, b in pairwise(points) if a != b]
            if len(steps) < 2:  # an islet smaller than the rounding
                continue
            head = f"M{_number(points[0][0] / 100)} {_number(points[0][1] / 100)}"
            parts.append(head + "l" + " ".join(f"{_number(dx / 100)} {_number(dy / 100)}" for dx, dy in steps) + "z")
    return "".join(parts)


_ANTARCTICA = "010"
"""Left out: its ring circles the pole along the map's bottom edge, and the news kabar reads places no event there."""


def basemap_svg(topology: dict[str, Any], source: str) -> str:
    """The countries of a world-atlas topology as an SVG of one titled path each, in the map's viewBox."""
    arcs = _arcs(topology)
    paths = []
    for country in topology["objects"]["countries"]["geometries"]:
        if country.get("id") == _ANTARCTICA:
            continue
        arcs_of = country.get("arcs", [])
        polygons = {"Polygon": [arcs_of], "MultiPolygon": arcs_of}.get(country["type"], [])
        data = _path([_ring(ring, arcs) for polygon in polygons for ring in polygon])
        if data:
            name = escape(country.get("properties", {}).get("name", ""))
            paths.append(f'<path d="{data}"><title>{name}</title></path>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {HEIGHT:g}">\n'
            f"<!-- {escape(source)} -->\n"
            '<g fill="#e4e4e4" stroke="#9a9a9a" stroke-width="0.08" stroke-linejoin="round">\n'
            + "\n".join(paths) + "\n</g>\n</svg>\n")


BASEMAP = Path(__file__).resolve().parent / "static" / "map" / "countries-110m.svg"
"""The vendored base map the page draws under its dots (`make basemap` rebuilds it)."""


def main(argv: list[str] | None = None) -> int:
    """Arguments TOPOJSON VERSION (`make basemap`): write `BASEMAP` from world-atlas's countries-110m.json."""
    topology_path, version = (sys.argv[1:] if argv is None else argv)[:2]
    topology = json.loads(Path(topology_path).read_text(encoding="utf-8"))
    source = (f"Country outlines: Natural Earth 1:110m Admin 0 countries (public domain), as TopoJSON by "
              f"world-atlas {version} (ISC licence); see NOTICE.md")
    BASEMAP.write_text(basemap_svg(topology, source), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
