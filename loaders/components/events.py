"""Events: the registered event types (`loaders.events`) read sentence by sentence, merged, numbered.

Each sentence's drafts come from the frames of the registered types, each
dated by the first date of its part of the sentence; a follow-up sentence
('Pembicaraan diadakan di Muscat', 'The talks were held in Oman') places
the most recent event of a type `placed_by_follow_up`; an event of a type
`dated_by_context` still undated takes the date of the story told just before it when that date fits,
and the place that story gives if it has none (`EventReader.story_before`). Within an article,
drafts an event type calls the same event (`EventType.same_event`) are one
event: the first trigger is kept and the others are its `mentions`. Events
are numbered per type in order; each type gives its CAMEO code and the
larger event it is part of. The types are checked against the ontology
vocabulary when the component is built.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from loaders.events import Draft, EventType, World, check_event_types, event_types
from loaders.events.base import JOINT, compatible, compatible_dates
from loaders.events.frames import FRAMES, EventReader, Frames
from loaders.iris import entity_iri, event_iri
from loaders.kb.build.records import Place
from loaders.kb.index import NameIndex
from loaders.model import STATUSES, Document, Entity, Event, Sentence
from loaders.names import media_names, without_web_suffix
from loaders.normalize import fold
from loaders.pipeline import PipelineError, Resources, component
from loaders.text import dateline_end

_CITIES = ("city", "capital")  # the KB's kinds of place narrow enough to say where a meeting was


@component("events", requires=("tokens", "sentences", "mentions", "entities", "referents", "positions", "within"),
           assigns=("events",))
class Events:
    """`doc.events` from the sentences, mentions, entities and positions."""

    def __init__(self, resources: Resources) -> None:
        self.index = resources.index
        self.kb = resources.kb_index
        self.media = frozenset(e.key for e in resources.kb.entries if e.kind == "media")
        self.types = event_types()
        try:
            check_event_types(self.types, resources.vocabulary, FRAMES)
        except ValueError as e:
            raise PipelineError(str(e)) from e
        self.frames = Frames(self.types)

    def __call__(self, doc: Document) -> None:
        reader = self.frames.read(doc, self._reporters(doc), self._citizens(doc))
        world = _Countries(doc, self.index)
        drafts: list[Draft] = []
        for sentence in doc.sentences:
            self._place_follow_up(reader, sentence, drafts)
            found = reader.drafts(sentence)
            dates = reader.dates(sentence) if found else []
            for k, draft in enumerate(found):
                when = reader.event_date(sentence, draft.trigger.start, dates)
                then = reader.then_story(sentence, draft.trigger.start) if not when else None
                if then is not None:
                    when, draft.location = then[0], draft.location or then[1]
                if when:
                    draft.date, draft.date_text = when.value, when.span.text
                head = next((d for d in found[:k] if reader.goes_on_from(d.trigger, draft.trigger)), None)
                draft.status = head.status if head else reader.status(sentence, draft.trigger, draft.date, draft.marks)
                if when and draft.status == "planned" and when.value != reader.published_day:
                    draft.date = when.ahead()  # 'akan bertemu pada hari Sabtu': the coming Saturday
                if draft.date and len(draft.date) > len("YYYY-MM") and self.frames.several_days.search(sentence.text):
                    draft.date = draft.date[:len("YYYY-MM")]  # 'three days of talks': days of a month, no one day
                self._merge_or_add(reader, drafts, draft, world)
        for d in drafts:  # merged by what the clauses say; a place the rest of its sentence gives only fills a gap,
            # then one the sentence before gives of a meeting ('menerima tamu negara di Istana Merdeka. Ada sembilan
            # pemimpin yang diterima ...')
            # (what two sides discussed follows its trigger: 'membicarakan situasi di Palestina' is no place)
            d.location = (d.location or reader.location_in(d.sentence, d.trigger.start, after_it=JOINT not in d.marks)
                          or reader.location_told_before(d.sentence))
        self._at_the_summit(reader, drafts)
        self._finest_places(doc, drafts)
        drafts = self._merged_again(reader, drafts, world)
        published = reader.published_day
        for d in drafts:  # stated as held somewhere, but dated after publication: still to come
            if published and d.status == "held" and d.date and d.date[:len(published)] > published[:len(d.date)]:
                d.status = "planned"
        for d in drafts:  # said without a date: the story told just before it may give one, and its place
            dated = d.date is None and self.types[d.type].dated_by_context
            story = reader.story_before(d.sentence, d.status) if dated else None
            if story is not None:
                when, told = story
                d.date, d.date_text = when.value, when.span.text
                d.location = d.location or reader.location_in(told, when.span.start)
        for d in drafts:  # a call joins parties who are apart: where one of them was is no place of the call
            if "call" in d.marks:
                d.location = None
        doc.events = self._events(doc, drafts, world)

    @staticmethod
    def _citizens(doc: Document) -> dict[str, str]:
        """The country the KB gives each linked person of the article, by entity id."""
        return {e.id: e.link.country for e in doc.entities if e.type == "Person" and e.link and e.link.country}

    def _reporters(self, doc: Document) -> frozenset[str]:
        """Who reports rather than acts: the article's publisher (named as its site, 'Purna Warta' of
        purnawarta.com, 'KOMPAS.com' of nasional.kompas.com, or as its source), read as a body or a person, the
        news media of the packs, of either KB (AFP, Kyodo News) and of the dateline, and the people its
        bylines and photo credits name."""
        host = (urlsplit(doc.article.url or "").hostname or "").split(".")
        publisher = {_letters(part) for part in host} | {_letters(".".join(host[i:])) for i in range(len(host))} \
            | {_letters(doc.article.source or "")}
        first = doc.sentences[0] if doc.sentences else None
        # 'TOKYO, Aug 23 (BSS/AFP) -', 'YEREVAN, SATUHARAPAN.COM-': a body the dateline names reports
        credited = [(first.start, first.start + dateline_end(first.text))] if first else []
        named = {doc.entity_of(m) for m in doc.mentions
                 if m.span.text in media_names() or m.source == "credit" or m.key in self.media
                 or any(a <= m.span.start < b for a, b in credited)}  # 'TOKYO, Aug 23 (BSS/AFP) -'
        found = set()
        for e in doc.entities:
            if e.type not in ("Organization", "Person"):
                continue
            record = self.kb.record("organization", e.wikidata) \
                if self.kb is not None and e.wikidata and e.type == "Organization" else None
            site = _letters(without_web_suffix(e.name))  # 'Kabar24.com' of kabar24.bisnis.com
            if _letters(e.name) in publisher or site in publisher or e.id in named \
                    or (record is not None and record.kind == "media"):
                found.add(e.id)
        return frozenset(found)

    @staticmethod
    def _at_the_summit(reader: EventReader, drafts: list[Draft]) -> None:
        """'Di sela-sela KTT G20 itu, Jokowi akan melakukan pembicaraan bilateral dengan ...': a meeting on the
        sidelines of a summit the article places is where the summit is, and when, unless it says when."""
        for d in drafts:
            forum = reader.occasion_forum(d.sentence) if d.location is None and "summit" not in d.marks else None
            summit = next((s for s in drafts if forum and s.forum == forum and s.location), None)
            if summit is not None:
                d.location = summit.location
                if d.date is None:
                    d.date, d.date_text = summit.date, summit.date_text

    def _finest_places(self, doc: Document, drafts: list[Draft]) -> None:
        """'Talks in Oman' in an article that names one city in Oman, Muscat, are talks in Muscat: the finest
        place the article gives (the event merge knows Muscat lies in Oman, so other reports still join). A
        region ('West Java') is too wide to say where a meeting was."""
        places_in: dict[str, list[str]] = {}
        for place, country in doc.within.items():
            if self._is_city(doc, place):
                places_in.setdefault(country, []).append(place)
        for d in drafts:
            places = places_in.get(d.location or "", [])
            if len(places) == 1:
                d.location = places[0]

    def _merged_again(self, reader: EventReader, drafts: list[Draft], world: _Countries) -> list[Draft]:
        """Events that only their finest places made alike ('talks in Oman', 'talks in Muscat' when Muscat is the
        one Omani city named) are one, as any two of the same event are."""
        kept: list[Draft] = []
        for draft in drafts:
            twin = next((d for d in kept if self.types[d.type].frame == self.types[draft.type].frame
                         and self._same(reader, d, draft)), None)
            if twin is None:
                kept.append(draft)
            else:
                self._merge(twin, replace(draft, from_context=False), world)
        return kept

    def _is_city(self, doc: Document, place: str) -> bool:
        qid = next((e.wikidata for e in doc.entities if e.id == place), None)
        record = self.kb.record("place", qid) if self.kb is not None and qid else None
        return isinstance(record, Place) and record.kind in _CITIES

    def _place_follow_up(self, reader: EventReader, sentence: Sentence, drafts: list[Draft]) -> None:
        """'Pembicaraan diadakan di Muscat.' places the most recent event a follow-up can place."""
        talks = [d for d in drafts if self.types[d.type].placed_by_follow_up]
        place = reader.held_in(sentence) if talks else None
        if place is not None:
            latest = max(talks, key=lambda d: max(s.start for s in [d.trigger, *d.merged]))
            latest.location = place

    def _merge_or_add(self, reader: EventReader, drafts: list[Draft], draft: Draft, world: _Countries) -> None:
        """Merge a draft into the event it states again, if any: one of its type that is the same event, one
        of another type of its frame that absorbs it, or, when it was read from context ('the talks'), the
        latest event of its frame if their dates, places and statuses agree."""
        kind = self.types[draft.type]
        draft.countries = {c for p in draft.participants if (c := world.country(p))}
        family = [d for d in drafts if self.types[d.type].frame == kind.frame]
        if draft.from_context:  # its place may be a topic ('negosiasi perang di Gaza'): when and whether decide
            family = [d for d in family[::-1] if compatible(d, replace(draft, location=d.location))][:1]
            for d in family:  # the event's own sentence places it before a later mention's place may
                d.location = d.location or reader.location_in(d.sentence, d.trigger.start)
        for d in family:
            if draft.from_context or self._same(reader, d, draft):
                self._merge(d, draft, world)
                return
        if reader.one_side(draft.participants) or _own_state(draft, world):  # a person and the state they serve:
            return  # no event of their own
        if not draft.from_context or draft.date or draft.location:  # 'the meeting' alone is no new event
            drafts.append(draft)

    def _same(self, reader: EventReader, event: Draft, draft: Draft) -> bool:
        """Whether `draft` states `event` again: the same event of its type, or one of another type of the frame
        that absorbs it."""
        if _lead_and_earlier(reader, event, draft):
            return False
        if event.type == draft.type:
            return self.types[draft.type].same_event(event, draft)
        return self.types[event.type].absorbs(event, draft)

    @staticmethod
    def _merge(d: Draft, draft: Draft, world: _Countries) -> None:
        if not draft.from_context:  # 'the talks' says nothing of who took part
            d.participants = list(dict.fromkeys(d.participants + draft.participants))
            d.roles.update(draft.roles)
            d.countries |= draft.countries
        d.status = min(d.status, draft.status, key=STATUSES.index)
        if d.location is None or (draft.location and world.type_of(d.location) == "Country"
                                  and world.type_of(draft.location) == "Place"):
            d.location = draft.location  # the finest place stated: Muscat over Oman
        # 'cancelled the meeting on Wednesday', then 'had planned it for next month': the plan dates the event
        if d.date is None or (d.status == "cancelled" and draft.status == "planned" and draft.date
                              and not compatible_dates(d.date, draft.date)):
            d.date, d.date_text = draft.date, draft.date_text
        d.confidence = max(d.confidence, draft.confidence)
        d.merged.append(draft.trigger)

    def _events(self, doc: Document, drafts: list[Draft], world: World) -> list[Event]:
        counts: dict[str, int] = {}
        events: list[Event] = []
        for d in drafts:
            kind: EventType = self.types[d.type]
            counts[d.type] = counts.get(d.type, 0) + 1
            events.append(Event(event_iri(doc.article.iri, d.type, counts[d.type]), d.type, d.trigger, d.sentence,
                                list(d.participants), d.location, d.date, d.date_text,
                                cameo=kind.cameo(d, world), confidence=round(d.confidence, 2),
                                roles=dict(d.roles), mentions=[d.trigger, *d.merged], status=d.status))
        for event in events:
            event.part_of = self.types[event.type].part_of(event, events, world)
        return events


def _lead_and_earlier(reader: EventReader, a: Draft, b: Draft) -> bool:
    """'Jokowi melakukan pertemuan bilateral dengan PM Papua Nugini James Marape' opening the story, undated, and
    'pertemuan Marape dengan dirinya tahun lalu': the lead's event is the news, of the publication's month; one
    dated to an earlier year or month is an earlier meeting, not the lead's told again."""
    published, sentences = reader.published_day, reader.doc.sentences
    if not published or not sentences:
        return False
    lead = sentences[0].start
    return any(x.date is None and x.sentence.start == lead and y.date is not None and len(y.date) <= 7
               and y.date < published[:len(y.date)] for x, y in ((a, b), (b, a)))


def _own_state(draft: Draft, world: _Countries) -> bool:
    """'perundingan ... di bawah kepemimpinan Presiden moderat Iran, Hassan Rouhani': a person and the country the KB
    or the article gives them are one side, not two that meet (Rouhani and Iran; Obama and the United States)."""
    if len(draft.participants) != 2:
        return False
    a, b = draft.participants
    return any(world.type_of(x) == "Person" and world.country(x) == y for x, y in ((a, b), (b, a)))


def _letters(name: str) -> str:
    """'Purna Warta', 'purnawarta', 'PURNA-WARTA' -> 'purnawarta'."""
    return "".join(c for c in fold(name) if c.isalnum())


class _Countries(World):
    """The countries of one article's entities, for CAMEO codes and event parts."""

    def __init__(self, doc: Document, index: NameIndex) -> None:
        self.index = index
        self.entities: dict[str, Entity] = {e.id: e for e in doc.entities}
        self.keys = {doc.entity_of(m): m.key for m in doc.mentions}
        self.positions = doc.positions

    def type_of(self, entity: str) -> str | None:
        found = self.entities.get(entity)
        return found.type if found else None

    def country(self, entity: str) -> str | None:
        found = self.entities.get(entity)
        if found is None:
            return None
        if found.type == "Country":
            return found.id
        qid = self.index.country_of(self.keys[entity])
        if qid:
            return entity_iri("Country", "", qid)
        return next((p.of for p in self.positions.get(entity, ())
                     if p.of in self.entities and self.entities[p.of].type == "Country"), None)
