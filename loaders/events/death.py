"""Death: a person's death or killing as reported ('X tewas', 'X was killed', 'kematian X', 'the death of X').

No CAMEO code: CAMEO codes interactions, not their outcome.
"""

from __future__ import annotations

from loaders.events.base import EventType, event_type


@event_type("Death", frame="undergo", roles=("victim",), participant_types=("Person",),
            confidence={"verb": 0.85, "noun": 0.75})
class Death(EventType):
    pass
