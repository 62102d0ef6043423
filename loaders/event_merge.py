"""One event node however many articles report the event: the rule, and the merged node's triples.

Each article states its own events (`ArticleRDF.events`, kept with the
article as `kabar:eventStatements`); reports of one event by several
articles become one node, as Event Registry clusters articles. Two reports
are of the same event when they come from different articles and

- have the same type and, when both say it, the same status;
- share at least two participants, or all of them when one has fewer;
- have compatible dates: the same day or a day apart (a report written the
  day after says "yesterday" of the same meeting), or one date within the
  other's month or year; an undated report stands for the week before its
  publication (undated reports of Iran-US talks a year apart are not one
  event), and when its article has no date either, it matches any date;
- have compatible places: the same, one of them without a place, or one
  lying in the other (talks in Muscat and talks in Oman: the statements
  say which country a place lies in, `schema:containedInPlace`).

Reports are clustered in a fixed order (publication date, article, event),
each joining the first cluster every member of which it matches (complete
link: a report never joins through a chain of partial overlaps). Only
reports that share participants can meet, so clustering each such set
alone gives what clustering all would (the store rebuilds whole sets, or
appends a report that comes last: `store.event_graph`), whatever order the
articles came in. The node
keeps the IRI of its first report, so an event reported once is named as
before; it gets each report's participants, roles, words, sentences and
`kabar:extractedFrom` article, and one date, date text, place, CAMEO code
and status (from the first report that has it; the place is the finest one
stated, Muscat over Oman) and the highest confidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache
from typing import NamedTuple

from rdflib import Graph, Literal, URIRef

from loaders.rdf import plain_graph
from ontology import KABAR, RDF, SCHEMA, K

_STATUS = KABAR["status"]  # the events' status (held, planned, ...) when the extractor states it
ONE_VALUE = (K.date, K.dateText, K.location, K.cameoCode, _STATUS)
"""What an event states once, from the first of its reports that states it."""
_SEPARATE = (K.confidence, *ONE_VALUE)


class Signature(NamedTuple):
    """All the rule (`matches_all`) reads of a report but its article: reports with one signature match the same
    reports, so a match is worked out once per pair of signatures."""

    types: frozenset[object]
    status: object | None
    participants: frozenset[object]
    location: object | None
    within: object | None  # the country the location lies in
    date: object | None
    published: str


@dataclass(frozen=True)
class Report:
    """One article's statement of one event."""

    iri: URIRef
    article: str
    published: str  # ISO date, "" when unknown
    triples: tuple[tuple[URIRef, URIRef, object], ...]  # about `iri`, and its trigger mentions' kabar:mentionOf
    within: object | None = None  # the country its place lies in, when the statements say

    def value(self, predicate: URIRef) -> object | None:
        found = self._about.get(predicate)
        return found[0] if found else None

    def values(self, predicate: URIRef) -> frozenset[object]:
        return frozenset(self._about.get(predicate, ()))

    @cached_property
    def _about(self) -> dict[URIRef, list[object]]:
        """Predicate -> objects of the report's own triples, in order: read once, asked for every pair."""
        out: dict[URIRef, list[object]] = {}
        for s, p, o in self.triples:
            if s == self.iri:
                out.setdefault(p, []).append(o)
        return out

    @cached_property
    def signature(self) -> Signature:
        return Signature(self.values(RDF.type), self.value(_STATUS), self.values(K.participant),
                         self.value(K.location), self.within, self.value(K.date), self.published)

    @cached_property
    def signature_id(self) -> int:
        return _number(self.signature)

    @property
    def order(self) -> tuple[str, str, str]:
        return (self.published or "9999", self.article, str(self.iri))


def reports(article: str, published: str, statements: Graph) -> list[Report]:
    """The events an article states, from its `kabar:eventStatements` parsed back."""
    out = []
    for event in sorted(set(statements.subjects(K.extractedFrom, URIRef(article)))):
        if not isinstance(event, URIRef):
            continue
        about = [(s, p, o) for s, p, o in statements.triples((event, None, None))]
        about += [(m, K.mentionOf, event) for m in statements.subjects(K.mentionOf, event)]
        place = statements.value(event, K.location)
        within = statements.value(place, SCHEMA.containedInPlace) if place is not None else None
        out.append(Report(event, article, published, tuple(sorted(about)), within))  # type: ignore[arg-type]
    return out


def matches_all(report: Report, signatures: Iterable[int]) -> bool:
    """Whether the report is the same event as reports of other articles with these signatures (numbers): the
    rule of the module's docstring, which reads nothing else."""
    return all(_matching(report.signature_id, other) for other in signatures)


_SIGNATURES: dict[Signature, int] = {}
_NUMBERED: list[Signature] = []


def _number(signature: Signature) -> int:
    """A signature's number in this process: pairs of numbers are cheap to remember, pairs of signatures not."""
    if signature not in _SIGNATURES:
        _SIGNATURES[signature] = len(_NUMBERED)
        _NUMBERED.append(signature)
    return _SIGNATURES[signature]


@lru_cache(maxsize=1 << 18)
def _matching(x: int, y: int) -> bool:
    """The rule for reports of two articles, by their signatures' numbers."""
    a, b = _NUMBERED[x], _NUMBERED[y]
    if a.types != b.types:
        return False
    if a.status is not None and b.status is not None and a.status != b.status:
        return False
    shared = len(a.participants & b.participants)
    if shared == 0 or shared < min(2, len(a.participants), len(b.participants)):
        return False
    if not places_compatible(a, b):
        return False
    return dates_compatible(a, b)


def places_compatible(a: Signature, b: Signature) -> bool:
    """The same place, one of them unplaced, or one lying in the other (Muscat in Oman)."""
    x, y = a.location, b.location
    return x is None or y is None or x == y or a.within == y or b.within == x


def dates_compatible(a: Signature, b: Signature) -> bool:
    x, y = a.date, b.date
    if x is not None and y is not None:
        return _overlap(_period(str(x)), _period(str(y)), timedelta(days=1))
    if x is None and y is None:
        x, y = a.published or None, b.published or None
        if x is None or y is None:
            return True
        return _overlap(_period(x), _period(y), UNDATED_WINDOW)
    undated, dated = (a, y) if x is None else (b, x)
    if not undated.published:
        return True
    published = date.fromisoformat(undated.published)
    first, last = _period(str(dated))
    return first <= published and published - UNDATED_WINDOW <= last


UNDATED_WINDOW = timedelta(days=7)
"""How long before its publication an undated report may place the event it tells of."""


def _period(value: str) -> tuple[date, date]:
    """The first and last day a YYYY, YYYY-MM or YYYY-MM-DD date stands for."""
    if len(value) == 10:
        day = date.fromisoformat(value)
        return day, day
    if len(value) == 7:
        first = date.fromisoformat(value + "-01")
        return first, (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
    return date(int(value), 1, 1), date(int(value), 12, 31)


def _overlap(x: tuple[date, date], y: tuple[date, date], slack: timedelta) -> bool:
    return x[0] - slack <= y[1] and y[0] - slack <= x[1]


def clusters(found: Iterable[Report]) -> list[list[Report]]:
    """Reports grouped by event, each group in order, its first report naming the event. Only groups with
    a member of the same type sharing a participant are tried (no other can be the same event)."""
    groups: list[list[Report]] = []
    seen: list[tuple[set[str], set[int]]] = []  # each group's articles and signatures: all a match reads
    sharing: dict[tuple[object, object], list[int]] = {}  # (type, participant) -> groups, in order
    for report in sorted(found, key=lambda r: r.order):
        keys = [(kind, p) for kind in report.values(RDF.type) for p in report.values(K.participant)]
        tried = sorted({k for key in keys for k in sharing.get(key, ())})
        home = next((k for k in tried if report.article not in seen[k][0] and matches_all(report, seen[k][1])),
                    None)
        if home is None:
            home = len(groups)
            groups.append([])
            seen.append((set(), set()))
        groups[home].append(report)
        seen[home][0].add(report.article)
        seen[home][1].add(report.signature_id)
        for key in keys:
            if home not in sharing.setdefault(key, []):
                sharing[key].append(home)
    return groups


def merged(group: list[Report], node_of: Mapping[URIRef, URIRef]) -> Graph:
    """The event node of a group; `node_of` renames each report's IRI (an event it is `kabar:partOf` too)."""
    node = group[0].iri
    g = plain_graph()
    for report in group:
        _add(g, report, node, node_of)
    for predicate in ONE_VALUE:
        first = _finest_place(group) if predicate == K.location else (
            _first_with(group, K.date if predicate == K.dateText else predicate) or _first_with(group, predicate))
        value = first.value(predicate) if first else None  # a date's words come with the date chosen
        if value is not None:
            g.add((node, predicate, value))  # type: ignore[arg-type]
    confidences = [c for r in group if isinstance(c := r.value(K.confidence), Literal)]
    if confidences:
        g.add((node, K.confidence, max(confidences, key=lambda c: c.toPython())))
    return g


def _first_with(group: list[Report], predicate: URIRef) -> Report | None:
    return next((r for r in group if r.value(predicate) is not None), None)


def _finest_place(group: list[Report]) -> Report | None:
    """The first report placing the event in no place another report places it within: a group's places are
    one, or a country and one place in it (any two are compatible), so whatever the order it is the finest."""
    containers = {r.within for r in group if r.within is not None}
    return next((r for r in group if r.value(K.location) is not None and r.value(K.location) not in containers),
                None)


def appendable(stated: frozenset[URIRef], report: Report, place: str | None) -> bool:
    """Whether merging `report` last into an event that states the one-value predicates `stated`, and is at
    `place`, leaves their values as they are: the first report that has one gives it (a date's words come with
    the date), but a finer place (Muscat after Oman) replaces the event's."""
    if report.within is not None and str(report.within) == place:
        return False
    if report.value(K.date) is not None and K.date not in stated:
        return False
    if report.value(K.dateText) is not None and not stated & {K.date, K.dateText}:
        return False
    return all(report.value(p) is None or p in stated for p in (K.location, K.cameoCode, _STATUS))


def appended(report: Report, node: URIRef, node_of: Mapping[URIRef, URIRef]) -> Graph:
    """A report's share of the event `node` it is merged into: its triples but the one-value ones and its
    confidence, about `node` instead of its own IRI."""
    g = plain_graph()
    _add(g, report, node, node_of)
    return g


def _add(g: Graph, report: Report, node: URIRef, node_of: Mapping[URIRef, URIRef]) -> None:
    for s, p, o in report.triples:
        if p not in _SEPARATE:
            o = node_of.get(o, o) if p == K.partOf else o  # type: ignore[call-overload]
            g.add((node if s == report.iri else s, p, node if o == report.iri else o))  # type: ignore[arg-type]

