"""The event-type plugin contract: what one kind of event declares, and the registry it joins.

An event type is a subclass of `EventType` in a module of its own,
registered with `@event_type(name, frame=..., ...)`. It names its class in the ontology
(checked against the vocabulary when a pipeline is built), the frame its
participants are read with (`loaders.events.frames`), the properties that
name their parts, its CAMEO code and when two of its mentions in one
article are one event. Its trigger words come from the language packs
(`LanguagePack.events[name]`) and, for languages it brings itself, from
its own `triggers`; both are used.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date as Day
from typing import ClassVar

from loaders import lang
from loaders.lang import Triggers
from loaders.model import Event, Sentence, Span
from ontology import KABAR
from ontology.vocabulary import ClassDef, Vocabulary

SEPARATE = "separate"
"""The mark of a draft split from 'X met separately with Y and Z': X with one of them, never all together."""

TRILATERAL = "trilateral"
"""The mark of a meeting of three sides ('pertemuan trilateral'): not the meeting of two of them told before."""

JOINT = "joint"
"""The mark of a draft of a joint verb (`Triggers.joint_verbs`): the sides its subject joins, no place after it."""

TRIGGER_ONLY = 0.7
"""The weakest-mention factor of an event naming no participant ('X terbunuh di Damaskus' with X unknown)."""


@dataclass
class Draft:
    """An event as read from one trigger, before events of one article are merged and numbered."""

    type: str
    trigger: Span
    sentence: Sentence
    marks: frozenset[str]  # the groups of `Triggers.marked` the trigger word belongs to ('host', 'visit')
    participants: list[str] = field(default_factory=list)
    location: str | None = None
    date: str | None = None
    date_text: str | None = None
    roles: dict[str, str] = field(default_factory=dict)
    confidence: float = 0.0
    status: str = "held"  # one of `loaders.model.STATUSES`
    from_context: bool = False  # its sentence names fewer than two participants: they come from around it
    forum: str | None = None  # the organization a summit is of ('KTT ASEAN'), an entity id
    countries: set[str] = field(default_factory=set)  # the participants' countries (set before merging)
    merged: list[Span] = field(default_factory=list)


class World:
    """What an event type may ask about the article's entities: their countries."""

    def country(self, entity: str) -> str | None:
        """The entity's country (an entity id): itself, the KB's country of a person or place, or a stated post's."""
        raise NotImplementedError


AGENTS = ("Person", "Organization", "Country")


class EventType:
    """One kind of event: `@event_type(...)` sets what it declares; a subclass overrides the methods that differ."""

    name: ClassVar[str]  # the ontology class kabar:<name>, a subclass of kabar:Event
    frame: ClassVar[str]  # how participants are read around a trigger: a name in `loaders.events.frames.FRAMES`
    roles: ClassVar[tuple[str, ...]]  # ontology properties of the frame's participants: subject's, object's
    participant_types: ClassVar[tuple[str, ...]]  # entity types that may take part
    type_roles: ClassVar[Mapping[str, str]]  # a participant of this entity type also has this property
    confidence: ClassVar[Mapping[str, float]]  # per pattern of the frame ('verb', 'noun', ...)
    placed_by_follow_up: ClassVar[bool]  # 'the talks were held in Z' places the latest such event
    dated_by_context: ClassVar[bool]  # undated, it may take the date of the story told just before it
    triggers: ClassVar[Mapping[str, Triggers]]  # per language code, besides what the language packs give

    def classify(self, participant_types: set[str], marks: frozenset[str]) -> str:
        """The type a draft of this type's trigger takes, given its participants' types and the trigger's marks
        (`Triggers.marked`): its own by default."""
        return self.name

    def same_event(self, a: Draft, b: Draft) -> bool:
        """Whether two drafts of this type in one article are one event: compatible dates and places, and
        the parties of one among the other's, or three in common (same roles where the type has roles)."""
        roles = a.roles.items() <= b.roles.items() or b.roles.items() <= a.roles.items()
        return related(a, b) and roles and compatible(a, b) and not _bilateral_and_trilateral(a, b)

    def absorbs(self, event: Draft, other: Draft) -> bool:
        """Whether a draft of another type of the same frame is a mention of `event`, of this type: never by default."""
        return False

    def cameo(self, draft: Draft, world: World) -> str | None:
        """The CAMEO code (GDELT's EventCode) of an event, or None where CAMEO has none."""
        return None

    def part_of(self, event: Event, events: list[Event], world: World) -> str | None:
        """The id of the larger event of the article this one belongs to, if any."""
        return None


def related(a: Draft, b: Draft) -> bool:
    """Whether two drafts speak of the same parties: three participants in common, or every participant of one
    among the other's participants and their countries ('Xi and Jokowi' and 'China and Indonesia'; 'Jaishankar and
    Wang Yi' and 'Wang Yi, India and China'), whichever is read first."""
    pa, pb = set(a.participants), set(b.participants)
    if len(pa & pb) >= 3:
        return True
    if not pa or not pb:
        return not pa and not pb
    return pa <= (b.countries | pb) or pb <= (a.countries | pa)


def _bilateral_and_trilateral(a: Draft, b: Draft) -> bool:
    """'Lavrov bertemu dengan Retno' and 'pertemuan trilateral dengan Lavrov dan Wang Yi': a meeting of three sides
    is not one of two of them told before."""
    return (TRILATERAL in a.marks) != (TRILATERAL in b.marks) and min(len(a.participants), len(b.participants)) <= 2


def compatible(a: Draft, b: Draft) -> bool:
    """Whether two drafts may be one event by when, where and whether: dates that may name the same day, no two
    places, and held only with held (the talks held last week are not the round planned for Saturday) unless
    both are dated the same day ('arrived on Tuesday to attend the summit' and 'met on Tuesday at the summit')."""
    places = a.location is None or b.location is None or a.location == b.location
    same_day = a.date is not None and a.date == b.date and len(a.date) == 10
    held = a.status == b.status == "held"
    # 'cancelled a summit with Putin on Wednesday' and 'a Kremlin meeting next month': a call-off is dated when
    # called off, the plan when it was to be; one event
    called_off = "cancelled" in (a.status, b.status) and "held" not in (a.status, b.status)
    return places and (compatible_dates(a.date, b.date) or (held and _next_days(a.date, b.date)) or called_off) and (
        (a.status == "held") == (b.status == "held") or same_day)


def _next_days(a: str | None, b: str | None) -> bool:
    """Two days in a row: a meeting held 'on Thursday' and told as held 'today' in a quote the report of Friday gives
    are one, as the cross-article merge takes a report written the next day."""
    return days_apart(a, b) == 1


def days_apart(a: str | None, b: str | None) -> int | None:
    """How many days lie between two dates given to the day, or None when either is not."""
    if a is None or b is None or len(a) != 10 or len(b) != 10:
        return None
    return abs((Day.fromisoformat(a) - Day.fromisoformat(b)).days)


def compatible_dates(a: str | None, b: str | None) -> bool:
    """Dates that may name the same day: unknown, equal, or one within the other ('2024-05', '2024-05-17')."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


_TYPES: dict[str, EventType] = {}
_version = 0


def event_type(name: str, *, frame: str, confidence: Mapping[str, float], roles: tuple[str, ...] = (),
               participant_types: tuple[str, ...] = AGENTS, type_roles: Mapping[str, str] | None = None,
               placed_by_follow_up: bool = False, dated_by_context: bool = False,
               triggers: Mapping[str, Triggers] | None = None
               ) -> Callable[[type[EventType]], type[EventType]]:
    """Register the decorated `EventType` subclass as `name`, declaring what the class attributes describe.

    A name registered twice is a ValueError; whether the name, roles and
    frame exist is checked when a pipeline is built (`check`).
    """

    def register(cls: type[EventType]) -> type[EventType]:
        global _version
        if name in _TYPES:
            raise ValueError(f"two event types are registered as {name!r}")
        cls.name, cls.frame, cls.confidence, cls.roles = name, frame, dict(confidence), tuple(roles)
        cls.participant_types, cls.type_roles = tuple(participant_types), dict(type_roles or {})
        cls.placed_by_follow_up, cls.dated_by_context = placed_by_follow_up, dated_by_context
        cls.triggers = dict(triggers or {})
        _TYPES[name] = cls()
        _version += 1
        return cls

    return register


def unregister(name: str) -> None:
    global _version
    del _TYPES[name]
    _version += 1


def event_types() -> dict[str, EventType]:
    """The registered event types by name, in registration order."""
    return dict(_TYPES)


def version() -> int:
    """Changes whenever an event type is registered or removed."""
    return _version


def trigger_words(kind: EventType) -> list[Triggers]:
    """The trigger words of an event type: every language pack's, then the type's own, language by language."""
    found = [pack.events[kind.name] for pack in lang.packs() if kind.name in pack.events]
    return found + [kind.triggers[code] for code in sorted(kind.triggers)]


def check_event_types(types: Mapping[str, EventType], vocabulary: Vocabulary, frames: Mapping[str, object]) -> None:
    """Raise ValueError, in one line, for an event type, role or frame the vocabulary or the engine lacks."""
    classes = {c.name: c for c in vocabulary.classes}
    properties = {p.name for p in vocabulary.properties}
    for kind in types.values():
        if not _is_event_class(kind.name, classes):
            raise ValueError(f"event type {kind.name!r} is not a subclass of kabar:Event in the vocabulary")
        for role in (*kind.roles, *kind.type_roles.values()):
            if role not in properties:
                raise ValueError(f"event type {kind.name!r}: role {role!r} is not a property of the vocabulary")
        if kind.frame not in frames:
            raise ValueError(f"event type {kind.name!r}: no frame {kind.frame!r} (frames: {', '.join(frames)})")
    for pack in lang.packs():
        unknown = sorted(set(pack.events) - set(types))
        if unknown:
            raise ValueError(f"language pack {pack.code!r} has triggers for {unknown[0]!r}, not a registered event "
                             f"type ({', '.join(types)})")


def _is_event_class(name: str, classes: Mapping[str, ClassDef]) -> bool:
    """Whether the vocabulary's class `name` is kabar:Event or below it."""
    todo, seen = [name], set()
    while todo:
        current = todo.pop()
        if current == "Event" and current in classes:
            return True
        if current in seen or current not in classes:
            continue
        seen.add(current)
        todo += [str(p)[len(str(KABAR)):] for p in classes[current].parents if str(p).startswith(str(KABAR))]
    return False
