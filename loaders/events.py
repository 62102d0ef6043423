"""Meeting and Negotiation events from trigger words and the names around them.

Triggers, Indonesian and English:

- a meeting verb: 'X bertemu (dengan) Y', 'X menemui Y', 'X met (with) Y',
  'X dan Y bertemu' -> Meeting of X and Y;
- a noun with 'antara'/'between': 'pertemuan antara X dan Y', 'meeting between
  X and Y' -> Meeting; 'perundingan/pembicaraan/negosiasi (rahasia) antara X
  dan Y', 'talks/negotiations between X and Y' -> Negotiation between the
  parties, or a Meeting when they are people (talks between people are a
  meeting of them).

X and Y are noun phrases: names with their titles ('Menlu Iran Hossein
Amir-Abdollahian'), where the person is the participant; an apposition
between subject and verb is skipped ('X, kepala penasihat ..., bertemu').
The location is 'di Z' / 'in Z' after the participants in the same clause,
or a follow-up 'Pembicaraan diadakan di Z' / 'The talks were held in Z',
which places the most recent event. The date is the first date expression
in the trigger's sentence that is not a 'sejak'/'since' bound.

Within an article, Negotiations between the same parties are one event, as
are Meetings of the same people on compatible dates; the first trigger is
kept. A Meeting whose participants come from two or more of a
Negotiation's parties is part of that Negotiation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from loaders.dates import DateMention, find_dates
from loaders.entities import entity_id
from loaders.gazetteer import NameIndex
from loaders.iris import entity_iri, event_iri
from loaders.model import Document, Entity, Event, Mention, Sentence, Span
from loaders.names import mention_tokens, title_tokens
from loaders.sentences import token_at

_AGENTS = ("Person", "Organization", "Country")
_PLACES = ("Place", "Country")
# 'X bertemu (dengan) Y', 'X met (with) Y', 'X berunding dengan Y'
_VERB = re.compile(
    r"\b(?P<trigger>bertemu|menemui|berjumpa|met|meets|berunding|bernegosiasi)\b(?:\s+(?:dengan|with)\b)?", re.I)
# 'X mengadakan pembicaraan dengan Y', 'X held secret talks with Y'
_HOLD = re.compile(
    r"\b(?:mengadakan|menggelar|held|holds|hold)\s+(?:(?:a|an)\s+)?(?:[a-z-]+\s+)??"
    r"(?P<trigger>pertemuan|pembicaraan|perundingan|negosiasi|talks|negotiations|meeting)\b(?:\s+(?:dengan|with)\b)?",
    re.I,
)
_BETWEEN = re.compile(
    r"\b(?P<trigger>(?i:pembicaraan|perundingan|negosiasi|pertemuan|talks|negotiations?|meeting))"
    r"(?:\s+[a-z][a-z-]*){0,3}?\s+(?i:antara|between)\s+"
)
_HELD_IN = re.compile(
    r"(?:the\s+)?(?:pembicaraan|pertemuan|perundingan|negosiasi|talks|meeting|negotiations?)"
    r"(?:\s+(?:itu|tersebut|ini))?\s+(?:(?:telah|sudah|juga)\s+)?"
    r"(?:diadakan|berlangsung|digelar|dilangsungkan|dilaksanakan|were\s+held|was\s+held|took\s+place)"
    r"\s+(?:di|in)\s+",
    re.I,
)
_MEETING_WORDS = frozenset({"bertemu", "menemui", "berjumpa", "met", "meets", "pertemuan", "meeting"})
_LOCATION = re.compile(r"\b(?:di|in)\s+", re.I)
_WORD_AT_END = re.compile(r"(\w+)\s*$")
_AUXILIARIES = frozenset({"telah", "sudah", "akan", "juga", "pernah", "kemudian", "lalu", "kembali", "also",
                          "has", "have", "had", "reportedly", "later", "then", "secretly", "again", "will"})
_CONNECTORS = frozenset({"dan", "and"})
_PHRASE_WORDS = frozenset({"the", "sang"})


@dataclass
class _Draft:
    type: str
    trigger: Span
    sentence: Sentence
    participants: list[str]
    location: str | None = None
    date: str | None = None
    date_text: str | None = None
    merged: list[Span] = field(default_factory=list)


@dataclass
class _Context:
    """One article's lookups, built once per document."""

    doc: Document
    by_token: dict[int, Mention]
    starts: dict[int, Mention]
    in_title: set[int]


class Events:
    """Pipeline component: `doc.events` from the sentences, mentions and entities."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index

    def __call__(self, doc: Document) -> Document:
        ctx = _Context(doc, mention_tokens(doc, doc.mentions), {m.span.start: m for m in doc.mentions},
                       title_tokens(doc))
        drafts: list[_Draft] = []
        for sentence in doc.sentences:
            _place_follow_up(ctx, sentence, drafts)
            found = _sentence_events(ctx, sentence)
            date = _event_date(sentence, doc.article.published) if found else None
            for draft in found:
                if date:
                    draft.date, draft.date_text = date.value, date.span.text
                _merge_or_add(drafts, draft)
        doc.events = self._events(doc, drafts)
        return doc

    def _events(self, doc: Document, drafts: list[_Draft]) -> list[Event]:
        counts: dict[str, int] = {}
        events: list[Event] = []
        for d in drafts:
            counts[d.type] = counts.get(d.type, 0) + 1
            events.append(Event(event_iri(doc.article.iri, d.type, counts[d.type]), d.type, d.trigger, d.sentence,
                                list(d.participants), d.location, d.date, d.date_text))
        self._link_parts(doc, events)
        return events

    def _link_parts(self, doc: Document, events: list[Event]) -> None:
        """A Meeting of people from two or more of a Negotiation's parties is part of it."""
        keys = {entity_id(m): m.key for m in doc.mentions}
        entities = {e.id: e for e in doc.entities}
        negotiations = [e for e in events if e.type == "Negotiation"]
        for event in events:
            if event.type != "Meeting":
                continue
            countries = {c for p in event.participants if (c := self._country(p, keys, entities))}
            if len(countries) >= 2:
                event.part_of = next((n.id for n in negotiations if countries <= set(n.participants)), None)

    def _country(self, participant: str, keys: dict[str, str], entities: dict[str, Entity]) -> str | None:
        """The participant's country: itself, the KB's country of a person, or a stated position's."""
        entity = entities.get(participant)
        if entity is None:
            return None
        if entity.type == "Country":
            return entity.id
        qid = self.index.country_of(keys[participant])
        if qid:
            return entity_iri("Country", "", qid)
        return next((p.of for p in entity.positions if p.of in entities and entities[p.of].type == "Country"), None)


def _event_date(sentence: Sentence, published: date | None) -> DateMention | None:
    """The sentence's first date that is not a 'sejak'/'since' bound."""
    return next((d for d in find_dates(sentence.text, published, sentence.start) if not d.since), None)


def _sentence_events(ctx: _Context, sentence: Sentence) -> list[_Draft]:
    text = ctx.doc.text
    drafts: list[_Draft] = []
    for verb in (_VERB, _HOLD):
        for m in verb.finditer(text, sentence.start, sentence.end):
            subjects = _phrase_left(ctx, _subject_end(text, sentence.start, m.start()), sentence.start)
            objects, end = _phrase_right(ctx, m.end(), sentence.end)
            draft = _draft(ctx, m, sentence, subjects + objects, end)
            if draft:
                drafts.append(draft)
    for m in _BETWEEN.finditer(text, sentence.start, sentence.end):
        parties, end = _phrase_right(ctx, m.end(), sentence.end)
        draft = _draft(ctx, m, sentence, parties, end)
        if draft:
            drafts.append(draft)
    drafts.sort(key=lambda d: d.trigger.start)
    return drafts


def _draft(ctx: _Context, m: re.Match[str], sentence: Sentence, heads: list[Mention], end: int) -> _Draft | None:
    """An event of the participants `heads` if there are two; its type from the trigger word and them."""
    participants = list(dict.fromkeys(entity_id(h) for h in heads if h.type in _AGENTS))
    if len(participants) < 2:
        return None
    start, stop = m.span("trigger")
    meeting = m.group("trigger").lower() in _MEETING_WORDS or any(h.type == "Person" for h in heads)
    type_ = "Meeting" if meeting else "Negotiation"
    trigger = Span(start, stop, ctx.doc.text[start:stop])
    return _Draft(type_, trigger, sentence, participants, _location_after(ctx, end, sentence.end))


def _merge_or_add(drafts: list[_Draft], draft: _Draft) -> None:
    for d in drafts:
        if d.type == draft.type and set(d.participants) == set(draft.participants) and (
                draft.type == "Negotiation" or _compatible(d.date, draft.date)):
            d.location = d.location or draft.location
            if d.date is None:
                d.date, d.date_text = draft.date, draft.date_text
            d.merged.append(draft.trigger)
            return
    drafts.append(draft)


def _compatible(a: str | None, b: str | None) -> bool:
    """Dates that may name the same day: unknown, equal, or one within the other ('2024-05', '2024-05-17')."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _place_follow_up(ctx: _Context, sentence: Sentence, drafts: list[_Draft]) -> None:
    """'Pembicaraan diadakan di Muscat.' places the most recent event before it."""
    held = _HELD_IN.match(sentence.text)
    place = ctx.starts.get(sentence.start + held.end()) if held else None
    if place is None or place.type not in _PLACES or not drafts:
        return
    latest = max(drafts, key=lambda d: max(s.start for s in [d.trigger, *d.merged]))
    latest.location = entity_id(place)


def _location_after(ctx: _Context, offset: int, limit: int) -> str | None:
    text = ctx.doc.text
    stop = min((k for k in (text.find(",", offset, limit), text.find(";", offset, limit)) if k >= 0), default=limit)
    for m in _LOCATION.finditer(text, offset, stop):
        place = ctx.starts.get(m.end())
        if place is not None and place.type in _PLACES:
            return entity_id(place)
    return None


def _subject_end(text: str, sentence_start: int, verb_start: int) -> int:
    """Where the subject phrase ends: before auxiliaries ('telah', 'also') and an apposition."""
    k = sentence_start + len(text[sentence_start:verb_start].rstrip())
    while (word := _WORD_AT_END.search(text, sentence_start, k)) and word.group(1).lower() in _AUXILIARIES:
        k = sentence_start + len(text[sentence_start:word.start()].rstrip())
    if text[k - 1:k] == ",":
        comma = text.rfind(",", sentence_start, k - 1)
        if comma >= 0:
            k = comma
    return k


def _phrase_right(ctx: _Context, offset: int, limit: int) -> tuple[list[Mention], int]:
    """Heads of the noun phrases from `offset` on, joined by 'dan'/'and'; and where they end."""
    tokens, text = ctx.doc.tokens, ctx.doc.text
    groups: list[list[Mention]] = [[]]
    i, end = token_at(tokens, offset), offset
    while i < len(tokens) and tokens[i].end <= limit and _inside_phrase(text[end:tokens[i].start]):
        mention = ctx.by_token.get(i)
        if mention is not None:
            groups[-1].append(mention)
            end = mention.span.end
            i = token_at(tokens, end)
            continue
        if not _phrase_word(ctx, i, groups):
            break
        end = tokens[i].end
        i += 1
    return _heads(groups), end


def _phrase_left(ctx: _Context, offset: int, limit: int) -> list[Mention]:
    """Heads of the noun phrases ending at `offset`, read right to left."""
    tokens, text = ctx.doc.tokens, ctx.doc.text
    groups: list[list[Mention]] = [[]]
    i, start = token_at(tokens, offset) - 1, offset
    while i >= 0 and tokens[i].start >= limit:
        mention = ctx.by_token.get(i)
        if not _inside_phrase(text[mention.span.end if mention else tokens[i].end:start]):
            break
        if mention is not None:
            groups[-1].insert(0, mention)
            start = mention.span.start
            i = token_at(tokens, start) - 1
            continue
        if not _phrase_word(ctx, i, groups):
            break
        start = tokens[i].start
        i -= 1
    return _heads(groups[::-1])


def _phrase_word(ctx: _Context, i: int, groups: list[list[Mention]]) -> bool:
    """A word that may sit in a noun phrase; a connector starts the next phrase."""
    tok = ctx.doc.tokens[i]
    if tok.folded in _CONNECTORS:
        if groups[-1]:
            groups.append([])
        return True
    return i in ctx.in_title or tok.text[0].isupper() or tok.folded in _PHRASE_WORDS


def _inside_phrase(gap: str) -> bool:
    return gap.strip(" ") in ("", "-", "'s", "\u2019s") and len(gap) <= 3


def _heads(groups: list[list[Mention]]) -> list[Mention]:
    """The participant of each phrase: its person if it names one ('Presiden AS Joe Biden'), else its agent."""
    heads = []
    for group in groups:
        agents = [m for m in group if m.type in _AGENTS]
        person = next((m for m in agents if m.type == "Person"), None)
        if person or agents:
            heads.append(person or agents[0])
    return heads
