"""The seed knowledge base: verified Wikidata facts plus names known without a QID, and kabar's extra aliases.

Read from `seeds/wikidata/` (built from the shared Wikidata subset by
`make seeds`, sources in `seeds/wikidata/SOURCES.md`), `seeds/landmarks.csv`
(buildings that stand for governments), `seeds/regions.csv` (continents,
regions and a former state the subset lacks), `seeds/bodies.csv` (international
bodies and news agencies the subset lacks, with a QID only where two public
sources agree) and `seeds/aliases.csv` (names kabar adds to KB entries).
Entries from `unverified.txt`, the landmarks and the regions never get a QID.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from loaders.kb.model import KBEntry, KnowledgeBase

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"
SEED_KB_DIR = SEEDS / "wikidata"
SEED_LANDMARKS = SEEDS / "landmarks.csv"
SEED_REGIONS = SEEDS / "regions.csv"
SEED_BODIES = SEEDS / "bodies.csv"
SEED_ALIASES = SEEDS / "aliases.csv"
SEED_DEMONYMS = SEEDS / "demonyms.csv"  # built by `make demonyms` (loaders/kb/build/demonyms.py)
SEED_FILES = frozenset({"countries.csv", "country_aliases.csv", "places.csv", "organizations.csv", "people.csv",
                        "events.csv"})
"""The CSVs of a seed KB directory; they refer to each other, so a directory is read whole."""

_GOVERNMENT = re.compile(r"(?:Federal )?Government of (?:the )?(.+)")
ORG_KINDS = {"armed_group", "media", "government", "intergovernmental", "international_court",
             "armed_forces", "political_organization"}


@dataclass(frozen=True)
class AliasRow:
    """One row of `seeds/aliases.csv`: a name kabar adds to a KB entry."""

    target: str  # a QID, or the label of an entry without one
    type: str
    alias: str
    lang: str
    note: str


def load_aliases(path: Path = SEED_ALIASES) -> list[AliasRow]:
    with path.open(encoding="utf-8", newline="") as f:
        return [AliasRow(r["qid_or_name"].strip(), r["type"].strip(), r["alias"].strip(), r["lang"].strip(),
                         r["note"].strip()) for r in csv.DictReader(f)]


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
        names = names[:1] + [n for n in names[1:] if not n[0].islower()]  # '(news agency)' describes, names no one
        yield KBEntry(
            qid=None,
            type=type_,
            label=names[0],
            aliases=tuple((n, "mul") for n in names[1:]),
            country=country_qids.get(country),
            kind=None if kind == "person" else kind,
        )


def _named(path: Path, kind: str | None = None) -> Iterator[KBEntry]:
    """kabar's own typed names: landmarks ('Gedung Putih'), regions ('Asia Tengah') and bodies ('ECOWAS'), a QID only
    where the file has one."""
    for row in _rows(path):
        yield KBEntry(row.get("qid") or None, row["type"], row["name"], row["label_id"] or None,
                      _split(row["aliases"]), country=row["country_qid"] or None, kind=kind or row["kind"])


def load_kb(directory: Path = SEED_KB_DIR, landmarks: Path | None = SEED_LANDMARKS,
            bodies: Path | None = SEED_BODIES, regions: Path | None = SEED_REGIONS) -> KnowledgeBase:
    """Read the seed KB CSVs; raises FileNotFoundError naming the missing file."""
    entries: list[KBEntry] = []
    aliases: dict[str, list[tuple[str, str]]] = {}
    for row in _rows(directory / "country_aliases.csv"):
        aliases.setdefault(row["qid"], []).append((row["alias"], row["lang"]))
    country_rows = list(_rows(directory / "countries.csv"))
    labels = {row["label_en"]: row["qid"] for row in country_rows}
    organizations: list[KBEntry] = []
    for row in _rows(directory / "organizations.csv"):
        entry = KBEntry(row["qid"], "Organization", row["label_en"], row["label_id"] or None,
                        _split(row["aliases"]), kind=row["kind"])
        governed = _GOVERNMENT.match(entry.label) if entry.kind == "government" else None
        state = labels.get(governed.group(1)) if governed else None
        if state is None:
            organizations.append(entry)
        else:  # 'the US government', 'Pemerintah Iran': the state acting, a mention of the country (the guidelines)
            aliases.setdefault(state, []).extend((name, "mul") for name in entry.names())
    country_qids: dict[str, str] = {alias: qid for qid, names in aliases.items() for alias, _ in names}
    for row in country_rows:
        country_qids[row["label_en"]] = row["qid"]
        entries.append(KBEntry(row["qid"], "Country", row["label_en"], row["label_id"] or None,
                               tuple(aliases.get(row["qid"], ())), country=row["qid"]))
    for row in _rows(directory / "places.csv"):
        entries.append(KBEntry(row["qid"], "Place", row["label_en"], row["label_id"] or None,
                               country=row["country_qid"] or None, kind=row["kind"]))
    entries.extend(organizations)
    for row in _rows(directory / "people.csv"):
        entries.append(KBEntry(row["qid"], "Person", row["label_en"], None, _split(row["aliases"]),
                               description=row["description_en"] or None, country=row["country_qid"] or None))
    for row in _rows(directory / "events.csv"):
        entries.append(KBEntry(row["qid"], "Event", row["label_en"], None, _split(row["aliases"]),
                               description=f"started {row['start_date']}" if row["start_date"] else None))
    if bodies is not None:
        entries.extend(_named(bodies))
    named = {name for e in entries for name in e.names()}
    entries.extend(e for e in _unverified(directory / "unverified.txt", country_qids) if e.label not in named)
    if landmarks is not None:
        entries.extend(_named(landmarks, kind="landmark"))
    if regions is not None:
        entries.extend(_named(regions, kind="region"))
    return KnowledgeBase(entries)
