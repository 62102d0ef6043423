"""Meeting: two or more parties meeting in person ('X bertemu Y', 'X met Y', 'pertemuan antara X dan Y').

CAMEO (GDELT's EventCode): 043 when the trigger says hosting (marked
'host' in the packs: 'menjamu', 'hosted'), 042 a visit ('visit':
'mengunjungi'), 044 when it is placed in a country neither side belongs
to, else 040 (consult, unspecified). A Meeting whose participants come from
two or more of a Negotiation's parties is part of that Negotiation.
"""

from __future__ import annotations

from loaders.events.base import Draft, EventType, World, event_type
from loaders.model import Event


@event_type("Meeting", frame="interaction", confidence={"verb": 0.85, "hold": 0.8, "between": 0.8},
            placed_by_follow_up=True)
class Meeting(EventType):
    def cameo(self, draft: Draft, world: World) -> str | None:
        if "host" in draft.marks:
            return "043"
        if "visit" in draft.marks:
            return "042"
        place = world.country(draft.location) if draft.location else None
        sides = {world.country(p) for p in draft.participants}
        return "044" if place and None not in sides and place not in sides else "040"

    def part_of(self, event: Event, events: list[Event], world: World) -> str | None:
        countries = {c for p in event.participants if (c := world.country(p))}
        if len(countries) < 2:
            return None
        return next((n.id for n in events if n.type == "Negotiation" and countries <= set(n.participants)), None)
