"""Negotiation: talks between parties, usually countries ('perundingan antara Iran dan AS', 'talks between X and Y').

CAMEO 046 (engage in negotiation). Talks whose participants include a
person are read as a Meeting of those people. The countries among the
participants are also its `kabar:party`.
"""

from __future__ import annotations

from loaders.events.base import SEPARATE, Draft, EventType, World, compatible, event_type, related


@event_type("Negotiation", frame="interaction", confidence={"verb": 0.85, "noun": 0.8, "context": 0.6},
            type_roles={"Country": "party"}, placed_by_follow_up=True, dated_by_context=True)
class Negotiation(EventType):
    def classify(self, participant_types: set[str], marks: frozenset[str]) -> str:
        """Talks of people only ('Wang Yi held talks with Retno Marsudi') are a meeting of them, unless held for
        what talks settle (marked 'talks': '... to discuss the peace deal')."""
        return "Meeting" if participant_types == {"Person"} and "talks" not in marks else self.name

    def same_event(self, a: Draft, b: Draft) -> bool:
        """Talks are one when they may be on the same day and place and the countries of one are among the
        other's ('Iran and the US' and 'Ali Bagheri, Iran's negotiator'): rounds elsewhere or later are others."""
        nested = bool(a.countries and b.countries) and (a.countries <= b.countries or b.countries <= a.countries)
        return (nested or super().same_event(a, b)) and compatible(a, b)

    def absorbs(self, event: Draft, other: Draft) -> bool:
        """A meeting of the parties to these talks (or of people of their countries), on a day they may have been
        held, is these talks; a summit is not, nor a phone call, nor a separate meeting with one side ('Haniyeh
        discussed the talks in separate calls with Egypt's Abbas Kamel and Qatar's Al Thani'), nor, by their
        countries alone, a meeting of other people beside talks only referred to ('the dialogue was revived at a
        meeting between Modi and Xi'), or a meeting of one side's person with someone of no side ('utusan AS George
        Mitchell bertemu PM Israel Benjamin Netanyahu' beside Israel-Palestine talks)."""
        sides = related(event, other) or (len(other.countries) >= 2 and other.countries <= event.countries
                                          and not (event.from_context and event.sentence is other.sentence))
        return not {"summit", "call", SEPARATE} & other.marks and sides and compatible(event, other)

    def cameo(self, draft: Draft, world: World) -> str | None:
        return "046"
