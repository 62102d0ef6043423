"""Coordinates: where the large offline KB puts each place and country the article names (Wikidata's P625,
and P17 for the country a place lies in).

One job: a linked entity of type Place or Country whose QID the KB's place records give a latitude and
longitude for gets that point, which the RDF mapper states and the map page draws; a linked Place the KB
puts in a country gets that country (`schema:containedInPlace`), which lets a query for meetings in Oman
find those in Muscat and the event merge know that a report placing talks in Muscat and one placing them in
Oman agree. Nothing is guessed: an unlinked place, or one the KB has no record for, gets neither.
"""

from __future__ import annotations

from loaders.iris import entity_iri
from loaders.kb.build.index import KBIndex
from loaders.kb.build.records import Place
from loaders.model import Document
from loaders.pipeline import Resources, component

_LOCATED = ("Place", "Country")


@component("coordinates", requires=("entities",), assigns=("points", "within"))
class Coordinates:
    """Each linked place's and country's point, and a place's country, from the large KB's place records."""

    def __init__(self, resources: Resources) -> None:
        self.kb: KBIndex | None = resources.kb_index

    def __call__(self, doc: Document) -> None:
        if self.kb is None:
            return
        for entity in doc.entities:
            if entity.type in _LOCATED and entity.wikidata:
                place = self.kb.record("place", entity.wikidata)
                if not isinstance(place, Place):
                    continue
                if place.lat is not None and place.lon is not None:
                    doc.points[entity.id] = (place.lat, place.lon)
                if entity.type == "Place" and place.country and place.country != place.qid:
                    doc.within[entity.id] = entity_iri("Country", "", place.country)
