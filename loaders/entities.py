"""Entity assembly: mentions with the same key are one entity, named and identified once.

The id comes from `entity_iri`, so a KB entity with a QID is the same node
in every article and one without is named by type and canonical name.
"""

from __future__ import annotations

from functools import lru_cache

from loaders.iris import entity_iri
from loaders.model import Document, Entity, Mention


def entity_id(mention: Mention) -> str:
    return _entity_iri(mention.type, mention.name, mention.qid)


_entity_iri = lru_cache(maxsize=8192)(entity_iri)  # later components ask for the same few ids many times


def assemble_entities(doc: Document) -> Document:
    """Pipeline component: `doc.entities` from `doc.mentions`, ordered by first mention.

    Every mention of a group takes the type and name of the group's first
    mention, so `entity_id(mention)` names its entity in later components.
    """
    groups: dict[str, list[Mention]] = {}
    for m in sorted(doc.mentions, key=lambda m: (m.span.start, -m.span.end)):
        groups.setdefault(m.key, []).append(m)
    entities: dict[str, Entity] = {}
    for members in groups.values():
        first = members[0]
        for m in members:
            m.type, m.name, m.qid, m.link = first.type, first.name, first.qid, first.link
        entity = entities.setdefault(entity_id(first), Entity(entity_id(first), first.type, first.name, first.qid,
                                                              link=first.link))
        entity.mentions.extend(m.span for m in members if m.span not in entity.mentions)
    for entity in entities.values():
        entity.mentions.sort(key=lambda s: s.start)
    doc.entities = list(entities.values())
    return doc
