"""A toy event type, for `test_plugins`: all that adding an event type takes is a module like this one.

Sanction: 'the United States sanctioned Iran'; CAMEO 163 (impose embargo, boycott, or sanctions).
"""

from loaders.events import Draft, EventType, World, event_type
from loaders.lang import Triggers


@event_type("Sanction", frame="action", roles=("sanctioner", "sanctioned"), confidence={"verb": 0.8, "noun": 0.7},
            triggers={"en": Triggers(verbs=("sanctioned",), nouns=("sanctions",)),
                      "id": Triggers(verbs=("menyanksi",), nouns=("sanksi",))})
class Sanction(EventType):
    def cameo(self, draft: Draft, world: World) -> str | None:
        return "163"
