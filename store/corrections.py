"""Users' corrections, kept in a graph of their own (`CORRECTIONS_GRAPH`) and applied at every ingest.

A correction is keyed by the entity's local IRI (type + name, as for a NIL
entity), so it names the entity the same way before and after the change:

    kid:person/brett-mcgurk  kabar:linkMethod "manual" ; owl:sameAs wd:Q… .   # link
    kid:entity/…/joe-biden   kabar:linkMethod "manual" .                     # unlink: no item

A QID no KB holds is the user's assertion until `kabar kb fetch` brings the
item from Wikidata: its label, as the user gave it, waits here too:

    wd:Q4773416  rdfs:label "Antony Blinken"@en .

Entity corrections (`loaders.edits`) say what an entity is, with who said it and when:

    kid:person/purna-warta  kabar:correctedType "Organization" ; dcterms:creator "ana" ; dcterms:modified "…" .
    kid:person/tim-redaksi  kabar:removedByUser true ; …
    kid:person/retno-lp     kabar:correctedType "Person" ; kabar:correctedName "Retno Marsudi" ; …   # a merge
    kid:organization/bpmi   kabar:addedName "BPMI" ; kabar:correctedType "Organization" ; …
"""

from __future__ import annotations

import getpass
from datetime import UTC, datetime

import pyoxigraph as ox

from loaders.edits import Edits, EntityEdit
from loaders.kb.model import CANONICAL_LANGUAGE
from ontology import CORRECTIONS_GRAPH, DCTERMS, OWL, RDFS, WD, XSD, K
from store.quad_store import QuadStore

MANUAL = "manual"
_METHOD, _SAME_AS = ox.NamedNode(str(K.linkMethod)), ox.NamedNode(str(OWL.sameAs))
_LABEL = ox.NamedNode(str(RDFS.label))
_TYPE, _NAME = ox.NamedNode(str(K.correctedType)), ox.NamedNode(str(K.correctedName))
_REMOVED, _ADDED = ox.NamedNode(str(K.removedByUser)), ox.NamedNode(str(K.addedName))
_CREATOR, _MODIFIED = ox.NamedNode(str(DCTERMS.creator)), ox.NamedNode(str(DCTERMS.modified))
_EDIT_PREDICATES = (_TYPE, _NAME, _REMOVED, _ADDED, _CREATOR, _MODIFIED)


def read_corrections(store: QuadStore) -> dict[str, str | None]:
    """Local entity IRI -> the QID a user chose, or None for "no item"."""
    out: dict[str, str | None] = {}
    for quad in store.quads(CORRECTIONS_GRAPH, predicate=_METHOD):
        out.setdefault(quad.subject.value, None)
    for quad in store.quads(CORRECTIONS_GRAPH, predicate=_SAME_AS):
        out[quad.subject.value] = quad.object.value.removeprefix(str(WD))
    return out


def set_correction(store: QuadStore, local_iri: str, qid: str | None) -> None:
    """From now on the entity `local_iri` is `qid` (None: no item); replaces what was said of it before."""
    local = ox.NamedNode(local_iri)
    kept = [q.triple for q in store.quads(CORRECTIONS_GRAPH) if q.subject != local]
    kept.append(ox.Triple(local, _METHOD, ox.Literal(MANUAL)))
    if qid:
        kept.append(ox.Triple(local, _SAME_AS, ox.NamedNode(str(WD[qid]))))
    store.replace_graph(CORRECTIONS_GRAPH, kept)


def assert_item(store: QuadStore, qid: str, label: str) -> None:
    """Record that the item `qid`, which no KB holds, exists and is called `label` (the user's word for it)."""
    store.add_quads([ox.Quad(ox.NamedNode(str(WD[qid])), _LABEL, ox.Literal(label, language=CANONICAL_LANGUAGE),
                             ox.NamedNode(str(CORRECTIONS_GRAPH)))])


def asserted_items(store: QuadStore) -> dict[str, str]:
    """QID -> label of the items users asserted."""
    return {q.subject.value.removeprefix(str(WD)): q.object.value
            for q in store.quads(CORRECTIONS_GRAPH, predicate=_LABEL)}


def read_edits(store: QuadStore) -> Edits:
    """The users' entity corrections, for the pipeline's coreference step."""
    said: dict[str, dict[str, str]] = {}
    for predicate in (_TYPE, _NAME, _REMOVED, _ADDED):
        for quad in store.quads(CORRECTIONS_GRAPH, predicate=predicate):
            said.setdefault(quad.subject.value, {})[predicate.value] = quad.object.value
    entities, added = {}, []
    for local, values in said.items():
        type_, name = values.get(_TYPE.value), values.get(_NAME.value)
        if _ADDED.value in values and type_:
            added.append((values[_ADDED.value], type_))
        else:
            entities[local] = EntityEdit(type_, name, values.get(_REMOVED.value) == "true")
    return Edits(entities, tuple(sorted(added)))


def set_edit(store: QuadStore, local_iri: str, *, type_: str | None = None, name: str | None = None,
             removed: bool = False, added: str | None = None) -> None:
    """From now on the entity `local_iri` is what this says (replacing an earlier entity correction of it),
    with who said it (the user's login) and when."""
    local = ox.NamedNode(local_iri)
    kept = [q.triple for q in store.quads(CORRECTIONS_GRAPH) if not (q.subject == local
                                                                       and q.predicate in _EDIT_PREDICATES)]
    values: list[tuple[ox.NamedNode, ox.Literal]] = []
    if type_:
        values.append((_TYPE, ox.Literal(type_)))
    if name:
        values.append((_NAME, ox.Literal(name)))
    if removed:
        values.append((_REMOVED, ox.Literal(True)))
    if added:
        values.append((_ADDED, ox.Literal(added)))
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    values += [(_CREATOR, ox.Literal(getpass.getuser())),
               (_MODIFIED, ox.Literal(now, datatype=ox.NamedNode(str(XSD.dateTime))))]
    store.replace_graph(CORRECTIONS_GRAPH, kept + [ox.Triple(local, p, o) for p, o in values])
