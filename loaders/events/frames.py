"""How participants are read around a trigger: the frames event types choose from, and the phrase reading they share.

- `interaction` (Meeting, Negotiation): 'X bertemu (dengan) Y', 'X met
  (with) Y'; a hold verb and a noun: 'X mengadakan pertemuan bilateral
  dengan Y', 'X held secret talks with Y'; a noun with 'antara'/'between':
  'pembicaraan antara X dan Y'. Two participants or more; a verb a pack
  marks 'visit' ('mengunjungi') makes a visited country the location.
- `action` (Attack): 'X menyerang Y', 'X melancarkan serangan terhadap Y',
  'serangan terhadap Y' -> the subject X (only when it opens its clause:
  'sekutu Iran, ..., menyerang' names Iran's allies, not Iran) in the
  type's first role, the first agent after the trigger, possibly behind one
  of the type's `object_heads` ('sasaran Amerika'), in its second; the
  object is required.
- `undergo` (Death): 'X tewas', 'X was killed' -> the subject; 'kematian
  X', 'the death of X' -> the one after; in the type's one role, of its
  participant types. A verb needs a participant or a place ('kepala Garda
  Republik terbunuh di ... Damaskus'); a noun needs a participant.

X and Y are noun phrases: names with their titles ('Menlu Iran Hossein
Amir-Abdollahian'), where the person is the participant; an apposition
between subject and verb is skipped ('X, kepala penasihat ..., bertemu').
The location is 'di Z' / 'in Z' after the participants in the same clause.
The date is the first date expression in the trigger's part of the
sentence that is not a 'sejak'/'since' bound; the parts are split at
ordering words ('setelah', 'after'; a sentence-opening one reaches to the
first comma), because those put the two parts at different times:
'Sejak Hamas menyerang Israel pada 7 Oktober, sekutu Iran ... melancarkan
serangan' dates only the first attack. The confidence of a draft is its
type's confidence for the pattern times the weakest participant mention's.

Every word here comes from the language packs (`EventGrammar`, `Triggers`)
and the registered event types; `Frames` compiles them once per pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from loaders import lang
from loaders.dates import DateMention
from loaders.events.base import TRIGGER_ONLY, Draft, EventType, trigger_words
from loaders.model import STATUSES, Document, Mention, Sentence, Span
from loaders.names import cues, mention_tokens, title_tokens
from loaders.text import token_at

_AGENTS = ("Person", "Organization", "Country")
_PLACES = ("Place", "Country")
_WORD_AT_END = re.compile(r"(\w+)\s*$")
STATUS_WINDOW = 4
"""How many words before a trigger may say its status: 'Prabowo will visit China and meet Xi'."""


def _words(words: Iterable[str]) -> str:
    """An alternation of trigger words; all-caps acronyms ('KTT') must appear in capitals."""
    listed = list(dict.fromkeys(words))
    caps = [w for w in listed if w.isupper()]
    plain = lang.alternatives(w for w in listed if not w.isupper())
    return "|".join([*(f"(?-i:{re.escape(w)})" for w in caps), plain]) if caps else plain


def _grammar(get: Callable[[lang.EventGrammar], Iterable[str]]) -> str:
    return lang.alternatives(lang.words(lang.packs(), lambda p: get(p.grammar)))


def _status_words(get: Callable[[lang.EventGrammar], Mapping[str, tuple[str, ...]]]) -> dict[str, re.Pattern[str]]:
    """Per status a pack marks, in `STATUSES` order, the expression finding its words."""
    found = {}
    for status in STATUSES:
        words = lang.words(lang.packs(), lambda p, status=status: get(p.grammar).get(status, ()))
        if words:
            found[status] = re.compile(rf"(?<![\w'])(?:{lang.alternatives(words)})(?![\w'])", re.I)
    return found


@dataclass
class _Family:
    """The event types of one frame, and which type each trigger word belongs to."""

    types: list[EventType]
    owner: dict[str, EventType]  # lower-case trigger word -> its type
    marks: dict[str, frozenset[str]]  # lower-case trigger word -> its marked groups
    verbs: str
    nouns: str
    object_heads: frozenset[str]

    @classmethod
    def of(cls, types: list[EventType]) -> _Family:
        owner: dict[str, EventType] = {}
        marks: dict[str, set[str]] = {}
        verbs: list[str] = []
        nouns: list[str] = []
        heads: set[str] = set()
        for kind in types:
            for found in trigger_words(kind):
                for word in (*found.verbs, *found.nouns):
                    owner.setdefault(word.lower(), kind)
                for group, words in found.marked.items():
                    for word in words:
                        marks.setdefault(word.lower(), set()).add(group)
                verbs += found.verbs
                nouns += found.nouns
                heads.update(found.object_heads)
        return cls(types, owner, {w: frozenset(g) for w, g in marks.items()}, _words(verbs), _words(nouns),
                   frozenset(heads))


class Frames:
    """The compiled patterns of every frame for the given event types, and the drafts they read in a sentence."""

    def __init__(self, types: Mapping[str, EventType]) -> None:
        self.types = dict(types)
        families = {name: _Family.of([t for t in types.values() if t.frame == name]) for name in FRAMES}
        self.families = families
        articles = cues().articles
        with_ = _grammar(lambda g: g.with_words)
        modifiers = _grammar(lambda g: g.noun_modifiers)
        meet, act, undergo = families["interaction"], families["action"], families["undergo"]
        self.meet_verb = re.compile(rf"\b(?P<trigger>{meet.verbs})\b(?:\s+(?:{with_})\b)?", re.I)
        self.meet_hold = re.compile(
            rf"\b(?:{_grammar(lambda g: g.hold_verbs)})\s+(?:(?:{articles})\s+)?(?:[a-z-]+\s+)??"
            rf"(?P<trigger>{meet.nouns})(?:\s+(?:{modifiers}))*(?:\s+(?:{with_})\b)?", re.I)
        # Only lower-case words between the noun and 'antara': 'pertemuan tingkat tinggi antara X dan Y'.
        self.meet_between = re.compile(
            rf"\b(?P<trigger>(?i:{meet.nouns}))(?:\s+[a-z][a-z-]*){{0,3}}?\s+"
            rf"(?i:{_grammar(lambda g: g.between_words)})\s+")
        followed = _words(n for t in types.values() if t.placed_by_follow_up for f in trigger_words(t) for n in f.nouns)
        self.held_in = re.compile(
            rf"(?:(?:{articles})\s+)?(?:{followed})(?:\s+(?:{_grammar(lambda g: g.demonstratives)}))?\s+"
            rf"(?:(?:{_grammar(lambda g: g.auxiliaries)})\s+)?(?:{_grammar(lambda g: g.held_verbs)})"
            rf"\s+(?:{_grammar(lambda g: g.place_prepositions)})\s+", re.I)
        self.act_verb = re.compile(rf"\b(?P<trigger>{act.verbs})\s+", re.I)
        premodifiers = lang.alternatives([*lang.words(lang.packs(), lambda p: p.articles),
                                          *lang.words(lang.packs(), lambda p: p.grammar.noun_premodifiers)])
        against = _grammar(lambda g: g.object_prepositions)
        self.act_noun = re.compile(
            rf"\b(?:(?P<verb>{_grammar(lambda g: g.support_verbs)})\s+(?:(?:{premodifiers})\s+)?)?"
            rf"(?P<trigger>{act.nouns})(?:\s+[a-z][a-z-]*){{0,2}}?\s+(?:{against})\s+", re.I)
        self.undergo_verb = re.compile(rf"\b(?P<trigger>{undergo.verbs})\b", re.I)
        self.undergo_noun = re.compile(rf"\b(?P<trigger>{undergo.nouns})\s+", re.I)
        self.ordering = re.compile(rf"\b(?:{_grammar(lambda g: g.ordering)})\b", re.I)
        self.clause_opener = re.compile(rf"(?:\b(?:{_grammar(lambda g: g.clause_openers)})\b|,)\s*", re.I)
        self.location = re.compile(rf"\b(?:{_grammar(lambda g: g.place_prepositions)})\s+(?:(?:{articles})\s+)?",
                                   re.I)
        self.auxiliaries = frozenset(lang.words(lang.packs(), lambda p: p.grammar.auxiliaries))
        # between a subject and its verb: auxiliaries and the words of status phrases ('dijadwalkan', 'set to')
        self.verb_leads = self.auxiliaries | {word for p in lang.packs() for phrases in p.grammar.status_before.values()
                                              for phrase in phrases for word in phrase.split()}
        self.conjunctions = frozenset(lang.words(lang.packs(), lambda p: p.grammar.conjunctions))
        self.phrase_words = frozenset(lang.words(lang.packs(), lambda p: p.articles))
        self.status_before = _status_words(lambda g: g.status_before)
        self.status_after = _status_words(lambda g: g.status_after)

    def read(self, doc: Document) -> EventReader:
        return EventReader(self, doc, mention_tokens(doc, doc.mentions), {m.span.start: m for m in doc.mentions},
                      title_tokens(doc))


@dataclass
class EventReader:
    """One article's lookups for the frames, built once per document."""

    frames: Frames
    doc: Document
    by_token: dict[int, Mention]
    starts: dict[int, Mention]
    in_title: set[int]

    def drafts(self, sentence: Sentence) -> list[Draft]:
        """The drafts of every frame some event type uses, in the sentence, by trigger position."""
        found = [d for name, frame in FRAMES.items() if self.frames.families[name].types
                 for d in frame(self, sentence)]
        found.sort(key=lambda d: d.trigger.start)
        return found

    def type_of(self, mention: Mention) -> str:
        return self.doc.type_of(mention)

    def entity_of(self, mention: Mention) -> str:
        return self.doc.entity_of(mention)

    def draft(self, family: _Family, m: re.Match[str], sentence: Sentence, heads: list[Mention], pattern: str,
              type_: str | None = None) -> Draft:
        """A draft of the trigger's type (or `type_`), its confidence the pattern's times the weakest head's."""
        word = " ".join(m.group("trigger").lower().split())
        owner = family.owner[word]
        start, stop = m.span("trigger")
        weakest = min((h.confidence for h in heads), default=TRIGGER_ONLY)
        return Draft(type_ or owner.name, Span(start, stop, self.doc.text[start:stop]), sentence,
                     family.marks.get(word, frozenset()), confidence=owner.confidence[pattern] * weakest)

    def owner(self, family: _Family, m: re.Match[str]) -> EventType:
        return family.owner[" ".join(m.group("trigger").lower().split())]

    # --- phrases ----------------------------------------------------------------------------------------

    def phrase_right(self, offset: int, limit: int, heads: frozenset[str] = frozenset()) -> tuple[list[Mention], int]:
        """Heads of the noun phrases from `offset` on, joined by 'dan'/'and'; and where they end.

        `heads`: lower-case nouns a phrase may open with ('sasaran Amerika').
        """
        tokens, text = self.doc.tokens, self.doc.text
        groups: list[list[Mention]] = [[]]
        i, end = token_at(tokens, offset), offset
        if i < len(tokens) and tokens[i].folded in heads and tokens[i].start == offset:
            end, i = tokens[i].end, i + 1
        while i < len(tokens) and tokens[i].end <= limit and _inside_phrase(text[end:tokens[i].start]):
            mention = self.by_token.get(i)
            if mention is not None:
                groups[-1].append(mention)
                end = mention.span.end
                i = token_at(tokens, end)
                continue
            if not self._phrase_word(i, groups):
                break
            end = tokens[i].end
            i += 1
        return self._heads(groups), end

    def phrase_left(self, offset: int, limit: int) -> tuple[list[Mention], int]:
        """Heads of the noun phrases ending at `offset`, read right to left; and where they start."""
        tokens, text = self.doc.tokens, self.doc.text
        groups: list[list[Mention]] = [[]]
        i, start = token_at(tokens, offset) - 1, offset
        while i >= 0 and tokens[i].start >= limit:
            mention = self.by_token.get(i)
            if not _inside_phrase(text[mention.span.end if mention else tokens[i].end:start]):
                break
            if mention is not None:
                groups[-1].insert(0, mention)
                start = mention.span.start
                i = token_at(tokens, start) - 1
                continue
            if not self._phrase_word(i, groups):
                break
            start = tokens[i].start
            i -= 1
        return self._heads(groups[::-1]), start

    def _phrase_word(self, i: int, groups: list[list[Mention]]) -> bool:
        """A word that may sit in a noun phrase; a conjunction starts the next phrase."""
        tok = self.doc.tokens[i]
        if tok.folded in self.frames.conjunctions:
            if groups[-1]:
                groups.append([])
            return True
        return i in self.in_title or tok.text[0].isupper() or tok.folded in self.frames.phrase_words

    def _heads(self, groups: list[list[Mention]]) -> list[Mention]:
        """The participant of each phrase: its person if it names one ('Presiden AS Joe Biden'), else its agent."""
        heads = []
        for group in groups:
            agents = [m for m in group if self.type_of(m) in _AGENTS]
            person = next((m for m in agents if self.type_of(m) == "Person"), None)
            if person or agents:
                heads.append(person or agents[0])
        return heads

    def clause_subject(self, sentence: Sentence, verb_start: int) -> list[Mention]:
        """The agents of the noun phrase before the verb, if that phrase opens its clause."""
        text = self.doc.text
        opening = self.clause_start(sentence, verb_start)
        heads, start = self.phrase_left(self.subject_end(opening, verb_start), opening)
        return heads if heads and not text[opening:start].strip() else []

    def subject_end(self, sentence_start: int, verb_start: int) -> int:
        """Where the subject phrase ends: before auxiliaries ('telah', 'also') and an apposition."""
        text = self.doc.text
        k = sentence_start + len(text[sentence_start:verb_start].rstrip())
        while ((word := _WORD_AT_END.search(text, sentence_start, k))
               and word.group(1).lower() in self.frames.verb_leads):
            k = sentence_start + len(text[sentence_start:word.start()].rstrip())
        if text[k - 1:k] == ",":
            comma = text.rfind(",", sentence_start, k - 1)
            if comma >= 0:
                k = comma
        return k

    # --- clauses, places, dates -------------------------------------------------------------------------

    def clause_start(self, sentence: Sentence, offset: int) -> int:
        """Where the clause holding `offset` opens: the sentence start, or after a comma or subordinator."""
        text, frames = self.doc.text, self.frames
        starts = [sentence.start] + [m.end() for m in frames.clause_opener.finditer(text, sentence.start, offset)]
        starts += [m.end() for m in frames.ordering.finditer(text, sentence.start, offset)]
        return max(s for s in starts if s <= offset)

    def time_part(self, sentence: Sentence, offset: int) -> tuple[int, int]:
        """The stretch of `sentence` around `offset` between ordering words ('setelah', 'since')."""
        text = self.doc.text
        cuts = [sentence.start, sentence.end]
        for m in self.frames.ordering.finditer(text, sentence.start, sentence.end):
            cuts.append(m.start())
            if not text[sentence.start:m.start()].strip(" ,"):
                comma = text.find(",", m.end(), sentence.end)
                cuts.append(comma + 1 if comma >= 0 else sentence.end)
        return max(c for c in cuts if c <= offset), min(c for c in cuts if c > offset)

    def event_date(self, sentence: Sentence, offset: int, dates: list[DateMention]) -> DateMention | None:
        """The first date of the trigger's part of the sentence that is not a 'sejak'/'since' bound."""
        start, end = self.time_part(sentence, offset)
        return next((d for d in dates if not d.since and start <= d.span.start < end), None)

    def status(self, sentence: Sentence, trigger: Span, date: str | None) -> str:
        """Planned, cancelled or refused when words of the trigger's clause say so, or its date is after publication.

        The words are looked for among the `STATUS_WINDOW` words before the trigger
        ('akan bertemu', 'refused to hold talks with') and from the trigger to the
        end of its clause ('the meeting ... was cancelled').
        """
        text, tokens = self.doc.text, self.doc.tokens
        start = self.time_part(sentence, trigger.start)[0]
        first = token_at(tokens, trigger.start)
        window = max(start, tokens[max(0, first - STATUS_WINDOW)].start) if first else start
        before = text[window:trigger.start]
        end = self.time_part(sentence, trigger.start)[1]
        stops = [k for k in (text.find(",", trigger.end, end), text.find(";", trigger.end, end)) if k >= 0]
        after = text[trigger.end:min(stops, default=end)]
        for status in STATUSES:
            if (status in self.frames.status_before and self.frames.status_before[status].search(before)) or (
                    status in self.frames.status_after and self.frames.status_after[status].search(after)):
                return status
        published = self.doc.article.published
        if date and len(date) == 10 and published and date > published.isoformat():
            return "planned"
        return "held"

    def location_after(self, sentence: Sentence, trigger: int, offset: int) -> str | None:
        """'di Z' / 'in Z' after `offset`, before a comma and within the trigger's time part of the sentence."""
        text = self.doc.text
        limit = self.time_part(sentence, trigger)[1]
        stop = min((k for k in (text.find(",", offset, limit), text.find(";", offset, limit)) if k >= 0),
                   default=limit)
        for m in self.frames.location.finditer(text, offset, stop):
            place = self.starts.get(m.end())
            if place is not None and self.type_of(place) in _PLACES:
                return self.entity_of(place)
        return None

    def held_in(self, sentence: Sentence) -> str | None:
        """'Pembicaraan diadakan di Muscat.': the place a follow-up sentence gives, if it gives one."""
        held = self.frames.held_in.match(sentence.text)
        place = self.starts.get(sentence.start + held.end()) if held else None
        return self.entity_of(place) if place is not None and self.type_of(place) in _PLACES else None


def _inside_phrase(gap: str) -> bool:
    return gap.strip(" ") in ("", "-", "'s", "\u2019s") and len(gap) <= 3


# --- the frames ---------------------------------------------------------------------------------------------

def interaction(reader: EventReader, sentence: Sentence) -> list[Draft]:
    frames, text = reader.frames, reader.doc.text
    family = frames.families["interaction"]
    drafts: list[Draft | None] = []
    for pattern, verb in (("verb", frames.meet_verb), ("hold", frames.meet_hold)):
        for m in verb.finditer(text, sentence.start, sentence.end):
            subjects, _ = reader.phrase_left(reader.subject_end(sentence.start, m.start()), sentence.start)
            objects, end = reader.phrase_right(m.end(), sentence.end)
            drafts.append(_interaction(reader, family, m, sentence, subjects, objects, end, pattern))
    for m in frames.meet_between.finditer(text, sentence.start, sentence.end):
        parties, end = reader.phrase_right(m.end(), sentence.end)
        drafts.append(_interaction(reader, family, m, sentence, parties, [], end, "between"))
    return [d for d in drafts if d]


def _interaction(reader: EventReader, family: _Family, m: re.Match[str], sentence: Sentence, subjects: list[Mention],
                 objects: list[Mention], end: int, pattern: str) -> Draft | None:
    """A draft if there are two participants or more; a visited country is also the location."""
    owner = reader.owner(family, m)
    location = reader.location_after(sentence, m.start("trigger"), end)
    heads = [h for h in subjects + objects if reader.type_of(h) in owner.participant_types]
    participants = list(dict.fromkeys(reader.entity_of(h) for h in heads))
    if len(participants) < 2:
        return None
    draft = reader.draft(family, m, sentence, heads, pattern, owner.classify({reader.type_of(h) for h in heads}))
    if "visit" in draft.marks and objects and reader.type_of(objects[0]) == "Country":
        location = location or reader.entity_of(objects[0])
    draft.participants, draft.location = participants, location
    return draft


def action(reader: EventReader, sentence: Sentence) -> list[Draft]:
    frames, text = reader.frames, reader.doc.text
    family = frames.families["action"]
    drafts = []
    for pattern, regex in (("verb", frames.act_verb), ("noun", frames.act_noun)):
        for m in regex.finditer(text, sentence.start, sentence.end):
            owner = reader.owner(family, m)
            bare_noun = pattern == "noun" and not m.group("verb")
            anchor = m.start("trigger") if bare_noun else m.start()
            subjects = [] if bare_noun else reader.clause_subject(sentence, anchor)
            objects, end = reader.phrase_right(m.end(), sentence.end, family.object_heads)
            objects = [t for t in objects[:1] if reader.type_of(t) in owner.participant_types]
            if not objects:
                continue
            draft = reader.draft(family, m, sentence, subjects + objects, pattern)
            subject_role, object_role = owner.roles
            draft.roles = {**{reader.entity_of(a): subject_role for a in subjects},
                           **{reader.entity_of(t): object_role for t in objects}}
            draft.participants = list(draft.roles)
            draft.location = reader.location_after(sentence, m.start("trigger"), end)
            drafts.append(draft)
    return drafts


def undergo(reader: EventReader, sentence: Sentence) -> list[Draft]:
    frames, text = reader.frames, reader.doc.text
    family = frames.families["undergo"]
    drafts = []
    for m in frames.undergo_verb.finditer(text, sentence.start, sentence.end):
        owner = reader.owner(family, m)
        victims = [v for v in reader.clause_subject(sentence, m.start())
                   if reader.type_of(v) in owner.participant_types]
        location = reader.location_after(sentence, m.start(), m.end())
        if victims or location:
            drafts.append(_undergone(reader, family, m, sentence, victims, location, "verb"))
    for m in frames.undergo_noun.finditer(text, sentence.start, sentence.end):
        owner = reader.owner(family, m)
        heads, end = reader.phrase_right(m.end(), sentence.end)
        victims = [v for v in heads if reader.type_of(v) in owner.participant_types]
        if victims:
            location = reader.location_after(sentence, m.start(), end)
            drafts.append(_undergone(reader, family, m, sentence, victims, location, "noun"))
    return drafts


def _undergone(reader: EventReader, family: _Family, m: re.Match[str], sentence: Sentence, victims: list[Mention],
               location: str | None, pattern: str) -> Draft:
    draft = reader.draft(family, m, sentence, victims, pattern)
    (role,) = reader.owner(family, m).roles
    draft.roles = {reader.entity_of(v): role for v in victims}
    draft.participants, draft.location = list(draft.roles), location
    return draft


FRAMES: dict[str, Callable[[EventReader, Sentence], list[Draft]]] = {
    "interaction": interaction,
    "action": action,
    "undergo": undergo,
}
"""The frames by name, in the order their drafts are listed before sorting by trigger position."""
