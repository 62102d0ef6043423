"""Users' corrections of entities, applied to an article's mentions as coreference decides them.

Where the extractor got an entity wrong, a user says what it is, and kabar
keeps saying it at every ingest (`kabar entity ...`, kept in the store's
corrections graph as link corrections are):

- retype: the entity is of another type ('Purna Warta' is an Organization);
- rename: the entity has another name;
- merge: the entity is another one (its mentions take that one's type and
  name, so both are one entity in each article);
- remove: the entity is no entity (a byline 'Tim Redaksi', a photo credit);
- add: a name the extractor missed is an entity of a type wherever it is
  written (whole words, as cased).

An entity is named by its local IRI (type and name, `loaders.iris.entity_iri`
without a QID), as link corrections name it, so an edit holds before and
after the entity is linked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from loaders.iris import entity_iri
from loaders.model import Mention, Span
from loaders.normalize import fold

ENTITY_TYPES = ("Person", "Organization", "Country", "Place")
"""The types a user may give an entity."""
_MAX_CHAIN = 8  # edits of edits followed, at most (a loop of merges stops here)


@dataclass(frozen=True)
class EntityEdit:
    """What a user said an entity is: another type and/or name (a merge gives both), or nothing (removed)."""

    type: str | None = None
    name: str | None = None
    removed: bool = False


@dataclass(frozen=True)
class Edits:
    entities: Mapping[str, EntityEdit] = field(default_factory=dict)  # local entity IRI -> the edit
    added: tuple[tuple[str, str], ...] = ()  # (name as written, type)

    def __bool__(self) -> bool:
        return bool(self.entities or self.added)

    def apply(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """`mentions` (sorted by start) with the added names in, the removed entities out, the others retyped,
        renamed or merged; an edited mention joins a mention of the article its new type and name already
        have (same key, same proposal), else the linker decides it anew."""
        out = list(mentions)
        for name, type_ in self.added:
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                out = [o for o in out if o.span.end <= m.start() or o.span.start >= m.end()]
                out.append(Mention(Span(m.start(), m.end(), name), type_, name, None, f"{type_}:{fold(name)}",
                                   "user"))
        edited, kept = [], []
        for m in out:
            edit = self.entities.get(entity_iri(m.type, m.name, None))
            if edit is None:
                kept.append(m)
                continue
            for _ in range(_MAX_CHAIN):  # retyped, then merged: each edit names the entity the last one made
                if edit is None or edit.removed:
                    break
                type_, name = edit.type or m.type, edit.name or m.name
                m = replace(m, type=type_, name=name, qid=None, key=f"{type_}:{fold(name)}")
                edit = self.entities.get(entity_iri(type_, name, None))
            if edit is None or not edit.removed:
                edited.append(m)
        known = {(m.type, fold(m.name)): m for m in reversed(kept)}
        for k, m in enumerate(edited):
            same = known.get((m.type, fold(m.name)))
            if same is not None:
                edited[k] = replace(m, name=same.name, qid=same.qid, key=same.key)
        return sorted(kept + edited, key=lambda m: (m.span.start, -m.span.end))
