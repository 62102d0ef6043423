"""Reviewing and correcting Wikidata links: list them, link or unlink an entity, fetch candidates for NIL entities.

A correction takes effect at once: it is kept in the corrections graph
(`store.corrections`), and the articles that mention the entity are
extracted again from their stored text and their graphs replaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

from loaders.components.linker import LinkIndex, LinkSettings
from loaders.iris import entity_iri
from loaders.kb.api import WikidataClient
from loaders.kb.build.index import KBIndex
from ontology import ENTITIES_GRAPH, ID, WD
from store.corrections import assert_item, asserted_items, set_correction
from store.ingest import reextract
from store.kb_graph import OnlineLookup, add_linked_items, knows_item
from store.quad_store import KABAR_PREFIXES, QuadStore

_LINKS = """
    SELECT ?e ?entities (SAMPLE(?t) AS ?type) (SAMPLE(?n) AS ?name) (SAMPLE(?item) AS ?qid) (MIN(?c) AS ?conf)
           (SAMPLE(?m) AS ?method) (COUNT(DISTINCT ?g) AS ?articles)
    WHERE { GRAPH ?entities { ?e owl:sameAs ?item ; a ?t ; schema:name ?n }
            GRAPH ?g { ?mention kabar:mentionOf ?e
                       OPTIONAL { ?mention kabar:linkConfidence ?c } OPTIONAL { ?mention kabar:linkMethod ?m } } }
    GROUP BY ?e ?entities ORDER BY ?conf ?e"""
_ENTITY = """
    SELECT DISTINCT ?e ?t ?n ?name WHERE { GRAPH ?g { ?e schema:name ?name ; schema:name ?n ; a ?t }
      ?a schema:mentions ?e FILTER(STRSTARTS(STR(?t), STR(kabar:))) }"""
_ENTITY_BY_IRI = """
    SELECT DISTINCT ?e ?t ?n WHERE { GRAPH ?g { ?e schema:name ?n ; a ?t }
      ?a schema:mentions ?e FILTER(STRSTARTS(STR(?t), STR(kabar:))) }"""
_MENTIONING = "SELECT DISTINCT ?g ?e WHERE { GRAPH ?g { ?a schema:mentions ?e } }"
_UNLINKED = """
    SELECT ?e ?t ?n (SAMPLE(?l) AS ?lang) WHERE {
      ?a schema:mentions ?e ; schema:inLanguage ?l . ?e a ?t ; schema:name ?n
      VALUES ?t { kabar:Person kabar:Organization kabar:Place kabar:Country }
      FILTER NOT EXISTS { ?e owl:sameAs ?item }
    } GROUP BY ?e ?t ?n ORDER BY ?e"""


class LinkError(ValueError):
    """A link command that cannot be done; `str()` says why in one line."""


@dataclass(frozen=True)
class LinkRow:
    entity: str
    type: str
    name: str
    qid: str
    confidence: float  # the lowest over the articles
    method: str
    articles: int


def list_links(store: QuadStore, below: float | None = None) -> list[LinkRow]:
    """Every linked entity, least confident first; `below` keeps those under that confidence."""
    rows = []
    entities = {"entities": ox.NamedNode(str(ENTITIES_GRAPH))}
    for s in store.query(_LINKS, substitutions=entities, prefixes=KABAR_PREFIXES):
        confidence = float(s["conf"].value) if s["conf"] is not None else 1.0
        if below is not None and confidence >= below:
            continue
        rows.append(LinkRow(s["e"].value, s["type"].value.rsplit("#", 1)[-1], s["name"].value,
                            s["qid"].value.removeprefix(str(WD)), confidence,
                            s["method"].value if s["method"] is not None else "", int(s["articles"].value)))
    return rows


def link(store: QuadStore, entity: str, qid: str, label: str | None = None) -> int:
    """Link the entity to `qid` from now on; returns how many articles were re-extracted. A QID no KB holds is
    the user's assertion: its label (`label`, else the entity's name) waits in the corrections graph for
    `kabar kb fetch`."""
    if not re.fullmatch(r"Q[1-9]\d*", qid):
        raise LinkError(f"{qid!r} is not a Wikidata QID (Q followed by digits)")
    _, _, name = resolve_entity(store, entity)
    asserted = not knows_item(store, qid) and add_linked_items(store, [qid], KBIndex.open()) == 0
    if asserted:
        assert_item(store, qid, label or name)
    return _correct(store, entity, qid)


def fill_asserted(store: QuadStore, client: WikidataClient) -> list[str]:
    """Fetch from Wikidata the user-asserted items the KB graph still lacks; returns their QIDs."""
    missing = [q for q in asserted_items(store) if not knows_item(store, q)]
    if missing:
        OnlineLookup(store, client).learn(missing)
    return missing


def unlink(store: QuadStore, entity: str) -> int:
    """Make the entity NIL from now on; returns how many articles were re-extracted."""
    return _correct(store, entity, None)


def _correct(store: QuadStore, entity: str, qid: str | None) -> int:
    iri, type_, name = resolve_entity(store, entity)
    set_correction(store, entity_iri(type_, name, None), qid)
    mentioning = store.query(_MENTIONING, substitutions={"e": ox.NamedNode(iri)}, prefixes=KABAR_PREFIXES)
    return reextract(store, [s["g"].value for s in mentioning])


def resolve_entity(store: QuadStore, entity: str) -> tuple[str, str, str]:
    """(IRI, type, name) of an entity given by IRI, `kid:` name or name; a name must be unambiguous."""
    iri = str(ID) + entity.removeprefix("kid:") if entity.startswith("kid:") else entity
    if iri.startswith(("http://", "https://")):
        try:
            query, given = _ENTITY_BY_IRI, {"e": ox.NamedNode(iri)}
        except ValueError as e:
            raise LinkError(f"{entity!r} is not an IRI ({e})") from e
    else:
        query, given = _ENTITY, {"name": ox.Literal(entity)}
    found = {(s["e"].value, s["t"].value.rsplit("#", 1)[-1], s["n"].value)
             for s in store.query(query, substitutions=given, union_default_graph=True, prefixes=KABAR_PREFIXES)}
    if not found:
        raise LinkError(f"no entity {entity!r} in the store")
    entities = {e for e, _, _ in found}
    if len(entities) > 1:
        raise LinkError(f"{entity!r} names {len(entities)} entities; give one IRI: {', '.join(sorted(entities))}")
    return min(found)


@dataclass(frozen=True)
class FetchedCandidate:
    """A Wikidata item `kabar kb fetch` found for a NIL entity, for a user to confirm with `kabar link`."""

    entity: str
    qid: str
    label: str
    description: str
    confidence: float  # the name evidence the linker would give it


def fetch_candidates(store: QuadStore, client: WikidataClient, limit: int = 3) -> list[FetchedCandidate]:
    """Search Wikidata for every unlinked person, organization, place and country; keep the hits in the KB.

    Nothing is linked: the candidates are for review (`kabar link ENTITY QID`).
    """
    lookup = OnlineLookup(store, client, limit)
    out = []
    for s in store.query(_UNLINKED, union_default_graph=True, prefixes=KABAR_PREFIXES):
        type_, name = s["t"].value.rsplit("#", 1)[-1], s["n"].value
        entries = lookup(name, type_, s["lang"].value)
        for c in LinkIndex(entries).candidates(type_, [name], LinkSettings())[:limit]:
            out.append(FetchedCandidate(s["e"].value, c.entry.qid or "", c.entry.label, c.entry.description or "",
                                        round(c.score, 3)))
    return out
