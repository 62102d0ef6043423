"""The events graph: one node per event, kept equal to clustering every stored report (`loaders.event_merge`).

A write changes it in one of two ways:

- **append**: an article written for the first time whose every report
  comes, in the clustering order (publication date, article), after every
  stored report it shares a participant and a type with. Clustering is
  first-fit in that order, so no stored report moves: each new report joins
  the first event, in order, it matches every report of, or is an event of
  its own, and only its own triples are added. `store.ingest` writes a batch
  in that order, and an `EventMemo` keeps what the writes learned of the
  events they met (their reports' signatures), so the thousandth
  report of a story costs what the first did.
- **rebuild**: anything else (a re-ingest, a removal, an older article, a
  report that would give an event its date or place): the events the write
  touches, closed under joining, are rebuilt from all their reports.

Both give the graph clustering all reports at once would: the same whatever
order the articles came in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Literal, URIRef

from loaders.event_merge import (
    ONE_VALUE,
    Report,
    appendable,
    appended,
    clusters,
    matches_all,
    merged,
    reports,
)
from loaders.rdf import plain_graph
from ontology import EVENTS_GRAPH, RDF, SCHEMA, K
from store.quad_store import QuadStore, insert_data

_EVENTS = ox.NamedNode(str(EVENTS_GRAPH))
_TYPE, _PARTICIPANT, _PART_OF, _SOURCE, _MENTION_OF, _CONFIDENCE = (
    ox.NamedNode(str(p)) for p in (RDF.type, K.participant, K.partOf, K.extractedFrom, K.mentionOf, K.confidence))
_STATEMENTS, _PUBLISHED = ox.NamedNode(str(K.eventStatements)), ox.NamedNode(str(SCHEMA.datePublished))
_LOCATION = ox.NamedNode(str(K.location))
_ONE_VALUE = {ox.NamedNode(str(p)): p for p in ONE_VALUE}


class EventMemo:
    """What one batch of writes learned of the stored events it appended to; valid while only appends follow."""

    def __init__(self) -> None:
        self.latest: dict[ox.NamedNode, tuple[str, str]] = {}  # event -> (publication, article) of its last report
        self.events: dict[ox.NamedNode, _Event] = {}

    def clear(self) -> None:
        self.latest.clear()
        self.events.clear()

    def latest_of(self, store: QuadStore, node: ox.NamedNode) -> tuple[str, str]:
        if node not in self.latest:
            published = _published(store, _objects(store, node, _SOURCE))
            self.latest[node] = max((_arrival(day, s.value) for s, day in published.items()), default=("", ""))
        return self.latest[node]

    def event(self, store: QuadStore, node: ox.NamedNode) -> _Event | None:
        """The event as an append needs it, read from the store the first time (None: no report found)."""
        if node not in self.events:
            stored = _stored_reports(store, _objects(store, node, _SOURCE))
            current = _current_events(store, stored)
            members = [r for r in stored if node in current[r.iri]]
            if not members:
                return None
            stated = frozenset(p for o, p in _ONE_VALUE.items() if next(store.quads(_EVENTS, node, o), None))
            confidence = next((q.object for q in store.quads(_EVENTS, node, _CONFIDENCE)), None)
            place = next((q.object.value for q in store.quads(_EVENTS, node, _LOCATION)), None)
            self.events[node] = _Event(node, min(r.order for r in members), {r.signature_id for r in members},
                                       stated, place, None if confidence is None else (float(confidence.value),
                                                                                       str(confidence)))
        return self.events[node]


@dataclass
class _Event:
    """A stored event: its first report's place in the clustering order, its reports' signatures (all
    `matches_all` reads but articles, and an appended article is none of its reports'), the one-value predicates
    it states, its place and its confidence (value, as SPARQL)."""

    node: ox.NamedNode
    first: tuple[str, str, str]
    signatures: set[int]  # of its reports (`Report.signature_id`)
    stated: frozenset[URIRef]
    place: str | None
    confidence: tuple[float, str] | None = field(default=None)


def event_operations(store: QuadStore, article: ox.NamedNode, new_reports: list[Report], memo: EventMemo | None
                     ) -> tuple[list[str], Callable[[], None]]:
    """The updates of the events graph that writing the article's `new_reports` (none: a removal) makes, and
    what to run once they are stored (it tells `memo` what was learned)."""
    if memo is not None and new_reports and next(store.quads(_EVENTS, predicate=_SOURCE, obj=article), None) is None:
        planned = _append(store, new_reports, memo)
        if planned is not None:
            return planned
    operations = _rebuild_events(store, article, new_reports)
    return operations, (memo.clear if memo is not None and operations else _nothing)


def _nothing() -> None:
    return None


def _append(store: QuadStore, new_reports: list[Report], memo: EventMemo
            ) -> tuple[list[str], Callable[[], None]] | None:
    """The reports placed as `clusters` would place them last, or None when they are not last or would change
    what an event states once."""
    homes: dict[URIRef, _Event | None] = {}
    reads = _Reads()
    reads.learn(store, new_reports)
    for report in new_reports:
        sharing = reads.sharing(store, report)
        arrival = _arrival(report.published, report.article)
        if any(memo.latest_of(store, node) >= arrival for node in sharing):
            return None
        mine = len(report.values(K.participant))
        candidates = [memo.event(store, node) for node, count in sharing.items()
                      if count >= min(2, mine, reads.shape[node][0])]
        if None in candidates:
            return None
        taken = {h.node for h in homes.values() if h is not None}  # by this article: one report of it each
        home = next((event for event in sorted(candidates, key=lambda e: e.first)  # type: ignore[union-attr]
                     if event.node not in taken and matches_all(report, event.signatures)), None)  # type: ignore[union-attr]
        if home is not None and not appendable(home.stated, report, home.place):
            return None
        homes[report.iri] = home
    node_of = {iri: URIRef(home.node.value) if home else iri for iri, home in homes.items()}
    added, replaced = plain_graph(), []
    for report in new_reports:
        home = homes[report.iri]
        if home is None:
            added += merged([report], node_of)
            continue
        added += appended(report, node_of[report.iri], node_of)
        confidence = _confidence(report)
        if confidence and home.confidence and confidence[0] > home.confidence[0]:
            replaced.append(f"DELETE DATA {{ GRAPH {_EVENTS} {{ {home.node} {_CONFIDENCE} {home.confidence[1]} }} }}")
        if confidence and (home.confidence is None or confidence[0] > home.confidence[0]):
            added.add((node_of[report.iri], K.confidence, report.value(K.confidence)))  # type: ignore[arg-type]

    def learned() -> None:
        for report in new_reports:
            home, arrival, confidence = homes[report.iri], _arrival(report.published, report.article), _confidence(
                report)
            if home is None:
                node = ox.NamedNode(str(report.iri))
                stated = frozenset(p for p in ONE_VALUE if report.value(p) is not None)
                place = report.value(K.location)
                memo.events[node] = _Event(node, report.order, {report.signature_id}, stated,
                                           None if place is None else str(place), confidence)
                memo.latest[node] = arrival
                continue
            home.signatures.add(report.signature_id)
            memo.latest[home.node] = max(arrival, memo.latest_of(store, home.node))
            if confidence and (home.confidence is None or confidence[0] > home.confidence[0]):
                home.confidence = confidence

    return [*replaced, insert_data(_EVENTS, added)], learned


def _arrival(published: str, article: str) -> tuple[str, str]:
    """A report's place in the clustering order against other articles' reports (`Report.order`)."""
    return (published or "9999", article)


def _published(store: QuadStore, articles: list[ox.NamedNode]) -> dict[ox.NamedNode, str]:
    """Each article's publication date ("" when unknown), read in one go."""
    found = {a: "" for a in articles}
    found.update((q.subject, q.object.value) for q in store.own_quads(articles, [_PUBLISHED]))
    return found


def _confidence(report: Report) -> tuple[float, str] | None:
    value = report.value(K.confidence)
    return (float(value), value.n3()) if isinstance(value, Literal) else None


def _rebuild_events(store: QuadStore, article: ox.NamedNode, new_reports: list[Report]) -> list[str]:
    """Delete the events this write touches and insert them rebuilt from all their reports.

    The touched events are closed under joining: every stored report of a touched event may itself join
    other events (a report the rebuild splits off joins the event it would have joined had it come last),
    so the rebuild regroups whole sets of reports that share participants, and the graph is the same
    whatever order the articles came in."""
    own = {q.subject for q in store.quads(_EVENTS, predicate=_SOURCE, obj=article)}
    touched = set(own)
    loaded: dict[URIRef, Report] = {}
    nodes: dict[URIRef, frozenset[ox.NamedNode]] = {}  # report -> the event nodes its trigger mentions are of
    read: set[ox.NamedNode] = {article}
    visited: set[ox.NamedNode] = set()  # touched events whose sources and parts were looked up
    expanded: set[URIRef] = set()
    reads = _Reads()
    pending = list(new_reports)
    while True:
        reads.learn(store, pending)
        for report in pending:
            touched |= _joinable(store, report, reads) | nodes.get(report.iri, frozenset())
        new = touched - visited
        new |= {q.subject for q in store.quads_in(_EVENTS, objects=new, predicate=_PART_OF)}
        touched |= new
        visited |= new
        sources = {q.object for q in store.quads_in(_EVENTS, subjects=new, predicate=_SOURCE)
                   if isinstance(q.object, ox.NamedNode)} - read
        read |= sources
        stored = _stored_reports(store, sorted(sources, key=lambda s: s.value))
        loaded.update((report.iri, report) for report in stored)
        nodes.update(_current_events(store, stored))
        pending = [r for r in loaded.values() if nodes[r.iri] & touched and r.iri not in expanded]
        if not pending:
            break
        expanded |= {r.iri for r in pending}
    if not touched and not new_reports:
        return []
    redone = [r for r in loaded.values() if nodes[r.iri] & touched]
    groups = clusters([*redone, *new_reports])
    node_of = {r.iri: URIRef(min(n, key=lambda e: e.value).value) for r in loaded.values() if (n := nodes[r.iri])}
    node_of |= {member.iri: group[0].iri for group in groups for member in group}
    members: dict[ox.NamedNode, set[URIRef]] = {}
    for r in redone:
        for node in nodes[r.iri]:
            members.setdefault(node, set()).add(r.iri)
    rebuilt = plain_graph()
    for group in groups:
        node = ox.NamedNode(group[0].iri)
        if node not in own and members.get(node) == {r.iri for r in group} and all(
                nodes[r.iri] == {node} and not r.values(K.partOf) for r in group):
            touched.discard(node)  # the same reports of other articles as before: the stored node stands
            continue
        rebuilt += merged(group, node_of)
    values = " ".join(map(str, sorted(touched, key=lambda e: e.value)))
    deletes = [] if not touched else [
        f"DELETE {{ GRAPH {_EVENTS} {{ {p} }} }} WHERE {{ VALUES ?e {{ {values} }} GRAPH {_EVENTS} {{ {p} }} }}"
        for p in ("?e ?p ?o", "?m ?p ?e")
    ]
    return [*deletes, insert_data(_EVENTS, rebuilt)]


def _joinable(store: QuadStore, report: Report, reads: _Reads) -> set[ox.NamedNode]:
    """The stored events of the report's type it shares enough participants with to be the same event (two,
    or all when either has fewer: `loaders.event_merge.matches_all`); an event that shares one participant of
    many (every meeting with Indonesia) cannot take it, so it is not rebuilt."""
    mine = len(report.values(K.participant))
    return {event for event, count in reads.sharing(store, report).items()
            if count >= min(2, mine, reads.shape[event][0])}


class _Reads:
    """What one write asked the events graph, kept while it asks again (the store does not change meanwhile)."""

    def __init__(self) -> None:
        self.shape: dict[ox.NamedNode, tuple[int, list[ox.NamedNode]]] = {}  # event -> participants, types
        self._having: dict[str, list[ox.NamedNode]] = {}  # participant -> the stored events it takes part in
        self._sharing: dict[tuple[frozenset[object], frozenset[object]], dict[ox.NamedNode, int]] = {}

    def learn(self, store: QuadStore, reports: Iterable[Report]) -> None:
        """Read, in one go, the stored events the reports' participants take part in and those events' shapes:
        a rebuild asks for hundreds of reports, which a remote store then answers in three requests."""
        unknown = sorted({str(p) for r in reports for p in r.values(K.participant)} - self._having.keys())
        if not unknown:
            return
        for participant in unknown:
            self._having[participant] = []
        for q in store.quads_in(_EVENTS, objects=[ox.NamedNode(p) for p in unknown], predicate=_PARTICIPANT):
            self._having[q.object.value].append(q.subject)
        unread = sorted({e for p in unknown for e in self._having[p]} - self.shape.keys(), key=lambda e: e.value)
        counts = Counter(q.subject for q in store.quads_in(_EVENTS, subjects=unread, predicate=_PARTICIPANT))
        types: dict[ox.NamedNode, list[ox.NamedNode]] = {}
        for q in store.quads_in(_EVENTS, subjects=unread, predicate=_TYPE):
            types.setdefault(q.subject, []).append(q.object)
        for event in unread:
            self.shape[event] = (counts[event], types.get(event, []))

    def sharing(self, store: QuadStore, report: Report) -> dict[ox.NamedNode, int]:
        """The stored events of a type of the report's that share participants with it, and how many; worked
        out once per set of types and participants (the copies of a wire story have one)."""
        key = (report.values(RDF.type), report.values(K.participant))
        if key not in self._sharing:
            self.learn(store, [report])
            kinds = {ox.NamedNode(str(t)) for t in key[0]}
            shared = Counter(event for p in key[1] for event in self._having[str(p)])
            self._sharing[key] = {event: count for event, count in shared.items()
                                  if any(t in kinds for t in self.shape[event][1])}
        return self._sharing[key]


def _objects(store: QuadStore, subject: ox.NamedNode, predicate: ox.NamedNode) -> list[ox.NamedNode]:
    return [q.object for q in store.quads(_EVENTS, subject, predicate) if isinstance(q.object, ox.NamedNode)]


def _stored_reports(store: QuadStore, articles: list[ox.NamedNode]) -> list[Report]:
    """The reports of stored articles, in their order: their statements and dates read in one go (a remote store
    answers them in one request, not three an article)."""
    stated: dict[ox.NamedNode, list[str]] = {}
    published: dict[ox.NamedNode, str] = {}
    for q in store.own_quads(articles, [_STATEMENTS, _PUBLISHED]):
        if q.predicate == _STATEMENTS:
            stated.setdefault(q.subject, []).append(q.object.value)
        else:
            published[q.subject] = q.object.value
    return [report for a in articles
            for report in _parsed_reports(a.value, published.get(a, ""), tuple(sorted(stated.get(a, ()))))]


@lru_cache(maxsize=4096)
def _parsed_reports(article: str, published: str, stated: tuple[str, ...]) -> tuple[Report, ...]:
    """An article's reports from its statements as stored (N-Triples text): parsed once while they stay the
    same, however many later articles report the same events."""
    statements = plain_graph()
    for text in stated:
        statements.parse(data=text, format="nt")
    return tuple(reports(article, published, statements))


def _current_events(store: QuadStore, reports: list[Report]) -> dict[URIRef, frozenset[ox.NamedNode]]:
    """The event nodes each stored report's trigger mentions are of, read in one go: one, but for a trigger that
    tells of one meeting per object ('courtesy calls with A and B'), whose reports share their mentions."""
    of: dict[ox.NamedNode, list[URIRef]] = {}
    for report in reports:
        for mention, _, _ in (t for t in report.triples if t[1] == K.mentionOf):
            of.setdefault(ox.NamedNode(str(mention)), []).append(report.iri)
    found: dict[URIRef, set[ox.NamedNode]] = {r.iri: set() for r in reports}
    for q in store.quads_in(_EVENTS, subjects=of, predicate=_MENTION_OF):
        if isinstance(q.object, ox.NamedNode):
            for iri in of[q.subject]:
                found[iri].add(q.object)
    return {iri: frozenset(nodes) for iri, nodes in found.items()}
