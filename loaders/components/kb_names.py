"""Names of the large offline KB (`seeds/wikidata/kb/`) in the runs of capitalised words the gazetteer left.

The gazetteer spots the seed KB's names anywhere; the large KB (100,000
people, 16,000 organisations, 14,000 places) is too big to load per
process, so it is asked, through its SQLite name index, only about runs of
capitalised words ('Karine Jean-Pierre', 'Xinhua', 'Zhao Leji'), longest
part first, and about kabar's own aliases of its entries
(`seeds/aliases.csv`: 'Kemlu', 'TNI AU'). A name is taken when every
record it names is of one type. One word alone is riskier than a full name
(16,000 organisations share few acronyms), so it is taken only as the
record's own label, of a record of a country the article names (or of none:
'NATO'), and for a person only the one of that name (an alias) who held a
leader's office ('Putin'), or after a post, the one official of the post's state (or,
when no state is stated, of the article's) with that surname ('Menlu India Jaishankar',
'Russian Foreign Minister Lavrov'), or with no post, the one head of state or government of
that surname in office on the article's day ('Sheinbaum and Petro talked'); a surname the
article also writes in a longer name waits for the coreference component. A large city
after a place preposition is taken wherever it is ('talks in Geneva'), and of places
sharing a name a city far larger than the rest is the one meant (`loaders.kb.build.index.prominent`).
"""

from __future__ import annotations

import re

from loaders import lang
from loaders.kb.build.index import LEGISLATOR, KBIndex, Record, is_prominent_city, prominent, record_type
from loaders.kb.build.records import Office, Place
from loaders.model import Document, Mention, Span
from loaders.names import (
    after_given_name,
    cues,
    ends_longer_name,
    given_before_name,
    in_gathering_name,
    mention_tokens,
    name_runs,
    opens_longer_name,
    region_opens_name,
    title_before,
    web_suffix_at,
)
from loaders.normalize import fold
from loaders.pipeline import Resources, component

_MAX_WORDS = 6
_LEADER = "leader"
_HEAD_POSTS = frozenset({"President", "Prime Minister", "Premier"})  # English, as the KB names offices
_MIN_ALONE = 3
_INTERNATIONAL = frozenset({"intergovernmental", "international_court", "armed_group", "political_organization"})
_POSSESSIVE = re.compile("['\u2019]s ")
_POSSESSIVE_END = re.compile("['\u2019]s$")
_MIN_ANYWHERE = 3  # words an organisation's or place's name needs to be taken whatever the article's countries

@component("kb_names", requires=("tokens", "sentences"), assigns=("proposals",))
class KBNames:
    """Mentions of large-KB names among the capitalised runs no recognizer before it claimed."""

    def __init__(self, resources: Resources) -> None:
        self.kb: KBIndex | None = resources.kb_index
        self.given = resources.given_names
        self._country_at: dict[int, tuple[int, str | None]] = {}
        self._country_to: dict[int, tuple[int, str | None]] = {}
        self._surnames: set[str] = set()  # last words of longer names in the article: coreference's to resolve
        self._states: dict[str, str | None] = {}
        self.curated = {fold(row.alias): row for row in resources.aliases  # the seed's own are the gazetteer's
                        if row.target.startswith("Q") and resources.kb.by_qid(row.target) is None}

    def __call__(self, doc: Document) -> None:
        mentions: list[Mention] = []
        if self.kb is not None:
            earlier = doc.proposed()
            countries = {m.qid for m in earlier if m.type == "Country" and m.qid}
            runs = self._across_titles(doc, _across_possessives(doc, name_runs(doc, mention_tokens(doc, earlier))),
                                       countries)
            self._surnames = {fold(m.span.text).split()[-1] for m in earlier if m.type == "Person"} \
                | {doc.tokens[j - 1].folded for i, j in runs if j - i > 1}
            self._country_at = {m.span.start: (m.span.end, m.qid) for m in earlier if m.type == "Country"}
            self._country_to = {m.span.end: (m.span.start, m.qid) for m in earlier if m.type == "Country"}
            for i, j in runs:
                ruler = self._ruler(doc, i, j)  # 'Pope Francis'
                k = i if ruler is None else ruler[1]
                if ruler is not None:
                    mentions.append(ruler[0])
                son = self._son(doc, k, j)  # 'Mohammad Najib bin Haji Tun Abdul Razak'
                if son is not None:
                    mentions.append(son)
                    k = j
                while k < j:
                    for n in range(min(_MAX_WORDS, j - k), 0, -1):
                        found = self._mention(doc, k, k + n, countries)
                        if found is not None:
                            mentions.append(found)
                            k += n
                            break
                    else:
                        k += 1
        doc.proposals[self.name] = mentions

    def _across_titles(self, doc: Document, runs: list[tuple[int, int]], countries: set[str]) -> list[tuple[int, int]]:
        """Runs that a title word inside a person's name parted joined again, when the KB knows the whole as a
        person: 'Presiden Somalia Hassan Sheikh Mohamud' ('Sheikh' is a title elsewhere)."""
        tokens, text = doc.tokens, doc.text
        joined: list[tuple[int, int]] = []
        for i, j in runs:
            title = tokens[i - 1].text
            if joined and joined[-1][1] + 1 == i and text[tokens[i - 2].end:tokens[i].start] == f" {title} " \
                    and title[:1].isupper() and j - joined[-1][0] <= _MAX_WORDS:
                whole = self._mention(doc, joined[-1][0], j, countries)
                if whole is not None and whole.type == "Person":
                    joined[-1] = (joined[-1][0], j)
                    continue
            joined.append((i, j))
        return joined

    def _mention(self, doc: Document, i: int, j: int, countries: set[str]) -> Mention | None:
        start, end = doc.tokens[i].start, doc.tokens[j - 1].end
        text = doc.text[start:end]
        if text.isupper() and len(text) > 6:
            return None  # a byline or a shouted headline: 'By AYSE WIETING'
        if web_suffix_at(doc.text, end):
            return None  # 'KOMPAS.com' is the site, which the organisation names' component finds
        span = Span(start, end, text)
        row = self.curated.get(fold(text))
        if row is not None and (not row.lang or row.lang in ("mul", doc.article.lang)):
            record = self._record(row.target)
            joined = j < len(doc.tokens) and not doc.text[end:doc.tokens[j].start].strip()  # not 'Jenewa, Swiss'
            after = self._country_at.get(doc.tokens[j].start) if joined else None
            if record is not None and after is not None and after[1] == record.country:
                # 'Kemlu RI': the body with its own country, which stays a mention of its own
                return self._named(Span(start, after[0], doc.text[start:after[0]]), record)
            if record is not None and after is None:  # 'Kemlu Myanmar' is not Indonesia's ministry
                return self._named(span, record)
        assert self.kb is not None
        if not self.kb.has_name(text):
            return self._official(doc, span, countries) if j - i == 1 else None
        found = self._recorded(doc, span, i, j, countries)
        if found is None and j - i == 1:  # 'Bush' in 2005, 'Obama': towns bear the name too, yet it is the leader's
            return self._official(doc, span, countries)
        return found

    def _ruler(self, doc: Document, i: int, j: int) -> tuple[Mention, int] | None:
        """'Pope Francis', 'Sheikh Hasina': a customary title that the KB (or kabar's aliases) keeps as the first word
        of one person's name, with the run's first words after it; the mention and the token where the run goes on."""
        assert self.kb is not None
        title = doc.tokens[i - 1] if i else None
        if title is None or title.folded not in cues().customary_titles \
                or doc.text[title.end:doc.tokens[i].start] != " ":
            return None
        for n in range(min(_MAX_WORDS - 1, j - i), 0, -1):
            span = Span(title.start, doc.tokens[i + n - 1].end, doc.text[title.start:doc.tokens[i + n - 1].end])
            row = self.curated.get(fold(span.text))  # 'Paus Fransiskus', kabar's own alias
            record = self._record(row.target) if row is not None else None
            records = [record] if record is not None else \
                self.kb.records(span.text) if self.kb.has_name(span.text) else []
            if len(records) == 1 and record_type(records[0]) == "Person":
                return self._named(span, records[0]), i + n
        return None

    def _son(self, doc: Document, i: int, j: int) -> Mention | None:
        """'Dato' Sri Mohammad Najib bin Haji Tun Abdul Razak': a name with a patronymic ('bin') that the KB does not
        hold whole is the person the KB knows by the given name's last word and the father's ('Najib Razak'); the
        father's name alone is no one in the story. None when the run has no patronymic or the KB holds its words as
        a name ('Mohammed bin Salman': the KB's whole)."""
        assert self.kb is not None
        tokens = doc.tokens
        at = next((p for p in range(i + 1, j - 1) if tokens[p].folded in cues().patronymics), None)
        if at is None or self.kb.has_name(doc.text[tokens[i].start:tokens[min(j, i + _MAX_WORDS) - 1].end]):
            return None
        short = f"{tokens[at - 1].text} {tokens[j - 1].text}"
        records = [r for r in self.kb.records(short) if record_type(r) == "Person"] if self.kb.has_name(short) else []
        if len(records) != 1:
            return None
        return self._named(Span(tokens[i].start, tokens[j - 1].end, doc.text[tokens[i].start:tokens[j - 1].end]),
                           records[0])

    def _recorded(self, doc: Document, span: Span, i: int, j: int, countries: set[str]) -> Mention | None:
        """The mention the KB's records of the words at tokens `i` to `j` make, if they fit where they stand."""
        assert self.kb is not None
        text = span.text
        records = self.kb.records(text)
        if not (j - i == 1 and opens_longer_name(doc, i)):  # 'Tehran Times' is not the city's
            records = prominent(text, records)
        types = {record_type(r) for r in records}
        if len(types) != 1:
            return None
        type_ = types.pop()
        if type_ == "Organization" and ends_longer_name(doc, i, j - i):
            return None
        if type_ == "Person" and j - i > 1 and given_before_name(doc, i) \
                and not self.kb.has_name(doc.tokens[i - 1].text):
            return None  # 'Ibu Negara Iriana Joko Widodo' is not the president
        if j - i == 1 and _city_where(doc, i, records) and not opens_longer_name(doc, i):
            return self._named(span, records[0])
        alone = _fits_alone(text, records, type_, countries) or _mononym_after_title(doc, span, records)
        if j - i == 1 and (not alone or (type_ == "Place" and (after_given_name(doc, i, self.given) or (
                doc.tokens[i].folded in self.given and opens_longer_name(doc, i))))):
            return None  # 'Lloyd Austin', 'George Charamba': a person's name, no place
        if _world_regions(records) and (region_opens_name(doc, j - 1, self.given) or in_gathering_name(doc, i)):
            return None  # 'Asia Cooperation Dialogue', 'Middle East Monitor', 'KTT Asia Timur': a longer name's words
        if j - i < _MIN_ANYWHERE and type_ in ("Organization", "Place") and not _of_article(records, countries):
            return None  # 'Air Force' is some country's; the KB's one magazine of that name is not the likely one
        if len(records) == 1:
            return self._named(span, records[0])
        return Mention(span, type_, text, None, f"{type_}:{fold(text)}", "kb")

    def _official(self, doc: Document, span: Span, countries: set[str]) -> Mention | None:
        """'Menlu India Jaishankar', "Iran's Foreign Minister Araghchi": the one word after a post names the one
        official of the post's state with that surname; with no state stated, of the article's states. Not when the
        article writes the word before another name ('Prime Minister Imran ... Imran Khan') or names someone of that
        surname ('Joseph Aoun ... President Aoun')."""
        assert self.kb is not None
        text = doc.text
        if fold(span.text) in self._surnames or not self.kb.officials(span.text) \
                or re.search(rf"\b{re.escape(span.text)}\s+[A-Z]", text):
            return None
        before = self._country_to.get(len(text[:span.start].rstrip()), (0, None))  # 'Menlu India |Jaishankar'
        title = title_before(text, before[0]) if before[1] else title_before(text, span.start)
        if title is None:
            return None if _inside_name(doc, span) else self._leader(span, str(doc.article.published or ""))
        if fold(title.group()).strip() in cues().customary_titles:
            return None  # 'Sultan Ibrahim': a ruler's given name, no official's surname
        stated = before[1] or self._country_to.get(len(_POSSESSIVE_END.sub("", text[:title.start()].rstrip())),
                                                   (0, None))[1]
        wanted = {stated} if stated else countries
        found = [p for p in self.kb.officials(span.text)
                 if any(o.role != LEGISLATOR and (o.of or p.country) in wanted for o in p.offices)]
        if len(found) > 1 and not _modified(title.group()):  # 'Foreign Minister Lavrov' is no deputy minister
            found = [p for p in found if not all(_modified(o.label) for o in p.offices)]
        day, post = str(doc.article.published or ""), fold(title.group()).strip()
        if len(found) > 1 and day:  # 'President Bush' in 2006: the one in office that day whose office it names
            found = [p for p in found if any(o.role != LEGISLATOR and (o.of or p.country) in wanted and post in fold(
                o.label) and (o.start or "") <= day and (o.end is None or day <= o.end) for o in p.offices)] or found
        if not found and not stated:  # 'a summit with President Bush' in a story of Korea: the leader of that day
            return self._leader(span, day)
        return self._named(span, found[0]) if len(found) == 1 else None

    def _leader(self, span: Span, day: str) -> Mention | None:
        """'Sheinbaum and Petro talked': a surname alone is the one head of state or government of that surname in
        office on the article's day."""
        assert self.kb is not None
        if not day or len(span.text) < _MIN_ALONE or fold(span.text) in cues().organization_words:
            return None
        found = [p for p in self.kb.officials(span.text) if any(
            self._leads(o) and (o.start or "") <= day and (o.end is None or day <= o.end) for o in p.offices)]
        return self._named(span, found[0]) if len(found) == 1 else None

    def _leads(self, office: Office) -> bool:
        """Whether the office heads a state or its government: a leader's, or by its name ('President', 'Prime
        Minister of Japan'), not a chamber's ('President of the Senate of Romania')."""
        if office.role == _LEADER:
            return True
        post, _, of = office.label.partition(" of ")
        if post not in _HEAD_POSTS:
            return False
        if not of:
            return True
        # the state by its label or another of its names: 'President of the French Republic', 'Prime Minister of
        # Turkey' (the KB's Türkiye)
        state = _without_the(of)
        return office.of is not None and (state == self._state_name(office.of) or (
            self.kb is not None and ("place", office.of) in self.kb.candidates(state)))

    def _state_name(self, qid: str) -> str | None:
        """A state's English label without its article ('Philippines'), asked of the KB once per process."""
        if qid not in self._states:
            place = self.kb.record("place", qid) if self.kb is not None else None
            self._states[qid] = _without_the(place.label) if place is not None else None
        return self._states[qid]

    def _named(self, span: Span, record: Record) -> Mention:
        """A mention of the record, named by its label unless other records share it ('Ministry of Foreign
        Affairs'): then the text's own name says more ('Kemlu RI'). A person's full name the text wrote that
        is the record's English name is kept: the label comes from the KB's sources, not always Wikidata's
        ('Raila Odinga', not 'Raila A Odinga')."""
        assert self.kb is not None
        name = span.text if self.kb.shared_label(record.label) else _name_written(span.text, record)
        return Mention(span, record_type(record), name, record.qid, record.qid, "kb")

    def _record(self, qid: str) -> Record | None:
        assert self.kb is not None
        return self.kb.any_record(qid)


def _name_written(text: str, record: Record) -> str:
    """The record's English name (its English Wikipedia title) when it is the full name the text wrote, else its
    label."""
    folded = fold(text)
    if record_type(record) != "Person" or " " not in text.strip() or fold(record.label) == folded:
        return record.label
    return next((a for a, lang_ in record.aliases if lang_ == "en" and fold(a) == folded), record.label)


def _inside_name(doc: Document, span: Span) -> bool:
    """Whether a capitalised word joins the span on either side ('Omar Hassan al-Bashir'): part of a longer name."""
    text = doc.text
    before = re.search(r"[A-Z][\w'-]*[ -]$", text[max(0, span.start - 40):span.start])
    return before is not None or re.match(r"[ -][A-Z]", text[span.end:span.end + 2]) is not None


def _without_the(name: str) -> str:
    return name[4:] if name.startswith("the ") else name


def _modified(post: str) -> bool:
    """Whether a post opens with a modifier ('Deputy Minister of Finance', 'Wakil Menteri')."""
    words = fold(post).split()
    return bool(words) and words[0] in lang.words(lang.packs(), lambda p: p.title_modifiers)


def _across_possessives(doc: Document, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs that a possessive 's inside a name parts joined again: 'Tigray People's Liberation Front' (the KB's
    name is asked whole; its parts are asked too, longest first, when the whole is no name)."""
    tokens, text = doc.tokens, doc.text
    joined: list[tuple[int, int]] = []
    for i, j in runs:
        # "'s" is a token of its own, so the gap runs from the last run's end to this run
        if joined and _POSSESSIVE.fullmatch(text[tokens[joined[-1][1] - 1].end:tokens[i].start]):
            joined[-1] = (joined[-1][0], j)
        else:
            joined.append((i, j))
    return joined


def _city_where(doc: Document, i: int, records: list[Record]) -> bool:
    """'talks in Geneva', 'tiba di Jenewa': a large city (`PROMINENT_CITY`) after a place preposition is that city,
    though the article names no country of it."""
    before = doc.tokens[i - 1].folded if i else ""
    return (len(records) == 1 and is_prominent_city(records[0])
            and before in lang.words(lang.packs(), lambda p: p.grammar.place_prepositions))


def _world_regions(records: list[Record]) -> bool:
    """Are the records all regions of no one country ('Asia', 'East Africa'), whose names open forums' names?"""
    return all(isinstance(r, Place) and r.kind == "region" and r.country is None for r in records)


def _of_article(records: list[Record], countries: set[str]) -> bool:
    """Is one of the records of a country the article names, or an international body or place of none?"""
    return any(r.country in countries if r.country else getattr(r, "kind", "") in _INTERNATIONAL or
               isinstance(r, Place) for r in records)


def _mononym_after_title(doc: Document, span: Span, records: list[Record]) -> bool:
    """'Mensesneg Pratikno': a title, then the one word that is a person's whole name (many Indonesians have one),
    unless the article also writes it as the first name of someone ('Prime Minister Imran ... Imran Khan')."""
    longer = re.search(rf"\b{re.escape(span.text)}\s+[A-Z]", doc.text)
    return (len(records) == 1 and record_type(records[0]) == "Person" and fold(records[0].label) == fold(span.text)
            and title_before(doc.text, span.start) is not None and longer is None)


def _fits_alone(word: str, records: list[Record], type_: str, countries: set[str]) -> bool:
    """May this one word stand for its record: its label, one record, of the article's countries (or none)?"""
    if len(records) != 1 or len(word) < _MIN_ALONE or fold(word) in cues().organization_words:
        return False
    record = records[0]
    if fold(record.label) != fold(word) and type_ != "Person":
        return False
    if type_ == "Person":  # a leader is named by surname alone, wherever the article is from
        return any(o.role == _LEADER for o in getattr(record, "offices", ()))
    return _of_article(records, countries)


