"""Attack: an armed attack by an agent on another ('X menyerang Y', 'X launched attacks on Y', 'serangan terhadap Y').

CAMEO 190 (use conventional military force): the triggers name armed
attacks by states and armed groups; 18x would need telling terrorism or
assault apart, which the words do not.
"""

from __future__ import annotations

from loaders.events.base import Draft, EventType, World, event_type


@event_type("Attack", frame="action", roles=("attacker", "target"), confidence={"verb": 0.8, "noun": 0.75})
class Attack(EventType):
    def cameo(self, draft: Draft, world: World) -> str | None:
        return "190"
