"""Users' link corrections, kept in a graph of their own (`CORRECTIONS_GRAPH`) and applied at every ingest.

A correction is keyed by the entity's local IRI (type + name, as for a NIL
entity), so it names the entity the same way before and after the change:

    kid:person/brett-mcgurk  kabar:linkMethod "manual" ; owl:sameAs wd:Q… .   # link
    kid:entity/…/joe-biden   kabar:linkMethod "manual" .                     # unlink: no item

A QID no KB holds is the user's assertion until `kabar kb fetch` brings the
item from Wikidata: its label, as the user gave it, waits here too:

    wd:Q4773416  rdfs:label "Antony Blinken"@en .
"""

from __future__ import annotations

import pyoxigraph as ox

from loaders.kb.model import CANONICAL_LANGUAGE
from ontology import CORRECTIONS_GRAPH, OWL, RDFS, WD, K
from store.kabar_store import KabarStore

MANUAL = "manual"
_METHOD, _SAME_AS = ox.NamedNode(str(K.linkMethod)), ox.NamedNode(str(OWL.sameAs))
_LABEL = ox.NamedNode(str(RDFS.label))


def read_corrections(store: KabarStore) -> dict[str, str | None]:
    """Local entity IRI -> the QID a user chose, or None for "no item"."""
    out: dict[str, str | None] = {}
    for quad in store.quads(CORRECTIONS_GRAPH, predicate=_METHOD):
        out.setdefault(quad.subject.value, None)
    for quad in store.quads(CORRECTIONS_GRAPH, predicate=_SAME_AS):
        out[quad.subject.value] = quad.object.value.removeprefix(str(WD))
    return out


def set_correction(store: KabarStore, local_iri: str, qid: str | None) -> None:
    """From now on the entity `local_iri` is `qid` (None: no item); replaces what was said of it before."""
    local = ox.NamedNode(local_iri)
    kept = [q.triple for q in store.quads(CORRECTIONS_GRAPH) if q.subject != local]
    kept.append(ox.Triple(local, _METHOD, ox.Literal(MANUAL)))
    if qid:
        kept.append(ox.Triple(local, _SAME_AS, ox.NamedNode(str(WD[qid]))))
    store.replace_graph(CORRECTIONS_GRAPH, kept)


def assert_item(store: KabarStore, qid: str, label: str) -> None:
    """Record that the item `qid`, which no KB holds, exists and is called `label` (the user's word for it)."""
    store.add_quads([ox.Quad(ox.NamedNode(str(WD[qid])), _LABEL, ox.Literal(label, language=CANONICAL_LANGUAGE),
                             ox.NamedNode(str(CORRECTIONS_GRAPH)))])


def asserted_items(store: KabarStore) -> dict[str, str]:
    """QID -> label of the items users asserted."""
    return {q.subject.value.removeprefix(str(WD)): q.object.value
            for q in store.quads(CORRECTIONS_GRAPH, predicate=_LABEL)}
