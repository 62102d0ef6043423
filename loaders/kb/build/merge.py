"""Combine the facts of all sources into one record per QID, and settle disagreements.

Rules, in the order they apply:
- the project's verified seed CSVs come first for every field they have
  (label, Indonesian label, country, kind, description);
- otherwise a field comes from the highest-ranked source that has it
  (`SOURCE_RANK`); all other names become aliases;
- a place source whose name for a QID matches none of the better-ranked
  sources' names ("Jambi City" for Jakarta's QID) is set aside for that
  QID: it neither adds names nor corroborates (listed as `name-mismatch`);
  persons and organizations are not checked, as all their names are
  Wikidata labels, in whatever language the source printed them;
- a place is kept only if some source makes it notable (a country, region,
  capital, or a city of at least 50,000 people); smaller cities of one
  source only corroborate the others;
- two QIDs for the same name in the same country (places: also within
  25 km of each other; persons: also holding the same position) are a
  conflict when the sources differ: the QID with the seed, else with more
  independent source families, else with the better-ranked source wins
  and the other row is dropped. Every conflict is listed in `conflicts.tsv`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from loaders.kb.build.records import Alias, Office, Organization, Person, Place
from loaders.kb.build.sources import SEED, Fact

SOURCE_RANK = ("seed", "eps", "natural-earth", "country-codes", "soluvas", "countries-states-cities", "ror",
               "partyfacts", "newspapers")
PLACE_KIND_RANK = ("country", "territory", "capital", "region", "city", "district")
ROLE_RANK = ("leader", "executive", "international", "diplomat", "legislator")
SAME_PLACE_KM = 25.0
DASH = "\u2013"  # between the years of an office, as Wikipedia writes them
SAME_NAME = 60.0  # rapidfuzz partial_ratio of folded names: "Moscow"/"Moskva" 67, "Jakarta"/"Jambi City" 44


def family(source: str) -> str:
    """Independent origin of a source: every every-politician-scrapers repository is one family, 'eps'."""
    return source.split(":", 1)[0]


def _rank(source: str) -> int:
    name = family(source)
    return SOURCE_RANK.index(name) if name in SOURCE_RANK else len(SOURCE_RANK)


def fold(text: str) -> str:
    """A comparison key for conflicts: case, accents and punctuation ignored."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


@dataclass
class Conflict:
    kind: str
    name: str
    country: str | None
    kept: list[str]
    dropped: list[str]
    sources: dict[str, list[str]]


@dataclass
class Merged:
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def merge(facts: Iterable[Fact], alpha3: dict[str, str]) -> Merged:
    """All facts (any order) -> records; `alpha3` maps ISO alpha-3 to alpha-2 codes."""
    grouped: dict[tuple[str, str], list[Fact]] = {}
    for fact in facts:
        grouped.setdefault((fact.kind, fact.qid), []).append(fact)
    merged = Merged()
    for key, group in grouped.items():
        group.sort(key=lambda f: (_rank(f.source), f.source))
        if key[0] != "place":  # persons and organizations: every source's name is a Wikidata label (any language)
            continue
        grouped[key], rejected = _consistent(group)
        merged.conflicts.extend(Conflict("name-mismatch", f.label or "", None, [f.qid], [f.source],
                                         {f.qid: [f.source]}) for f in rejected)
    iso2 = _country_codes(grouped)
    resolve = lambda code: _resolve(code, iso2, alpha3)  # noqa: E731
    places = [p for (kind, _), group in sorted(grouped.items()) if kind == "place"
              if (p := _place(group, resolve)) is not None]
    merged.places, place_conflicts = _settle(places, "place", _same_place)
    orgs = [_organization(g, resolve) for (kind, _), g in sorted(grouped.items()) if kind == "organization"]
    merged.organizations, org_conflicts = _settle(orgs, "organization", lambda a, b: True)
    countries = {p.qid: p.label for p in places if p.kind == "country"}
    persons = [_person(g, resolve, countries) for (kind, _), g in sorted(grouped.items()) if kind == "person"]
    merged.persons, person_conflicts = _settle(persons, "person", _same_post)
    merged.conflicts += place_conflicts + org_conflicts + person_conflicts
    return merged


def _consistent(group: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """Facts (best-ranked first) whose names agree with the names accepted before them, and the others."""
    accepted: list[str] = []
    kept, rejected = [], []
    for f in group:
        names = [fold(n) for n in (f.label, *(a for a, _ in f.aliases)) if n]
        if f.label and accepted and not any(fuzz.partial_ratio(fold(f.label), a) >= SAME_NAME for a in accepted):
            rejected.append(f)
            continue
        kept.append(f)
        accepted.extend(names)
    return kept, rejected


def _country_codes(grouped: dict[tuple[str, str], list[Fact]]) -> dict[str, str]:
    """ISO alpha-2 -> QID of the country, from the best-ranked source that pairs them (seed first)."""
    best: dict[str, tuple[int, int, str]] = {}
    for (kind, qid), group in grouped.items():
        if kind != "place":
            continue
        for f in group:
            if f.category in ("country", "territory") and f.country and f.country.startswith("iso2:"):
                code = f.country[5:]
                key = (_rank(f.source), PLACE_KIND_RANK.index(f.category), qid)
                if code not in best or key < best[code]:
                    best[code] = key
    return {code: key[2] for code, key in best.items()}


def _resolve(code: str | None, iso2: dict[str, str], alpha3: dict[str, str]) -> str | None:
    if not code:
        return None
    if code.startswith("iso2:"):
        return iso2.get(code[5:])
    if code.startswith("iso3:"):
        return iso2.get(alpha3.get(code[5:], ""))
    return code


def _names(group: list[Fact], label: str, label_id: str | None) -> tuple[Alias, ...]:
    taken = {label, label_id}
    out: dict[Alias, None] = {}
    for f in group:
        for name, lang in ((f.label, "mul"), *f.aliases):
            if name and name not in taken and not name.startswith("Q"):
                out.setdefault((name, lang), None)
    # one entry per name: a language tag beats "mul"
    best: dict[str, str] = {}
    for name, lang in out:
        if name not in best or best[name] == "mul":
            best[name] = lang
    return tuple(sorted(best.items()))


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)


def _sources(group: list[Fact]) -> tuple[str, ...]:
    return tuple(sorted({f.source for f in group}))


def _label(group: list[Fact]) -> str | None:
    """The best-ranked source's label; within one family the most frequent (every-politician repos vote)."""
    labelled = [f for f in group if f.label and not f.weak_label] or [f for f in group if f.label]
    if not labelled:
        return None
    top = family(labelled[0].source)
    votes = Counter(f.label for f in labelled if family(f.source) == top)
    return max(votes, key=votes.__getitem__)  # the first-ranked label among equally frequent ones


def _place(group: list[Fact], resolve) -> Place | None:
    if not any(f.notable for f in group):
        return None
    label = _label(group)
    if label is None:
        return None
    kind = _first(f.category for f in group if f.category in PLACE_KIND_RANK) or "city"  # best-ranked source
    qid = group[0].qid
    country = qid if kind == "country" else _first(resolve(f.country) for f in group)
    located = next((f for f in group if f.lat is not None and f.lon is not None
                    and -90 <= f.lat <= 90 and -180 <= f.lon <= 180), None)
    population = _first(f.population for f in group if f.population)  # type: ignore[misc]
    label_id = _first(f.label_id for f in group)
    return Place(qid, label, label_id, _names(group, label, label_id), country, kind,
                 located.lat if located else None, located.lon if located else None, population, _sources(group))


def _organization(group: list[Fact], resolve) -> Organization:
    label = _label(group) or group[0].qid
    label_id = _first(f.label_id for f in group)
    kind = _first(f.category for f in group) or "organization"
    # the seed decides the country of what it lists: ROR's country of an intergovernmental body is its seat's
    seeded = [f for f in group if f.source == SEED]
    country = _first(resolve(f.country) for f in seeded or group)
    return Organization(group[0].qid, label, label_id, _names(group, label, label_id), country, kind,
                        _first(f.description for f in group), _sources(group))


def _person(group: list[Fact], resolve, countries: dict[str, str]) -> Person:
    """`countries`: QID -> English label of every country (a person's country must be one of them)."""
    label = _label(group) or group[0].qid
    label_id = _first(f.label_id for f in group)
    offices = _offices(f.office for f in group if f.office)
    votes = Counter(c for f in group if (c := resolve(f.country)) in countries)
    seed_country = _first(resolve(f.country) for f in group if f.source == SEED)
    country = seed_country or (votes.most_common(1)[0][0] if votes else None)
    description = _first(f.description for f in group) or describe(offices, country, countries.get(country or ""))
    born = _first(f.born for f in group)
    return Person(group[0].qid, label, label_id, _names(group, label, label_id), country, description, born,
                  offices, _sources(group))


def _offices(offices: Iterable[Office]) -> tuple[Office, ...]:
    """One office per (post, start year): the fullest row, with the highest role any row gives it."""
    best: dict[tuple[str, str], Office] = {}
    for o in offices:
        key = (o.position or o.label, (o.start or "")[:4])
        old = best.get(key)
        if old is None:
            best[key] = o
            continue
        fuller = o if _fullness(o) > _fullness(old) else old
        role = min(o.role, old.role, key=ROLE_RANK.index)
        best[key] = replace(fuller, role=role)
    return tuple(sorted(best.values(), key=lambda o: (o.start or "", o.position or "", o.label)))


def _fullness(o: Office) -> tuple[int, ...]:
    return (bool(o.position), bool(o.end), len(o.start or ""), len(o.label), bool(o.of))


def describe(offices: tuple[Office, ...], country: str | None = None, country_label: str | None = None) -> str | None:
    """'Prime Minister of India (2014-)' with an en dash: a current office before a past one, a leader's first."""
    if not offices:
        return None
    o = max(offices, key=lambda o: (not o.end, -ROLE_RANK.index(o.role), o.start or ""))
    label = o.label
    if country_label and o.of == country and country_label[:5].casefold() not in label.casefold():  # "Ukrainian"
        label = f"{label}, {country_label}"
    years = f"{(o.start or '')[:4]}{DASH}{(o.end or '')[:4]}" if o.start else ""
    return f"{label} ({years})" if years else label


# --- conflicts ----------------------------------------------------------------------------------------

def _same_place(a: Place, b: Place) -> bool:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return False
    return _km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM and _kind_class(a.kind) == _kind_class(b.kind)


def _kind_class(kind: str) -> str:
    return {"capital": "city", "district": "region"}.get(kind, kind)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _same_post(a: Person, b: Person) -> bool:
    posts = {o.position for o in a.offices if o.position}
    return any(o.position in posts for o in b.offices)


def _strength(record) -> tuple[bool, int, int]:
    """Seed first, then more independent source families, then the better-ranked best source."""
    return (SEED in record.sources, len({family(s) for s in record.sources}), -min(map(_rank, record.sources)))


def _settle(records: list, kind: str, same) -> tuple[list, list[Conflict]]:
    """Drop the weaker of two QIDs that sources give for the same thing (see the module docstring).

    When every source of one QID also lists the other, the sources know them as two things of the same
    name (three Latvian politicians called Andris Bērziņš, a town and its municipality): both stay and
    nothing is recorded. Only QIDs that no common source lists together are a disagreement.
    """
    by_key: dict[tuple[str, str | None], list] = {}
    for r in records:
        by_key.setdefault((fold(r.label), r.country), []).append(r)
    dropped: set[str] = set()
    conflicts = []
    for (_, country), group in sorted(by_key.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                homonyms = set(a.sources) <= set(b.sources) or set(b.sources) <= set(a.sources)
                if a.qid in dropped or b.qid in dropped or homonyms or not same(a, b):
                    continue
                sa, sb = _strength(a), _strength(b)
                kept, lost = ([a, b], []) if sa == sb else (([a], [b]) if sa > sb else ([b], [a]))
                dropped.update(r.qid for r in lost)
                conflicts.append(Conflict(kind, a.label, country, [r.qid for r in kept], [r.qid for r in lost],
                                          {r.qid: list(r.sources) for r in (a, b)}))
    return [r for r in records if r.qid not in dropped], conflicts
