"""What kabar knows about one language, as data: the language pack.

Every word list the extractor uses lives in a pack (`loaders/lang/id.py`,
`loaders/lang/en.py`), nowhere else, so that adding a language is adding a
pack. Fields that name regular-expression fragments say so; everything
else is plain words, lower case unless an acronym, a space between the
words of a phrase.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Triggers:
    """The words that state one type of event; how the words around them are read is the event type's frame.

    `verbs` have the participants around them ('X bertemu Y', 'X tewas');
    `nouns` name the event ('pertemuan antara X dan Y', 'serangan terhadap
    Y', and for a victim that follows: 'kematian X', 'the death of X').
    `object_heads` may open the phrase after a trigger ('sasaran Amerika').
    `joint_verbs` name it only of two sides joined in their subject.
    `marked` singles out words some rule of the event type needs, by name
    (a Meeting's 'host' and 'visit' verbs give it a CAMEO code of its own; 'visit' and 'receive' verbs state
    a meeting only when someone is visited or received: 'mengunjungi Tiongkok', 'menerima usulan' do not).
    """

    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    object_heads: tuple[str, ...] = ()
    marked: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # verbs that state the event only of the sides a conjunction joins in their own subject, whatever follows them
    # ('Abe dan Putin akan membicarakan isu perbatasan', 'Japarov and Rahmon discussed the border'); read apart from
    # the other triggers, which do not see them
    joint_verbs: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventGrammar:
    """The function words event patterns are read with."""

    conjunctions: tuple[str, ...] = ()  # join two participants: 'dan'
    auxiliaries: tuple[str, ...] = ()  # between a subject and its verb: 'telah', 'juga'
    ordering: tuple[str, ...] = ()  # put two parts of a sentence at different times: 'setelah'
    then_words: tuple[str, ...] = ()  # the time the sentence before tells: 'Saat itu, Jokowi bertemu Putin'
    earlier_words: tuple[str, ...] = ()  # of them, those whose part comes first: 'sebelum' (then still to come)
    clause_openers: tuple[str, ...] = ()  # a subject after these opens a clause: 'ketika', 'bahwa'
    place_prepositions: tuple[str, ...] = ()  # 'di Muscat'
    where_words: tuple[str, ...] = ()  # after a place and its comma, they open what happened there: ', di mana'
    place_modifiers: tuple[str, ...] = ()  # between a place preposition and its place: 'in east China', 'di kota X'
    travel_phrases: tuple[str, ...] = ()  # the place after them is where the traveller's meetings are: 'visit to'
    topic_nouns: tuple[str, ...] = ()  # a place phrase after them is what is talked about: 'perang di Gaza'
    place_only_prepositions: tuple[str, ...] = ()  # a new name after them is a place, never a person: 'ke X'
    away_prepositions: tuple[str, ...] = ()  # the phrase after them is a place, not a participant: 'ke Tiongkok'
    of_words: tuple[str, ...] = ()  # inside a noun phrase: 'the Emir of Qatar'
    between_words: tuple[str, ...] = ()  # an event noun's participants all follow: 'pertemuan antara X dan Y'
    quantifiers: tuple[str, ...] = ()  # a plural's count: 'sejumlah menteri', 'several ministers' (no one holder)
    between_idioms: tuple[str, ...] = ()  # a between word that means something else here: 'antara lain' (among others)
    # before a call noun, how the event the clause told was held: 'menghubungi X lewat sambungan telepon'
    means_words: tuple[str, ...] = ()
    # between a verb's objects and an event noun, the noun names the meetings the verb told, none of its objects
    # with each other: 'bertemu A dan B dalam pertemuan bilateral terpisah', 'met A and B in separate meetings'
    setting_words: tuple[str, ...] = ()
    by_phrases: tuple[str, ...] = ()  # introduce more participants after a comma: ', headed by X'
    # after an event's trigger, who mediated it: they take part, and the meeting is talks ('yang ditengahi oleh X')
    mediated_by: tuple[str, ...] = ()
    separately: tuple[str, ...] = ()  # before a trigger's objects, one event per object: 'separately with X and Y'
    hypothetical: tuple[str, ...] = ()  # before a trigger, the event is only a possibility: 'a possible meeting'
    hypothetical_after: tuple[str, ...] = ()  # ending the trigger's phrase, the same: 'pertemuan puncak yang potensial'
    # after a refusal word, what is refused is on offer: the event in the rest of the clause is refused ('menolak
    # tawaran Presiden AS Donald Trump yang berusaha menjadi mediator')
    offer_nouns: tuple[str, ...] = ()
    held_for_words: tuple[str, ...] = ()  # between two triggers, the second is what the first was for: 'for'
    # between two triggers, the second renames the first: 'will meet next week, which will be their first meeting'
    renaming_words: tuple[str, ...] = ()
    none_words: tuple[str, ...] = ()  # right before a trigger, up to two words apart, it did not take place
    relation_nouns: tuple[str, ...] = ()  # the name after them is whose they are, no participant: 'sekutu Putin'
    # relation nouns whose state or body after them is the side they stand for: 'Utusan Korea Selatan'
    envoy_nouns: tuple[str, ...] = ()
    # a place after them is whose official takes part, no place of the event: 'rekan-rekannya di Mesir'
    counterpart_nouns: tuple[str, ...] = ()
    determiners: tuple[str, ...] = ()  # may open a participant's phrase after 'dan' or a comma: 'para', 'his'
    # the participants of a trigger are not read across them ('bahwa', 'but'), nor across the reporting verbs
    clause_breaks: tuple[str, ...] = ()
    # break clauses too, and end a phrase after a comma that only says who reports: ', UN mediator ... said Saturday'
    reporting_verbs: tuple[str, ...] = ()
    joins: tuple[str, ...] = ()  # right before talks, who joins them negotiates: 'will soon join the talks'
    # own the trigger they are on, as a subject pronoun does: 'pertemuannya' (-nya), 'his meeting'
    possessive_suffixes: tuple[str, ...] = ()
    possessives: tuple[str, ...] = ()
    # name what became of an event: 'announced the cancellation of his meeting' (the announcer's meeting)
    status_nouns: tuple[str, ...] = ()
    # in a subject with no name, its people are those of the sides the clause before names: 'their ministers'
    plural_possessives: tuple[str, ...] = ()
    # before talks, up to two lower-case words apart: who holds them negotiates, people only too ('held talks with')
    talks_holders: tuple[str, ...] = ()
    list_joiners: tuple[str, ...] = ()  # after a comma, go on with a list as a conjunction does: 'as well as'
    list_enders: tuple[str, ...] = ()  # close a list of names as its end does: 'X, Y among others'
    # next to a trigger, a meeting of three sides: 'pertemuan trilateral', 'three-way talks'
    trilateral_words: tuple[str, ...] = ()
    # right after a receiving verb, a thing received, no visitor: 'menerima undangan dari X', 'received a letter'
    received_things: tuple[str, ...] = ()
    senders: tuple[str, ...] = ()  # who sends someone to meet is no side: 'Trump mengirimkan utusan X bertemu Y'
    source_words: tuple[str, ...] = ()  # open a phrase naming a source, up to a comma: 'menurut Kemlu RI,'
    # after two subjects, up to the object, each met it on their own: 'X dan Y masing-masing bertemu dengan Z', 'X and
    # Y each met Z', 'X and Y met separately with Z'
    each_words: tuple[str, ...] = ()
    # after a trigger, what is talked about follows them, and its status words are not the event's: 'membahas'
    topic_openers: tuple[str, ...] = ()
    # right before an event noun, the clause before them took part: 'X berjabat tangan dengan Y saat pertemuan Z'
    during_words: tuple[str, ...] = ()
    aside_phrases: tuple[str, ...] = ()  # open a phrase, up to a comma, of others than the subject: 'Selain Obama,'
    # open a phrase, up to a comma, of the occasion (its place is the event's, its forum no side): 'Di sela-sela KTT,'
    occasion_phrases: tuple[str, ...] = ()
    relative_pronouns: tuple[str, ...] = ()  # open a clause about the name before them: 'X, yang dikenal ..., bertemu'
    # of them, those only a person's clause opens: a date in it is the person's ('Santos, who took office on Saturday,')
    person_relatives: tuple[str, ...] = ()
    sequence_words: tuple[str, ...] = ()  # after a comma, the next thing the subject does: ', kemudian pembicaraan'
    purpose_words: tuple[str, ...] = ()  # what a verb is done for: 'akan ke Dhaka untuk melakukan pertemuan'
    # the event takes several days, so its date is the month (the guidelines): 'three days of talks', 'selama dua hari'
    several_days: tuple[str, ...] = ()
    # after a meeting, what it is held for when that is talks ('to work out', 'untuk membahas'), and what talks
    # settle ('differences', 'sengketa'): 'met X on Monday to work out differences over the dam' is talks
    talks_aims: tuple[str, ...] = ()
    settled_nouns: tuple[str, ...] = ()
    object_breaks: tuple[str, ...] = ()  # after a trigger, they end its participants: 'untuk membahas', 'about'
    # between an envoy's post and the country it is posted to, before its holder: 'Dubes Malaysia untuk Indonesia X'
    post_links: tuple[str, ...] = ()
    # after a trigger's own short relative clause, its participants follow them: 'telepon yang panjang dengan X'
    comitatives: tuple[str, ...] = ()
    duration_words: tuple[str, ...] = ()  # how long, between a verb and its comitative: 'bertemu selama 1 jam dengan'
    # whom a meeting is with when that is the mediators, and the small words before them: 'met (with the) Qatari
    # mediators', 'bertemu dengan para mediator Norwegia' (a meeting with mediators is no round of the talks)
    mediator_nouns: tuple[str, ...] = ()
    mediator_words: tuple[str, ...] = ()
    support_verbs: tuple[str, ...] = ()  # before an action noun: 'melancarkan serangan'
    # before an article and a meeting noun, they make it a clause: 'before holding a meeting with X'
    meeting_support_verbs: tuple[str, ...] = ()
    noun_premodifiers: tuple[str, ...] = ()  # between a support verb and its noun: 'launched new attacks'
    object_prepositions: tuple[str, ...] = ()  # 'serangan terhadap Israel'
    held_verbs: tuple[str, ...] = ()  # 'pembicaraan diadakan di Muscat'
    demonstratives: tuple[str, ...] = ()  # 'pembicaraan itu'
    # a person told before, named by a description: 'diplomat berusia 67 tahun itu', 'the visiting president'
    described_person: str = ""  # a regular expression
    # a regular expression: officials a state sends, named by the state after them ('para diplomat senior dari
    # Inggris', 'senior officials from Britain'), a participant's phrase
    officials_from: str = ""
    passive_report: str = ""  # a regular expression: a report that keeps the subject before it ('is said to')
    # two people told before, named together by what they are: 'the two leaders', 'kedua menteri'
    pair_people: str = ""  # a regular expression
    pair_states: str = ""  # a regular expression: 'the two countries', 'kedua negara'
    leader_posts: tuple[str, ...] = ()  # who 'the two leaders' can be: 'president', 'prime minister'
    # before a noun, name what was told before: 'this meeting'; a phrase of two words ('to the') when no name follows
    referring: tuple[str, ...] = ()
    listing: tuple[str, ...] = ()  # after a counterpart noun, go on to name them: 'counterparts that included'
    place_nouns: tuple[str, ...] = ()  # 'in the German city of Bonn', 'at a luxury estate outside San Francisco'
    place_links: tuple[str, ...] = ()  # between such a noun and the place: 'of', 'outside'
    # a building named by its owner, then its city: 'di kantor Kementerian Luar Negeri AS, Washington DC'
    premises: tuple[str, ...] = ()
    list_openers: tuple[str, ...] = ()  # a sentence naming who a trigger before it left unnamed: 'Mereka adalah'
    list_continuers: tuple[str, ...] = ()  # a sentence going on with that list: 'Selain itu, ada'
    # after a relative clause with a trigger, they open the list of who did it: 'menteri yang melakukan rapat dengan
    # Retno itu adalah X, Y dan Z', 'Among those who met Retno were X, Y and Z'
    list_copulas: tuple[str, ...] = ()
    # in the sentence after, who a trigger left unnamed come from: 'tamu negara ... berasal dari Rusia dan Qatar'
    origin_phrases: tuple[str, ...] = ()
    # The status words of an event in its clause, by status ('planned': 'akan', 'will'); whatever none
    # of them marks is 'held'. Before the trigger ('akan bertemu', 'refused to meet') or after it
    # ('the meeting was cancelled'); where two statuses are marked, `STATUSES` order decides.
    status_before: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    status_after: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class DateWords:
    """Names and expressions of dates; the `*_re` fields are regular-expression fragments, matched ignoring case."""

    months: Mapping[str, int] = field(default_factory=dict)
    month_abbreviations: Mapping[str, int] = field(default_factory=dict)  # may end in a period
    weekdays: Mapping[str, int] = field(default_factory=dict)  # Monday is 0
    numbers: Mapping[str, int] = field(default_factory=dict)  # counts of days: 'tiga hari lalu'
    relative_days: Mapping[str, int] = field(default_factory=dict)  # 'kemarin': -1
    since: tuple[str, ...] = ()  # the date bounds a period: 'sejak Januari'
    prepositions: tuple[str, ...] = ()  # before a date, not part of its text: 'pada'
    previous: tuple[str, ...] = ()  # 'the one before': 'bulan lalu', 'last month', 'Jumat lalu'
    following: tuple[str, ...] = ()  # 'the one after': 'bulan depan', 'next month'
    ordinal_suffixes: tuple[str, ...] = ()  # 'May 17th'
    # months that are names too: after a name's word with no number after, the name's ('Theresa May said')
    name_months: tuple[str, ...] = ()
    time_zones: tuple[str, ...] = ()  # after a clock time, capitalised, never a name: 'pukul 14.00 WIB'
    relative_month_re: str = ""  # 'awal bulan ini', 'last month'
    relative_week_re: str = ""
    relative_year_re: str = ""
    weekday_lead_re: str = ""  # before a weekday name: 'pada hari', 'on'
    days_ago_re: str = ""  # after a count of days: 'hari yang lalu'
    weeks_ago_re: str = ""  # after a count of weeks: 'pekan lalu', 'weeks ago'
    month_lead_re: str = ""  # before a bare month name: 'bulan', 'in'
    year_lead_re: str = ""  # before a bare year: 'tahun', 'in'


@dataclass(frozen=True)
class LanguagePack:
    code: str  # what articles write in `lang`: ISO 639-1
    name: str
    function_words: frozenset[str]  # frequent words of this language only: they tell it from the others
    abbreviations: frozenset[str] = frozenset()  # a period after these ends no sentence: 'Dr.', 'Jl.'
    stopwords: frozenset[str] = frozenset()  # capitalised only because they open a sentence: never a name
    particles: frozenset[str] = frozenset()  # lower-case words inside personal names: 'bin', 'van'
    # of them, those that open a father's name: 'Mohammad Najib bin Tun Abdul Razak' is Najib, son of Abdul Razak
    patronymics: frozenset[str] = frozenset()
    # after a hyphen they make a name an adjective ('Biden-era', 'US-led'); any other short lower-case word
    # there ends the name ('Kim Jong-un', 'Moon Jae-in')
    hyphen_suffixes: frozenset[str] = frozenset()
    # endings of a participle hyphened to a name, no part of it: 'Kremlin-backed', 'Iran-leaning'
    participle_endings: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()  # offices: a person named after one holds a Position ('presiden')
    cue_titles: tuple[str, ...] = ()  # words announcing a person without naming an office ('analis')
    # titles a ruler's name is known by, title and all ('Sultan Ibrahim', 'King Charles'): kept with the name
    customary_titles: frozenset[str] = frozenset()
    # titles of a leader's spouse ('ibu negara', 'first lady'): the name after one may end with the leader's
    # ('Ibu Negara Iriana Joko Widodo') and is still the spouse's
    spouse_titles: frozenset[str] = frozenset()
    title_modifiers: tuple[str, ...] = ()  # before a title: 'wakil', 'mantan'
    # a title's short form -> its full one, so one post is one post: 'menlu' -> 'menteri luar negeri'
    short_titles: Mapping[str, str] = field(default_factory=dict)
    title_adjectives: tuple[str, ...] = ()  # inside an apposition's title: ', the senior adviser'
    abbreviated: frozenset[str] = frozenset()  # titles and modifiers that may carry a period: 'Dr.'
    articles: tuple[str, ...] = ()  # open a noun phrase: 'seorang', 'the'
    organization_words: frozenset[str] = frozenset()  # heads of organisation names: 'kementerian'
    state_forms: frozenset[str] = frozenset()  # before a state's name, part of it: 'Presiden |Republik Kenya'
    organization_heads: frozenset[str] = frozenset()  # last words of head-final organisation names (English)
    # a state's bodies news writes in lower case after the state ("Iran's foreign ministry", 'Saudi foreign
    # ministry'), each to the English name the body has with its state's ('Ministry of Foreign Affairs' of Iran)
    state_bodies: Mapping[str, str] = field(default_factory=dict)
    # heads of names that keep the article before them, as newspapers' do: 'The Washington Post'
    titled_heads: frozenset[str] = frozenset()
    # a diplomatic mission named by where it is ('KBRI Beijing', 'Kedubes Jepang'), each word to the kind of mission
    # it says, so that the long and the short form of one mission are one entity
    mission_words: Mapping[str, str] = field(default_factory=dict)
    venue_words: frozenset[str] = frozenset()  # first words of head-first venue names: 'istana', 'gedung'
    # first words of head-first body names, capitalised: 'Dewan Pertahanan Nasional', 'Partai Republik'
    organization_openers: frozenset[str] = frozenset()
    # a head of state's or government's own office, which stands for the state ('Kantor Kepresidenan Turki
    # mengatakan'): a mention of the country the guidelines count, no organization
    state_offices: frozenset[str] = frozenset()
    # gatherings named head first by the regions they join ('KTT Asia Timur', 'Konferensi Asia Afrika'): those
    # regions name the gathering, no place of it
    gathering_openers: frozenset[str] = frozenset()
    venue_heads: frozenset[str] = frozenset()  # last words of head-final venue names (English): 'palace'
    # words of venues people pass through: where a plane lands is not where a meeting is ('Esenboga Airport')
    transit_words: frozenset[str] = frozenset()
    organization_names: tuple[str, ...] = ()  # bodies news names without a head word, as written: 'TNI AU', 'CIA'
    media: tuple[str, ...] = ()  # news media among them ('AFP', 'Antara'): they report, they take part in no event
    # before a country, it gives people's nationality ('warga') or a language ('bahasa'), no state acting
    nationality_nouns: frozenset[str] = frozenset()
    # beside a country, they name its money, no state acting: 'dolar AS', 'U.S. dollars'
    currency_nouns: frozenset[str] = frozenset()
    platforms: tuple[str, ...] = ()  # social platforms, no entities by the annotation guidelines: 'X', 'Telegram'
    vehicles: tuple[str, ...] = ()  # named craft, of none of the entity types: 'Air Force One'
    credit_labels: tuple[str, ...] = ()  # a name after them is a credited person: 'Penulis:', 'Photo by'
    cue_verbs_before: tuple[str, ...] = ()  # a person's name follows: 'bertemu dengan X'
    quote_verbs: tuple[str, ...] = ()  # after a quote and a comma, a person's name follows: ', kata X'
    cue_verbs_after: tuple[str, ...] = ()  # a person's name comes before: 'X bertemu'
    serving_verbs: tuple[str, ...] = ()  # 'X menjabat sebagai <title>'
    serving_adverbs: tuple[str, ...] = ()  # between the person and the serving verb: 'kini'
    origin_words: tuple[str, ...] = ()  # 'menteri asal Iran'
    demonyms: Mapping[str, str] = field(default_factory=dict)  # 'iranian', 'south korean' -> the country's QID
    # after a demonym, the country acting: 'Israeli negotiators', 'an Egyptian security delegation'
    party_nouns: tuple[str, ...] = ()
    compass_words: frozenset[str] = frozenset()  # after a country they name a region: 'Amerika Latin'
    not_names: frozenset[str] = frozenset()  # one-word KB names too common as words to match alone
    common_acronyms: frozenset[str] = frozenset()  # short forms of common nouns, no names: 'WNI', 'PD II'
    pronouns: frozenset[str] = frozenset()  # third-person singular subject pronouns: 'dia'
    first_person: frozenset[str] = frozenset()  # the speaker of a quote, as subject or owner: 'saya', 'my'
    connectives: tuple[str, ...] = ()  # may open a sentence before its subject pronoun: 'namun'
    or_words: tuple[str, ...] = ()  # between a name and its short form: 'Mohamed bin Zayed atau MBZ'
    minor_words: frozenset[str] = frozenset()  # left out of an organisation's initials: 'of', 'dan'
    dates: DateWords = field(default_factory=DateWords)
    grammar: EventGrammar = field(default_factory=EventGrammar)
    events: Mapping[str, Triggers] = field(default_factory=dict)  # event type name -> its triggers here
    ner_model: Path | None = None  # a trained CRF (`loaders.ner`) for this language, if there is one
    common_words: Path | None = None  # running text's words, no name's alone (`loaders.ner.common_words`)
    ner_title_words: frozenset[str] = frozenset()  # more words the NER's 'title' feature marks (`loaders.ner`)


def read_demonyms(path: Path, code: str) -> dict[str, str]:
    """A language's demonyms from a `qid,demonym,lang` table (`seeds/demonyms.csv`), lower case -> QID."""
    with path.open(encoding="utf-8", newline="") as f:
        return {r["demonym"].lower(): r["qid"] for r in csv.DictReader(f) if r["lang"] == code}
