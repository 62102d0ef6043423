"""The seed knowledge base: verified Wikidata facts plus names known without a QID.

Read from `seeds/wikidata/` (built from the shared Wikidata subset by
`make seeds`, sources in `seeds/wikidata/SOURCES.md`). Entries with a QID
become Wikidata-shaped RDF in the KB graph; entries from `unverified.txt`
keep their name and type so the extractor can recognise them, but never
get a QID: a wrong link is worse than none.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal

from ontology import RDFS, SCHEMA, SKOS, WD, WDT

SEED_KB_DIR = Path(__file__).resolve().parent.parent / "seeds" / "wikidata"
SEED_LANDMARKS = SEED_KB_DIR.parent / "landmarks.csv"

ORG_KINDS = {"armed_group", "media", "government", "intergovernmental", "international_court",
             "armed_forces", "political_organization"}


@dataclass(frozen=True)
class KBEntry:
    qid: str | None
    type: str  # Person, Country, Organization, Place or Event
    label: str  # English label: the canonical name
    label_id: str | None = None
    aliases: tuple[tuple[str, str], ...] = ()  # (alias, language); "mul" when the source gives none
    description: str | None = None
    country: str | None = None  # QID of the entry's country
    kind: str | None = None  # capital, city, region, media, ... as the source classifies it

    @property
    def key(self) -> str:
        return self.qid or f"{self.type}:{self.label}"

    def names(self) -> Iterator[str]:
        """Every name this entry may appear under, label first."""
        yield self.label
        if self.label_id:
            yield self.label_id
        for alias, _ in self.aliases:
            yield alias


@dataclass
class KnowledgeBase:
    entries: list[KBEntry]
    _by_qid: dict[str, KBEntry] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_qid = {}
        for e in self.entries:  # the first entry of a QID wins: Monaco the country, not the city
            if e.qid:
                self._by_qid.setdefault(e.qid, e)

    def by_qid(self, qid: str) -> KBEntry | None:
        return self._by_qid.get(qid)

    def capitals(self) -> dict[str, list[str]]:
        """Country QID to its capitals' QIDs (Wikidata P36)."""
        out: dict[str, list[str]] = {}
        for e in self.entries:
            if e.kind == "capital" and e.country and e.qid:
                out.setdefault(e.country, []).append(e.qid)
        return out

    def to_graph(self) -> Graph:
        """The KB as Wikidata-shaped RDF: labels, aliases, descriptions, P17/P27, P36."""
        g = Graph()
        for e in self.entries:
            if not e.qid:
                continue
            item = WD[e.qid]
            g.add((item, RDFS.label, Literal(e.label, lang="en")))
            if e.label_id:
                g.add((item, RDFS.label, Literal(e.label_id, lang="id")))
            for alias, lang in e.aliases:
                g.add((item, SKOS.altLabel, Literal(alias, lang=lang)))
            if e.description:
                g.add((item, SCHEMA.description, Literal(e.description, lang="en")))
            if e.country and e.country != e.qid:
                prop = WDT.P27 if e.type == "Person" else WDT.P17
                g.add((item, prop, WD[e.country]))
        for country, capitals in self.capitals().items():
            for capital in capitals:
                g.add((WD[country], WDT.P36, WD[capital]))
        return g


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def _split(aliases: str) -> tuple[tuple[str, str], ...]:
    return tuple((a.strip(), "mul") for a in aliases.split(";") if a.strip())


def _unverified(path: Path, country_qids: dict[str, str]) -> Iterator[KBEntry]:
    """People and organizations named in `unverified.txt`: known names, no QID."""
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = [p.strip() for p in line.split("|")]
        if line.startswith("#") or len(parts) < 3:
            continue
        name, kind, country = parts[0], parts[1], parts[2]
        if kind == "person":
            type_ = "Person"
        elif kind in ORG_KINDS:
            type_ = "Organization"
        else:
            continue
        names = [n.strip() for n in re.split(r"\s*/\s*|\s*\(|\)", name) if n.strip()]
        yield KBEntry(
            qid=None,
            type=type_,
            label=names[0],
            aliases=tuple((n, "mul") for n in names[1:]),
            country=country_qids.get(country),
            kind=None if kind == "person" else kind,
        )


def _landmarks(path: Path) -> Iterator[KBEntry]:
    """Buildings that stand for governments ('Gedung Putih'): typed places the news names, without QIDs."""
    for row in _rows(path):
        yield KBEntry(None, row["type"], row["name"], row["label_id"] or None, _split(row["aliases"]),
                      country=row["country_qid"] or None, kind="landmark")


def load_kb(directory: Path = SEED_KB_DIR, landmarks: Path | None = SEED_LANDMARKS) -> KnowledgeBase:
    """Read the seed KB CSVs; raises FileNotFoundError naming the missing file."""
    entries: list[KBEntry] = []
    aliases: dict[str, list[tuple[str, str]]] = {}
    for row in _rows(directory / "country_aliases.csv"):
        aliases.setdefault(row["qid"], []).append((row["alias"], row["lang"]))
    country_qids: dict[str, str] = {alias: qid for qid, names in aliases.items() for alias, _ in names}
    for row in _rows(directory / "countries.csv"):
        country_qids[row["label_en"]] = row["qid"]
        entries.append(KBEntry(row["qid"], "Country", row["label_en"], row["label_id"] or None,
                                  tuple(aliases.get(row["qid"], ())), country=row["qid"]))
    for row in _rows(directory / "places.csv"):
        entries.append(KBEntry(row["qid"], "Place", row["label_en"], row["label_id"] or None,
                                  country=row["country_qid"] or None, kind=row["kind"]))
    for row in _rows(directory / "organizations.csv"):
        entries.append(KBEntry(row["qid"], "Organization", row["label_en"], row["label_id"] or None,
                                  _split(row["aliases"]), kind=row["kind"]))
    for row in _rows(directory / "people.csv"):
        entries.append(KBEntry(row["qid"], "Person", row["label_en"], None, _split(row["aliases"]),
                                  description=row["description_en"] or None, country=row["country_qid"] or None))
    for row in _rows(directory / "events.csv"):
        entries.append(KBEntry(row["qid"], "Event", row["label_en"], None, _split(row["aliases"]),
                                  description=f"started {row['start_date']}" if row["start_date"] else None))
    entries.extend(_unverified(directory / "unverified.txt", country_qids))
    if landmarks is not None:
        entries.extend(_landmarks(landmarks))
    return KnowledgeBase(entries)
