"""The knowledge base as the extractor sees it: entries with names, a type, and a QID when verified.

Built from the seed files (`loaders.kb.seed`), grown from the store's KB
graph (`loaders.kb.wikidata.grow`). Entries without a QID keep their name
and type so the extractor can recognise them, but never get linked: a
wrong link is worse than none.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from ontology import RDFS, SCHEMA, SKOS, WD, WDT

CANONICAL_LANGUAGE = "en"
"""The language of the KB's labels, which name the entities: Wikidata's English labels."""

P_LABEL, P_ALIAS, P_DESCRIPTION = (ox.NamedNode(str(p)) for p in (RDFS.label, SKOS.altLabel, SCHEMA.description))


@dataclass(frozen=True)
class KBEntry:
    qid: str | None
    type: str  # Person, Country, Organization, Place or Event
    label: str  # the canonical name, in CANONICAL_LANGUAGE
    label_id: str | None = None
    aliases: tuple[tuple[str, str], ...] = ()  # (alias, language); "mul" when the source gives none
    description: str | None = None
    country: str | None = None  # QID of the entry's country
    kind: str | None = None  # capital, city, region, media, ... as the source classifies it

    @property
    def key(self) -> str:
        return self.qid or f"{self.type}:{self.label}"

    def names(self) -> Iterator[str]:
        """Every name this entry may appear under, label first."""
        yield self.label
        if self.label_id:
            yield self.label_id
        for alias, _ in self.aliases:
            yield alias


@dataclass
class KnowledgeBase:
    entries: list[KBEntry]
    _by_qid: dict[str, KBEntry] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_qid = {}
        for e in self.entries:  # the first entry of a QID wins: Monaco the country, not the city
            if e.qid:
                self._by_qid.setdefault(e.qid, e)

    def by_qid(self, qid: str) -> KBEntry | None:
        return self._by_qid.get(qid)

    def capitals(self) -> dict[str, list[str]]:
        """Country QID to its capitals' QIDs (Wikidata P36)."""
        out: dict[str, list[str]] = {}
        for e in self.entries:
            if e.kind == "capital" and e.country and e.qid:
                out.setdefault(e.country, []).append(e.qid)
        return out

    def triples(self) -> Iterator[ox.Triple]:
        """The verified entries as Wikidata-shaped triples: labels, aliases, descriptions, P17/P27, P36."""
        for e in self.entries:
            if not e.qid:
                continue
            item = _item(e.qid)
            yield ox.Triple(item, P_LABEL, ox.Literal(e.label, language=CANONICAL_LANGUAGE))
            if e.label_id:
                yield ox.Triple(item, P_LABEL, ox.Literal(e.label_id, language="id"))
            for alias, lang in e.aliases:
                yield ox.Triple(item, P_ALIAS, ox.Literal(alias, language=lang))
            if e.description:
                yield ox.Triple(item, P_DESCRIPTION, ox.Literal(e.description, language=CANONICAL_LANGUAGE))
            if e.country and e.country != e.qid:
                prop = WDT.P27 if e.type == "Person" else WDT.P17
                yield ox.Triple(item, ox.NamedNode(str(prop)), _item(e.country))
        for country, capitals in self.capitals().items():
            for capital in capitals:
                yield ox.Triple(_item(country), ox.NamedNode(str(WDT.P36)), _item(capital))


def _item(qid: str) -> ox.NamedNode:
    return ox.NamedNode(str(WD[qid]))
