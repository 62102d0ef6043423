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
from dataclasses import dataclass, field, replace
from datetime import date as Day
from datetime import timedelta
from functools import cached_property

from loaders import lang
from loaders.dates import DateMention, find_dates
from loaders.events.base import JOINT, SEPARATE, TRIGGER_ONLY, TRILATERAL, Draft, EventType, trigger_words
from loaders.model import STATUSES, Document, Mention, Sentence, Span
from loaders.names import cues, mention_tokens, title_tokens
from loaders.normalize import fold
from loaders.text import dateline_end, token_at, unbracketed, word_before

_AGENTS = ("Person", "Organization", "Country")
_PLACES = ("Place", "Country")
_WORD_AT_END = re.compile(r"(\w+(?:-\w+)*)\s*$")
_LEFT_STOPS = (";", ":", " - ", " \u2013 ", " \u2014 ")  # a dateline ends at a dash: 'TRIBUNNEWS.COM - Pembicaraan'
STATUS_WINDOW = 4
ANY_BODY = ""  # the body of a post named without one ('the Secretary'): its holder is the article's one holder
_NO_BODY = "-"  # the posts the article gives with no body ('Presiden Susilo Bambang Yudhoyono'): the writer's own
SUPPORT_REACH = 9  # tokens from a support verb to the event noun it holds: 'hold a new edition of the SR dialogue'
"""How many words before a trigger may say its status: 'Prabowo will visit China and meet Xi'."""
HYPOTHETICAL_WINDOW = 6  # 'keen on holding a bilateral meeting': the wish may stand further back than a status word
_OPENING_GAP = 2  # words between an ordering word and a verb with no subject: 'setelah sebelumnya melakukan'
_PURPOSE_WORDS = 8  # words between a trigger and the one it is held for: 'met last week in Doha for their talks'
_MEDIATOR_REACH = 60  # characters from a meeting verb to the mediator noun it has for object
_REFERRING_CHARS = 12  # reach of a referring phrase before a noun: 'at the '
_OCCASION_WORDS = 8  # words from an event's trigger to the summit noun its phrase ends with
_HEADED_WORDS = 2  # words between a trigger and one in its phrase: 'pembicaraan dengan para mediator'
_SETTING_WORDS = 4  # a setting word and the modifiers of the noun after it: 'in separate bilateral meetings'
_SEQUENCE_CHARS = 40  # how far back a sequence word may stand: ', kemudian melakukan pembicaraan'
_POST_WORDS = 6  # words that may say what a post is for before its holder: 'envoy on Afghan peace reconciliation,'
_MEDIATED_GAP = 6  # lower-case words between a trigger and who mediated it: its sides, place and time
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][\w-]*")
_PRONOUN_REACH = 3  # sentences back a pronoun's person may be named
# a lower-case title opening a clause, a few lower-case words before the trigger: 'presiden juga akan melakukan'
_BARE_TITLE = re.compile(r"(?:^|(?<=[,;]))\s*(?P<title>[a-z]+(?: [a-z]+)?)\s+(?:[a-z]+\s+){0,3}$")
_JOIN_REACH = 40  # characters before talks where joining them is said: 'will soon take part in the talks'
_TRILATERAL_REACH = 15  # characters before a trigger its 'trilateral' may stand in: 'a trilateral meeting'
_MODIFIER_WORDS = 2  # lower-case words before a titled name: 'outgoing Chinese Premier Wen Jiabao'
_REPORTER_WORDS = 8  # words of a reporter's phrase after a comma: 'UN mediator on Skopje-Athens name talks said'
_DESCRIBED_GAP = 3  # words between a person's description and its trigger: 'itu kemudian menggelar'
_MANY_MET = 3  # persons one person met in one clause: each a meeting of its own ('Fidan met A, B, C and D')
_SPEAKER_WORDS = 4  # a reporting verb this near after a quote's close says who speaks: 'kata Hasto', 'Hasto said'
_QUOTE_CLOSE = re.compile("[\"\u201d],?")  # a quote closing, before its reporting verb
_FORUM_WORDS = 6  # words a summit's forum may stand after it when an 'of' follows the trigger
_HOLDER_REACH = 3  # words from a holding verb to the talks it holds: 'held two rounds of talks', 'held formal talks'
_JOINT_GAP = 3  # words between two joined sides and their joint verb: 'are expected to discuss', 'akan fokus membahas'
_PHRASE_WORDS = 4  # words of a noun phrase a demonstrative may end ('pembicaraan kedua kepala negara tersebut')
NEWS_DAYS = 7
"""How many days before publication a held event may be dated from an earlier paragraph: the news of the week."""


def _words(words: Iterable[str]) -> str:
    """An alternation of trigger words; all-caps acronyms ('KTT') must appear in capitals."""
    listed = list(dict.fromkeys(words))
    caps = [w for w in listed if w.isupper()]
    plain = lang.alternatives(w for w in listed if not w.isupper())
    return "|".join([*(f"(?-i:{re.escape(w)})" for w in caps), plain]) if caps else plain


def _grammar(get: Callable[[lang.EventGrammar], Iterable[str]]) -> str:
    return lang.alternatives(lang.words(lang.packs(), lambda p: get(p.grammar)))


def _patterns(get: Callable[[lang.EventGrammar], str], flags: int = re.I) -> re.Pattern[str]:
    """The packs' regular expressions of one grammar field as one alternation; one that matches nothing when no pack
    has it."""
    return re.compile("|".join(f"(?:{get(p.grammar)})" for p in lang.packs() if get(p.grammar)) or r"(?!)", flags)


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
    verb_words: tuple[str, ...]
    noun_words: tuple[str, ...]
    joint_words: tuple[str, ...]  # `Triggers.joint_verbs`, marked JOINT

    @classmethod
    def of(cls, types: list[EventType]) -> _Family:
        owner: dict[str, EventType] = {}
        marks: dict[str, set[str]] = {}
        verbs: list[str] = []
        nouns: list[str] = []
        joint: list[str] = []
        heads: set[str] = set()
        for kind in types:
            for found in trigger_words(kind):
                for word in (*found.verbs, *found.nouns, *found.joint_verbs):
                    owner.setdefault(word.lower(), kind)
                for group, words in (*found.marked.items(), (JOINT, found.joint_verbs)):
                    for word in words:
                        marks.setdefault(word.lower(), set()).add(group)
                verbs += found.verbs
                nouns += found.nouns
                joint += found.joint_verbs
                heads.update(found.object_heads)
        return cls(types, owner, {w: frozenset(g) for w, g in marks.items()}, _words(verbs), _words(nouns),
                   frozenset(heads), tuple(verbs), tuple(nouns), tuple(joint))


class Frames:
    """The compiled patterns of every frame for the given event types, and the drafts they read in a sentence."""

    def __init__(self, types: Mapping[str, EventType]) -> None:
        self.types = dict(types)
        families = {name: _Family.of([t for t in types.values() if t.frame == name]) for name in FRAMES}
        self.families = families
        articles = cues().articles
        # ', Syekh Tamim', ', Yang di-Pertuan Agong, Sultan Ibrahim': a comma, a title of another wording, the name;
        # the body's short form in brackets may come first: 'Presiden Amerika Serikat (AS), Donald Trump'
        apposition = rf"(?:\s*\([^()]{{1,12}}\))?\s*,\s*(?:(?i:{cues().titles})\s*,?\s*)?(?:[A-Z][\w.'-]*\s+){{0,3}}"
        # 'his Indonesian counterpart, Joko Widodo': the demonym's title may stand before the comma
        self.apposition = re.compile(rf"(?:\s+(?i:{cues().titles}))?" + apposition)
        self.possessive_apposition = re.compile(r"['\u2019]s(?:\s+[a-z][\w-]*){1,4}" + apposition)
        meet, act, undergo = families["interaction"], families["action"], families["undergo"]
        self.meet = re.compile(rf"\b(?P<trigger>{_words([*meet.verb_words, *meet.noun_words])})\b", re.I)
        self.joint = re.compile(rf"\b(?P<trigger>{_words(meet.joint_words) or '(?!)'})\b", re.I)
        self.away = frozenset(lang.words(lang.packs(), lambda p: (*p.grammar.place_prepositions,
                                                                  *p.grammar.away_prepositions)))
        modifiers = lang.words(lang.packs(), lambda p: p.grammar.place_modifiers)
        self.reporting = frozenset(lang.words(lang.packs(), lambda p: p.grammar.reporting_verbs))
        self.relation_nouns = frozenset(lang.words(lang.packs(), lambda p: p.grammar.relation_nouns))
        self.envoy_nouns = frozenset(lang.words(lang.packs(), lambda p: p.grammar.envoy_nouns))
        self.counterparts = frozenset(lang.words(lang.packs(), lambda p: p.grammar.counterpart_nouns))
        self.post_links = frozenset(lang.words(lang.packs(), lambda p: p.grammar.post_links))
        self.place_modifiers = frozenset(word for phrase in modifiers for word in phrase.split())
        self.of_words = frozenset(lang.words(lang.packs(), lambda p: p.grammar.of_words))
        self.determiners = frozenset(lang.words(lang.packs(), lambda p: (*p.articles, *p.grammar.determiners)))
        self.clause_breaks = frozenset(lang.words(lang.packs(), lambda p: (*p.grammar.clause_breaks,
                                                                           *p.grammar.reporting_verbs,
                                                                           *p.grammar.source_words)))
        self.sources = frozenset(lang.words(lang.packs(), lambda p: p.grammar.source_words))
        self.pronouns = frozenset(lang.words(lang.packs(), lambda p: p.pronouns))
        self.first_person = frozenset(lang.words(lang.packs(), lambda p: p.first_person))
        self.senders = frozenset(lang.words(lang.packs(), lambda p: p.grammar.senders))
        self.transit = re.compile(rf"\b(?:{lang.alternatives(lang.words(lang.packs(), lambda p: p.transit_words))})\b",
                                  re.I)
        self.object_breaks = frozenset(lang.words(lang.packs(), lambda p: p.grammar.object_breaks))
        self.comitatives = frozenset(lang.words(lang.packs(), lambda p: p.grammar.comitatives))
        self.place_only = frozenset(lang.words(lang.packs(), lambda p: p.grammar.place_only_prepositions))
        self.between = frozenset(lang.words(lang.packs(), lambda p: p.grammar.between_words))
        self.between_idioms = frozenset(lang.words(lang.packs(), lambda p: p.grammar.between_idioms))
        self.means_words = frozenset(lang.words(lang.packs(), lambda p: p.grammar.means_words))
        self.setting_words = frozenset(lang.words(lang.packs(), lambda p: p.grammar.setting_words))
        self.quantifiers = frozenset(lang.words(lang.packs(), lambda p: p.grammar.quantifiers))
        self.article_next = re.compile(rf"\s+(?:{articles})\s", re.I)  # 'calls Guaido a puppet'
        self.demonstratives = frozenset(lang.words(lang.packs(), lambda p: p.grammar.demonstratives))
        self.referring = frozenset(lang.words(lang.packs(), lambda p: p.grammar.referring))
        self.referring_phrase = re.compile(
            rf"\b(?:{lang.alternatives(w for w in self.referring if ' ' in w)})\s+$", re.I)
        self.listing = re.compile(rf"(?:{_grammar(lambda g: g.listing)})\b", re.I)
        self.list_opener = re.compile(rf"\s*(?:{_grammar(lambda g: g.list_openers)})\b")
        self.origin = re.compile(rf"\b(?:{_grammar(lambda g: g.origin_phrases)})\b", re.I)
        self.list_copula = re.compile(rf"\b(?:{_grammar(lambda g: g.list_copulas)})\b", re.I)
        self.relative_word = re.compile(rf"\b(?:{_grammar(lambda g: g.relative_pronouns)})\b", re.I)
        self.person_clause = re.compile(rf",\s*(?:{_grammar(lambda g: g.person_relatives)})\b[^,;]*$", re.I)
        self.list_continuer = re.compile(rf"\s*(?:{_grammar(lambda g: g.list_continuers)})\b")
        self.leader_posts = re.compile(rf"\b(?:{_grammar(lambda g: g.leader_posts)})", re.I)
        self.pair_people = _patterns(lambda g: g.pair_people)
        self.pair_states = _patterns(lambda g: g.pair_states)
        self.officials_from = _patterns(lambda g: g.officials_from, 0)
        self.passive_report = _patterns(lambda g: g.passive_report)
        self.described = _patterns(lambda g: g.described_person)
        self.joined = re.compile(rf"\b(?:{_grammar(lambda g: g.joins)})\s+(?:(?:{articles})\s+)?$", re.I)
        self.possessives = frozenset(lang.words(lang.packs(), lambda p: p.grammar.possessives))
        self.status_nouns = frozenset(lang.words(lang.packs(), lambda p: p.grammar.status_nouns))
        self.plural_possessives = frozenset(lang.words(lang.packs(), lambda p: p.grammar.plural_possessives))
        self.possessive_suffixes = tuple(lang.words(lang.packs(), lambda p: p.grammar.possessive_suffixes))
        self.list_joiner = re.compile(rf"(?:{_grammar(lambda g: g.list_joiners)})\b", re.I)
        self.list_ender = re.compile(rf"(?:{_grammar(lambda g: g.list_enders)})\b", re.I)
        trilateral = _grammar(lambda g: g.trilateral_words)
        self.trilateral = re.compile(rf"\s+(?:{trilateral})\b|(?:^|\s)(?:{trilateral})\s+$", re.I)
        self.received_thing = re.compile(
            rf"\s+(?:(?:{articles})\s+)?(?:{_grammar(lambda g: g.received_things)})\b", re.I)
        self.by_phrase = re.compile(rf"(?:{_grammar(lambda g: g.by_phrases)})\b", re.I)
        self.mediated_by = re.compile(rf"\b(?:{_grammar(lambda g: g.mediated_by)})\b", re.I)
        self.topic_opener = re.compile(rf"\b(?:{_grammar(lambda g: g.topic_openers)})\b", re.I)
        self.each = re.compile(rf"\b(?:{_grammar(lambda g: g.each_words)})\b", re.I)
        self.separately = re.compile(rf"\b(?:{_grammar(lambda g: g.separately)})\b", re.I)
        self.during = frozenset(lang.words(lang.packs(), lambda p: p.grammar.during_words))
        self.aside = re.compile(rf"\b(?:{_grammar(lambda g: g.aside_phrases)})\b[^,.;]*,", re.I)
        self.occasion = re.compile(rf"\b(?:{_grammar(lambda g: g.occasion_phrases)})\b[^,.;]*,", re.I)
        self.occasion_of = re.compile(rf"\b(?:{_grammar(lambda g: g.occasion_phrases)})\b[^,.;]*", re.I)
        self.hypothetical = re.compile(rf"\b(?:{_grammar(lambda g: g.hypothetical)})\b", re.I)
        # 'pertemuan puncak AS-Rusia yang potensial': at most three of the phrase's words, then what makes it possible
        self.hypothetical_after = re.compile(
            rf"(?:[^\S\n]+[\w-]+){{0,3}}?[^\S\n]+(?:{_grammar(lambda g: g.hypothetical_after)})\b", re.I)
        # 'for their first talks': the end of a gap before a trigger the one before it is held for
        self.held_for = re.compile(rf"\b(?:{_grammar(lambda g: g.held_for_words)})\s+(?:[\w-]+\s+){{0,2}}$", re.I)
        self.renaming = re.compile(rf"\b(?:{_grammar(lambda g: g.renaming_words)})\s+(?:[\w-]+\s+){{0,3}}$", re.I)
        self.none_before = re.compile(rf"\b(?:{_grammar(lambda g: g.none_words)})\s+(?:[\w-]+\s+){{0,2}}$", re.I)
        # ', yang umumnya dikenal karena MBS singkatannya, bertemu': a clause about the subject, then its verb
        self.relative = re.compile(rf",\s*(?:{_grammar(lambda g: g.relative_pronouns)})\b[^,;]*,\s*(?:[a-z]+\s+)?$",
                                   re.I)
        # 'panggilan telepon yang panjang dengan Xi': the clause is about the call, its participants come after
        self.modified = re.compile(rf"(?:{_grammar(lambda g: g.relative_pronouns)})(?:\s+[a-z][\w-]*){{1,3}}?\s+"
                                   rf"(?=(?:{_grammar(lambda g: g.comitatives)})\b)", re.I)
        # 'bertemu selama lebih dari satu jam dengan X', 'pembicaraan telepon selama 20 menit antara X dan Y': how
        # long, then whom
        self.lasting = re.compile(rf"(?:{_grammar(lambda g: g.duration_words)})(?:\s+[\w-]+){{1,5}}?\s+"
                                  rf"(?=(?:{_grammar(lambda g: g.comitatives + g.between_words)})\b)", re.I)
        # 'met Qatari mediators', 'bertemu dengan para mediator Norwegia': right after the trigger, only small words
        # and capitalised ones before the noun
        self.with_mediators = re.compile(rf"\s+(?:(?:{_grammar(lambda g: g.mediator_words)})\s+|[A-Z][\w-]*\s+){{0,4}}"
                                         rf"(?:{_grammar(lambda g: g.mediator_nouns)})\b")
        joined = rf"(?:,|\b(?:{_grammar(lambda g: g.conjunctions)}))"
        self.sequence = re.compile(rf"{joined}\s*(?:{_grammar(lambda g: g.sequence_words)})\s+(?:[a-z]+\s+)?$", re.I)
        # ', dan pada |Rabu (16/3)', 'and on |Wednesday': a date that opens the next clause
        self.clause_opening = re.compile(rf"{joined}\s*(?:[a-z]+\s+)?$", re.I)
        self.purpose = re.compile(rf"\b(?:{_grammar(lambda g: g.purpose_words)})\b", re.I)
        # what an appeal is for, right after whom it calls on: 'called on both sides to stop', '... for restraint'
        self.appealed_for = re.compile(
            rf"\s*,?\s*(?:{_grammar(lambda g: (*g.purpose_words, *g.held_for_words))})\b", re.I)
        self.several_days = re.compile(rf"\b(?:{_grammar(lambda g: g.several_days)})\b", re.I)
        # up to the noun, no ordering word: 'for the first time after peace talks broke down' is not what it is for
        self.talks_aim = re.compile(rf"\b(?:{_grammar(lambda g: g.talks_aims)})\b"
                                    rf"(?:(?!\b(?:{_grammar(lambda g: g.ordering)})\b)[^.;]){{0,50}}?"
                                    rf"\b(?:{_grammar(lambda g: g.settled_nouns)})\b", re.I)
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
        self.meet_verbs = frozenset(w.lower() for w in (*meet.verb_words, *meet.joint_words))
        self.ordering = re.compile(rf"\b(?:{_grammar(lambda g: g.ordering)})\b", re.I)
        self.ordering_words = frozenset(lang.words(lang.packs(), lambda p: p.grammar.ordering))
        self.then = re.compile(rf"\b(?:{_grammar(lambda g: g.then_words)})\b", re.I)
        self.comes_before = re.compile(rf"(?:{_grammar(lambda g: g.earlier_words)})\b", re.I)
        self.clause_opener = re.compile(rf"(?:\b(?:{_grammar(lambda g: g.clause_openers)})\b|,)\s*", re.I)
        modifiers = rf"(?:(?:{_grammar(lambda g: g.place_modifiers)})\s+)?"
        # 'in the German city of Bonn': up to two words and a place noun before the place
        # ... or its apposition after a comma: 'in the Ethiopian capital, Addis Ababa', 'di ibukota Afghanistan, Kabul'
        described = (rf"(?:(?:[\w-]+\s+){{0,2}}?(?:{_grammar(lambda g: g.place_nouns)})(?:\s+"
                     rf"(?:{_grammar(lambda g: g.place_links)})\s+(?:(?:{articles})\s+)?"
                     rf"|(?:\s+[\w-]+){{0,2}}?\s*,\s*))?"
                     if lang.words(lang.packs(), lambda p: p.grammar.place_nouns) else "")
        self.location = re.compile(
            rf"\b(?:{_grammar(lambda g: g.place_prepositions)})\s+(?:(?:{articles})\s+)?{described}{modifiers}", re.I)
        self.premises = re.compile(rf"(?:{_grammar(lambda g: g.premises)})\s+(?:(?:{_grammar(lambda g: g.of_words)})"
                                   rf"\s+)?(?:(?:{articles})\s+)?", re.I)
        refusals = lang.alternatives(lang.words(lang.packs(), lambda p: p.grammar.status_before.get("refused", ())))
        offers = _grammar(lambda g: g.offer_nouns)
        # 'rejected Ukrainian President Volodymyr Zelensky's offer to meet': an owner's name may stand before the offer
        owner = r"(?:[\w.-]+\s+){0,5}?[\w.-]+['\u2019]s\s+"
        self.refused_offer = re.compile(rf"\b(?:{refusals})\s+(?:(?:{articles})\s+)?(?:{owner})?(?:{offers})\b",
                                        re.I)
        self.travel = re.compile(rf"\b(?:{_grammar(lambda g: g.travel_phrases)})\s+(?:(?:{articles})\s+)?", re.I)
        self.where = re.compile(rf",\s*(?:{_grammar(lambda g: g.where_words)})\s", re.I)
        # 'perang di Gaza' is what talks are about; 'perundingan gencatan senjata di Doha' is where they are
        self.topic_before = re.compile(rf"\b(?:(?P<talks>{_words(meet.noun_words)})\s+)?"
                                       rf"(?:{_grammar(lambda g: g.topic_nouns)})\s+$", re.I)
        self.auxiliaries = frozenset(lang.words(lang.packs(), lambda p: p.grammar.auxiliaries))
        # between a subject and its verb: auxiliaries and the words of status phrases ('dijadwalkan', 'set to')
        self.verb_leads = self.auxiliaries | {word for p in lang.packs() for phrases in p.grammar.status_before.values()
                                              for phrase in phrases for word in phrase.split()}
        self.conjunctions = frozenset(lang.words(lang.packs(), lambda p: p.grammar.conjunctions))
        # 'A, President of X; B, President of Y; and C': a list whose items hold commas, parted by semicolons
        self.semicolon_list = re.compile(rf";\s*(?:{'|'.join(sorted(self.conjunctions))})\s", re.I)
        self.phrase_words = frozenset(lang.words(lang.packs(), lambda p: p.articles))
        self.short_titles = {short: full for p in lang.packs() for short, full in p.short_titles.items()}
        self.talks_holders = frozenset(lang.words(lang.packs(), lambda p: p.grammar.talks_holders))
        self.meeting_supports = frozenset(lang.words(lang.packs(), lambda p: p.grammar.meeting_support_verbs))
        self.holding_verbs = self.talks_holders | self.meeting_supports  # 'and hold talks', 'and holding a meeting'
        self.status_before = _status_words(lambda g: g.status_before)
        self.status_after = _status_words(lambda g: g.status_after)

    def full_title(self, folded: str) -> str:
        """A title's words with its short forms written out: 'wakil menlu' -> 'wakil menteri luar negeri', 'kepala
        negara' -> 'presiden'."""
        return self.short_titles.get(folded) or " ".join(self.short_titles.get(word, word) for word in folded.split())

    def read(self, doc: Document, reporters: frozenset[str] = frozenset(),
             citizens: dict[str, str] | None = None) -> EventReader:
        return EventReader(self, doc, mention_tokens(doc, doc.mentions), {m.span.start: m for m in doc.mentions},
                           title_tokens(doc), {s.start: k for k, s in enumerate(doc.sentences)}, reporters,
                           citizens or {})


@dataclass
class EventReader:
    """One article's lookups for the frames, built once per document."""

    frames: Frames
    doc: Document
    by_token: dict[int, Mention]
    starts: dict[int, Mention]
    in_title: set[int]
    sentence_index: dict[int, int]  # a sentence's start -> its index in the document
    reporters: frozenset[str] = frozenset()  # entities that report the news (its publisher, news media): no agents
    citizens: dict[str, str] = field(default_factory=dict)  # a person entity -> their country's QID in the KB
    officials: set[int] = field(default_factory=set)  # starts of agents read as an unnamed office: 'Menlu Bangladesh'
    _headline: list[Mention] | None = None
    _dates: dict[int, list[DateMention]] = field(default_factory=dict)
    _cuts: dict[int, list[int]] = field(default_factory=dict)  # a sentence's start -> where its time parts meet
    _context: dict[int, list[Mention]] = field(default_factory=dict)  # a sentence's start -> its context's agents
    _holders: dict[tuple[str, str], Mention] | None = None
    _counterparts: dict[str, Mention] | None = None

    def drafts(self, sentence: Sentence) -> list[Draft]:
        """The drafts of every frame some event type uses, in the sentence, by trigger position, those of joint verbs
        last (what the sides discussed is said of the meeting the sentence names, which keeps its trigger); a
        headline the page links ('Baca juga: ...') states events too, as the annotation guidelines read it."""
        found = [d for name, frame in FRAMES.items() if self.frames.families[name].types
                 for d in frame(self, sentence)]
        found.sort(key=lambda d: (JOINT in d.marks, d.trigger.start))
        return found

    def type_of(self, mention: Mention) -> str:
        return self.doc.type_of(mention)

    def entity_of(self, mention: Mention) -> str:
        return self.doc.entity_of(mention)

    @cached_property
    def persons(self) -> frozenset[str]:
        """The entities of the article that are persons."""
        return frozenset(self.entity_of(m) for m in self.doc.mentions if self.type_of(m) == "Person")

    @cached_property
    def countries(self) -> frozenset[str]:
        """The entities of the article that are countries."""
        return frozenset(self.entity_of(m) for m in self.doc.mentions if self.type_of(m) == "Country")

    def names_as(self, m: re.Match[str], right: list[Mention]) -> bool:
        """'Maduro, who calls Guaido a coup-mongering US puppet': a one-word call whose object an article follows
        names someone something; no one is phoned."""
        word = m.group("trigger")
        if " " in word or "call" not in self.frames.families["interaction"].marks.get(word.lower(), frozenset()) \
                or not right:
            return False
        # 'calls opposition leader Guaido a puppet', not 'held calls with Modi a week ago': whom it names, directly
        tokens = self.doc.tokens
        between = range(token_at(tokens, m.end("trigger")), token_at(tokens, right[0].span.start))
        if any(tokens[i].folded in cues().stopwords for i in between) \
                or "," in self.doc.text[m.end("trigger"):right[0].span.start]:
            return False
        return any(self.frames.article_next.match(self.doc.text, h.span.end) for h in right)

    def is_agent(self, mention: Mention) -> bool:
        """A person, body or country that can take part, not a medium that reports ('kata AFP', 'Purna Warta')."""
        return self.type_of(mention) in _AGENTS and self.entity_of(mention) not in self.reporters

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
                if groups[-1] and self.paired(groups[-1][-1], mention):
                    groups.append([])
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
        titled: dict[int, str] = {}  # "Japan's minister": the title's words of a group, by index from the right
        owned: set[int] = set()
        i, start = token_at(tokens, offset) - 1, offset
        while i >= 0 and tokens[i].start >= limit:
            mention = self.by_token.get(i)
            if not _inside_phrase(text[mention.span.end if mention else tokens[i].end:start]):
                break
            if mention is not None:
                if groups[-1] and self.paired(mention, groups[-1][0]):
                    groups.append([])
                groups[-1].insert(0, mention)
                start = mention.span.start
                i = token_at(tokens, start) - 1
                continue
            if not self._phrase_word(i, groups):
                break
            if i in self.in_title:
                k = len(groups) - 1
                titled[k] = f"{tokens[i].text} {titled[k]}" if k in titled else tokens[i].text
            if self.possessive(i):
                owned.add(len(groups) - 1)
            start = tokens[i].start
            i -= 1
        last = len(groups) - 1
        return self._heads(groups[::-1], {last - k: title for k, title in titled.items()},
                           frozenset(last - k for k in owned)), start

    def paired(self, first: Mention, second: Mention) -> bool:
        """'pertemuan Obama-Castro': two people joined by a hyphen are two sides, not one name."""
        return self.doc.text[first.span.end:second.span.start] == "-" and self.type_of(first) == "Person" \
            and self.type_of(second) == "Person" and self.entity_of(first) != self.entity_of(second)

    def _phrase_word(self, i: int, groups: list[list[Mention]]) -> bool:
        """A word that may sit in a noun phrase; a conjunction starts the next phrase."""
        tok = self.doc.tokens[i]
        if tok.folded in self.frames.conjunctions:
            if groups[-1]:
                groups.append([])
            return True
        return (i in self.in_title or tok.text[0].isupper() or tok.folded in self.frames.phrase_words
                or self.possessive(i))

    def possessive(self, i: int) -> bool:
        """The 's' of "Japan's", a token of its own."""
        tok = self.doc.tokens[i]
        return tok.folded == "s" and tok.start > 0 and self.doc.text[tok.start - 1] in "'\u2019"

    def _heads(self, groups: list[list[Mention]], titled: Mapping[int, str] | None = None,
               owned: frozenset[int] = frozenset(), counted: frozenset[int] = frozenset()) -> list[Mention]:
        """The participant of each phrase: its person if it names one ('Presiden AS Joe Biden'), else its agents;
        an agent of a phrase with a title ('Menlu Bangladesh', groups by index in `titled`, with the title's
        words) is an official's: the person the article names in that post, if it names one and not in this
        phrase list already, else the office. A state's or body's possessive phrase (`owned`) keeps the owner
        beside its official: "Japan's Foreign Minister Motegi", "Japan's minister" give Japan and Motegi."""
        heads: list[Mention] = []
        for k, group in enumerate(groups):
            is_titled = bool(titled and k in titled) and k not in owned  # "Jokowi's chief of staff, Luhut"
            owners = ("Country", "Organization") if is_titled else ("Country", "Organization", "Person")
            # 'Amerika Serikat (AS)': a body named again in brackets is one body
            one = len({self.entity_of(m) for m in group}) == 1
            body = group[0] if one and self.type_of(group[0]) in owners else None
            named = self._named_next(body, is_titled) if body is not None else None
            if named is not None:  # 'Emir Qatar, Syekh Tamim', "Jokowi's chief of staff, Luhut Panjaitan"
                heads.append(named)
                continue
            if titled and k in titled and body is not None and self.type_of(body) != "Person":
                holder = self.holder(titled[k], self.entity_of(body))
                if holder is not None and not any(self.entity_of(h) == self.entity_of(holder) for h in heads):
                    heads += [body, holder] if k in owned else [holder]
                    continue
                if k not in owned:  # "Qatar's Prime Minister": the state, as English news means it
                    self.officials.add(body.span.start)
            # 'the Secretary and Foreign Minister': the one holders of posts written as names, not 'the president-elect'
            if not group and titled and k in titled and titled[k][0].isupper() and k not in counted:
                holder = self.holder(titled[k], ANY_BODY)
                heads += [holder] if holder is not None else []
                continue
            agents = [m for m in group if self.is_agent(m)]
            person = next((m for m in agents if self.type_of(m) == "Person"), None)
            owner = k in owned and self.type_of(agents[0]) in ("Country", "Organization") if agents else False
            heads += [person] if person and not owner else agents
        return heads

    def _named_next(self, body: Mention, titled: bool) -> Mention | None:
        """The official of a country or body named right after it, in apposition: after a title ('Emir Qatar,
        Syekh Tamim', 'Presiden UEA, Sheikh Mohamed bin Zayed') or a possessive's title ("Indonesia's foreign
        minister, Retno Marsudi"): a comma, at most a title's words, then the person."""
        tokens = self.doc.tokens
        i = token_at(tokens, body.span.end)
        for j in range(i, min(i + 8, len(tokens))):
            person = self.by_token.get(j)
            if person is not None and self.entity_of(person) == self.entity_of(body):  # 'Amerika Serikat (AS)'
                continue
            if person is not None:
                gap = self.doc.text[body.span.end:person.span.start]
                pattern = self.frames.apposition if titled else self.frames.possessive_apposition
                return person if self.type_of(person) == "Person" and pattern.fullmatch(gap) else None
        return None

    def holder(self, title: str, body: str) -> Mention | None:
        """The first mention of the one person the article gives a post: 'Presiden AS Donald Trump ... Presiden AS
        akan bertemu' is Trump meeting. A post's one word stands for the one post of the body that has it ("Japan's
        Foreign Affairs Minister Motegi ... Japan's minister is to meet"); a post named without a body (`ANY_BODY`:
        'the Secretary and Foreign Minister') for its one holder in the article, whoever they serve."""
        if self._holders is None:
            first: dict[str, Mention] = {}
            for m in self.doc.mentions:
                first.setdefault(self.entity_of(m), m)
            posts: dict[tuple[str, str], set[str]] = {}
            for person, positions in self.doc.positions.items():
                served = {self.frames.full_title(fold(p.title)) for p in positions if p.of is not None}
                for p in positions:
                    if person not in first:
                        continue
                    full = self.frames.full_title(fold(p.title))
                    # 'Presiden Obama' after 'Presiden AS Barack Obama' is not the writer's own president
                    unnamed = (_NO_BODY,) if full not in served else ()
                    for owner in (p.of, ANY_BODY) if p.of is not None else (ANY_BODY, *unnamed):
                        posts.setdefault((full, owner), set()).add(person)
                        for word in set(full.split()) - {full}:
                            posts.setdefault((f"... {word}", owner), set()).add(person)
            self._holders = {post: first[next(iter(people))] for post, people in posts.items() if len(people) == 1}
        title = self.frames.full_title(fold(title))
        exact = self._holders.get((title, body))
        return exact if exact is not None or " " in title else self._holders.get((f"... {title}", body))

    def titled(self, mention: Mention) -> bool:
        """Whether a title stands right before the mention ('German Chancellor Angela Merkel'), as it does before each
        of several counterparts met one by one, or with the post's state or body between ('Presiden Rusia Vladimir
        Putin', 'Direktur CIA William Burns'), not before a list of names ('- Jean-Noël Barrot, Johann Wadephul and
        Radosław Sikorski', who met as one)."""
        tokens, text = self.doc.tokens, self.doc.text
        start = mention.span.start
        state = next((c for c in self.doc.mentions if c.span.end < start
                      and self.type_of(c) in ("Country", "Organization") and not text[c.span.end:start].strip()), None)
        if state is not None:
            start = state.span.start
        i = token_at(tokens, start) - 1
        # 'Australian Prime Minister, Anthony Albanese', 'his New Zealand counterpart, Christopher Luxon': in apposition
        return i >= 0 and (i in self.in_title or tokens[i].folded in self.frames.counterparts) \
            and text[tokens[i].end:start].strip() in ("", ",")

    def same_state(self, a: str, b: str) -> bool:
        """Whether the text gives two persons posts of one state or body ('U.S. National Security Advisor Mike
        Waltz' beside Secretary of State Rubio): one delegation, not two sides."""
        states = {p.of for p in self.doc.positions.get(a, []) if p.of}
        if any(p.of in states for p in self.doc.positions.get(b, [])):
            return True
        # 'President Mwai Kibaki and Prime Minister Raila Odinga': posts of no state stated, of one in the KB
        stated = states or any(p.of for p in self.doc.positions.get(b, []))
        return not stated and self.citizens.get(a) is not None and self.citizens.get(a) == self.citizens.get(b)

    def one_side(self, participants: list[str]) -> bool:
        """'Pakistan Foreign Minister Bilawal ... Pakistan': a person and the state or body whose post they hold are
        one side, not two that meet (such a draft may only mention an event told otherwise)."""
        if len(participants) != 2:
            return False
        a, b = participants
        return any(p.of == other for person, other in ((a, b), (b, a)) for p in self.doc.positions.get(person, []))

    def clause_subject(self, sentence: Sentence, verb_start: int) -> list[Mention]:
        """The agents of the noun phrase before the verb, if that phrase opens its clause."""
        text = self.doc.text
        opening = self.clause_start(sentence, verb_start)
        heads, start = self.phrase_left(self.subject_end(opening, verb_start), opening)
        return heads if heads and not text[opening:start].strip() else []

    def own_subject(self, after: int, verb_start: int) -> list[Mention]:
        """The subject a second verb names for itself after a comma: 'sebelum menerima Prabowo di Istana, Jokowi
        juga menerima X' (Jokowi received X; Prabowo is the first verb's object); none without such a comma,
        where the verbs share the clause's subject ('X will visit China and meet Y')."""
        opened = max((m.end() for m in self.frames.clause_opener.finditer(self.doc.text, after, verb_start)),
                     default=-1)
        if opened < 0:
            return []
        heads, start = self.phrase_left(self.subject_end(opened, verb_start), opened)
        return heads if heads and not self.doc.text[opened:start].strip() else []

    def subject_end(self, sentence_start: int, verb_start: int) -> int:
        """Where the subject phrase ends: before auxiliaries ('telah', 'also') and an apposition."""
        text = self.doc.text
        k = sentence_start + len(text[sentence_start:verb_start].rstrip())
        while ((word := _WORD_AT_END.search(text, sentence_start, k))
               and word.group(1).lower() in self.frames.verb_leads):
            k = sentence_start + len(text[sentence_start:word.start()].rstrip())
        if text[k - 1:k] == ",":
            comma = text.rfind(",", sentence_start, k - 1)
            if comma >= 0:  # 'X, the minister, met': X; but "Jokowi's chief of staff, Luhut Panjaitan, met": Luhut
                named = self._person_in(comma, k - 1) and not self._person_in(sentence_start, comma, owners=False)
                k = k - 1 if named else comma
        return k

    def _person_in(self, start: int, end: int, owners: bool = True) -> bool:
        """A person named between `start` and `end`; with `owners` False, not one a post belongs to ("Jokowi's")."""
        return any(self.type_of(m) == "Person" and (owners or not _POSSESSIVE.match(self.doc.text, m.span.end))
                   for m in self.doc.mentions if start <= m.span.start < end)

    # --- the participants of an interaction --------------------------------------------------------

    def left_bound(self, sentence: Sentence, offset: int) -> int:
        """Where the subject side of a trigger starts: after the last clause break ('said', 'bahwa') or sending verb
        ('mengirimkan', 'sent': who is sent meets, not the sender) before it."""
        tokens, text = self.doc.tokens, self.doc.text
        start = self.time_part(sentence, offset)[0]
        start = max([start] + [k + len(mark) for mark in _LEFT_STOPS if (k := text.rfind(mark, start, offset)) >= 0])
        # 'Tidak hanya Barack Obama, PM Tony Abbott juga menelepon Jokowi': Obama is not a side of this call
        # 'Di sela-sela KTT G20 itu, Jokowi akan melakukan pembicaraan bilateral dengan ...': the summit is no side
        start = max([start] + [a.end() for a in (*self.frames.aside.finditer(text, start, offset),
                                                 *self.frames.occasion.finditer(text, start, offset))])
        relative = self.frames.relative.search(text, start, offset)  # its words break no clause
        i = token_at(tokens, relative.start() if relative else offset) - 1
        while i >= 0 and tokens[i].start >= start:
            if tokens[i].folded in self.frames.clause_breaks and i not in self.by_token \
                    and not self.captioned(sentence, i) and not self._passive_report(i):
                comma = text.find(",", tokens[i].end, offset) if tokens[i].folded in self.frames.sources else -1
                return comma + 1 if comma >= 0 else tokens[i].end  # 'Menurut Kemlu RI, pertemuan ...'
            if tokens[i].folded in self.frames.senders:  # 'Trump mengirimkan utusan khusus Witkoff bertemu ...'
                return tokens[i].end
            i -= 1
        return start

    def _passive_report(self, i: int) -> bool:
        """Whether the reporting verb at token `i` reports in the passive what its subject does ('is said by
        officials to have planned'), which keeps that subject."""
        return i > 0 and self.frames.passive_report.match(self.doc.text, self.doc.tokens[i - 1].start) is not None

    def captioned(self, sentence: Sentence, i: int) -> bool:
        """'Presiden Prabowo Subianto saat menerima telepon dari Presiden Donald Trump': a caption whose only words
        before the during word at token `i` name those who act ('Abe dan Jinping saat bertemu'): it breaks no clause."""
        tokens, text = self.doc.tokens, self.doc.text
        if tokens[i].folded not in self.frames.during:
            return False
        opening = sentence.start + dateline_end(sentence.text)
        heads, start = self.phrase_left(tokens[i].start, opening)
        return bool(heads) and all(self.is_agent(h) for h in heads) and not text[opening:start].strip()

    def right_bound(self, sentence: Sentence, offset: int, limit: int) -> int:
        """Where the objects of a trigger end: at a break word or a semicolon; at a comma unless a list or an
        apposition goes on after it (', Joko Widodo', ', headed by X'; not ', X said'); at 'dan'/'and' unless
        a name follows."""
        tokens, text, frames = self.doc.tokens, self.doc.text, self.frames
        end = min(limit, self.time_part(sentence, max(sentence.start, offset - 1))[1])
        dated = self.dated_tokens(sentence)
        i, last, named, listed_items = token_at(tokens, offset), offset, False, 0
        with_seen = tokens[i - 1].folded in frames.comitatives if 0 < i <= len(tokens) else False
        semicolons = frames.semicolon_list.search(text, offset, end) is not None
        while i < len(tokens) and tokens[i].end <= end:
            gap, tok = text[last:tokens[i].start], tokens[i]
            if (";" in gap and not semicolons) or ":" in gap:
                return last
            if "," in gap or ";" in gap:
                by = frames.by_phrase.match(text, tok.start)
                if by:
                    last, i = by.end(), token_at(tokens, by.end())
                    continue
                # ', serta para pemimpin X' / ', and Y in Z': the list goes on after its conjunction
                joined = frames.list_joiner.match(text, tok.start)  # ', as well as US Secretary of State X'
                j = i + 1 if tok.folded in frames.conjunctions else token_at(tokens, joined.end()) if joined else i
                # ', Presiden Belarus Aleksandr Lukashenko pada Jumat': an apposition, then when
                dated_next = bool({(k := self.phrase_end(j, end)), k + 1} & dated)
                # 'Pertemuan PM Armenia, Nikol Pashinyan, dengan Presiden Azerbaijan': the noun's possessor in
                # apposition, then whom it was with
                if named and not with_seen and tok.folded in frames.comitatives and self.starts_phrase(i + 1):
                    last, i, with_seen = tok.end, i + 1, True
                    continue
                # 'A, B, and C has begun': after a list's comma, a comma and a conjunction bring its last item
                if last == offset or not self.starts_phrase(j) or self.reports(j, sentence.end) or not (
                        self.apposition(j, end) or (j > i and (self.placed(j, end) or listed_items)) or dated_next):
                    return last
                listed_items += 1
                if joined:
                    last, i = joined.end(), j
                    continue
            if tok.folded in frames.conjunctions and not self.starts_phrase(i + 1):
                return last
            # 'perundingan yang dihadiri Pashinyan, Aliyev dan Trump': before any name, who attended are its sides
            by = frames.by_phrase.match(text, tok.start) if not named else None
            if by:
                last, i = by.end(), token_at(tokens, by.end())
                continue
            mention = self.by_token.get(i)
            # 'with his counterparts that included Iran, Bulgaria': the list of them goes on
            listed = frames.listing.match(text, tok.start) if i and tokens[i - 1].folded in frames.counterparts \
                else None
            if listed:
                last, i = listed.end(), token_at(tokens, listed.end())
                continue
            # 'US special envoy on Afghan peace reconciliation, Zalmay Khalilzad': what a title is on, then its holder
            held = self.holder_after_post(i, end) if i - 1 in self.in_title and mention is None else None
            if held is not None:
                last, i = held, token_at(tokens, held)
                continue
            posted = self.posted_holder(i, end) if tok.folded in frames.post_links else None
            if posted is not None:  # 'Duta Besar Malaysia untuk Indonesia, H.E. Dato Zaenal Abidin Bakar'
                last, i = posted, token_at(tokens, posted)
                continue
            modified = (frames.modified.match(text, tok.start) or frames.lasting.match(text, tok.start)) \
                if not named else None
            if modified:
                last, i = modified.end(), token_at(tokens, modified.end())
                continue
            # 'dengan Luhut Binsar Pandjaitan di ruang kerja Prabowo': where it was, not a side
            if named and mention is None and tok.folded in frames.place_only:
                return last
            named = named or mention is not None
            # a date and its preposition are not a break: 'held talks on Thursday with X'
            if mention is None and not {i, i + 1} & dated and (tok.folded in frames.object_breaks
                                                                or tok.folded in frames.clause_breaks):
                return last
            last = mention.span.end if mention else tok.end
            i = token_at(tokens, last) if mention else i + 1
        return end

    def _name_ahead(self, i: int, end: int) -> Mention | None:
        """The mention that ends the capitalised words from token `i` on ('Viantiane Laos'), if one does."""
        tokens, text = self.doc.tokens, self.doc.text
        while i < len(tokens) and tokens[i].end <= end and tokens[i].text[:1].isupper():
            if i in self.by_token:
                return self.by_token[i]
            if i + 1 < len(tokens) and text[tokens[i].end:tokens[i + 1].start] != " ":
                return None
            i += 1
        return None

    def holder_after_post(self, i: int, end: int) -> int | None:
        """Where the comma before a post's holder is, when the words from token `i` (after the title) say what the
        post is for and a person's name follows the comma; None otherwise."""
        tokens, text = self.doc.tokens, self.doc.text
        for k in range(i, min(i + _POST_WORDS, len(tokens))):
            # what a post is for may name places ('Special Representative for the Prishtina-Belgrade dialogue')
            if tokens[k].end > end or (k in self.by_token and self.type_of(self.by_token[k]) not in _PLACES):
                return None
            comma = text.find(",", tokens[k].end, tokens[k + 1].start if k + 1 < len(tokens) else end)
            if comma >= 0:
                person = self.by_token.get(k + 1)
                return comma if person is not None and self.type_of(person) == "Person" else None
        return None

    def in_post(self, m: re.Match[str], end: int) -> bool:
        """Whether the trigger `m` says what a post is for ('the EU Special Representative for the Prishtina-Belgrade
        dialogue, Miroslav Lajcak'): it names the post of the holder after it, no event."""
        tokens, text = self.doc.tokens, self.doc.text
        first = token_at(tokens, m.start("trigger"))
        for k in range(first - 1, max(-1, first - _POST_WORDS), -1):
            if "," in text[tokens[k].end:tokens[k + 1].start]:
                return False
            if k in self.in_title:
                comma = self.holder_after_post(k + 1, end)
                return comma is not None and comma >= m.end("trigger")
        return False

    def posted_holder(self, i: int, end: int) -> int | None:
        """Where the holder of an envoy's post starts, when token `i` links the post to the country it is posted to
        and the holder follows ('Duta Besar Malaysia untuk Indonesia, H.E. Zaenal Abidin Bakar', 'Ambassador to
        Indonesia X', 'utusan AS untuk Timur Tengah, George Mitchell'), past a comma and honorifics; None otherwise."""
        tokens = self.doc.tokens
        country = self.by_token.get(i + 1)
        if country is None or self.type_of(country) not in _PLACES or country.span.start != tokens[i + 1].start:
            return None
        k = token_at(tokens, country.span.end)
        while k < len(tokens) and tokens[k].end <= end and k in self.in_title:
            k += 1
        person = self.by_token.get(k)
        return person.span.start if person is not None and self.type_of(person) == "Person" else None

    def phrase_end(self, i: int, end: int) -> int:
        """The index of the first token from `i` that is not part of a name phrase (names, titles, 'of', 'his'); a
        comma ends the phrase ('dan Qatar, Araghchi meninjau')."""
        tokens, frames, text = self.doc.tokens, self.frames, self.doc.text
        first = i
        while i < len(tokens) and tokens[i].end <= end and (
                i == first or "," not in text[tokens[i - 1].end:tokens[i].start]):
            mention = self.by_token.get(i)
            if mention is not None:
                i = token_at(tokens, mention.span.end)
            elif (i in self.in_title or tokens[i].text[0].isupper() or tokens[i].folded in frames.of_words
                  or tokens[i].folded in frames.determiners):
                i += 1
            else:
                break
        return i

    def reports(self, i: int, end: int) -> bool:
        """Whether the words from token `i` to the next comma end in a reporting verb, at most `_REPORTER_WORDS`
        words on: ', UN mediator on Skopje-Athens name talks said Saturday' names who speaks, no side."""
        tokens, text = self.doc.tokens, self.doc.text
        for k in range(i, min(len(tokens), i + _REPORTER_WORDS)):
            if tokens[k].end > end or (k > i and "," in text[tokens[k - 1].end:tokens[k].start]):
                return False
            if tokens[k].folded in self.frames.reporting and k > i:
                return True
        return False

    def joined_people(self, left: list[Mention]) -> list[Mention]:
        """The persons a conjunction joins at the end of the subject side ('Menurut ajudannya, Ben Rhodes, Obama dan
        Raul akan membahas': Obama and Raul), if they are two or more ('The presidents of Brazil and Colombia
        discussed' names states, which may be only their topic)."""
        joined = left[-1:]
        for head in reversed(left[:-1]):
            if not self.conjoined(head.span.end, joined[0].span.start):
                break
            joined.insert(0, head)
        people = {self.entity_of(h) for h in joined if self.type_of(h) == "Person"}
        return joined if len(people) >= 2 and len(people) == len({self.entity_of(h) for h in joined}) else []

    def counterparts_of_each(self, objects: list[Mention]) -> bool:
        """'met his Tonga and Samoa counterparts': countries before a plural counterpart noun, each its own
        counterpart, met one by one."""
        tokens = self.doc.tokens
        if not objects or any(self.type_of(h) != "Country" for h in objects):
            return False
        i = token_at(tokens, objects[-1].span.end)
        return i < len(tokens) and tokens[i].folded in self.frames.counterparts \
            and (tokens[i].folded.endswith("s") or "-" in tokens[i].folded)

    def apposition(self, i: int, end: int) -> bool:
        """Whether the phrase from token `i` stands alone, as an apposition or a list item does: followed by a
        comma, a bracket, 'dan', a list's end ('among others') or the end ('..., Joko Widodo.'), not by a verb
        (', Sugiono juga dijadwalkan')."""
        tokens = self.doc.tokens
        j = self.phrase_end(i, end)
        if j >= len(tokens) or tokens[j].end > end or j == i:
            return j != i
        gap = self.doc.text[tokens[j - 1].end:tokens[j].start]
        return any(c in gap for c in ",;()") or tokens[j].folded in self.frames.conjunctions \
            or self.frames.list_ender.match(self.doc.text, tokens[j].start) is not None

    def placed(self, i: int, end: int) -> bool:
        """Whether the phrase from token `i` is followed by where it happened ('and Retno Marsudi in Jakarta')."""
        j, tokens = self.phrase_end(i, end), self.doc.tokens
        return (j < len(tokens) and tokens[j].end <= end
                and self.frames.location.match(self.doc.text, tokens[j].start) is not None)

    def subject_after(self, sentence: Sentence, offset: int, verb: bool = False) -> list[Mention]:
        """'Saat bertemu dengan Erdogan, Sugiono ...': the subject after a fronted clause, named after its comma (and
        after where the clause took place: 'sebelum menerima Prabowo di Istana Merdeka, Jokowi ...'); a `verb`'s
        clause also when its bound ends past the comma ('Usai bertemu dengan Presiden Jokowi, Pompeo ...'), not a
        noun's: 'Usai pertemuan dengan PM Manele, PM Timor Leste ... tiba' need not be the newcomer's meeting."""
        text, tokens = self.doc.text, self.doc.tokens
        start = offset + len(text[offset:sentence.end]) - len(text[offset:sentence.end].lstrip())
        placed = self.frames.location.match(text, start) is not None
        if text[start:start + 1] == "," or placed:
            comma = text.find(",", start, sentence.end)
        elif verb and text[sentence.start:offset].rstrip().endswith(","):
            comma = len(text[:offset].rstrip()) - 1
        else:
            return []
        if comma < 0:
            return []
        i = token_at(tokens, comma + 1)
        j = self.phrase_end(i, sentence.end)
        return self.agents(comma + 1, tokens[j - 1].end)[:1] if j > i else []

    def fronted_subject(self, sentence: Sentence, trigger: int, offset: int) -> list[Mention]:
        """'Meeting with Obama during the G-20 summit in St. Petersburg, Russia, two weeks ago, Rousseff expressed
        outrage': a trigger opening its sentence opens a fronted clause, whose subject is the first person named
        right after one of its commas."""
        text, tokens = self.doc.text, self.doc.tokens
        if text[sentence.start + dateline_end(sentence.text):trigger].strip():
            return []
        comma = text.find(",", offset, sentence.end)
        while comma >= 0:
            i = first = token_at(tokens, comma + 1)
            while i < len(tokens) and i - first < _MODIFIER_WORDS and tokens[i].text.islower():
                i += 1  # 'outgoing Chinese Premier Wen Jiabao'
            j = self.phrase_end(i, sentence.end)
            heads = self.agents(tokens[i].start, tokens[j - 1].end)[:1] if j > i else []
            if heads and self.type_of(heads[0]) == "Person":
                return heads
            comma = text.find(",", comma + 1, sentence.end)
        return []

    def clause_break_after(self, offset: int, end: int) -> int:
        """Where the first clause break word ('said', 'kata') after `offset` starts, or `end`."""
        tokens = self.doc.tokens
        i = token_at(tokens, offset)
        while i < len(tokens) and tokens[i].start < end:
            if tokens[i].folded in self.frames.clause_breaks and i not in self.by_token:
                return tokens[i].start
            i += 1
        return end

    def starts_phrase(self, i: int) -> bool:
        """Whether a participant's phrase may start at token `i`: a name, a title, a determiner before one, officials
        from a state."""
        tokens = self.doc.tokens
        if i >= len(tokens):
            return False
        if i in self.by_token or i in self.in_title or tokens[i].text[0].isupper():
            return True
        if self.frames.officials_from.match(self.doc.text, tokens[i].start):  # 'dan para diplomat dari Inggris'
            return True
        return tokens[i].folded in self.frames.determiners and self.starts_phrase(i + 1)

    def agents(self, start: int, end: int) -> list[Mention]:
        """The participant of each noun phrase in [start, end), leaving out places ('di Jakarta', 'to China')."""
        tokens, text, frames = self.doc.tokens, self.doc.text, self.frames
        groups: list[list[Mention]] = [[]]
        titled: dict[int, str] = {}
        owned: set[int] = set()
        counted: set[int] = set()  # 'sejumlah Menteri Luar Negeri', 'several foreign ministers': of no one holder
        i, last, away, skipped = token_at(tokens, start), start, False, None
        while i < len(tokens) and tokens[i].end <= end:
            tok = tokens[i]
            # ... and 'Perdana Menteri (PM) Jepang Fumio Kishida': a title's short form, still the title's phrase
            close = text.find(")", tok.start, end) if "(" in text[last:tok.start] and (any(groups) or titled) else -1
            if close >= 0 and not self._person_in(tok.start, close):
                # 'Supreme Leader (Pemimpin Tertinggi Republik Islam Iran), Ali Khamenei': what a bracket says of
                # the phrase before it names no other participant (a person in it does: 'Menlu Rusia (Lavrov)')
                last, i = close + 1, token_at(tokens, close + 1)
                continue
            mention = self.by_token.get(i)
            if not _inside_phrase(text[last:tok.start]):
                groups.append([])
                # 'in Bangkok, Thailand', 'di Brussels (Belgia)': a place's country goes with it, after a word no
                # name was found in ('di ASEM Villa, Viantiane Laos') or a venue its owner names ('di APEC Haus, Port
                # Moresby')
                named = mention or self._name_ahead(i, end)
                away = away and text[last:tok.start].strip() in (",", "(") and skipped is not None \
                    and named is not None \
                    and self.type_of(skipped) in ("Place", "Organization") and self.type_of(named) in _PLACES
            if mention is not None and groups[-1] and self.paired(groups[-1][-1], mention):
                groups.append([])
            if mention is not None:
                # 'sekutu Putin, Presiden Belarus Aleksandr Lukashenko': whose ally, not who took part
                related = i > 0 and tokens[i - 1].folded in frames.relation_nouns \
                    and not text[tokens[i - 1].end:tok.start].strip() \
                    and not (tokens[i - 1].folded in frames.envoy_nouns and self.type_of(mention) != "Person")
                if not away and not related:  # "his Indian counterpart" told before as "... S. Jaishankar"
                    counterpart = self.counterpart_named(mention) if self.type_of(mention) == "Country" else None
                    groups[-1].append(counterpart or mention)
                skipped = mention if away else None
                last = mention.span.end
                i = token_at(tokens, last)
                continue
            if self.possessive(i):  # "Japan's minister": the owner and its official are one phrase
                owned.add(len(groups) - 1)
                last, i = tok.end, i + 1
                continue
            posted = self.posted_holder(i, end) if tok.folded in frames.post_links else None
            if posted is not None:  # 'Duta Besar Malaysia untuk Indonesia X': where the post is, part of its phrase
                last, i = posted, token_at(tokens, posted)
                continue
            travel = frames.travel.match(text, tok.start) if mention is None else None
            if travel is not None:  # 'has departed for Turkey to attend the talks': where to, no side
                groups.append([])
                away, last, i = True, travel.end(), token_at(tokens, travel.end())
                continue
            if tok.folded in frames.quantifiers:
                counted.add(len(groups) - 1)
            if tok.folded in frames.away and not self.counterpart_before(i):
                groups.append([])
                away = True
            elif away and tok.folded in frames.place_modifiers:  # 'in east China's Anhui Province'
                pass
            elif away and (premises := frames.premises.match(text, tok.start)):
                # 'di kantor Kementerian Pertahanan', 'at the office of the ministry': whose premises, no side
                last, i = premises.end(), token_at(tokens, premises.end())
                continue
            elif not (tok.text[0].isupper() or i in self.in_title or tok.folded in frames.of_words
                      or tok.folded in frames.determiners):
                groups.append([])
                away = False
            elif i in self.in_title and not away:
                if any(self.type_of(h) == "Person" for h in groups[-1]):  # 'David Lammy Wakil PM Selandia Baru X'
                    groups.append([])  # a title after a named person, no comma between: the next one's
                k = len(groups) - 1
                titled[k] = f"{titled[k]} {tok.text}" if k in titled else tok.text
            last = tok.end
            i += 1
        # 'pemimpin dari Belanda, Norwegia dan Vietnam', 'the leaders of A, B and C': the title is each one's
        for k in range(1, len(groups)):
            if k - 1 in titled and k not in titled and k - 1 not in owned and self._one_country(groups[k - 1]) \
                    and self._one_country(groups[k]):
                titled[k] = titled[k - 1]
        return self._heads(groups, titled, frozenset(owned), frozenset(counted))

    def conjoined(self, start: int, end: int) -> bool:
        """Whether a conjunction ('dan', 'and') stands between `start` and `end`."""
        tokens = self.doc.tokens
        return any(t.folded in self.frames.conjunctions for t in tokens[token_at(tokens, start):token_at(tokens, end)])

    def counterpart_named(self, country: Mention) -> Mention | None:
        """'talks with his Indian counterpart S. Jaishankar ... held talks with his Indian counterpart on bilateral
        issues': a counterpart of a state left unnamed is the one the article named as that state's counterpart."""
        slot = self._counterpart_slot(country)
        if slot is None or self._person_at(slot) is not None:
            return None
        return self.counterparts().get(self.entity_of(country))

    def counterparts(self) -> dict[str, Mention]:
        """State -> the person the article names as its counterpart ("his Indian counterpart S. Jaishankar",
        'mitranya dari Azerbaijan, Jeyhun Bayramov'), where it names one person so."""
        if self._counterparts is None:
            named: dict[str, dict[str, Mention]] = {}
            for m in self.doc.mentions:
                slot = self._counterpart_slot(m) if self.type_of(m) == "Country" else None
                person = self._person_at(slot) if slot is not None else None
                if person is not None:
                    named.setdefault(self.entity_of(m), {}).setdefault(self.entity_of(person), person)
            self._counterparts = {state: next(iter(people.values())) for state, people in named.items()
                                  if len(people) == 1}
        return self._counterparts

    def _counterpart_slot(self, country: Mention) -> int | None:
        """Where the name of a state's counterpart would stand, when a counterpart noun goes with the state: the
        token after "Indian counterpart", or after 'mitranya dari Azerbaijan'; None otherwise."""
        tokens, counterparts = self.doc.tokens, self.frames.counterparts
        i, j = token_at(tokens, country.span.start), token_at(tokens, country.span.end)
        if j < len(tokens) and tokens[j].folded in counterparts:
            return j + 1
        if i >= 2 and tokens[i - 2].folded in counterparts and tokens[i - 1].folded in self.frames.of_words:
            return j
        return None

    def _person_at(self, i: int) -> Mention | None:
        """The person mention at token `i` (punctuation is no token: 'counterpart, Sameh Hassan')."""
        mention = self.by_token.get(i)
        return mention if mention is not None and self.type_of(mention) == "Person" else None

    def _one_country(self, group: list[Mention]) -> bool:
        return len(group) == 1 and self.type_of(group[0]) == "Country"

    def hypothetical(self, sentence: Sentence, offset: int, end: int | None = None) -> bool:
        """Whether words before the trigger make it only a possibility ('a possible meeting', 'ingin bertemu') or
        say there was none ('There was no SR dialogue in the last five years', 'tidak ada pertemuan'), or words
        ending its phrase after `end` do ('pertemuan puncak AS-Rusia yang potensial')."""
        tokens = self.doc.tokens
        first = token_at(tokens, offset)
        window = max(sentence.start, tokens[max(0, first - HYPOTHETICAL_WINDOW)].start) if first else sentence.start
        # '"... ingin mencapai perdamaian," ujar Abbas, setelah menerima X': a quote's words are not the trigger's
        window = max([window] + [k + 1 for q in _QUOTES if (k := self.doc.text.rfind(q, window, offset)) >= 0])
        return self.frames.hypothetical.search(self.doc.text, window, offset) is not None \
            or self.frames.none_before.search(self.doc.text, window, offset) is not None \
            or (end is not None and self.frames.hypothetical_after.match(self.doc.text, end, sentence.end) is not None)

    def goes_on_from(self, a: Span, b: Span) -> bool:
        """Whether trigger `b` of the sentence of trigger `a` goes on from it, and so has its status: it stands in
        the phrase `a` opens ('akan mengadakan pembicaraan dengan para mediator Mesir': at most `_HEADED_WORDS`
        words between, no comma), is what `a` was held for ('met last week in Doha for their first talks'), is held
        by a verb joined to `a`'s clause ('will meet Y and hold talks with Z') or is the next thing its subject does
        ('akan bertemu dengan X, kemudian pembicaraan terpisah dengan Y')."""
        if a.end > b.start:
            return False
        between = token_at(self.doc.tokens, b.start) - token_at(self.doc.tokens, a.end)
        gap = self.doc.text[a.end:b.start]
        held_for = between <= _PURPOSE_WORDS and self.frames.held_for.search(gap) is not None
        # 'to stage the next phase of talks after a meeting in Muscat on Saturday': another time, its own status
        ordered = self.frames.ordering.search(gap) is not None
        # 'direncanakan akan bertemu pada pekan depan yang merupakan pertemuan pertama sejak ...': the same meeting
        renamed = ";" not in gap and self.frames.renaming.search(gap) is not None
        # 'and hold talks with Z'; 'will chair meetings of X on Thursday and meet Y': a verb right after the
        # conjunction, with no auxiliary of its own, goes on in the clause's tense
        # ('and mediated by Norway' is a participle, no verb of the clause)
        joined = " ".join(b.text.lower().split()) in self.frames.meet_verbs and self._after_conjunction(b.start) \
            and not self.frames.by_phrase.match(self.doc.text, b.start)
        near = between <= _HEADED_WORDS or held_for or self.held_after_and(b.start) or joined
        return (near and "," not in gap and ";" not in gap and not ordered) or renamed or self.in_sequence(b.start)

    def refers_back(self, m: re.Match[str]) -> bool:
        """Whether a noun trigger names an event told before ('Pertemuan ini menunjukkan ... antara Indonesia dan
        AS', 'pembicaraan kedua kepala negara tersebut, Sekretaris Kabinet X, buka suara'): a demonstrative ends
        its phrase, before any name or comma, so what follows is said of that event, not who took part."""
        if self.is_verb(m):
            return False
        tokens, text = self.doc.tokens, self.doc.text
        first, last = token_at(tokens, m.end("trigger")), m.end("trigger")
        # 'my decision to attend this meeting', 'accompanied Witkoff to the meeting': a referring word (or a place
        # or goal phrase's article) before the noun, and no name after it
        if fold(word_before(text, m.start("trigger")) or "") in self.frames.referring \
                or self.frames.referring_phrase.search(text, max(0, m.start("trigger") - _REFERRING_CHARS),
                                                       m.start("trigger")):
            end = min([k for k in (text.find(c, last) for c in ",.;:") if k >= 0], default=len(text))
            return not any(last <= mention.span.start < end for mention in self.doc.mentions)
        for i in range(first, min(first + _PHRASE_WORDS, len(tokens))):
            if i in self.by_token or any(c in text[last:tokens[i].start] for c in ",.;:"):
                return False
            if tokens[i].folded in self.frames.demonstratives:
                return True
            last = tokens[i].end
        return False

    def between_follows(self, start: int, end: int) -> bool:
        """Whether 'antara'/'between' stands in [start, end): 'talks between X and Y' need no subject."""
        tokens = self.doc.tokens
        i = token_at(tokens, start)
        while i < len(tokens) and tokens[i].end <= end:
            idiom = i + 1 < len(tokens) and f"{tokens[i].folded} {tokens[i + 1].folded}" in self.frames.between_idioms
            if tokens[i].folded in self.frames.between and not idiom:  # 'antara lain': among others, not between
                return True
            i += 1
        return False

    @property
    def published_day(self) -> str | None:
        day = self.doc.article.reference_date
        return day.isoformat() if day else None

    def in_sequence(self, start: int) -> bool:
        """', kemudian pembicaraan terpisah dengan ...': the trigger at `start` is the next thing the clause's
        subject does."""
        return self.frames.sequence.search(self.doc.text, max(0, start - _SEQUENCE_CHARS), start) is not None

    def is_verb(self, m: re.Match[str]) -> bool:
        return " ".join(m.group("trigger").lower().split()) in self.frames.meet_verbs

    def noun_object(self, sentence: Sentence, m: re.Match[str]) -> bool:
        """'Mexico hosted multiple rounds of talks': the verb's object is an event noun, which tells the event and
        whom it is between; the verb alone names no one."""
        if not self.is_verb(m):
            return False
        following = self.frames.meet.search(self.doc.text, m.end("trigger"), sentence.end)
        if following is None or self.is_verb(following):
            return False
        between = self.doc.text[m.end("trigger"):following.start("trigger")]
        return (len(between.split()) < SUPPORT_REACH and not any(c in between for c in ",;")
                and not any(m.end("trigger") <= s < following.start("trigger") for s in self.starts))

    def told_again(self, before: re.Match[str], m: re.Match[str]) -> bool:
        """'bertemu A dan B dalam pertemuan bilateral terpisah', 'met A and B in separate meetings': an event noun a
        setting word puts right after the objects of the trigger before it names what that trigger told."""
        objects = self.agents(before.end("trigger"), m.start("trigger"))
        words = self.doc.text[objects[-1].span.end:m.start("trigger")].split() if objects else []
        return 0 < len(words) <= _SETTING_WORDS and fold(words[0]) in self.frames.setting_words \
            and all(w.isalpha() and w.islower() for w in words)

    def meets_mediators(self, m: re.Match[str]) -> bool:
        """'met Qatari mediators', 'bertemu dengan para mediator Norwegia': a verb's object is the talks' mediators
        (`m` the verb), or the mediator noun `m` is such an object; a meeting with mediators is no round of talks."""
        text = self.doc.text
        if self.is_verb(m):
            return self.frames.with_mediators.match(text, m.end("trigger")) is not None
        start = max(0, m.start("trigger") - _MEDIATOR_REACH)
        return any(self.is_verb(v) and (o := self.frames.with_mediators.match(text, v.end("trigger"))) is not None
                   and o.end() == m.end("trigger") for v in self.frames.meet.finditer(text, start, m.start("trigger")))

    def mediators(self, sentence: Sentence, m: re.Match[str]) -> list[Mention]:
        """'keduanya bertemu di Brussel, yang ditengahi oleh Charles Michel', 'talks between A and B mediated by
        Oman': who mediated the event after its trigger, before the sentence's next trigger and any topic (a
        ceasefire 'yang ditengahi Qatar' that the talks are about is not mediated talks)."""
        text = self.doc.text
        by = self.frames.mediated_by.search(text, m.end("trigger"), sentence.end)
        if by is None:
            return []
        if self.frames.meet.search(text, m.end("trigger"), by.start()) \
                or self.frames.topic_opener.search(text, m.end("trigger"), by.start()):
            return []
        # only the trigger's sides, place and time between ('pertemuan pertama mereka di Ankara pada 1 Juli, yang
        # dimediasi oleh'), not what else was mediated ('bertemu ... setelah kedua negara sepakat memulihkan
        # hubungan di bawah kesepakatan yang ditengahi China')
        if len(_LOWER_WORD.findall(text, m.end("trigger"), by.start())) > _MEDIATED_GAP:
            return []
        following = self.frames.meet.search(text, by.end(), sentence.end)
        return self.phrase_right(by.end(), following.start("trigger") if following else sentence.end)[0]

    def occasion_of_before(self, sentence: Sentence, m: re.Match[str]) -> bool:
        """Whether the trigger `m` ends the phrase of a trigger before it, no comma between ('hold talks with
        Netanyahu at the summit'): it tells when and where that event is, no event of its own."""
        text = self.doc.text
        before = list(self.frames.meet.finditer(text, sentence.start, m.start("trigger")))
        if not before:
            return False
        gap = text[before[-1].end("trigger"):m.start("trigger")]
        return "," not in gap and ";" not in gap and len(gap.split()) <= _OCCASION_WORDS

    def forum(self, m: re.Match[str]) -> Mention | None:
        """The organization a summit is of: right before its trigger ('ASEAN Summit') or after ('KTT ke-43 ASEAN')."""
        word = " ".join(m.group("trigger").lower().split())
        if "summit" not in self.frames.families["interaction"].marks.get(word, frozenset()):
            return None
        tokens, text = self.doc.tokens, self.doc.text
        i = token_at(tokens, m.start("trigger")) - 1
        before = self.by_token.get(i) if i >= 0 else None
        if before is not None and not text[before.span.end:m.start("trigger")].strip(" -"):
            return before if self.type_of(before) == "Organization" else None
        i = token_at(tokens, m.end("trigger"))
        first = i
        # 'KTT ke-43 ASEAN', 'a conclave of the foreign ministers of the SCO': a few words of who meet between
        while i < len(tokens) and i not in self.by_token and (
                any(c.isdigit() for c in tokens[i].text) or tokens[i].folded in self.frames.of_words
                or tokens[i].folded in self.frames.determiners
                or (tokens[i].text.islower() and i - first < _FORUM_WORDS
                    and tokens[first].folded in self.frames.of_words)):
            i += 1
        after = self.by_token.get(i)
        return after if after is not None and self.type_of(after) == "Organization" else None

    def forum_place(self, m: re.Match[str]) -> Mention | None:
        """Where a summit is, named right after its forum: 'KTT G20 Jerman' (not after a comma: 'KTT IORA, Myanmar
        Dianggap ...')."""
        forum = self.forum(m)
        if forum is None or forum.span.start < m.end("trigger"):
            return None
        place = self.starts.get(forum.span.end + 1) if self.doc.text[forum.span.end:forum.span.end + 1] == " " else None
        return place if place is not None and self.type_of(place) in _PLACES else None

    def context_agents(self, sentence: Sentence) -> list[Mention]:
        """Who a sentence without two participants speaks of: the previous sentence's agents, then the headline's."""
        if sentence.start not in self._context:
            index = self.sentence_index.get(sentence.start, 0)
            previous = self.doc.sentences[index - 1] if index else None
            self._context[sentence.start] = (self.agents(previous.start, previous.end) if previous else []) \
                + self.headline_agents()
        return self._context[sentence.start]

    def opening_subject(self, sentence: Sentence, offset: int) -> list[Mention]:
        """'Raisi dijadwalkan akan meletakkan karangan bunga ... sebelum melakukan pertemuan dengan Jokowi': a verb
        right after an ordering word, with no subject of its own, has the one the sentence opens with; a noun after
        its article ('after a meeting') has none, unless a verb holds it ('before holding a meeting with X')."""
        text, tokens = self.doc.text, self.doc.tokens
        start = self.time_part(sentence, offset)[0]
        ordering = self.frames.ordering.match(text, start) if start > sentence.start else None
        if ordering is None:
            return []
        # 'before heading to Montevideo on Wednesday for talks with X': a journey, then what it is for
        after = token_at(tokens, ordering.end())
        travel = self.frames.travel.match(text, tokens[after].start) is not None \
            and "," not in text[tokens[after].start:offset]
        if token_at(tokens, offset) - after > _OPENING_GAP and not travel:
            return []
        i = token_at(tokens, offset)
        if i > 0 and tokens[i - 1].folded in self.frames.phrase_words \
                and (i < 2 or tokens[i - 2].folded not in self.frames.meeting_supports):
            return []  # 'after a meeting in Muscat': a noun phrase, not a clause whose subject is left out
        lead = _LEAD.match(text, sentence.start, start)  # 'Sementara itu, '
        opening = lead.end() if lead and not self._mention_in(sentence.start, lead.end()) else sentence.start
        # 'Trump mengatakan India dan Pakistan sepakat ... usai dilakukan perundingan': the reported clause's subject
        said = [t.end for t in tokens[token_at(tokens, opening):token_at(tokens, start)]
                if t.folded in self.frames.clause_breaks]
        opening = said[-1] if said else opening
        heads, end = self.phrase_right(opening, start)
        i = token_at(tokens, end)
        if i < len(tokens) and tokens[i].folded in self.frames.post_links \
                and (posted := self.posted_holder(i, start)) is not None:
            # 'utusan Amerika Serikat untuk Timur Tengah, George Mitchell, ... setelah bertemu dengan X': the envoy
            heads = [self.by_token[token_at(tokens, posted)]]
        return [h for h in heads if self.is_agent(h)]

    def clause_before(self, sentence: Sentence, offset: int) -> list[Mention]:
        """The agents of the clause a during word ('saat', 'selama') right before the event noun at `offset` ends:
        who did something during the event took part in it."""
        tokens = self.doc.tokens
        i = token_at(tokens, offset) - 1
        while i >= 0 and tokens[i].folded in self.frames.phrase_words:
            i -= 1
        if i <= 0 or tokens[i].start < sentence.start or tokens[i].folded not in self.frames.during:
            return []
        opener = tokens[i].start
        return self.agents(self.left_bound(sentence, opener), opener)

    def speaker(self, sentence: Sentence, left_start: int) -> list[Mention]:
        """'Bessent said he had met He Lifeng', 'Retno mengatakan bahwa ia bertemu Lavrov': a clause that a subject
        pronoun opens after a reporting verb has the reporter for subject, when the reporter opens the sentence; so
        has a trigger the reporter owns ('Retno mengatakan pertemuannya dengan Cavusoglu', 'said his meeting') or
        announces the fate of ('Le Drian mengumumkan pembatalan pertemuan Jumatnya dengan Lavrov', 'announced the
        cancellation of his meeting')."""
        tokens, frames = self.doc.tokens, self.frames
        i = token_at(tokens, left_start)
        j = i
        while j < len(tokens) and (tokens[j].folded in frames.status_nouns or tokens[j].folded in frames.phrase_words
                                   or tokens[j].folded in frames.of_words):
            j += 1
        fate = any(t.folded in frames.status_nouns for t in tokens[i:j])
        owned = j < len(tokens) and (tokens[j].folded in frames.possessives or (
            (fate or tokens[j].folded.endswith(frames.possessive_suffixes))
            and frames.meet.match(self.doc.text, tokens[j].start) is not None))
        if i >= len(tokens) or not (tokens[i].folded in frames.pronouns or owned):
            return []
        k = i - 1
        while k >= 0 and tokens[k].start >= sentence.start and tokens[k].folded in self.frames.clause_breaks:
            k -= 1
        if k + 1 == i:
            return []
        return [h for h in self.clause_subject(sentence, tokens[k + 1].start) if self.is_agent(h)]

    def reporter_before(self, sentence: Sentence, trigger: int) -> list[Mention]:
        """'Abbas said after receiving X', '"...," ujar Abbas, setelah menerima X': a trigger right after an ordering
        word that ends a reporting clause has the reporter for subject."""
        tokens, text, frames = self.doc.tokens, self.doc.text, self.frames
        j = token_at(tokens, trigger) - 1
        if j < 1 or tokens[j].start < sentence.start or tokens[j].folded not in frames.ordering_words:
            return []
        k = j - 1
        if text[tokens[k].end:tokens[j].start].strip(" ,"):
            return []
        said = tokens[k].folded in frames.clause_breaks  # 'Abbas said after'
        reporter = self.mention_ending(tokens[k - 1].end if said else tokens[k].end)
        if reporter is None or not self.is_agent(reporter):
            return []
        i = token_at(tokens, reporter.span.start) - 1
        # 'ujar Abbas, setelah': the reporting verb before the reporter
        said = said or (i >= 0 and tokens[i].folded in frames.clause_breaks
                        and not text[tokens[i].end:reporter.span.start].strip())
        return [reporter] if said else []

    def mention_ending(self, end: int) -> Mention | None:
        """The mention whose span ends at `end`, if any."""
        return next((h for h in self.doc.mentions if h.span.end == end), None)

    def location_told_before(self, sentence: Sentence) -> str | None:
        """The place of the sentence just before, when that sentence tells of an interaction too and this one
        names no one who takes part (its sides come from around it)."""
        index = self.sentence_index.get(sentence.start, 0)
        tokens = self.doc.tokens
        named = (self.by_token.get(i) for i in range(token_at(tokens, sentence.start), token_at(tokens, sentence.end)))
        if not index or any(m is not None and self.is_agent(m) for m in named):
            return None
        before = self.doc.sentences[index - 1]
        trigger = self.frames.meet.search(self.doc.text, before.start, before.end)
        return self.location_in(before, trigger.start("trigger")) if trigger else None

    def listed_after(self, sentence: Sentence) -> list[Mention]:
        """Who the sentences right after name in a list opening them ('Mereka adalah X, Y dan Z.', 'Selain itu, ada
        W.'): those a trigger that names no one after it stands for ('sembilan pemimpin negara yang diterima'), or
        where the next sentence says they came from ('tamu negara yang hadir berasal dari Rusia, Qatar dan
        Malaysia')."""
        text, sentences = self.doc.text, self.doc.sentences
        index = self.sentence_index.get(sentence.start, 0) + 1
        pattern, listed = self.frames.list_opener, []
        while index < len(sentences) and (m := pattern.match(text, sentences[index].start)):
            heads = [h for h in self.agents(m.end(), sentences[index].end) if self.type_of(h) != "Place"]
            listed += heads if heads and self._names_only(m.end(), heads[0].span.start) else []
            pattern, index = self.frames.list_continuer, index + 1
        origin = self.frames.origin.search(text, sentences[index].start, sentences[index].end) \
            if not listed and index < len(sentences) else None
        if origin:  # 'tamu negara yang hadir ... berasal dari Rusia, Qatar, Serbia dan Malaysia'
            listed = [h for h in self.agents(origin.end(), sentences[index].end) if self.type_of(h) != "Place"]
        return listed

    def _names_only(self, start: int, end: int) -> bool:
        """Whether text[start:end] holds only a name phrase's words (titles, capitalised words, 'dan', 'of'): a list
        opens right after 'They were' ('They were President X, ...'), not further on ('They were aimed at ... for
        Premier Li's visit')."""
        tokens = self.doc.tokens
        i = token_at(tokens, start)
        while i < len(tokens) and tokens[i].end <= end:
            tok = tokens[i]
            if not (i in self.in_title or tok.text[0].isupper() or not tok.text[0].isalpha()
                    or tok.folded in self.frames.conjunctions or tok.folded in self.frames.phrase_words):
                return False
            i += 1
        return True

    def listed_within(self, sentence: Sentence, m: re.Match[str]) -> list[Mention]:
        """'Di antara menteri yang melakukan rapat dengan Retno itu adalah X, Y, dan Z': a trigger in a relative clause
        with no subject of its own, then a copula and the list of who did it, in the same sentence."""
        text = self.doc.text
        if not self.frames.relative_word.search(text, sentence.start, m.start("trigger")) \
                or self._mention_in(sentence.start, m.start("trigger")):
            return []
        copula = self.frames.list_copula.search(text, m.end("trigger"), sentence.end)
        listed = [h for h in self.agents(copula.end(), sentence.end) if self.type_of(h) != "Place"] if copula else []
        return listed if len({self.entity_of(h) for h in listed}) >= 2 else []

    def pronoun_subject(self, sentence: Sentence, left_start: int, trigger: int) -> list[Mention]:
        """'"In fact, he had fruitful meetings with ...," the spokesman said': a subject pronoun before the trigger
        that coreference left unresolved names a person, never a body or country around it: the person the sentence
        before opens with (a sentence that a pronoun opens carries the same subject on: 'Dia mengatakan ... Ia
        mengatakan'), else the headline's first person (the story's subject), else the first person of the nearest
        sentence before that names one."""
        tokens = self.doc.tokens
        # 'Ia mengatakan akan berbicara dengan Machar': the pronoun opening the sentence is the reporter's
        i = token_at(tokens, sentence.start if self._opens_with_pronoun(sentence) else left_start)
        while i < len(tokens) and tokens[i].start < trigger and tokens[i].folded not in self.frames.pronouns:
            i += 1
        if i >= len(tokens) or tokens[i].start >= trigger or self._quoted_before_speaker(tokens[i].end, trigger):
            return []
        index = self.sentence_index.get(sentence.start, 0)
        earlier = self.doc.sentences[max(0, index - _PRONOUN_REACH):index][::-1]
        opener = next((s for s in earlier if not self._opens_with_pronoun(s)), None)
        opening = self.agents(opener.start, opener.end)[:1] if opener else []
        # 'Gokhale told reporters that the prime minister held meetings. He also paid calls on X': who reported
        # the story's events is not their subject
        if opening and self._reports_next(opening[0]):
            opening = []
        headline = [m for m in self.headline_agents() if self.type_of(m) == "Person"][:1]
        nearest = (m for before in earlier for m in self.doc.mentions
                   if before.start <= m.span.start < before.end and self.is_agent(m))
        speaker = self._quote_speaker(tokens[i].end, sentence)  # '"... beliau bertemu dengan X," kata Hasto'
        # 'Tokayev ... berbicara dengan Zelensky, meskipun dia juga mengunjungi Putin': the subject the pronoun's own
        # sentence opens with
        own = self.phrase_right(sentence.start + dateline_end(sentence.text), tokens[i].start)[0] \
            if not self._opens_with_pronoun(sentence) else []
        return [m for m in (*own, *opening, *headline, *nearest)
                if self.type_of(m) == "Person" and self.entity_of(m) != speaker][:1]

    def _reports_next(self, mention: Mention) -> bool:
        """Whether a reporting verb follows the mention ('Vijay Gokhale told reporters')."""
        i = token_at(self.doc.tokens, mention.span.end)
        return i < len(self.doc.tokens) and self.doc.tokens[i].folded in self.frames.reporting

    def possessor_subject(self, sentence: Sentence, left_start: int, trigger: int) -> list[Mention]:
        """'Rusia, Jerman dan Prancis sepakat bahwa menteri luar negeri mereka harus bertemu', 'agreed that their
        foreign ministers should meet': a subject naming no one, only 'their' people, stands for the sides the
        clause before names, as officials of theirs."""
        tokens = self.doc.tokens
        words = tokens[token_at(tokens, left_start):token_at(tokens, trigger)]
        if not any(t.folded in self.frames.plural_possessives for t in words) or self._mention_in(left_start, trigger):
            return []
        sides = [h for h in self.agents(sentence.start, left_start) if self.is_agent(h)]
        if len({self.entity_of(h) for h in sides}) < 2:
            return []
        self.officials.update(h.span.start for h in sides)
        return sides

    def post_subject(self, left_start: int, trigger: int) -> list[Mention]:
        """'Kepala Negara akan berada di Ankara untuk pertemuan bilateral dengan X', 'Presiden juga akan bertemu':
        a clause opening with a bare post (in either case: '..., kepala negara kemudian bertolak'), no name after it
        and no side before the clause's first trigger (a place it goes to is none), has for subject the one person
        the article gives that post with no body ('Presiden Susilo Bambang Yudhoyono' beside 'Presiden AS Barack
        Obama'): the writer's own, as Indonesian news names its president."""
        tokens = self.doc.tokens
        i = token_at(tokens, left_start)
        first = self.frames.meet.search(self.doc.text, left_start, trigger)  # 'X ... dan melakukan pertemuan'
        verb = first.start("trigger") if first else trigger
        for n in (2, 1):
            if i + n >= len(tokens) or any(j in self.by_token for j in range(i, i + n + 1)) \
                    or self.agents(tokens[i + n].start, verb):
                continue
            holder = self.holder(" ".join(t.folded for t in tokens[i:i + n]), _NO_BODY)
            if holder is not None:
                return [holder]
        return []

    def pair_subject(self, sentence: Sentence, left_start: int, trigger: int) -> list[Mention]:
        """'The two leaders met for about 45 minutes', 'Kedua menteri terakhir kali membahas masalah Rohingya': two
        people named by what they are, no side named in the clause, are the two persons of the nearest sentence
        before that names just two (one that names more, a delegation, is passed over), or of the clauses before
        it in the same sentence ('no plans to meet with Putin after the two leaders spoke by phone'); 'the two
        leaders' are two who lead, not the foreign secretary who briefed on their talks."""
        pair = self.frames.pair_people.search(self.doc.text, left_start, trigger)
        if pair is None or self._agent_in(left_start, trigger):
            return []
        leaders = self.frames.leader_posts.search(pair.group()) is not None
        return self._nearest_two(sentence, left_start, lambda m: self.type_of(m) == "Person"
                                 and not (leaders and self._led_not(self.entity_of(m))))

    def pair_states(self, sentence: Sentence, start: int, end: int) -> list[Mention]:
        """'Both countries held the first round of talks', 'the defence ministers of the two countries', 'kedua
        negara': the two states a phrase of the clause refers to are the two countries of the nearest stretch that
        names just two (the sentence before the phrase, then the sentences before it)."""
        pair = self.frames.pair_states.search(self.doc.text, start, end)
        if pair is None:
            return []
        return self._nearest_two(sentence, pair.start(), lambda m: self.type_of(m) == "Country")

    def _nearest_two(self, sentence: Sentence, before: int, fits: Callable[[Mention], bool]) -> list[Mention]:
        """The first mentions of the two entities `fits` keeps in the nearest stretch that names just two: the
        sentence up to `before`, then the `_PRONOUN_REACH` sentences before it, nearest first."""
        index = self.sentence_index.get(sentence.start, 0)
        spans = [(sentence.start, before)] + [(s.start, s.end) for s in
                                             self.doc.sentences[max(0, index - _PRONOUN_REACH):index][::-1]]
        for start, end in spans:
            found: dict[str, Mention] = {}
            for m in self.doc.mentions:
                if start <= m.span.start < end and fits(m):
                    found.setdefault(self.entity_of(m), m)
            if len(found) == 2:
                return list(found.values())
        return []

    def _led_not(self, person: str) -> bool:
        """Whether the article gives the person posts, none of them a leader's ('Foreign Secretary Ranjan Mathai')."""
        posts = self.doc.positions.get(person, [])
        return bool(posts) and not any(self.frames.leader_posts.search(p.title) for p in posts)

    def _agent_in(self, start: int, end: int) -> bool:
        return any(start <= m.span.start < end and self.is_agent(m) for m in self.doc.mentions)

    def described_subject(self, sentence: Sentence, left_start: int, trigger: int) -> list[Mention]:
        """'Adapun Khalilzad dilaporkan tiba di Kabul. ... diplomat berusia 67 tahun itu menggelar pertemuan dengan
        Ghani': a description of a person right before the trigger stands for the person last named before it."""
        text = self.doc.text
        bare = _BARE_TITLE.search(text[left_start:trigger])
        words = bare.group("title").split() if bare else []
        holder = next((h for n in (2, 1) if len(words) >= n
                       and (h := self.holder(" ".join(words[:n]), ANY_BODY)) is not None), None)
        if holder is not None:  # 'Selain dengan PM Kishida, presiden juga akan melakukan pertemuan': the president
            return [holder]
        described = self.frames.described.search(text, left_start, trigger)
        if described is None or len(text[described.end():trigger].split()) > _DESCRIBED_GAP \
                or self._mention_in(described.start(), trigger):
            return []
        index = self.sentence_index.get(sentence.start, 0)
        reach = self.doc.sentences[max(0, index - _PRONOUN_REACH)].start
        persons = [m for m in self.doc.mentions if reach <= m.span.start < described.start()
                   and self.type_of(m) == "Person"]
        return persons[-1:]

    def _quote_speaker(self, start: int, sentence: Sentence) -> str | None:
        """Who says the quote that closes after `start` ('"...," kata Hasto', '"...," Hasto said'): the pronoun
        inside it is someone else, as the speaker would say 'I'."""
        person = self._speaker_mention(start, sentence)
        return self.entity_of(person) if person is not None else None

    def _speaker_mention(self, start: int, sentence: Sentence) -> Mention | None:
        close = self._reported_close(start, sentence.end, _SPEAKER_WORDS)
        return next((m for m in self.doc.mentions if close <= m.span.start < sentence.end
                     and self.type_of(m) == "Person"), None) if close is not None else None

    def first_person_subject(self, left_start: int, end: int, sentence: Sentence) -> list[Mention]:
        """'"Saya akan bertemu Olmert pekan depan," kata Abbas', '"Pertemuan saya dengan Olmert ...," kata Abbas':
        'I' or 'my' before the trigger's objects, inside a quote, is whoever says it."""
        tokens = self.doc.tokens
        first = next((t for t in tokens[token_at(tokens, left_start):token_at(tokens, end)]
                      if t.folded in self.frames.first_person), None)
        speaker = self._speaker_mention(first.end, sentence) if first is not None else None
        return [speaker] if speaker is not None else []

    def _quoted_before_speaker(self, start: int, trigger: int) -> bool:
        """'"Dia ingin memenuhi undangan ini," kata X usai melakukan pertemuan dengan Y': the pronoun is inside a
        quote that closes before the reporting verb, and the trigger after it is the speaker's."""
        return self._reported_close(start, trigger) is not None

    def _reported_close(self, start: int, end: int, reach: int | None = None) -> int | None:
        """Where the first quote closing in [start, end) ends, when a reporting verb ('kata', 'said') follows it
        before `end` (within `reach` words of it, if given); else None."""
        close = _QUOTE_CLOSE.search(self.doc.text, start, end)
        if close is None:
            return None
        tokens = self.doc.tokens
        after = tokens[token_at(tokens, close.end()):token_at(tokens, end)]
        said = any(t.folded in self.frames.clause_breaks for t in after[:reach])
        return close.end() if said else None

    def _opens_with_pronoun(self, sentence: Sentence) -> bool:
        """'Dia mengatakan ...': a subject pronoun coreference left unresolved opens the sentence."""
        i = token_at(self.doc.tokens, sentence.start)
        return i < len(self.doc.tokens) and self.doc.tokens[i].folded in self.frames.pronouns \
            and self.by_token.get(i) is None

    def _mention_in(self, start: int, end: int) -> bool:
        return any(start <= m.span.start < end for m in self.doc.mentions)

    def context_subject(self, sentence: Sentence) -> list[Mention]:
        """The likely subject of a sentence that names none: the first person around it, else the first agent."""
        around = self.context_agents(sentence)
        return [next((m for m in around if self.type_of(m) == "Person"), around[0])] if around else []

    def object_partner(self, sentence: Sentence, objects: list[Mention]) -> list[Mention]:
        """'Pertemuan dengan Ahmadinejad juga membicarakan ...': a meeting with someone, its own side unnamed, is
        with the person named beside them in the nearest sentence before that names them ('Boediono mengadakan
        pertemuan dengan Presiden Iran Mahmoud Ahmadinejad'), before whoever the context or the headline names."""
        wanted = {self.entity_of(h) for h in objects}
        index = self.sentence_index.get(sentence.start, 0)
        for before in self.doc.sentences[:index][::-1]:
            named = [m for m in self.doc.mentions if before.start <= m.span.start < before.end]
            if wanted & {self.entity_of(m) for m in named}:
                return [m for m in named if self.type_of(m) == "Person" and self.is_agent(m)
                        and self.entity_of(m) not in wanted][:1]
        return []

    def headline_agents(self) -> list[Mention]:
        """The first mention of each agent the headline names, in headline order."""
        if self._headline is None:
            title, found = self.doc.article.title, {}
            for mention in self.doc.mentions:
                if (mention.span.text not in title or not self.is_agent(mention)
                        or self.entity_of(mention) in found):
                    continue
                at = _word_in(mention.span.text, title)
                if at >= 0:
                    found[self.entity_of(mention)] = (at, mention)
            self._headline = [m for _, m in sorted(found.values(), key=lambda pair: pair[0])]
        return self._headline

    def dated_tokens(self, sentence: Sentence) -> set[int]:
        """Indices of the tokens inside the sentence's date expressions ('on Thursday', 'pada Jumat')."""
        tokens, found = self.doc.tokens, set()
        for d in self.dates(sentence):
            i = token_at(tokens, d.span.start)
            while i < len(tokens) and tokens[i].start < d.span.end:
                found.add(i)
                i += 1
        return found

    def dates(self, sentence: Sentence) -> list[DateMention]:
        """The sentence's date expressions, found once; one inside a name is part of it, no date ('the March 23
        Movement', 'Universitas Sebelas Maret', 'Jalan 17 Agustus')."""
        if sentence.start not in self._dates:
            names = [m.span for m in self.doc.mentions if sentence.start <= m.span.start < sentence.end]
            self._dates[sentence.start] = [
                d for d in find_dates(sentence.text, self.doc.article.reference_date, sentence.start)
                if not any(n.start <= d.span.start and d.span.end <= n.end for n in names)]
        return self._dates[sentence.start]

    # --- clauses, places, dates -------------------------------------------------------------------------

    def clause_start(self, sentence: Sentence, offset: int) -> int:
        """Where the clause holding `offset` opens: the sentence start, or after a comma or subordinator."""
        text, frames = self.doc.text, self.frames
        starts = [sentence.start] + [m.end() for m in frames.clause_opener.finditer(text, sentence.start, offset)]
        starts += [m.end() for m in frames.ordering.finditer(text, sentence.start, offset)]
        return max(s for s in starts if s <= offset)

    def time_part(self, sentence: Sentence, offset: int) -> tuple[int, int]:
        """The stretch of `sentence` around `offset` between ordering words ('setelah', 'since')."""
        cuts = self._cuts.get(sentence.start)
        if cuts is None:
            text = self.doc.text
            cuts = [sentence.start, sentence.end]
            for m in self.frames.ordering.finditer(text, sentence.start, sentence.end):
                if self._in_relative_clause(sentence, m.start()):
                    continue  # 'X, PM yang dilantik setelah kudeta bulan lalu, akan bertemu Y': the clause's own time
                cuts.append(m.start())
                if not text[sentence.start:m.start()].strip(" ,"):
                    comma = text.find(",", m.end(), sentence.end)
                    cuts.append(comma + 1 if comma >= 0 else sentence.end)
            self._cuts[sentence.start] = cuts
        return max(c for c in cuts if c <= offset), min(c for c in cuts if c > offset)

    def _in_relative_clause(self, sentence: Sentence, offset: int) -> bool:
        """Whether `offset` stands in a relative clause that a comma closes ('X, PM yang dilantik setelah kudeta, akan
        ...'): a relative word since the last comma before it, and a comma after it."""
        text = self.doc.text
        opened = max(sentence.start, text.rfind(",", sentence.start, offset) + 1)
        return self.frames.relative_word.search(text, opened, offset) is not None \
            and text.find(",", offset, sentence.end) >= 0

    def _relative_before(self, sentence: Sentence, offset: int, trigger: int) -> bool:
        """Whether `offset` stands in a relative clause closed by a comma before the trigger: what the clause tells
        of a name ('Surayud, PM yang dilantik bulan lalu, akan bertemu ...'), not of the event."""
        comma = self.doc.text.find(",", offset, sentence.end)
        return self._in_relative_clause(sentence, offset) and comma < trigger

    def event_date(self, sentence: Sentence, offset: int, dates: list[DateMention]) -> DateMention | None:
        """The first date of the trigger's part of the sentence that is not a 'sejak'/'since' bound, nor in a
        clause of its own ('..., Tajani said on Monday'), nor in what is talked about ('membahas ... tahun 2019')."""
        start, end = self.time_part(sentence, offset)
        end = min(end, self.clause_break_after(offset, end))
        topic = self.frames.topic_opener.search(self.doc.text, offset, end)  # 'membahas kerja sama tahun 2019'
        end = topic.start() if topic else end
        inside = [d for d in dates if not d.since and start <= d.span.start < end
                  and not self.frames.person_clause.search(self.doc.text, start, d.span.start)  # ', who took office'
                  and not self._relative_before(sentence, d.span.start, offset)]  # ', yang dilantik bulan lalu,'
        opened = sentence.start + dateline_end(sentence.text)
        inside = [d for d in inside if d.span.start >= opened] or inside  # 'HEFEI, April 1 (Xinhua) -- ...'
        later = [d for d in inside if d.span.start > offset]
        # 'tiba di Kairo pada Minggu, 5 Oktober, untuk memimpin ... negosiasi ... pada Senin, 6 Oktober':
        # the date of the journey is not the date of the talks it is for
        if inside and later and inside[0].span.end <= offset \
                and self.frames.purpose.search(self.doc.text, inside[0].span.end, offset):
            return later[0]
        # 'were revealed on Monday night, with talks set to resume on September 24': a date a comma keeps before
        # the trigger is the clause before's; the trigger's own follows it
        if inside and later and inside[0].span.end <= offset and "," in self.doc.text[inside[0].span.end:offset]:
            return later[0]
        # 'pada Selasa (8/3) Jokowi berkomunikasi dengan X, dan pada Rabu (16/3) ... berbicara dengan Y': the last
        # date between the trigger before this one and this one is this one's
        told = [t.end("trigger") for t in self.frames.meet.finditer(self.doc.text, start, offset)]
        between = [d for d in inside if told and told[-1] <= d.span.start and d.span.end <= offset
                   and self.frames.clause_opening.search(self.doc.text, told[-1], d.span.start)]
        if between:
            return between[-1]
        return inside[0] if inside else None

    def story_before(self, sentence: Sentence, status: str) -> tuple[DateMention, Sentence] | None:
        """The date an undated event takes from the story told before it, with the sentence that tells it: the
        latest date stated earlier in its paragraph ('..., Selasa (24/9/2019).' then 'Lalu, Retno bertemu dengan
        Menlu Estonia'), else the latest earlier in the article if it fits the event's status (a held event's day
        in the `NEWS_DAYS` before publication, a planned one's on or after it); a date of another story is no
        guess."""
        text, published = self.doc.text, self.doc.article.reference_date
        paragraph = True
        for earlier in reversed(self.doc.sentences[:self.sentence_index[sentence.start]]):
            paragraph = paragraph and "\n" not in text[earlier.end:sentence.start]
            stated = [d for d in self.dates(earlier) if d.value and not d.since]
            if not stated:
                continue
            latest = stated[-1]
            if published is None or len(latest.value or "") != 10:
                return (latest, earlier) if paragraph else None
            day = Day.fromisoformat(latest.value or "")
            earliest = Day.min if paragraph else published - timedelta(days=NEWS_DAYS)
            fits = earliest <= day <= published if status == "held" else status == "planned" and day >= published
            return (latest, earlier) if fits else None
        return None

    def then_story(self, sentence: Sentence, trigger: int) -> tuple[DateMention, str | None] | None:
        """'Jokowi pernah menyambangi Rusia pada 2016 saat KTT Rusia-ASEAN di Kota Sochi. Saat itu, Jokowi juga
        bertemu Putin': an event told 'at that time' has the date and place of the sentence before it."""
        k = self.sentence_index[sentence.start]
        if not k or not self.frames.then.search(self.doc.text, sentence.start, trigger):
            return None
        before = self.doc.sentences[k - 1]
        stated = [d for d in self.dates(before) if d.value and not d.since]
        if not stated:
            return None
        return stated[-1], self.location_in(before, stated[-1].span.start)

    def status(self, sentence: Sentence, trigger: Span, date: str | None, marks: frozenset[str] = frozenset()) -> str:
        """Planned, cancelled or refused when words of the trigger's clause say so, or its date is after publication.

        The words are looked for among the `STATUS_WINDOW` words before the trigger
        ('akan bertemu', 'refused to hold talks with') and from the trigger to the
        end of its clause ('the meeting ... was cancelled'). A trigger in a past
        form (marked 'past': 'met') was held whatever planned words stand before
        it ('to prepare for the trip, and met X').
        """
        text, tokens = self.doc.text, self.doc.tokens
        start = self.time_part(sentence, trigger.start)[0]
        first = self.supported_from(token_at(tokens, trigger.start))
        window = max(start, tokens[max(0, first - STATUS_WINDOW)].start) if first else start
        before = unbracketed(text[window:trigger.start])  # 'Venezuela (suspended)' is no status
        end = self.time_part(sentence, trigger.start)[1]
        topic = self.frames.topic_opener.search(text, trigger.end, end)  # 'membahas kerja sama tahun mendatang'
        # 'Pertemuan PM Armenia, Nikol Pashinyan, dengan ..., yang semula dijadwalkan ..., telah dibatalkan': an
        # event noun opening the sentence has its status in the sentence's predicate, past the commas
        opens = not text[sentence.start + dateline_end(sentence.text):trigger.start].strip()
        stops = [k for k in (-1 if opens else text.find(",", trigger.end, end), text.find(";", trigger.end, end),
                             topic.start() if topic else -1) if k >= 0]
        after = unbracketed(text[trigger.end:min(stops, default=end)])
        for status in STATUSES:
            if status == "planned" and "past" in marks:
                continue
            if (status in self.frames.status_before and self.frames.status_before[status].search(before)) or (
                    status in self.frames.status_after and self.frames.status_after[status].search(after)):
                return status
        if self.frames.refused_offer.search(text, start, trigger.start):  # 'menolak tawaran X yang ... mediator'
            return "refused"
        # 'akan menuju ke Dhaka untuk melakukan pertemuan': done for what a planned verb is
        planned = None if "past" in marks else self.frames.status_before["planned"].search(text, start, window)
        if planned and self.frames.purpose.search(text, planned.end(), trigger.start):
            return "planned"
        # 'dijadwalkan akan meletakkan karangan bunga ... sebelum melakukan pertemuan': before what is to come
        if start > sentence.start and "past" not in marks and self.frames.comes_before.match(text, start) \
                and self.frames.status_before["planned"].search(text, sentence.start, start):
            return "planned"
        published = self.doc.article.reference_date
        if date and len(date) == 10 and published and date > published.isoformat():
            return "planned"
        return "held"

    def supported_from(self, first: int) -> int:
        """The token of the verb that holds the event noun at token `first`, if one does within a noun phrase's
        reach ('will hold a new edition of the Special Representatives dialogue', 'concurred on holding another
        "2+2" meeting'): what is said of the verb is said of the event; else `first`."""
        tokens = self.doc.tokens
        for k in range(first - 1, max(-1, first - SUPPORT_REACH), -1):
            if tokens[k].folded in self.frames.meeting_supports:
                return k
            if tokens[k].folded in self.frames.clause_breaks or tokens[k].folded in self.frames.conjunctions:
                break
        return first

    def held_talks(self, m: re.Match[str]) -> bool:
        """'Jiang Zemin held formal talks with Putin': talks someone holds are a negotiation, of people only too (a
        meeting that is itself the talks), where the pack says so of its holding verbs."""
        return self._holder_before(m.start("trigger"), self.frames.talks_holders) is not None

    def held_after_and(self, trigger: int) -> bool:
        """'X will meet Y in Washington and hold talks with Z in Ottawa': a noun its holding verb takes, the verb
        joined by a conjunction to the clause before (auxiliaries between: 'and also held talks'), has that clause's
        subject and time, as a verb would."""
        tokens = self.doc.tokens
        k = self._holder_before(trigger, self.frames.holding_verbs)
        if k is None:
            return False
        k -= 1
        while k >= 0 and tokens[k].folded in self.frames.auxiliaries:
            k -= 1
        return k >= 0 and tokens[k].folded in self.frames.conjunctions

    def _after_conjunction(self, start: int) -> bool:
        k = token_at(self.doc.tokens, start) - 1
        return k >= 0 and self.doc.tokens[k].folded in self.frames.conjunctions

    def _holder_before(self, trigger: int, verbs: frozenset[str]) -> int | None:
        """The token index of one of `verbs` before the trigger, only lower-case words between ('held formal talks',
        'held two rounds of talks'), or None."""
        tokens = self.doc.tokens
        first = token_at(tokens, trigger)
        for k in range(first - 1, max(-1, first - 1 - _HOLDER_REACH), -1):
            if tokens[k].folded in verbs:
                return k
            if not tokens[k].text[:1].islower():
                return None
        return None

    def held_for_talks(self, sentence: Sentence, trigger: re.Match[str]) -> bool:
        """'met X on Monday to work out differences over the dam', 'pertemuan ... untuk membahas sengketa
        perdagangan': the meeting is held for what talks settle, before the sentence's next trigger (a call
        'just before holding a meeting with Y to discuss the peace deal' is not held for it)."""
        text = self.doc.text
        following = self.frames.meet.search(text, trigger.end("trigger"), sentence.end)
        end = following.start("trigger") if following else sentence.end
        aim = self.frames.talks_aim.search(text, trigger.end("trigger"), sentence.end)
        if aim is None or aim.start() >= end:
            return False
        # 'berbicara dengan Zelenskiy tentang penerapan perjanjian Minsk untuk mengakhiri konflik': the aim is the
        # topic's, not the meeting's
        return self.frames.topic_opener.search(text, trigger.end("trigger"), aim.start()) is None

    def held_for_summit(self, sentence: Sentence, trigger: re.Match[str]) -> bool:
        """'Lopez Obrador menjamu Biden dan Trudeau untuk pertemuan puncak', 'hosts A and B for the summit': the
        sentence's next trigger, a summit, is what this one is held for, so this one is the summit."""
        text = self.doc.text
        following = self.frames.meet.search(text, trigger.end("trigger"), sentence.end)
        if following is None or not self.is_verb(trigger):
            return False
        word = " ".join(following.group("trigger").lower().split())
        gap = text[trigger.end("trigger"):following.start("trigger")]
        return "summit" in self.frames.families["interaction"].marks.get(word, frozenset()) \
            and self.frames.held_for.search(gap) is not None and "," not in gap and ";" not in gap

    def location_after(self, sentence: Sentence, trigger: int, offset: int) -> str | None:
        """'di Z' / 'in Z' after `offset`, before a comma and within the trigger's time part of the sentence."""
        text = self.doc.text
        limit = self.time_part(sentence, trigger)[1]
        stop = min((k for k in (text.find(",", offset, limit), text.find(";", offset, limit)) if k >= 0),
                   default=limit)
        for m in self.frames.location.finditer(text, offset, stop):
            place = self.place_at(m)
            if place is not None:
                return self.entity_of(self.finest_place(place, stop))
        return None

    def where_before(self, sentence: Sentence, trigger: int) -> str | None:
        """'di ibukota Afghanistan, Kabul, di mana Khalilzad bertemu dengan ...', 'flew to Doha, where he met ...':
        the place just before a comma and 'where' is where the clause it opens happened."""
        text = self.doc.text
        where = next(reversed(list(self.frames.where.finditer(text, sentence.start, trigger))), None)
        if where is None or any(c in text[where.end():trigger] for c in ",;"):
            return None
        place = next((p for p in self.doc.mentions if p.span.end == where.start()), None)
        return self.entity_of(place) if place is not None and self.type_of(place) in _PLACES else None

    def counterpart_before(self, i: int) -> bool:
        """'rekan-rekannya di Mesir', 'his counterparts in Egypt': after such a noun a place stands for its official."""
        return i > 0 and self.doc.tokens[i - 1].folded in self.frames.counterparts

    def place_at(self, m: re.Match[str]) -> Mention | None:
        """The place a place phrase ('di Z', 'visit to Z') opens, unless it is what the talks are about: 'perang
        di Gaza', 'the situation in Palestine'."""
        place = self.starts.get(m.end()) or self.owned_premises(m.end())
        place = self.venue_of_owner(place) or place
        if place is None and (summit := self.frames.meet.match(self.doc.text, m.end())):
            place = self.forum_place(summit)  # 'bertemu X di KTT G20 Jerman': in Germany
        if place is None or self.type_of(place) not in _PLACES or self.frames.transit.search(place.span.text):
            return None  # 'landed at Esenboga Airport in Ankara ... to meet Erdogan': in Ankara
        if self.counterpart_before(token_at(self.doc.tokens, m.start())):  # 'rekan-rekannya di Mesir'
            return None
        topic = self.frames.topic_before.search(self.doc.text, max(0, m.start() - 60), m.start())
        return place if topic is None or topic.group("talks") else None

    def owned_premises(self, offset: int) -> Mention | None:
        """'di kantor Kementerian Luar Negeri AS, Washington DC': a building named only by its owner is no entity,
        so the city after its comma is where the event was."""
        premises = self.frames.premises.match(self.doc.text, offset)
        owner = self.starts.get(premises.end()) if premises else None
        if owner is None or self.type_of(owner) not in ("Organization", "Person"):
            return None
        comma = _COMMA.match(self.doc.text, owner.span.end)
        return self.starts.get(comma.end()) if comma else None

    def venue_of_owner(self, owner: Mention | None) -> Mention | None:
        """'di APEC Haus, Port Moresby': a venue named by the body that owns it and a capitalised word the KB lacks
        is no entity, so the place after its comma is where the event was."""
        if owner is None or self.type_of(owner) != "Organization":
            return None
        tokens, text = self.doc.tokens, self.doc.text
        i = token_at(tokens, owner.span.end)
        if i >= len(tokens) or text[owner.span.end:tokens[i].start] != " " or not tokens[i].text[:1].isupper() \
                or i in self.by_token:
            return None
        comma = _COMMA.match(text, tokens[i].end)
        place = self.starts.get(comma.end()) if comma else None
        return place if place is not None and self.type_of(place) in _PLACES else None

    def location_in(self, sentence: Sentence, trigger: int, after_it: bool = True) -> str | None:
        """Where the trigger's part of the sentence says someone is, past its commas: 'di sela-sela KTT G20, Senin,
        di Bali', 'selama kunjungannya ke Jeddah', 'arrived in Ankara ... for a meeting'; the place nearest the
        trigger after it (unless `after_it` is False), else before it."""
        start, end = self.time_part(sentence, trigger)
        # 'Amid conflicts in the Middle East, Guterres will meet ...': what the aside names is not where
        asides = [a.span() for a in self.frames.aside.finditer(self.doc.text, start, end)]
        found: list[Mention] = []
        for pattern in (self.frames.location, self.frames.travel):
            for m in pattern.finditer(self.doc.text, start, end):
                if any(a <= m.start() < b for a, b in asides):
                    continue
                place = self.place_at(m)
                if place is not None:
                    found.append(self.finest_place(place, end))
        after = [p for p in found if p.span.start > trigger]
        before = [p for p in found if p.span.start < trigger]
        if after_it and after:
            return self.entity_of(min(after, key=lambda p: p.span.start))
        best = max(before, key=lambda p: p.span.start, default=None)
        return self.entity_of(best) if best is not None else None

    def finest_place(self, place: Mention, stop: int) -> Mention:
        """The most specific place of the phrase `place` opens: 'the Omani capital of Muscat', 'Oman's capital
        Muscat' -> Muscat, up to a comma or the next preposition or break word."""
        tokens, frames = self.doc.tokens, self.frames
        i, best = token_at(tokens, place.span.end), place
        while i < len(tokens) and tokens[i].end <= stop and "," not in self.doc.text[tokens[i - 1].end:tokens[i].start]:
            mention = self.by_token.get(i)
            if mention is not None:
                if self.type_of(mention) == "Place":
                    best = mention
                i = token_at(tokens, mention.span.end)
                continue
            if tokens[i].folded in frames.away or tokens[i].folded in frames.object_breaks \
                    or tokens[i].folded in frames.clause_breaks or tokens[i].folded in frames.conjunctions:
                break
            i += 1
        return best

    def occasion_forum(self, sentence: Sentence) -> str | None:
        """The organization whose gathering the sentence puts its events on the sidelines of ('di sela-sela KTT G20
        itu', 'on the sidelines of the SCO summit'), an entity id."""
        for m in self.frames.occasion_of.finditer(self.doc.text, sentence.start, sentence.end):
            forum = next((h for h in self.doc.mentions if m.start() <= h.span.start < m.end()
                          and self.type_of(h) == "Organization"), None)
            if forum is not None:
                return self.entity_of(forum)
        return None

    def held_in(self, sentence: Sentence) -> str | None:
        """'Pembicaraan diadakan di Muscat.': the place a follow-up sentence gives, if it gives one."""
        held = self.frames.held_in.match(sentence.text)
        place = self.starts.get(sentence.start + held.end()) if held else None
        return self.entity_of(place) if place is not None and self.type_of(place) in _PLACES else None


_LEAD = re.compile(r"[^,.;]{1,25},\s*")
_COMMA = re.compile(r"\s*,\s*")
_QUOTES = ('"', "\u201c", "\u201d")


_POSSESSIVE = re.compile(r"['\u2019]s\b")


def _word_in(words: str, text: str) -> int:
    """Where `words` stand in `text` as whole words, or -1."""
    found = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text)
    return found.start() if found else -1


def _inside_phrase(gap: str) -> bool:
    return gap.strip(" ") in ("", "-", "'", "\u2019", "'s", "\u2019s") and len(gap) <= 3


# --- the frames ---------------------------------------------------------------------------------------------

def interaction(reader: EventReader, sentence: Sentence) -> list[Draft]:
    """Every trigger with the agents of its clause: the subject side, then the objects up to a break."""
    frames, text = reader.frames, reader.doc.text
    family = frames.families["interaction"]
    triggers = [m for m in frames.meet.finditer(text, sentence.start, sentence.end)
                if not reader.in_post(m, sentence.end)]
    drafts: list[Draft | None] = []
    visited: str | None = None
    for k, m in enumerate(triggers):
        left_start = reader.left_bound(sentence, m.start("trigger"))
        earlier = [n for n in triggers[:k] if n.start("trigger") >= left_start]
        following = triggers[k + 1].start("trigger") if k + 1 < len(triggers) else sentence.end
        right_end = reader.right_bound(sentence, m.end("trigger"), following)
        right = [] if reader.refers_back(m) else reader.agents(m.end("trigger"), right_end)
        means = fold(word_before(text, m.start("trigger")) or "") in frames.means_words
        if earlier and (means or reader.told_again(earlier[-1], m)) and not reader.is_verb(m) \
                and not any(reader.type_of(h) == "Person" for h in right):
            drafts.append(None)  # 'menghubungi Putin lewat sambungan telepon': how the call told was held, unless
            continue  # it names its own counterpart ('melalui panggilan telepon terpisah dengan Abbas Kamel')
        # 'diterima oleh Presiden secara bergantian. Mereka adalah X, Y dan Z.': the guests the host received
        if len(right) <= 1 and k == len(triggers) - 1:
            right = reader.listed_after(sentence) or right
        within = reader.listed_within(sentence, m)
        named = [h for h in right if within and h.span.start < within[0].span.start]
        if len(named) == 1:  # each of those listed met the one the clause names
            drafts.extend(_each_listed(reader, family, m, sentence, within, named, left_start))
            continue
        # a noun after another trigger has the agents just before it ('bertemu X, tokoh dalam negosiasi Iran'),
        # else the clause's subject, as a verb has: 'X akan ke Beijing dan bertemu Y', 'X met Y at the summit',
        # and as a noun next in a sequence has: 'X akan bertemu Y, kemudian pembicaraan dengan Z'
        local = reader.agents(earlier[-1].end("trigger"), m.start("trigger")) if earlier else []
        forum = reader.forum(m)
        next_step = reader.in_sequence(m.start("trigger"))
        # 'membatalkan pertemuannya dengan Putin pada KTT G-20': the summit the meeting was at has the subject
        occasion = forum is not None and bool(earlier) and reader.occasion_of_before(sentence, m) \
            and "summit" not in family.marks.get(" ".join(earlier[-1].group("trigger").lower().split()), frozenset())
        if not (local and [a for a in local if a is not forum]) or reader.is_verb(m) or next_step or occasion \
                or reader.held_after_and(m.start("trigger")):
            first = earlier[0] if earlier else m
            own = reader.own_subject(earlier[-1].end("trigger"), m.start("trigger")) if earlier else []
            subject = (own if own and reader.is_verb(m)
                       else reader.agents(left_start, reader.subject_end(left_start, first.start("trigger"))))
            local = local if occasion and not subject else subject
        draft = _interaction(reader, family, m, sentence, local, right, left_start, right_end)
        if draft and earlier and draft.location is None:  # 'X will visit China and meet Y': in China
            draft.location = next((d.location for d in drafts[::-1] if d and d.location), None) or visited
        if "visit" in family.marks.get(" ".join(m.group("trigger").lower().split()), frozenset()):
            visited = next((reader.entity_of(h) for h in right if reader.type_of(h) in _PLACES), visited)
        drafts.extend(_one_per_object(reader, m, right, draft) if draft else [None])
    return [d for d in drafts if d] + _joint(reader, family, sentence, triggers)


def _joint(reader: EventReader, family: _Family, sentence: Sentence, triggers: list[re.Match[str]]) -> list[Draft]:
    """A joint verb with two sides a conjunction joins in its own subject ('Abe dan Putin akan fokus membicarakan isu
    perbatasan'); not one in a clause an event is told in already ('berunding di Kuala Lumpur dengan agenda
    membahas ...': what those talks are about)."""
    found = []
    for m in reader.frames.joint.finditer(reader.doc.text, sentence.start, sentence.end):
        left_start = reader.left_bound(sentence, m.start("trigger"))
        sides = reader.joined_people(reader.agents(left_start, reader.subject_end(left_start, m.start("trigger"))))
        # the sides right before the verb, but for a few words ('are expected to discuss'), and no event told
        # between them and it ('Marcos had meetings with A and B, where they discussed': what those were about)
        between = reader.doc.text[sides[-1].span.end:m.start("trigger")] if sides else ""
        if not sides or len(between.split()) > _JOINT_GAP or any(c in between for c in ",;:") \
                or any(sides[0].span.start <= n.start("trigger") < m.start("trigger") for n in triggers):
            continue
        draft = _interaction(reader, family, m, sentence, sides, [], left_start, m.end("trigger"))
        found += [draft] if draft else []
    return found


def _each_listed(reader: EventReader, family: _Family, m: re.Match[str], sentence: Sentence, listed: list[Mention],
                 right: list[Mention], left_start: int) -> list[Draft | None]:
    """One draft for each one listed with the one the trigger's clause names ('X, Y dan Z' each met Retno)."""
    drafts = [_interaction(reader, family, m, sentence, [h], right, left_start, m.end("trigger")) for h in listed]
    return [replace(d, marks=d.marks | {SEPARATE}) if d else None for d in drafts]


def _one_per_object(reader: EventReader, m: re.Match[str], right: list[Mention], draft: Draft) -> list[Draft]:
    """'X bertemu secara terpisah dengan Y dan Z', 'X held separate calls with Y and Z': X met each of them,
    Y never met Z, so one draft per object with the subject; without such a word, or when the objects are what the
    talks are between ('bilateral talks between Putin and Prabowo'), one draft for all. Two subjects
    who each met one person ('X dan Y masing-masing bertemu dengan Z') are one draft per subject."""
    objects = list(dict.fromkeys(e for h in right if (e := reader.entity_of(h)) in draft.participants))
    subjects = [p for p in draft.participants if p not in objects]
    text = reader.doc.text
    persons, trigger = [p for p in subjects if p in reader.persons], m.start("trigger")
    if len([o for o in objects if o in reader.persons]) == 1 and len(persons) >= 2 and not draft.forum and \
            reader.frames.each.search(text, reader.clause_start(draft.sentence, trigger), right[0].span.start):
        # 'Araghchi dan Witkoff masing-masing bertemu secara terpisah dengan Busaidi', 'Zelaya and Micheletti met
        # separately with Arias': each met him alone
        return [replace(draft, participants=[p, *objects], marks=draft.marks | {SEPARATE}) for p in persons]
    between = reader.between_follows(trigger, right[0].span.start) if right else False  # 'talks between A and B'
    # one person, with their state ('Türkiye's Foreign Minister Hakan Fidan'), met several titled persons; on the
    # sidelines of a gathering two are enough ('Di sela-sela KTT, Xi bakal bertemu Presiden Rusia Vladimir Putin dan
    # Perdana Menteri India Narendra Modi'): bilateral meetings, one each
    many = 2 if reader.frames.occasion_of.search(text, draft.sentence.start, draft.sentence.end) else _MANY_MET
    met = [o for o in objects if o in reader.persons]
    # two met ('Ia bertemu Presiden Peru Dina Boluarte dan PM Australia Anthony Albanese'): one meeting each, but not
    # two of one state's delegation ('Presiden Xi Jinping dan Perdana Menteri Li Qiang'), nor two a host received
    # together (one audience)
    two_met = len(met) == 2 and not reader.same_state(*met) and not draft.marks & {"host", "receive"}
    listed = len(persons) == 1 and all(s in reader.countries for s in subjects if s not in persons) \
        and (reader.is_verb(m) or reader.held_talks(m)) \
        and (len(met) >= many or two_met) \
        and all(reader.titled(h) for h in right if reader.entity_of(h) in reader.persons) \
        and not any(reader.same_state(persons[0], o) for o in objects)
    if len(objects) < 2 or not subjects or draft.forum or between or not (
            listed or "each" in draft.marks or reader.counterparts_of_each(right)
            or reader.frames.separately.search(text, trigger, right[0].span.start)
            or reader.frames.separately.fullmatch(word_before(text, trigger) or "")):
        return [draft]
    # 'PM Kepulauan Solomon, Jeremiah Manele, dan PM Timor Leste Xanana Gusmao': a country with the person after it
    # but 'leaders from the Maldives, Azerbaijan, Kyrgyzstan and Belarusian President Alexander Lukashenko': after
    # a conjunction the person is a side of their own
    firsts = [next(h for h in right if reader.entity_of(h) == o) for o in objects]
    kinds = [reader.type_of(h) for h in firsts]
    sides: list[list[str]] = []
    for k, o in enumerate(objects):
        if k and kinds[k - 1] == "Country" and kinds[k] == "Person" and len(sides[-1]) == 1 \
                and not reader.conjoined(firsts[k - 1].span.end, firsts[k].span.start):
            sides[-1].append(o)
        elif k and kinds[k - 1] == "Person" and kinds[k] == "Country" and len(sides[-1]) == 1 \
                and any(post.of == o for post in reader.doc.positions.get(objects[k - 1], ())):
            sides[-1].append(o)  # 'Moon Jae-in, President of the Republic of Korea; ...': the state of their post
        else:
            sides.append([o])
    return [replace(draft, participants=[*subjects, *side], marks=draft.marks | {SEPARATE}) for side in sides]


def _interaction(reader: EventReader, family: _Family, m: re.Match[str], sentence: Sentence, left: list[Mention],
                 right: list[Mention], left_start: int, right_end: int) -> Draft | None:
    """A draft if two participants or more take part, from the clause or else its context.

    A summit's forum ('KTT ASEAN', 'the G20 summit') takes part; a visit is a
    meeting only when someone is visited, not a country ('mengunjungi Tiongkok').
    """
    owner = reader.owner(family, m)
    word = " ".join(m.group("trigger").lower().split())
    marks = family.marks.get(word, frozenset())
    if marks & {"visit", "receive", "appeal"} and not any(reader.type_of(h) == "Person" for h in right):
        return None
    if "receive" in marks and reader.frames.received_thing.match(reader.doc.text, m.end("trigger")):
        return None  # 'Zuma sudah menerima undangan dari Presiden Joko Widodo': an invitation, no visit
    if "appeal" in marks and reader.frames.appealed_for.match(reader.doc.text, right_end):
        return None  # 'called on Netanyahu to halt the strikes': an appeal, no call on him
    if reader.hypothetical(sentence, m.start("trigger"), m.end("trigger")) or reader.names_as(m, right):
        return None
    if "each" in marks and reader.refers_back(m):  # 'Pertemuan-pertemuan bilateral ini ...': those told before
        return None
    if reader.held_for_talks(sentence, m) or (owner.name == "Negotiation" and reader.frames.joined.search(
            reader.doc.text, max(sentence.start, m.start("trigger") - _JOIN_REACH), m.start("trigger"))):
        marks |= {"talks"}  # 'Machar and Kiir will soon join the talks': they negotiate
    if reader.held_for_summit(sentence, m):
        marks |= {"summit"}
    if owner.name == "Negotiation" and reader.held_talks(m):
        marks |= {"talks"}
    if reader.meets_mediators(m):
        marks |= {"mediators"}
    forum = reader.forum(m)
    if "summit" in marks and forum is None and not reader.is_verb(m) and reader.occasion_of_before(sentence, m):
        return None  # 'to hold talks with X at the summit in Washington': the occasion of the talks told before it
    if not left and not reader.is_verb(m):  # 'X berjabat tangan dengan Y saat pertemuan BRICS': X and Y were there
        left = reader.clause_before(sentence, m.start("trigger"))
    # objects without a subject ('the minister paid courtesy calls with X and Y'): X and Y never met each other
    if not left and right and not forum and not reader.between_follows(m.end("trigger"), right[0].span.start) \
            and not (len(right) > 1 and reader.paired(right[0], right[1])):  # 'pertemuan Obama-Castro': both sides
        objects = {reader.entity_of(h) for h in right}
        after = [h for h in reader.subject_after(sentence, right_end, reader.is_verb(m))
                 or reader.fronted_subject(sentence, m.start("trigger"), right_end)
                 if reader.entity_of(h) not in objects]
        trigger = m.start("trigger")
        left = (reader.speaker(sentence, left_start) or reader.reporter_before(sentence, trigger)
                or reader.first_person_subject(left_start, right[0].span.start, sentence)
                or reader.post_subject(left_start, trigger) or reader.described_subject(sentence, left_start, trigger)
                or reader.pronoun_subject(sentence, left_start, trigger)
                or reader.opening_subject(sentence, trigger) or after or reader.object_partner(sentence, right)
                or reader.context_subject(sentence))
    elif not left and not right and not forum:  # 'India dan Pakistan sepakat ... usai dilakukan perundingan'
        left = reader.opening_subject(sentence, m.start("trigger")) \
            or reader.pair_subject(sentence, left_start, m.start("trigger")) or (
            reader.possessor_subject(sentence, left_start, m.start("trigger")) if reader.is_verb(m) else [])
    held_at = reader.forum_place(m)  # 'KTT G20 Jerman': where the summit is, no side of it
    right = [h for h in right if held_at is None or reader.entity_of(h) != reader.entity_of(held_at)]
    heads = [h for h in ([forum] if forum else []) + left + right if reader.type_of(h) in owner.participant_types]
    # 'pemimpin kedua negara bertemu': the two states the clause refers to, which tell no more than the context
    # whether it was talks or a meeting
    told = len({reader.entity_of(h) for h in heads}) >= 2
    # a meeting of sides it names, mediated, is talks with its mediators among the sides; of sides it does not name
    # ('dalam pembicaraan yang ditengahi oleh Turki'), it is talks told before
    mediators = reader.mediators(sentence, m) if told else []
    if mediators:
        marks |= {"talks"}
        heads += [h for h in mediators if reader.type_of(h) in owner.participant_types and h not in heads]
    paired = reader.pair_states(sentence, left_start, right_end)
    heads += paired
    pattern = "verb" if reader.is_verb(m) else "noun"
    if len({reader.entity_of(h) for h in heads}) < 2:
        if reader.noun_object(sentence, m):
            return None
        heads += reader.context_agents(sentence)
        pattern = "context"
    heads = [h for h in heads if reader.type_of(h) in owner.participant_types]
    participants = list(dict.fromkeys(reader.entity_of(h) for h in heads))
    if len(participants) < 2:
        return None
    # who the context names does not tell talks from a meeting
    kind = "Meeting" if "mediators" in marks else owner.name if pattern == "context" or not told else owner.classify(
        {"Person" if h.span.start in reader.officials else reader.type_of(h) for h in heads}, marks)
    draft = reader.draft(family, m, sentence, heads, pattern, kind)
    draft.marks |= marks & {"summit"}  # held for a summit, it is the summit
    text = reader.doc.text  # 'pertemuan trilateral dengan Lavrov dan Wang Yi': not the bilateral told before
    if reader.frames.trilateral.match(text, m.end("trigger")) or reader.frames.trilateral.search(
            text[max(0, m.start("trigger") - _TRILATERAL_REACH):m.start("trigger")]):
        draft.marks |= {TRILATERAL}
    placed_after = JOINT not in marks  # what follows a joint verb is what the sides discussed, no place
    location = ((reader.entity_of(held_at) if held_at else None)
                or (reader.location_after(sentence, m.start("trigger"), m.end("trigger")) if placed_after else None)
                or reader.where_before(sentence, m.start("trigger"))
                or (reader.location_after(sentence, left_start, left_start) if placed_after else None))
    visited = [h for h in right if reader.type_of(h) == "Country"]
    if "visit" in marks and visited:
        location = location or reader.entity_of(visited[0])
    draft.participants, draft.location = participants, location
    # 'pertemuan itu' is the meeting told before: it joins that one, or is no event, as 'the talks' alone is
    draft.from_context = pattern == "context" or reader.refers_back(m) or (bool(paired) and not told)
    draft.forum = reader.entity_of(forum) if forum else None
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
