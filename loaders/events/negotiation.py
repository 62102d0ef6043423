"""Negotiation: talks between parties, usually countries ('perundingan antara Iran dan AS', 'talks between X and Y').

CAMEO 046 (engage in negotiation). Talks whose participants include a
person are read as a Meeting of those people. Negotiations between the
same parties are one event in an article whatever their dates, and the
countries among their participants are also its `kabar:party`.
"""

from __future__ import annotations

from loaders.events.base import Draft, EventType, World, event_type


@event_type("Negotiation", frame="interaction", confidence={"verb": 0.85, "hold": 0.8, "between": 0.8},
            type_roles={"Country": "party"}, placed_by_follow_up=True)
class Negotiation(EventType):
    def classify(self, participant_types: set[str]) -> str:
        return "Meeting" if "Person" in participant_types else self.name

    def same_event(self, a: Draft, b: Draft) -> bool:
        return set(a.participants) == set(b.participants) and a.roles == b.roles

    def cameo(self, draft: Draft, world: World) -> str | None:
        return "046"
