"""Entity assembly: mentions with the same key are one entity, named, typed and identified once.

The id comes from `entity_iri`, so a KB entity with a QID is the same node
in every article and one without is named by type and canonical name. An
entity takes its type and recognized name from the first mention of its
key, its QID and (when linked) its KB label from the linker. Two keys that
come to the same id (a pattern-found name the linker linked to a KB
person also found by the gazetteer) are one entity. `referents` tells
later components which entity each mention names.
"""

from __future__ import annotations

from loaders.iris import entity_iri
from loaders.model import Document, Entity, Mention, Referent
from loaders.pipeline import component


@component("entities", requires=("mentions", "links"), assigns=("entities", "referents"))
def assemble_entities(doc: Document) -> None:
    """`doc.entities` from `doc.mentions`, ordered by first mention, and `doc.referents`."""
    groups: dict[str, list[Mention]] = {}
    for m in sorted(doc.mentions, key=lambda m: (m.span.start, -m.span.end)):
        groups.setdefault(m.key, []).append(m)
    entities: dict[str, Entity] = {}
    referents: dict[str, Referent] = {}
    for key, members in groups.items():
        first, link = members[0], doc.links[key]
        name = link.label or first.name
        id_ = entity_iri(first.type, name, link.qid)
        referents[key] = Referent(id_, first.type)
        entity = entities.setdefault(id_, Entity(id_, first.type, name, link.qid, link=link))
        entity.mentions.extend(m.span for m in members if m.span not in entity.mentions)
    for entity in entities.values():
        entity.mentions.sort(key=lambda s: s.start)
    doc.entities = list(entities.values())
    doc.referents = referents
