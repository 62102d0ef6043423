"""The large offline KB as plain records, and its compact on-disk form.

One gzip-compressed JSON Lines file per kind (`persons.jsonl.gz`,
`organizations.jsonl.gz`, `places.jsonl.gz`), one record per line, sorted
by QID number so a rebuild from the same sources is byte-identical. Each
line is a JSON array in a fixed field order (no repeated keys: the files
stay small and `json.loads` on one array is the fastest way Python has to
read them back). `read_kb` turns the files into frozen, slotted dataclasses.
"""

from __future__ import annotations

import gc
import gzip
import json
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

KB_DIR = Path(__file__).resolve().parents[3] / "seeds" / "wikidata" / "kb"
FILES = {"person": "persons.jsonl.gz", "organization": "organizations.jsonl.gz", "place": "places.jsonl.gz"}

Alias = tuple[str, str]  # (name, language: "en", "id", or "mul" when the source does not say)


@dataclass(frozen=True, slots=True)
class Office:
    """A position held (Wikidata P39 with qualifiers): which post, of which country or body, from when to when."""

    position: str | None  # QID of the position item, None when the source names the post only
    label: str  # English name of the position
    of: str | None  # QID of the country or body the position belongs to
    start: str | None  # ISO date as precise as the source: "2012-05-07", "2016-08" or "2011"
    end: str | None
    role: str  # "leader" (head of state or government), "executive", "international", "diplomat", "legislator"


@dataclass(frozen=True, slots=True)
class Person:
    qid: str
    label: str  # English label
    label_id: str | None
    aliases: tuple[Alias, ...]
    country: str | None  # QID of a country in places (kind "country")
    description: str | None  # made from the offices: the sources carry no Wikidata descriptions
    born: str | None
    offices: tuple[Office, ...]
    sources: tuple[str, ...]  # ids of kb/sources.json


@dataclass(frozen=True, slots=True)
class Organization:
    qid: str
    label: str
    label_id: str | None
    aliases: tuple[Alias, ...]
    country: str | None
    kind: str  # party, government, intergovernmental, media, armed_group, armed_forces, organization, ...
    description: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Place:
    qid: str
    label: str
    label_id: str | None
    aliases: tuple[Alias, ...]
    country: str | None  # the country itself for kind "country"
    kind: str  # country, territory, region, capital, city
    lat: float | None  # Wikidata P625 style, WGS84 degrees
    lon: float | None
    population: int | None
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KB:
    persons: tuple[Person, ...]
    organizations: tuple[Organization, ...]
    places: tuple[Place, ...]


def qid_number(qid: str) -> int:
    return int(qid[1:])


def _row(record: Person | Organization | Place) -> list[Any]:
    """A record as a JSON array; tuples of tuples become lists of lists, trailing empties stay (fixed order)."""
    return json.loads(json.dumps(astuple(record), ensure_ascii=False))


def write_jsonl_gz(path: Path, records: Iterable[Person | Organization | Place]) -> int:
    """Write sorted records; gzip without a timestamp or file name, so equal content gives equal bytes."""
    rows = sorted(records, key=lambda r: qid_number(r.qid))
    text = "".join(json.dumps(_row(r), ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    tmp.replace(path)
    return len(rows)


def _arrays(path: Path) -> list[list[Any]]:
    """All lines of a file as one JSON document: one C-level parse instead of one per line."""
    with gzip.open(path, "rb") as f:
        body = f.read().decode("utf-8").rstrip("\n").replace("\n", ",")
    return json.loads(f"[{body}]") if body else []


def _aliases(raw: list[list[str]]) -> tuple[Alias, ...]:
    return tuple((a[0], a[1]) for a in raw)


def _person(r: list[Any]) -> Person:
    offices = tuple(Office(*o) for o in r[7])
    return Person(r[0], r[1], r[2], _aliases(r[3]), r[4], r[5], r[6], offices, tuple(r[8]))


def _organization(r: list[Any]) -> Organization:
    return Organization(r[0], r[1], r[2], _aliases(r[3]), r[4], r[5], r[6], tuple(r[7]))


def _place(r: list[Any]) -> Place:
    return Place(r[0], r[1], r[2], _aliases(r[3]), r[4], r[5], r[6], r[7], r[8], tuple(r[9]))


def from_row(kind: str, row: list[Any]) -> Person | Organization | Place:
    """One line of a KB file (already parsed JSON) as its record."""
    return _FROM_ROW[kind](row)


_FROM_ROW = {"person": _person, "organization": _organization, "place": _place}


def read_kb(directory: Path = KB_DIR) -> KB:
    """Load the whole KB; raises FileNotFoundError naming the missing file, ValueError naming a bad one."""
    parts: list[tuple[Any, ...]] = []
    collecting = gc.isenabled()
    gc.disable()  # a million new containers would trigger full collections that find nothing to free
    try:
        for kind, make in _FROM_ROW.items():
            path = directory / FILES[kind]
            try:
                parts.append(tuple(make(r) for r in _arrays(path)))
            except FileNotFoundError:
                raise
            except (json.JSONDecodeError, TypeError, IndexError, EOFError, OSError, UnicodeDecodeError) as e:
                raise ValueError(f"{path}: not a kabar KB file ({e})") from e
    finally:
        if collecting:
            gc.enable()
    return KB(*parts)

