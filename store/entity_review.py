"""Correcting entities: retype, rename, merge, remove one, or add a name the extractor missed.

As with link corrections (`store.review`), a correction takes effect at
once and at every later ingest: it is kept in the corrections graph
(`store.corrections.set_edit`, with who and when), and the articles it
touches are extracted again from their stored text, their graphs replaced.
"""

from __future__ import annotations

import pyoxigraph as ox

from loaders.edits import ENTITY_TYPES
from loaders.iris import entity_iri
from ontology import ID
from store.corrections import set_edit
from store.ingest import reextract
from store.quad_store import KABAR_PREFIXES, QuadStore
from store.review import LinkError, resolve_entity

_MENTIONING = "SELECT DISTINCT ?g ?e WHERE { GRAPH ?g { ?a schema:mentions ?e } }"
_WRITING = "SELECT DISTINCT ?g ?name WHERE { GRAPH ?g { ?a schema:articleBody ?text FILTER(CONTAINS(?text, ?name)) } }"


def retype(store: QuadStore, entity: str, type_: str) -> int:
    """The entity is of `type_` from now on; returns how many articles were extracted again."""
    return _edit(store, entity, type_=_checked(type_))


def rename(store: QuadStore, entity: str, name: str) -> int:
    """The entity is called `name` from now on; a linked entity's name is its Wikidata label, so it is
    unlinked first (`kabar unlink`)."""
    if not name.strip():
        raise LinkError("a new name cannot be empty")
    iri = resolve_entity(store, entity)[0]
    if iri.startswith(str(ID["entity/"])):
        raise LinkError(f"{entity!r} is linked to {iri.rsplit('/', 1)[-1]}, whose Wikidata label is its name; "
                        "`kabar unlink` it first to name it yourself")
    return _edit(store, entity, name=name.strip())


def merge(store: QuadStore, entity: str, into: str) -> int:
    """The entity is `into` from now on: its mentions take that entity's type and name."""
    target, type_, name = resolve_entity(store, into)
    if resolve_entity(store, entity)[0] == target:
        raise LinkError(f"{entity!r} and {into!r} are the same entity")
    return _edit(store, entity, type_=type_, name=name)


def remove(store: QuadStore, entity: str) -> int:
    """The entity is no entity: its mentions leave every article graph."""
    return _edit(store, entity, removed=True)


def add(store: QuadStore, name: str, type_: str) -> int:
    """`name`, wherever an article writes it (whole words, as cased), is an entity of `type_`."""
    if not name.strip():
        raise LinkError("the name to add cannot be empty")
    set_edit(store, entity_iri(_checked(type_), name, None), type_=type_, added=name)
    writing = store.query(_WRITING, substitutions={"name": ox.Literal(name)}, prefixes=KABAR_PREFIXES)
    return reextract(store, [s["g"].value for s in writing])


def _edit(store: QuadStore, entity: str, *, type_: str | None = None, name: str | None = None,
          removed: bool = False) -> int:
    iri, was_type, was_name = resolve_entity(store, entity)
    set_edit(store, entity_iri(was_type, was_name, None), type_=type_, name=name, removed=removed)
    mentioning = store.query(_MENTIONING, substitutions={"e": ox.NamedNode(iri)}, prefixes=KABAR_PREFIXES)
    return reextract(store, [s["g"].value for s in mentioning])


def _checked(type_: str) -> str:
    if type_ not in ENTITY_TYPES:
        raise LinkError(f"{type_!r} is not an entity type; kabar's are {', '.join(ENTITY_TYPES)}")
    return type_
