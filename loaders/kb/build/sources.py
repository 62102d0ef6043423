"""Readers of the raw source files: each turns one public dataset into `Fact`s about Wikidata items.

A fact is what ONE source says about ONE QID (a name, a country, an office,
a coordinate). Nothing here decides what the KB holds; `merge` combines
the facts of all sources. Every QID comes from a column of the source that
pairs it with the name next to it; rows whose QID is malformed are skipped
and counted, never repaired.

The folder layout each reader expects is the one of the source repository
itself (see `loaders/kb/build/README.md`): clone it, check out the commit
of `manifest.tsv`, and point `--sources` at the folder holding the clones.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from loaders.kb.build.records import Alias, Office

QID = re.compile(r"Q[1-9][0-9]*")
_QID_URL = re.compile(r"(?:^|/)(Q[1-9][0-9]*)$")


@dataclass
class Fact:
    kind: str  # "person", "organization" or "place"
    qid: str
    source: str  # an id of manifest.tsv
    label: str | None = None  # English (or the source's main) name
    label_id: str | None = None  # Indonesian name
    aliases: tuple[Alias, ...] = ()
    country: str | None = None  # QID, or "iso2:XX" / "iso3:XXX" resolved by merge
    category: str | None = None  # organization or place kind
    office: Office | None = None
    born: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    description: str | None = None
    notable: bool = True  # False: a place too small to be in the KB on this source's word alone
    weak_label: bool = False  # a label in the source's local language: the label only if no other source has one


@dataclass
class Skipped:
    """Rows a reader could not use, per source: the report lists them."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, source: str, n: int = 1) -> None:
        self.counts[source] = self.counts.get(source, 0) + n


def is_qid(text: str | None) -> bool:
    return bool(text) and QID.fullmatch(text) is not None


def qid_of(text: str | None) -> str | None:
    """'Q42' or 'https://www.wikidata.org/wiki/Q42' -> 'Q42'; anything else -> None."""
    if not text:
        return None
    m = _QID_URL.search(text.strip())
    return m.group(1) if m else None


def rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            yield {k: (v or "").strip() for k, v in row.items() if k is not None}


def _float(text: str | float | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _int(text: str | float | None) -> int | None:
    value = _float(text)
    return int(value) if value is not None else None


def _none(text: str | None) -> str | None:
    return text or None


# --- the project's verified seed CSVs (seeds/wikidata/) -------------------------------------------------

SEED = "seed"


def seed_facts(directory: Path, skipped: Skipped) -> Iterator[Fact]:
    """The verified seed KB: first priority for every field it has."""
    aliases: dict[str, list[Alias]] = {}
    for row in rows(directory / "country_aliases.csv"):
        aliases.setdefault(row["qid"], []).append((row["alias"], row["lang"] or "mul"))
    for row in rows(directory / "countries.csv"):
        yield Fact("place", row["qid"], SEED, row["label_en"], _none(row["label_id"]),
                   tuple(aliases.get(row["qid"], ())), f"iso2:{row['iso2']}", "country")
    for row in rows(directory / "places.csv"):
        yield Fact("place", row["qid"], SEED, row["label_en"], _none(row["label_id"]), (),
                   _none(row["country_qid"]), row["kind"])
    for row in rows(directory / "organizations.csv"):
        yield Fact("organization", row["qid"], SEED, row["label_en"], _none(row["label_id"]),
                   _split(row["aliases"]), category=row["kind"])
    for row in rows(directory / "people.csv"):
        yield Fact("person", row["qid"], SEED, row["label_en"], None, _split(row["aliases"]),
                   _none(row["country_qid"]), description=_none(row["description_en"]))


def _split(text: str) -> tuple[Alias, ...]:
    return tuple((a.strip(), "mul") for a in text.split(";") if a.strip())


# --- every-politician-scrapers/* (Wikidata P39 office-holders per country) ------------------------------

EPS = "every-politician-scrapers"
_AMBASSADOR = re.compile(r"ambassador|permanent representative|envoy|high commissioner to", re.I)
_HONORIFIC = re.compile(r"^(?:Sheikh|Shaikh|Sheikha|Sir|Dame|Dr\.?|Prince|Princess|Sayyid|Seyed|Seyyed|Hon\.?)\s+")


def eps_source(repo: str) -> str:
    return f"eps:{repo}"


def eps_facts(directory: Path, skipped: Skipped) -> Iterator[Fact]:
    """One every-politician-scrapers repository: office-holders since 2000, legislators, birth dates."""
    source = eps_source(directory.name)
    meta = _json(directory / "meta.json") or {}
    jurisdiction = (meta.get("jurisdiction") or {}).get("id")
    country = (meta.get("country") or {}).get("id") or jurisdiction
    titles = _position_titles(directory)
    positions = {r["id"]: r for r in _optional_rows(directory / "html" / "positions.csv")}
    names: dict[str, str] = {}
    for row in _optional_rows(directory / "html" / "holders21.csv"):
        office = _holder_office(row, titles, positions, jurisdiction, "executive" if jurisdiction else "international")
        names[row["personID"]] = row["person"]
        yield from _person_fact(row["personID"], row["person"], source, country, office, skipped)
    legislative = {r["title"]: r["position"]
                   for r in _optional_rows(directory / "wikidata" / "legislative-positions.csv")}
    for row in _optional_rows(directory / "html" / "legislators.csv"):
        if not _since_2000(row["start"], row["end"]):
            continue
        position = legislative.get(row["position"])
        office = Office(position if is_qid(position) else None, row["position"], jurisdiction,
                        _none(row["start"]), _none(row["end"]), "legislator")
        names[row["personID"]] = row["person"]
        yield from _person_fact(row["personID"], row["person"], source, country, office, skipped)
    for row in _optional_rows(directory / "html" / "bio.csv"):
        if row["id"] in names and is_qid(row["id"]):
            yield Fact("person", row["id"], source, aliases=_bio_aliases(row, names[row["id"]]),
                       born=_none(row["dob"]) if row.get("dobp") in ("11", "") else _none(row["dob"][:4]))
    yield from _world_lists(directory, source, skipped)
    yield from _parties(directory, source, country, skipped)


def _json(path: Path) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _optional_rows(path: Path) -> Iterator[dict[str, str]]:
    return rows(path) if path.is_file() else iter(())


def _position_titles(directory: Path) -> dict[str, str]:
    """Short title -> position QID, from the repository's wanted/extra position lists (ambiguous titles dropped)."""
    found: dict[str, set[str]] = {}
    for name in ("wanted-positions.csv", "xtra-positions.csv"):
        for row in _optional_rows(directory / "wikidata" / name):
            found.setdefault(row["title"], set()).add(row["position"])
    return {title: next(iter(q)) for title, q in found.items() if len(q) == 1 and is_qid(next(iter(q)))}


def _holder_office(row: dict[str, str], titles: dict[str, str], positions: dict[str, dict[str, str]],
                   jurisdiction: str | None, role: str) -> Office:
    qid = titles.get(row["position"])
    info = positions.get(qid or "", {})
    label = info.get("position") or row["position"]
    of = _none(info.get("jurisdiction", "")) or jurisdiction
    if _AMBASSADOR.search(label):
        role = "diplomat"
    return Office(qid, label, of, _none(row["start"]), _none(row["end"]), role)


def _since_2000(start: str, end: str) -> bool:
    """A term that touches 2000 or later (an open end counts when the start is 1990 or later)."""
    return (end[:4] >= "2000") if end else (start[:4] >= "1990")


def _person_fact(qid: str, name: str, source: str, country: str | None, office: Office | None,
                 skipped: Skipped) -> Iterator[Fact]:
    if not is_qid(qid) or not name or QID.fullmatch(name):
        skipped.add(source)  # no QID, or Wikidata had no English label (the query printed the QID)
        return
    yield Fact("person", qid, source, name, aliases=_honorific_free(name), country=country, office=office)


def _honorific_free(name: str) -> tuple[Alias, ...]:
    """'Sheikh Mohammed bin Abdulrahman Al Thani' is also written without the title."""
    bare = _HONORIFIC.sub("", name)
    return ((bare, "en"),) if bare != name else ()


def _bio_aliases(row: dict[str, str], label: str) -> tuple[Alias, ...]:
    """The English Wikipedia title without its '(politician)' qualifier, when it differs from the label."""
    title = re.sub(r"\s*\([^)]*\)$", "", row.get("enwiki", ""))
    return ((title, "en"),) if title and title != label else ()


def _world_lists(directory: Path, source: str, skipped: Skipped) -> Iterator[Fact]:
    """Cross-country lists: world leaders of 2021, foreign ministers, ambassadors (repos 'world*')."""
    for row in _optional_rows(directory / "data" / "wikidata.csv"):
        if "officeholder" not in row:
            continue
        office = Office(_none(row["position"]) if is_qid(row["position"]) else None, row["positionLabel"],
                        _none(row["countryid"]), _none(row["start_year"]), _none(row["end_year"]), "leader")
        yield from _person_fact(row["officeholder"], row["officeholderLabel"], source, _none(row["countryid"]),
                                office, skipped)
    for row in _optional_rows(directory / "sources" / "foreign" / "wikidata.csv"):
        office = Office(_none(row["position"]) if is_qid(row["position"]) else None, row["positionLabel"],
                        _none(row["country"]), _none(row["start"]), None, "executive")
        yield from _person_fact(row["person"], row["name"], source, _none(row["country"]), office, skipped)
    for path in sorted((directory / "sources").glob("ambassadors-*/wikidata.csv")):
        for row in rows(path):
            office = Office(_none(row["position"]) if is_qid(row["position"]) else None, row["positionLabel"],
                            _none(row["country"]), _none(row["start"]), None, "diplomat")
            yield from _person_fact(row["item"], row["itemLabel"], source, _none(row["country"]), office, skipped)


def _parties(directory: Path, source: str, country: str | None, skipped: Skipped) -> Iterator[Fact]:
    """Parties of the members listed in the repository's per-legislature query results (party, partyLabel)."""
    seen: set[tuple[str, str]] = set()
    for path in sorted((directory / "sources").glob("**/wikidata.csv")):
        for row in rows(path):
            if "party" not in row or "partyLabel" not in row:
                break  # a file without party columns
            qid, label = row["party"], row["partyLabel"]
            if not qid or (qid, label) in seen:
                continue  # a member without a party, or a party already given
            seen.add((qid, label))
            if not is_qid(qid) or not label or QID.fullmatch(label):
                skipped.add(source)
                continue
            yield Fact("organization", qid, source, label, country=country, category="party", weak_label=True)


def eps_cabinet_facts(directory: Path, skipped: Skipped) -> Iterator[Fact]:
    """Cabinets (government bodies) named in the cabinet lists of 'current-governments-enwiki' and 'eu-cabinets'."""
    source = eps_source(directory.name)
    for row in _optional_rows(directory / "data" / "wikidata.csv"):
        qid, label = row.get("cabinet", ""), row.get("cabinetLabel") or row.get("cabinetItemLabel", "")
        if row.get("isa") or not label:  # rows about people or list articles, not cabinets
            continue
        if not is_qid(qid) or QID.fullmatch(label):
            skipped.add(source)
            continue
        yield Fact("organization", qid, source, label, country=_none(row.get("jurisdiction") or row.get("country")),
                   category="government")


# --- Natural Earth 10m populated places (public domain), GeoJSON ------------------------------------------

NATURAL_EARTH = "natural-earth"
CITY_POPULATION = 50_000  # cities at least this large are in the KB; smaller ones only if capitals


def natural_earth_facts(path: Path, skipped: Skipped) -> Iterator[Fact]:
    """Cities and capitals with WIKIDATAID, English name, coordinates and the largest population figure."""
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        p = {k.upper(): v for k, v in feature["properties"].items()}
        qid = p.get("WIKIDATAID") or ""
        if not is_qid(qid):
            skipped.add(NATURAL_EARTH)
            continue
        label = p.get("NAME_EN") or p.get("NAME")
        if p.get("NAME_EN") and p.get("NAME") and p["NAME"] != p["NAME_EN"] and p.get("NAMEASCII") != p["NAME_EN"] \
                and _disagree(p["NAME"], p["NAME_EN"]):
            skipped.add(NATURAL_EARTH)  # the two name fields describe different places: trust neither
            continue
        aliases = tuple((a, "mul") for a in {p.get("NAME"), p.get("NAMEASCII"), p.get("NAMEALT")} if a and a != label)
        capital = p.get("FEATURECLA") == "Admin-0 capital" or p.get("ADM0CAP") == 1
        population = _int(p.get("POP_MAX"))
        yield Fact("place", qid, NATURAL_EARTH, label, _none(p.get("NAME_ID")), aliases,
                   f"iso2:{p['ISO_A2']}" if p.get("ISO_A2") not in (None, "-99") else None,
                   "capital" if capital else "city", lat=_float(p.get("LATITUDE")), lon=_float(p.get("LONGITUDE")),
                   population=population, notable=capital or p.get("FEATURECLA") == "Admin-1 capital"
                   or (population or 0) >= CITY_POPULATION)


def _disagree(a: str, b: str) -> bool:
    """Two names share no word of three letters or more (after folding case)."""
    words = lambda s: {w for w in re.findall(r"\w{3,}", s.casefold())}  # noqa: E731
    return not (words(a) & words(b))


# --- dr5hn/countries-states-cities-database (ODbL) --------------------------------------------------------

CSC = "countries-states-cities"


def csc_facts(directory: Path, skipped: Skipped) -> Iterator[Fact]:
    """Countries, first-level regions and cities with wikiDataId, coordinates and population."""
    for row in rows(directory / "csv" / "countries.csv"):
        if not is_qid(row["wikiDataId"]):
            skipped.add(CSC)
            continue
        yield Fact("place", row["wikiDataId"], CSC, row["name"], aliases=_native(row), country=f"iso2:{row['iso2']}",
                   category="territory", lat=_float(row["latitude"]), lon=_float(row["longitude"]),
                   population=_int(row["population"]))
    for row in rows(directory / "csv" / "states.csv"):
        if row.get("parent_id"):
            continue  # below the first level
        if not is_qid(row["wikiDataId"]):
            skipped.add(CSC)
            continue
        yield Fact("place", row["wikiDataId"], CSC, row["name"], aliases=_native(row),
                   country=f"iso2:{row['country_code']}", category="region", lat=_float(row["latitude"]),
                   lon=_float(row["longitude"]), population=_int(row.get("population")))
    for path in sorted((directory / "contributions" / "cities").glob("*.json")):
        for city in json.loads(path.read_text(encoding="utf-8")):
            qid = city.get("wikiDataId") or ""
            if not is_qid(qid):
                skipped.add(CSC)
                continue
            population = _int(city.get("population"))
            yield Fact("place", qid, CSC, city["name"], aliases=_native(city), country=f"iso2:{city['country_code']}",
                       category="city", lat=_float(city.get("latitude")), lon=_float(city.get("longitude")),
                       population=population, notable=(population or 0) >= CITY_POPULATION)


def _native(row: dict) -> tuple[Alias, ...]:
    native = row.get("native")
    return ((native, "mul"),) if native and native != row.get("name") else ()


# --- datasets/country-codes (PDDL) ------------------------------------------------------------------------

COUNTRY_CODES = "country-codes"


def country_code_facts(path: Path, skipped: Skipped) -> Iterator[Fact]:
    for row in rows(path):
        qid = qid_of(row["wikidata_id"])
        if not qid or not row["ISO3166-1-Alpha-2"]:
            skipped.add(COUNTRY_CODES)
            continue
        names = {row["CLDR display name"], row["official_name_en"], row["UNTERM English Short"]} - {""}
        label = row["CLDR display name"] or row["official_name_en"]
        yield Fact("place", qid, COUNTRY_CODES, label, aliases=tuple((n, "en") for n in sorted(names) if n != label),
                   country=f"iso2:{row['ISO3166-1-Alpha-2']}",
                   category="country" if row["is_independent"] == "Yes" else "territory")


def country_code_table(path: Path) -> dict[str, str]:
    """ISO 3166 alpha-3 -> alpha-2, for sources keyed by alpha-3."""
    return {r["ISO3166-1-Alpha-3"]: r["ISO3166-1-Alpha-2"] for r in rows(path) if r["ISO3166-1-Alpha-3"]}


# --- soluvas/opendata (CC0): Indonesian provinces, regencies and cities -----------------------------------

SOLUVAS = "soluvas"


def soluvas_facts(directory: Path, skipped: Skipped) -> Iterator[Fact]:
    """Indonesian names are the official ones, so they serve as both the English and the Indonesian label."""
    for row in rows(directory / "wikidata" / "province-ID.csv"):
        if not is_qid(row["id"]):
            skipped.add(SOLUVAS)
            continue
        yield Fact("place", row["id"], SOLUVAS, row["name_id"], row["name_id"], country=_none(row["countryId"]),
                   category="region")
        if is_qid(row["capitalId"]):
            yield Fact("place", row["capitalId"], SOLUVAS, row["capitalName_id"], row["capitalName_id"],
                       country=_none(row["countryId"]), category="city")
    for row in rows(directory / "wikidata" / "locality-ID.csv"):
        if not is_qid(row["id"]):
            skipped.add(SOLUVAS)
            continue
        # A city (kota) and a regency (kabupaten) often share a name ("Bandung"): the regency is labelled
        # as Wikidata does in English ("Bandung Regency") and in Indonesian ("Kabupaten Bandung").
        name = row["name"]
        if row["place"] == "CITY":
            label, label_id, kind = name, f"Kota {name}", "city"
        else:
            label, label_id, kind = f"{name} Regency", f"Kabupaten {name}", "district"
        yield Fact("place", row["id"], SOLUVAS, label, label_id, ((name, "mul"),), _none(row["countryId"]), kind,
                   lat=_float(row["pointLat"]), lon=_float(row["pointLon"]))


# --- ror-community/ror-records (CC0): research and government organisations ------------------------------

ROR = "ror"
ROR_KINDS = {"government": "government", "nonprofit": "organization", "other": "organization",
             "archive": "organization"}


def ror_facts(directory: Path, skipped: Skipped) -> Iterator[Fact]:
    """The newest version of each ROR record (release folders v1.0 … v2.x) that has a Wikidata id."""
    newest: dict[str, tuple[tuple[int, ...], Path]] = {}
    for release in directory.glob("v*"):
        version = tuple(int(x) for x in re.findall(r"\d+", release.name))
        for path in release.glob("*.json"):
            if path.name not in newest or newest[path.name][0] < version:
                newest[path.name] = (version, path)
    for name in sorted(newest):
        record = json.loads(newest[name][1].read_text(encoding="utf-8"))
        if record.get("status") == "withdrawn":
            continue
        kinds = [ROR_KINDS[t.lower()] for t in record.get("types") or () if t.lower() in ROR_KINDS]
        qid = _ror_wikidata(record)
        if not kinds:
            continue
        if not qid:
            skipped.add(ROR)
            continue
        label, aliases, country = _ror_names(record)
        yield Fact("organization", qid, ROR, label, aliases=aliases, country=country,
                   category="government" if "government" in kinds else "organization")


def _ror_wikidata(record: dict) -> str | None:
    ids = record.get("external_ids")
    if isinstance(ids, dict):  # schema v1
        entry = ids.get("Wikidata") or {}
        candidates = [entry.get("preferred")] if entry.get("preferred") else entry.get("all") or []
    else:  # schema v2
        entry = next((e for e in ids or () if e.get("type") == "wikidata"), {})
        candidates = [entry.get("preferred")] if entry.get("preferred") else entry.get("all") or []
    return candidates[0] if len(candidates) == 1 and is_qid(candidates[0]) else None


def _ror_names(record: dict) -> tuple[str, tuple[Alias, ...], str | None]:
    if "names" in record:  # schema v2
        display = next(n["value"] for n in record["names"] if "ror_display" in n["types"])
        label = next((n["value"] for n in record["names"] if "label" in n["types"] and n.get("lang") == "en"), display)
        others = [(n["value"], n.get("lang") or "mul") for n in record["names"] if n["value"] != label]
        codes = [loc.get("geonames_details", {}).get("country_code") for loc in record.get("locations") or ()]
    else:  # schema v1
        label = record["name"]
        others = [(a, "mul") for a in (record.get("aliases") or []) + (record.get("acronyms") or [])]
        others += [(x["label"], x.get("iso639") or "mul") for x in record.get("labels") or ()]
        codes = [(record.get("country") or {}).get("country_code")]
    aliases = tuple(sorted({(a, lang if lang in ("en", "id") else "mul") for a, lang in others if a != label}))
    code = next((c for c in codes if c), None)
    return label, aliases, f"iso2:{code}" if code else None


# --- hdigital/partyfactsdata: political parties with Wikidata ids -----------------------------------------

PARTY_FACTS = "partyfacts"


def party_facts(path: Path, skipped: Skipped) -> Iterator[Fact]:
    for row in rows(path):
        if not is_qid(row["wikidata_id"]) or not row["name"]:
            skipped.add(PARTY_FACTS)
            continue
        names = (*_short_names(row["name_short"]), row["name_native"])
        aliases = tuple((a, "mul") for a in names if a and a != row["name"])
        yield Fact("organization", row["wikidata_id"], PARTY_FACTS, row["name"], aliases=aliases,
                   country=f"iso3:{row['country']}", category="party")


def _short_names(text: str) -> list[str]:
    """'PD' as is; slash lists from infoboxes ('CC/ARI', 'Partai/Gerindra') keep only their acronyms."""
    if "/" not in text:
        return [text]
    return [part for part in text.split("/") if len(part) >= 2 and part.isupper()]


# --- patrickswickard/international_newspapers: a Wikidata query of newspapers (P31 Q11032) ----------------

NEWSPAPERS = "newspapers"


def newspaper_facts(path: Path, skipped: Skipped) -> Iterator[Fact]:
    """Rows of the query result (one per newspaper, country, place, language and website)."""
    for row in rows(path):
        qid, label = qid_of(row["item"]), row["itemLabel"]
        if not qid or not label or QID.fullmatch(label):
            skipped.add(NEWSPAPERS)  # no English label: the query printed the QID instead
            continue
        yield Fact("organization", qid, NEWSPAPERS, label, country=qid_of(row["country"]), category="media",
                   description="newspaper")
