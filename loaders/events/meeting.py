"""Meeting: two or more parties meeting in person ('X bertemu Y', 'X met Y', 'pertemuan antara X dan Y').

CAMEO (GDELT's EventCode): 043 when the trigger says hosting (marked
'host' in the packs: 'menjamu', 'hosted'), 042 a visit ('visit':
'mengunjungi'), 044 when it is placed in a country neither side belongs
to, else 040 (consult, unspecified). A Meeting whose participants come from
two or more of a Negotiation's parties is part of that Negotiation.
"""

from __future__ import annotations

from loaders.events.base import Draft, EventType, World, compatible_dates, days_apart, event_type
from loaders.model import Event

_SUMMIT_DAYS = 3  # days between two dates of one summit: most last two or three


@event_type("Meeting", frame="interaction", confidence={"verb": 0.85, "noun": 0.8, "context": 0.6},
            placed_by_follow_up=True, dated_by_context=True)
class Meeting(EventType):
    def classify(self, participant_types: set[str], marks: frozenset[str]) -> str:
        """A meeting of countries or organizations only ('Iran and the E3 meeting') is a round of talks, and so is
        one held for what talks settle (marked 'talks': 'met X to work out differences over the dam'); a summit
        stays a summit."""
        if "summit" in marks:
            return self.name
        return self.name if "Person" in participant_types and "talks" not in marks else "Negotiation"

    def same_event(self, a: Draft, b: Draft) -> bool:
        """A summit is one event with its forum and leaders, apart from the meetings held at it: two summit
        drafts are one when their forums agree (or one names none) and their dates may, whether it is
        still to come or held (an article on a coming summit says both); a summit lasts some days, so its
        opening day and 'today' of a report from its last day are one summit; a summit of no forum is the meeting
        of the same leaders told that day, there. A phone call is never a meeting the article places somewhere."""
        if ("call" in a.marks) != ("call" in b.marks):  # a phone call is not a meeting placed somewhere
            met = b if "call" in a.marks else a
            if met.location is not None:
                return False
        if ("summit" in a.marks) != ("summit" in b.marks):
            # a summit of no forum told again as the meeting of the same leaders, that day, there: one event
            summit = b if "summit" in b.marks else a
            return summit.forum is None and set(a.participants) == set(b.participants) \
                and a.date is not None and len(a.date) == 10 and a.date == b.date \
                and a.location is not None and a.location == b.location
        if "summit" in a.marks:
            forums = a.forum is None or b.forum is None or a.forum == b.forum
            apart = days_apart(a.date, b.date)
            days = compatible_dates(a.date, b.date) or (apart is not None and apart <= _SUMMIT_DAYS)
            return forums and days and (a.forum is not None or b.forum is not None or super().same_event(a, b))
        return super().same_event(a, b)

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
