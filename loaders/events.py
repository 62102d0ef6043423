"""Events from trigger words and the names around them: Meeting, Negotiation, Attack, Death.

Meeting and Negotiation, Indonesian and English:

- a meeting verb: 'X bertemu (dengan) Y', 'X menemui Y', 'X bertatap muka
  dengan Y', 'X menerima kunjungan Y', 'X met (with) Y', 'X hosted Y',
  'X mengunjungi Y', 'X visited Y', 'X dan Y bertemu' -> Meeting of X and Y;
  a visited country or city is also the location;
- a hold verb and a noun: 'X mengadakan pertemuan bilateral dengan Y',
  'X held secret talks with Y', 'X menggelar KTT dengan Y';
- a noun with 'antara'/'between': 'pertemuan/KTT antara X dan Y', 'meeting/summit
  between X and Y' -> Meeting; 'perundingan/pembicaraan/negosiasi/dialog
  (rahasia) antara X dan Y', 'talks/negotiations between X and Y' ->
  Negotiation between the parties, or a Meeting when they are people.

Attack: 'X menyerang/menyerbu/mengebom Y', 'X attacked/struck/bombed/invaded Y',
'X melancarkan serangan (besar-besaran) terhadap Y', 'X launched attacks on Y',
'serangan terhadap Y' -> attacker X (only when it opens its clause: 'sekutu
Iran, ..., menyerang' names Iran's allies, not Iran) and target Y, an
agent, possibly behind one word like 'sasaran' ('sasaran Amerika').

Death: 'X tewas/meninggal/wafat/terbunuh/gugur/dibunuh', 'X died / was killed',
'kematian/meninggalnya/tewasnya X', 'the death/killing of X', 'killed X'
-> victim X, a person. A death verb needs a victim or a place ('kepala Garda
Republik terbunuh di ... Damaskus'); a death noun needs a victim.

X and Y are noun phrases: names with their titles ('Menlu Iran Hossein
Amir-Abdollahian'), where the person is the participant; an apposition
between subject and verb is skipped ('X, kepala penasihat ..., bertemu').
The location is 'di Z' / 'in Z' after the participants in the same clause,
or a follow-up 'Pembicaraan diadakan/berlangsung/digelar di Z' / 'The talks
were held/took place in Z', which places the most recent Meeting or
Negotiation. The date is the first date expression in the trigger's part of
the sentence that is not a 'sejak'/'since' bound; the parts are split at
'setelah', 'sebelum', 'sejak', 'pasca', 'after', 'before', 'since' (a
sentence-opening one reaches to the first comma), because those put the
two parts at different times: 'Sejak Hamas menyerang Israel pada 7 Oktober,
sekutu Iran ... melancarkan serangan' dates only the first attack.

Within an article, Negotiations between the same parties are one event, as
are other events of the same participants on compatible dates; the first
trigger is kept and the others are its `mentions`. A Meeting whose
participants come from two or more of a Negotiation's parties is part of
that Negotiation.

CAMEO codes (GDELT's EventCode): Negotiation 046; Meeting 043 when its
trigger says hosting, 042 a visit, 044 when it is placed in a country
neither side belongs to, else 040 (consult, unspecified); Attack 190 (use
conventional military force: the triggers name armed attacks by states and
armed groups; 18x would need telling terrorism or assault apart, which the
words do not); Death none, as CAMEO codes interactions, not their outcome.

Confidence: the trigger pattern's (`_PATTERN_CONFIDENCE`) times the weakest
participant mention's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.dates import DateMention, find_dates
from loaders.entities import entity_id
from loaders.gazetteer import NameIndex
from loaders.iris import entity_iri, event_iri
from loaders.model import Document, Entity, Event, Mention, Sentence, Span
from loaders.names import mention_tokens, title_tokens
from loaders.sentences import token_at

_AGENTS = ("Person", "Organization", "Country")
_PLACES = ("Place", "Country")
_MODIFIER = r"(?:\s+(?:bilateral|rahasia|tertutup|langsung|tidak\s+langsung|secret|direct|indirect|face-to-face))*"
# 'X bertemu (dengan) Y', 'X met (with) Y', 'X berunding dengan Y', 'X menerima kunjungan Y'
_VERB = re.compile(
    r"\b(?P<trigger>bertemu|menemui|berjumpa|bertatap\s+muka|met|meets|berunding|bernegosiasi|negotiated"
    r"|menerima\s+kunjungan|menjamu|hosted|hosts|mengunjungi|visited|visits)\b(?:\s+(?:dengan|with)\b)?",
    re.I)
# 'X mengadakan pembicaraan dengan Y', 'X held secret talks with Y'
_HOLD = re.compile(
    r"\b(?:mengadakan|menggelar|melakukan|held|holds|hold|had)\s+(?:(?:a|an)\s+)?(?:[a-z-]+\s+)??"
    r"(?P<trigger>pertemuan|pembicaraan|perundingan|negosiasi|dialog|KTT|talks|negotiations|meeting|dialogue"
    rf"|summit){_MODIFIER}(?:\s+(?:dengan|with)\b)?",
    re.I,
)
_BETWEEN = re.compile(
    r"\b(?P<trigger>(?i:pembicaraan|perundingan|negosiasi|pertemuan|dialog|talks|negotiations?|meeting|dialogue"
    r"|summit)|KTT)(?:\s+[a-z][a-z-]*){0,3}?\s+(?i:antara|between)\s+"
)
_HELD_IN = re.compile(
    r"(?:the\s+)?(?:pembicaraan|pertemuan|perundingan|negosiasi|dialog|KTT|talks|meeting|negotiations?|summit"
    r"|dialogue)(?:\s+(?:itu|tersebut|ini))?\s+(?:(?:telah|sudah|juga)\s+)?"
    r"(?:diadakan|berlangsung|digelar|dilangsungkan|dilaksanakan|were\s+held|was\s+held|took\s+place)"
    r"\s+(?:di|in)\s+",
    re.I,
)
_ATTACK_VERB = re.compile(
    r"\b(?P<trigger>menyerang|menyerbu|mengebom|membom|menginvasi|attacked|struck|bombed|invaded)\s+", re.I)
_ATTACK_NOUN = re.compile(
    r"\b(?:(?P<verb>melancarkan|melakukan|launched|carried\s+out|mounted)\s+(?:(?:an?|new)\s+)?)?"
    r"(?P<trigger>serangan(?:\s+udara)?|attacks?|strikes?|airstrikes?)"
    r"(?:\s+[a-z][a-z-]*){0,2}?\s+(?:terhadap|ke|atas|on|against)\s+", re.I)
_DEATH_VERB = re.compile(
    r"\b(?P<trigger>tewas|meninggal(?:\s+dunia)?|wafat|terbunuh|gugur|dibunuh|died|dies|(?:was|were)\s+killed"
    r"|(?:was|were)\s+assassinated)\b", re.I)
# the victim follows: 'meninggalnya X', 'the death of X', 'killed X'
_DEATH_OF = re.compile(
    r"\b(?P<trigger>kematian|meninggalnya|tewasnya|wafatnya|terbunuhnya|(?:the\s+)?(?:death|killing|assassination)"
    r"\s+of|killed)\s+", re.I)
_ORDERING = re.compile(r"\b(?:setelah|sesudah|sebelum|sejak|pasca|usai|after|before|since|following)\b", re.I)
_CLAUSE_OPENER = re.compile(r"(?:\b(?:ketika|saat|sementara|karena|bahwa|when|while|because|that)\b|,)\s*", re.I)
_TARGET_HEADS = frozenset({"sasaran", "target", "targets", "posisi", "positions", "pangkalan", "base", "bases",
                           "kapal", "ships", "pasukan", "forces", "troops", "militer", "military"})
_MEETING_WORDS = frozenset({"bertemu", "menemui", "berjumpa", "bertatap muka", "met", "meets", "pertemuan", "meeting",
                            "ktt", "summit", "menerima kunjungan", "menjamu", "hosted", "hosts", "mengunjungi",
                            "visited", "visits"})
_HOST_WORDS = frozenset({"menerima kunjungan", "menjamu", "hosted", "hosts"})
_VISIT_WORDS = frozenset({"mengunjungi", "visited", "visits"})
_FOLLOW_UP_TYPES = ("Meeting", "Negotiation")
_PATTERN_CONFIDENCE = {"verb": 0.85, "hold": 0.8, "between": 0.8, "attack": 0.8, "attack-noun": 0.75,
                       "death": 0.85, "death-noun": 0.75}
_TRIGGER_ONLY = 0.7  # the weakest-mention factor of an event naming no participant ('X terbunuh di Damaskus')
_CAMEO = {"Negotiation": "046", "Attack": "190", "Death": None}
_LOCATION = re.compile(r"\b(?:di|in)\s+(?:the\s+)?", re.I)
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
    roles: dict[str, str] = field(default_factory=dict)
    confidence: float = 0.0
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
            dates = find_dates(sentence.text, doc.article.published, sentence.start) if found else []
            for draft in found:
                when = _event_date(doc.text, sentence, draft.trigger.start, dates)
                if when:
                    draft.date, draft.date_text = when.value, when.span.text
                _merge_or_add(drafts, draft)
        doc.events = self._events(doc, drafts)
        return doc

    def _events(self, doc: Document, drafts: list[_Draft]) -> list[Event]:
        counts: dict[str, int] = {}
        events: list[Event] = []
        entities = {e.id: e for e in doc.entities}
        keys = {entity_id(m): m.key for m in doc.mentions}
        for d in drafts:
            counts[d.type] = counts.get(d.type, 0) + 1
            events.append(Event(event_iri(doc.article.iri, d.type, counts[d.type]), d.type, d.trigger, d.sentence,
                                list(d.participants), d.location, d.date, d.date_text,
                                cameo=self._cameo(d, keys, entities), confidence=round(d.confidence, 2),
                                roles=dict(d.roles), mentions=[d.trigger, *d.merged]))
        self._link_parts(keys, entities, events)
        return events

    def _cameo(self, d: _Draft, keys: dict[str, str], entities: dict[str, Entity]) -> str | None:
        """The CAMEO code: see the module docstring."""
        if d.type != "Meeting":
            return _CAMEO[d.type]
        word = " ".join(d.trigger.text.lower().split())
        if word in _HOST_WORDS:
            return "043"
        if word in _VISIT_WORDS:
            return "042"
        place = self._country(d.location, keys, entities) if d.location else None
        sides = {self._country(p, keys, entities) for p in d.participants}
        return "044" if place and None not in sides and place not in sides else "040"

    def _link_parts(self, keys: dict[str, str], entities: dict[str, Entity], events: list[Event]) -> None:
        """A Meeting of people from two or more of a Negotiation's parties is part of it."""
        negotiations = [e for e in events if e.type == "Negotiation"]
        for event in events:
            if event.type != "Meeting":
                continue
            countries = {c for p in event.participants if (c := self._country(p, keys, entities))}
            if len(countries) >= 2:
                event.part_of = next((n.id for n in negotiations if countries <= set(n.participants)), None)

    def _country(self, entity_id_: str, keys: dict[str, str], entities: dict[str, Entity]) -> str | None:
        """The entity's country: itself, the KB's country of a person or place, or a stated position's."""
        entity = entities.get(entity_id_)
        if entity is None:
            return None
        if entity.type == "Country":
            return entity.id
        qid = self.index.country_of(keys[entity_id_])
        if qid:
            return entity_iri("Country", "", qid)
        return next((p.of for p in entity.positions if p.of in entities and entities[p.of].type == "Country"), None)


def _event_date(text: str, sentence: Sentence, offset: int, dates: list[DateMention]) -> DateMention | None:
    """The first date of the trigger's part of the sentence that is not a 'sejak'/'since' bound."""
    start, end = _time_part(text, sentence, offset)
    return next((d for d in dates if not d.since and start <= d.span.start < end), None)


def _time_part(text: str, sentence: Sentence, offset: int) -> tuple[int, int]:
    """The stretch of `sentence` around `offset` between ordering words ('setelah', 'since')."""
    cuts = [sentence.start, sentence.end]
    for m in _ORDERING.finditer(text, sentence.start, sentence.end):
        cuts.append(m.start())
        if not text[sentence.start:m.start()].strip(" ,"):
            comma = text.find(",", m.end(), sentence.end)
            cuts.append(comma + 1 if comma >= 0 else sentence.end)
    return max(c for c in cuts if c <= offset), min(c for c in cuts if c > offset)


def _clause_start(text: str, sentence: Sentence, offset: int) -> int:
    """Where the clause holding `offset` opens: the sentence start, or after a comma or subordinator."""
    starts = [sentence.start] + [m.end() for m in _CLAUSE_OPENER.finditer(text, sentence.start, offset)]
    starts += [m.end() for m in _ORDERING.finditer(text, sentence.start, offset)]
    return max(s for s in starts if s <= offset)


def _sentence_events(ctx: _Context, sentence: Sentence) -> list[_Draft]:
    drafts = [*_meetings(ctx, sentence), *_attacks(ctx, sentence), *_deaths(ctx, sentence)]
    drafts.sort(key=lambda d: d.trigger.start)
    return drafts


def _meetings(ctx: _Context, sentence: Sentence) -> list[_Draft]:
    text = ctx.doc.text
    drafts: list[_Draft | None] = []
    for kind, verb in (("verb", _VERB), ("hold", _HOLD)):
        for m in verb.finditer(text, sentence.start, sentence.end):
            subjects, _ = _phrase_left(ctx, _subject_end(text, sentence.start, m.start()), sentence.start)
            objects, end = _phrase_right(ctx, m.end(), sentence.end)
            drafts.append(_consult(ctx, m, sentence, subjects, objects, end, kind))
    for m in _BETWEEN.finditer(text, sentence.start, sentence.end):
        parties, end = _phrase_right(ctx, m.end(), sentence.end)
        drafts.append(_consult(ctx, m, sentence, parties, [], end, "between"))
    return [d for d in drafts if d]


def _consult(ctx: _Context, m: re.Match[str], sentence: Sentence, subjects: list[Mention], objects: list[Mention],
             end: int, kind: str) -> _Draft | None:
    """A Meeting or Negotiation of the participants if there are two; a visited place is also the location."""
    word = " ".join(m.group("trigger").lower().split())
    location = _location_after(ctx, sentence, m.start("trigger"), end)
    if word in _VISIT_WORDS and objects and objects[0].type == "Country":
        location = location or entity_id(objects[0])
    heads = [h for h in subjects + objects if h.type in _AGENTS]
    participants = list(dict.fromkeys(entity_id(h) for h in heads))
    if len(participants) < 2:
        return None
    meeting = word in _MEETING_WORDS or any(h.type == "Person" for h in heads)
    draft = _draft(ctx, "Meeting" if meeting else "Negotiation", m, sentence, heads, kind)
    draft.participants, draft.location = participants, location
    return draft


def _attacks(ctx: _Context, sentence: Sentence) -> list[_Draft]:
    text = ctx.doc.text
    drafts = []
    for kind, pattern in (("attack", _ATTACK_VERB), ("attack-noun", _ATTACK_NOUN)):
        for m in pattern.finditer(text, sentence.start, sentence.end):
            bare_noun = kind == "attack-noun" and not m.group("verb")
            anchor = m.start("trigger") if bare_noun else m.start()
            attackers = [] if bare_noun else _clause_subject(ctx, sentence, anchor)
            targets, end = _phrase_right(ctx, m.end(), sentence.end, _TARGET_HEADS)
            targets = [t for t in targets[:1] if t.type in _AGENTS]
            if not targets:
                continue
            draft = _draft(ctx, "Attack", m, sentence, attackers + targets, kind)
            draft.roles = {**{entity_id(a): "attacker" for a in attackers}, **{entity_id(t): "target" for t in targets}}
            draft.participants = list(draft.roles)
            draft.location = _location_after(ctx, sentence, m.start("trigger"), end)
            drafts.append(draft)
    return drafts


def _deaths(ctx: _Context, sentence: Sentence) -> list[_Draft]:
    text = ctx.doc.text
    drafts = []
    for m in _DEATH_VERB.finditer(text, sentence.start, sentence.end):
        victims = [v for v in _clause_subject(ctx, sentence, m.start()) if v.type == "Person"]
        location = _location_after(ctx, sentence, m.start(), m.end())
        if victims or location:
            drafts.append(_death(ctx, m, sentence, victims, location, "death"))
    for m in _DEATH_OF.finditer(text, sentence.start, sentence.end):
        heads, end = _phrase_right(ctx, m.end(), sentence.end)
        victims = [v for v in heads if v.type == "Person"]
        if victims:
            drafts.append(_death(ctx, m, sentence, victims, _location_after(ctx, sentence, m.start(), end),
                                 "death-noun"))
    return drafts


def _death(ctx: _Context, m: re.Match[str], sentence: Sentence, victims: list[Mention], location: str | None,
           kind: str) -> _Draft:
    draft = _draft(ctx, "Death", m, sentence, victims, kind)
    draft.roles = {entity_id(v): "victim" for v in victims}
    draft.participants, draft.location = list(draft.roles), location
    return draft


def _draft(ctx: _Context, type_: str, m: re.Match[str], sentence: Sentence, heads: list[Mention],
           kind: str) -> _Draft:
    start, stop = m.span("trigger")
    weakest = min((h.confidence for h in heads), default=_TRIGGER_ONLY)
    return _Draft(type_, Span(start, stop, ctx.doc.text[start:stop]), sentence, [],
                  confidence=_PATTERN_CONFIDENCE[kind] * weakest)


def _clause_subject(ctx: _Context, sentence: Sentence, verb_start: int) -> list[Mention]:
    """The agents of the noun phrase before the verb, if that phrase opens its clause."""
    text = ctx.doc.text
    opening = _clause_start(text, sentence, verb_start)
    heads, start = _phrase_left(ctx, _subject_end(text, opening, verb_start), opening)
    return heads if heads and not text[opening:start].strip() else []


def _merge_or_add(drafts: list[_Draft], draft: _Draft) -> None:
    for d in drafts:
        if d.type == draft.type and set(d.participants) == set(draft.participants) and d.roles == draft.roles and (
                draft.type == "Negotiation" or _compatible(d.date, draft.date)):
            d.location = d.location or draft.location
            if d.date is None:
                d.date, d.date_text = draft.date, draft.date_text
            d.confidence = max(d.confidence, draft.confidence)
            d.merged.append(draft.trigger)
            return
    drafts.append(draft)


def _compatible(a: str | None, b: str | None) -> bool:
    """Dates that may name the same day: unknown, equal, or one within the other ('2024-05', '2024-05-17')."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _place_follow_up(ctx: _Context, sentence: Sentence, drafts: list[_Draft]) -> None:
    """'Pembicaraan diadakan di Muscat.' places the most recent Meeting or Negotiation before it."""
    held = _HELD_IN.match(sentence.text)
    place = ctx.starts.get(sentence.start + held.end()) if held else None
    talks = [d for d in drafts if d.type in _FOLLOW_UP_TYPES]
    if place is None or place.type not in _PLACES or not talks:
        return
    latest = max(talks, key=lambda d: max(s.start for s in [d.trigger, *d.merged]))
    latest.location = entity_id(place)


def _location_after(ctx: _Context, sentence: Sentence, trigger: int, offset: int) -> str | None:
    """'di Z' / 'in Z' after `offset`, before a comma and within the trigger's time part of the sentence."""
    text = ctx.doc.text
    limit = _time_part(text, sentence, trigger)[1]
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


def _phrase_right(ctx: _Context, offset: int, limit: int, heads: frozenset[str] = frozenset()
                  ) -> tuple[list[Mention], int]:
    """Heads of the noun phrases from `offset` on, joined by 'dan'/'and'; and where they end.

    `heads`: lower-case nouns a phrase may open with ('sasaran Amerika').
    """
    tokens, text = ctx.doc.tokens, ctx.doc.text
    groups: list[list[Mention]] = [[]]
    i, end = token_at(tokens, offset), offset
    if i < len(tokens) and tokens[i].folded in heads and tokens[i].start == offset:
        end, i = tokens[i].end, i + 1
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


def _phrase_left(ctx: _Context, offset: int, limit: int) -> tuple[list[Mention], int]:
    """Heads of the noun phrases ending at `offset`, read right to left; and where they start."""
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
    return _heads(groups[::-1]), start


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
