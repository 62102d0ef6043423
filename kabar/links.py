"""Review and correct Wikidata links; the pipeline ingest runs with the store's KB and corrections.

A correction is kept in a graph of its own (`CORRECTIONS_GRAPH`), keyed by
the entity's local IRI (type + name, as for a NIL entity), so it names the
entity the same way before and after the change and the linker applies it
at every later ingest:

    kid:person/brett-mcgurk  kabar:linkMethod "manual" ; owl:sameAs wd:Q… .   # link
    kid:entity/…/joe-biden   kabar:linkMethod "manual" .                     # unlink: no item

A correction takes effect at once: the articles that mention the entity
are extracted again from their stored text and their graphs replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyoxigraph as ox

from kabar.store import KabarStore
from loaders.iris import entity_iri
from loaders.kb import load_kb
from loaders.kb_import import store_kb
from loaders.link import Linker, LinkIndex, LinkSettings
from loaders.model import Article
from loaders.pipeline import Pipeline, default_pipeline
from loaders.rdf import extraction_graph
from loaders.wikidata_api import OnlineLookup, WikidataClient
from ontology import ID, OWL, RDF, SCHEMA, WD, WIKIDATA_GRAPH, K
from ontology.namespaces import CORRECTIONS_GRAPH

MANUAL = "manual"
_CORRECTIONS = ox.NamedNode(str(CORRECTIONS_GRAPH))


class LinkError(ValueError):
    """A link command that cannot be done; `str()` says why in one line."""


def store_pipeline(store: KabarStore, pipeline: Pipeline | None = None, *, online: WikidataClient | None = None,
                   settings: LinkSettings | None = None) -> Pipeline:
    """`pipeline` (default: built over the store's KB) with its linker given the store's corrections.

    The KB is the seed KB plus what `kabar kb import` and the online mode
    added to the store; with `online`, names the KB does not know are
    looked up on Wikidata and what is learned goes into the KB graph.
    """
    if pipeline is None:
        seed = load_kb()
        kb = store_kb(store, seed)
        pipeline = default_pipeline() if kb.entries == seed.entries else default_pipeline(kb)
    changes: dict[str, object] = {"corrections": read_corrections(store)}
    if online is not None:
        changes["lookup"] = OnlineLookup(store, online)
    if settings is not None:
        changes["settings"] = settings
    return Pipeline([c.configured(**changes) if isinstance(c, Linker) else c for c in pipeline.components])


def read_corrections(store: KabarStore) -> dict[str, str | None]:
    """Local entity IRI -> the QID a user chose, or None for "no item"."""
    out: dict[str, str | None] = {}
    for quad in store.oxigraph.quads_for_pattern(None, ox.NamedNode(str(K.linkMethod)), None, _CORRECTIONS):
        out.setdefault(quad.subject.value, None)
    for quad in store.oxigraph.quads_for_pattern(None, ox.NamedNode(str(OWL.sameAs)), None, _CORRECTIONS):
        out[quad.subject.value] = quad.object.value.removeprefix(str(WD))
    return out


@dataclass(frozen=True)
class LinkRow:
    entity: str
    type: str
    name: str
    qid: str
    confidence: float  # the lowest over the articles
    method: str
    articles: int


def list_links(store: KabarStore, below: float | None = None) -> list[LinkRow]:
    """Every linked entity, least confident first; `below` keeps those under that confidence."""
    query = f"""
        PREFIX owl: <{OWL}> PREFIX kabar: <{K}> PREFIX schema: <{SCHEMA}>
        SELECT ?e (SAMPLE(?t) AS ?type) (SAMPLE(?n) AS ?name) (SAMPLE(?item) AS ?qid) (MIN(?c) AS ?conf)
               (SAMPLE(?m) AS ?method) (COUNT(DISTINCT ?g) AS ?articles)
        WHERE {{ GRAPH ?g {{ ?e owl:sameAs ?item ; a ?t ; schema:name ?n
                            OPTIONAL {{ ?e kabar:linkConfidence ?c }} OPTIONAL {{ ?e kabar:linkMethod ?m }} }}
                FILTER(?g != <{CORRECTIONS_GRAPH}>) }}
        GROUP BY ?e ORDER BY ?conf ?e"""
    rows = []
    for s in store.oxigraph.query(query):
        confidence = float(s["conf"].value) if s["conf"] is not None else 1.0
        if below is not None and confidence >= below:
            continue
        rows.append(LinkRow(s["e"].value, s["type"].value.rsplit("#", 1)[-1], s["name"].value,
                            s["qid"].value.removeprefix(str(WD)), confidence,
                            s["method"].value if s["method"] is not None else "", int(s["articles"].value)))
    return rows


def link(store: KabarStore, entity: str, qid: str) -> int:
    """Link the entity to `qid` from now on; returns how many articles were re-extracted."""
    if not store.oxigraph.contains_named_graph(ox.NamedNode(str(WIKIDATA_GRAPH))) or not any(
            store.oxigraph.quads_for_pattern(ox.NamedNode(str(WD[qid])), None, None,
                                             ox.NamedNode(str(WIKIDATA_GRAPH)))):
        raise LinkError(f"{qid} is not in the local Wikidata KB; add it with `kabar kb import` or `kabar kb fetch`")
    return _correct(store, entity, qid)


def unlink(store: KabarStore, entity: str) -> int:
    """Make the entity NIL from now on; returns how many articles were re-extracted."""
    return _correct(store, entity, None)


def _correct(store: KabarStore, entity: str, qid: str | None) -> int:
    iri, type_, name = resolve_entity(store, entity)
    local = ox.NamedNode(entity_iri(type_, name, None))
    store.oxigraph.update(f"DELETE WHERE {{ GRAPH <{CORRECTIONS_GRAPH}> {{ {local} ?p ?o }} }}")
    quads = [ox.Quad(local, ox.NamedNode(str(K.linkMethod)), ox.Literal(MANUAL), _CORRECTIONS)]
    if qid:
        quads.append(ox.Quad(local, ox.NamedNode(str(OWL.sameAs)), ox.NamedNode(str(WD[qid])), _CORRECTIONS))
    store.oxigraph.extend(quads)
    return reextract(store, _articles_mentioning(store, iri))


def resolve_entity(store: KabarStore, entity: str) -> tuple[str, str, str]:
    """(IRI, type, name) of an entity given by IRI, `kid:` name or name; a name must be unambiguous."""
    iri = str(ID) + entity.removeprefix("kid:") if entity.startswith("kid:") else entity
    if iri.startswith(("http://", "https://")):
        where = f"BIND(<{iri}> AS ?e) ?e schema:name ?n ; a ?t"
    else:
        where = f"?e schema:name {ox.Literal(entity)} ; schema:name ?n ; a ?t"
    query = f"""PREFIX schema: <{SCHEMA}> PREFIX kabar: <{K}>
        SELECT DISTINCT ?e ?t ?n WHERE {{ GRAPH ?g {{ {where} }} ?a schema:mentions ?e
          FILTER(STRSTARTS(STR(?t), STR(kabar:))) }}"""
    found = {(s["e"].value, s["t"].value.rsplit("#", 1)[-1], s["n"].value)
             for s in store.oxigraph.query(query, use_default_graph_as_union=True)}
    if not found:
        raise LinkError(f"no entity {entity!r} in the store")
    entities = {e for e, _, _ in found}
    if len(entities) > 1:
        raise LinkError(f"{entity!r} names {len(entities)} entities; give one IRI: {', '.join(sorted(entities))}")
    return min(found)


def _articles_mentioning(store: KabarStore, iri: str) -> list[str]:
    query = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?a <{SCHEMA.mentions}> <{iri}> }} }}"
    return [s["g"].value for s in store.oxigraph.query(query)]


def reextract(store: KabarStore, graphs: list[str]) -> int:
    """Extract these article graphs again from the text they hold, with the store's pipeline."""
    pipeline = store_pipeline(store)
    for name in graphs:
        article = stored_article(store, name)
        store.replace_graph(name, extraction_graph(pipeline.extract(article)))
    store.flush()
    return len(graphs)


def stored_article(store: KabarStore, graph: str) -> Article:
    """The article an article graph was made from, as `kabar ingest` read it."""
    query = f"""PREFIX schema: <{SCHEMA}> PREFIX rdf: <{RDF}> PREFIX kabar: <{K}>
        SELECT ?a ?title ?text ?lang ?url ?published ?author ?source WHERE {{ GRAPH <{graph}> {{
          ?a rdf:type kabar:Article ; schema:headline ?title ; schema:articleBody ?text ; schema:inLanguage ?lang
          OPTIONAL {{ ?a schema:url ?url }} OPTIONAL {{ ?a schema:datePublished ?published }}
          OPTIONAL {{ ?a schema:author/schema:name ?author }} OPTIONAL {{ ?a schema:publisher/schema:name ?source }}
        }} }}"""
    rows = list(store.oxigraph.query(query))
    if len(rows) != 1:
        raise LinkError(f"{graph} is not an article graph")
    s = rows[0]

    def value(var: str) -> str | None:
        return s[var].value if s[var] is not None else None

    published = value("published")
    return Article(s["a"].value, value("url"), s["title"].value, s["text"].value, s["lang"].value,
                   date.fromisoformat(published) if published else None, value("source"), value("author"), graph)


@dataclass(frozen=True)
class Candidate:
    entity: str
    qid: str
    label: str
    description: str
    confidence: float  # the name evidence the linker would give it


def fetch_for_store(store: KabarStore, client: WikidataClient, limit: int = 3) -> list[Candidate]:
    """Search Wikidata for every unlinked person, organization, place and country; keep the hits in the KB.

    Nothing is linked: the candidates are for review (`kabar link ENTITY QID`).
    """
    query = f"""PREFIX schema: <{SCHEMA}> PREFIX kabar: <{K}> PREFIX owl: <{OWL}>
        SELECT ?e ?t ?n (SAMPLE(?l) AS ?lang) WHERE {{
          ?a schema:mentions ?e ; schema:inLanguage ?l . ?e a ?t ; schema:name ?n
          VALUES ?t {{ kabar:Person kabar:Organization kabar:Place kabar:Country }}
          FILTER NOT EXISTS {{ ?e owl:sameAs ?item }}
        }} GROUP BY ?e ?t ?n ORDER BY ?e"""
    lookup = OnlineLookup(store, client, limit)
    out = []
    for s in store.oxigraph.query(query, use_default_graph_as_union=True):
        type_, name = s["t"].value.rsplit("#", 1)[-1], s["n"].value
        entries = lookup(name, type_, s["lang"].value)
        for c in LinkIndex(entries).candidates(type_, [name], LinkSettings())[:limit]:
            out.append(Candidate(s["e"].value, c.entry.qid or "", c.entry.label, c.entry.description or "",
                                 round(c.score, 3)))
    return out
