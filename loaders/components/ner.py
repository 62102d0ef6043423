"""The trained NER as a recognizer: the people, organisations and places no KB knows.

The recognizers before it always win: a CRF span that overlaps one of
their mentions is dropped, and one that spells a KB name exactly takes the
KB's type, label and QID. What is left becomes new mentions ('Menteri Luar
Negeri Sugiono bertemu dengan Wang Yi': two persons). A person span that
is part of another person's name in the article is left to the
coreference component, so 'McGurk' joins 'Brett McGurk'. Each new
mention's span carries the model's confidence: the lowest tag marginal
inside it. A new person right after a preposition no person follows ('ke
Sharm El-Sheikh', 'di Candi Ballroom') is a place. Articles are tagged by
the model their language pack names (`ner_model`); a language without one
is left to the other recognizers. A span inside a title names an office,
not a bearer ('Yang di-Pertuan Agong').
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace

from loaders import lang
from loaders.dates import date_words
from loaders.kb.index import NameIndex
from loaders.kb.model import KBEntry
from loaders.model import Document, Mention, Span
from loaders.names import cues, is_acronym, title_case_line, title_spans
from loaders.ner.common_words import ordinary
from loaders.ner.tagger import MIN_CONFIDENCE, TYPES, NerTagger, crf_words
from loaders.normalize import fold, person_key
from loaders.pipeline import Resources, component
from loaders.text import word_before

_PORTFOLIO_REACH = 60  # characters between a title and the name its portfolio's last words run into
_PORTFOLIO_GAP = re.compile(r"\s*(?:[^\W\d_][\w-]*(?:\s*,?\s+[^\W\d_][\w-]*)*\s+)?")  # ' Pendidikan dan '


@component("ner", requires=("sentences",), assigns=("proposals",))
class NamedEntities:
    """CRF mentions, after the gazetteer and the name patterns."""

    def __init__(self, resources: Resources, taggers: Mapping[str, NerTagger] | None = None) -> None:
        """`taggers` by language code; by default the model of every language pack that names one."""
        self.index = resources.index
        self.given = resources.given_names
        self.taggers = dict(taggers) if taggers is not None else {
            p.code: NerTagger.for_index(self.index, p.ner_model) for p in lang.packs() if p.ner_model}

    def __call__(self, doc: Document) -> None:
        tagger = self.taggers.get(doc.article.lang)
        if tagger is None:
            doc.proposals[self.name] = []
            return
        earlier = doc.proposed()
        covered = bytearray(len(doc.text))
        for m in earlier:
            covered[m.span.start:m.span.end] = b"\1" * (m.span.end - m.span.start)
        owners = [m.span for m in earlier if m.type in ("Country", "Place")]
        titles = title_spans(doc)
        found = [m for m in (_placed(doc, self._after_portfolio(doc, self._after_title(n, titles), titles))
                             for n in self._mentions(doc, tagger))
                 if (not any(covered[m.span.start:m.span.end]) or _body_of(m, owners, covered))
                 and not any(a <= m.span.start and m.span.end <= b for a, b in titles)
                 and not _modifier(doc, m, covered) and self._plausible(doc, m) and not _state_office(doc, m, owners)]
        parts = _inner_parts({_words(m.span.text) for m in (*earlier, *found) if m.type == "Person"})
        doc.proposals[self.name] = [m for m in found if _words(m.span.text) not in parts]

    def _plausible(self, doc: Document, m: Mention) -> bool:
        """No mention of any type is a date with lower-case words ('di bulan Mei', 'pada Ahad') or an event's kind
        ('KTT'). A new person needs a name's look: no acronym or listed body in it ('KTT IORA', 'Studi Strategis
        Kemlu'), and in a subheading set in title case ('Begini Ceritanya') a given name first."""
        words = m.span.text.split()
        dated = [fold(w) in date_words() for w in words]
        if any(dated) and all(d or w.islower() for d, w in zip(dated, words, strict=True)):
            return False
        if fold(m.span.text) in _event_nouns():  # 'KTT siang nanti akan membahas': a meeting's kind names nothing
            return False
        if fold(m.span.text) in _common_acronyms():  # 'sejarah kelam PD II' (World War II), 'WNI' (citizens)
            return False
        if m.qid:
            return True
        if m.type != "Person":  # 'Ilmu Pengetahuan dan Teknologi': one common word names nothing, unless in capitals
            return len(words) > 1 or words[0].isupper() or not ordinary(words, doc.article.lang)
        if any(is_acronym(w) or w in cues().organization_names for w in words) and not m.span.text.isupper():
            return False
        if len(words) == 1 and fold(words[0]) in cues().stopwords:  # a credit ('-Istimewa-'): no name
            return False
        if ordinary(words, doc.article.lang):  # 'Makin Mahal', 'Biaya Investasi Langsung'
            return False
        return not title_case_line(doc.text, m.span.start) or fold(words[0]) in self.given

    def _mentions(self, doc: Document, tagger: NerTagger) -> Iterator[Mention]:
        for sentence in doc.sentences:
            words = crf_words(sentence.text, sentence.start)
            for i, j, label, confidence in tagger.spans([t.text for t in words]):
                if confidence >= MIN_CONFIDENCE:
                    start, end = words[i].start, words[j - 1].end
                    start = _capitalised_start(doc.text, start, end)  # 'di istana Dolmabahce': the name's words
                    opened = doc.text.rfind("(", start, end)
                    if opened > start and ")" not in doc.text[opened:end]:  # 'Cooperation Council (HLSC'
                        end = start + len(doc.text[start:opened].rstrip())
                    span = Span(start, end, doc.text[start:end], confidence=round(confidence, 2))
                    yield self._mention(span, TYPES[label])

    def _after_title(self, m: Mention, titles: list[tuple[int, int]]) -> Mention:
        """'Secretary of Commerce Lutnick' read as one person's name: the name is what follows the title, unless
        the title is one a ruler is known by ('Sultan Ibrahim')."""
        if m.type != "Person" or m.qid:
            return m
        end = next((b for a, b in titles if a <= m.span.start < b < m.span.end), None)
        if end is None or fold(m.span.text[:end - m.span.start]).strip() in cues().customary_titles:
            return m
        start = end + len(m.span.text[end - m.span.start:]) - len(m.span.text[end - m.span.start:].lstrip())
        text = m.span.text[start - m.span.start:]
        return self._mention(Span(start, m.span.end, text, confidence=m.span.confidence), "Person")

    def _after_portfolio(self, doc: Document, m: Mention, titles: list[tuple[int, int]]) -> Mention:
        """'Menteri Pertanian Suswono', 'Menteri Pendidikan dan Kebudayaan M Nuh' read as 'Pertanian Suswono',
        'Kebudayaan M Nuh': the common words a title's portfolio ends with, within reach after the title, are no
        name; the name is what follows them."""
        if m.type != "Person" or m.qid:
            return m
        words = m.span.text.split()
        # the first word no common one opens the name; an initial does ('M Nuh')
        k = next((i for i, w in enumerate(words)
                  if not ordinary([w], doc.article.lang) or len(w.rstrip(".")) == 1), len(words))
        if not k or k == len(words):
            return m
        start = m.span.start
        if not any(b <= start <= b + _PORTFOLIO_REACH and _PORTFOLIO_GAP.fullmatch(doc.text[b:start])
                   for _, b in titles):
            return m
        start += m.span.text.index(words[k], len(" ".join(words[:k])))
        return self._mention(Span(start, m.span.end, doc.text[start:m.span.end], confidence=m.span.confidence),
                             "Person")

    def _mention(self, span: Span, type_: str) -> Mention:
        words = _words(span.text)
        entry = self._kb_entry(words, type_)
        if entry is not None:
            return Mention(span, entry.type, entry.label, entry.qid, entry.key, "ner")
        return Mention(span, type_, span.text, None, f"{type_}:{' '.join(words)}", "ner")

    def _kb_entry(self, words: tuple[str, ...], type_: str) -> KBEntry | None:
        """The KB entry this name is, when the KB knows it under these words.

        A full name counts unless it needs context the gazetteer did not see (a
        title, exact capitals); a person also by a part of the KB name that
        only one person has ('Bagheri Kani') or by a transliteration key.
        """
        index: NameIndex = self.index
        for name in index.by_first.get(words[0], ()) if words else ():
            if name.tokens == words and not name.needs_title and not any(name.exact):
                return name.entry
        if type_ != "Person":
            return None
        return index.person_parts.get(words) or index.person_keys.get(person_key(words))


@lang.compiled
def _common_acronyms(packs: tuple[lang.LanguagePack, ...]) -> frozenset[str]:
    return frozenset(fold(a) for p in packs for a in p.common_acronyms)


@lang.compiled
def _event_nouns(packs: tuple[lang.LanguagePack, ...]) -> frozenset[str]:
    return frozenset(fold(n) for p in packs for t in p.events.values() for n in t.nouns)


def _capitalised_start(text: str, start: int, end: int) -> int:
    """Where a span's name begins: past lower-case common words the model took in before it ('istana Dolmabahce'),
    not past a name's particles ('de Mistura', 'al-Sisi') or its last word."""
    for word in re.finditer(r"\S+", text[start:end]):
        if not word.group()[0].islower() or fold(word.group()) in cues().particles or word.end() == end - start:
            return start + word.start()
    return start


def _placed(doc: Document, m: Mention) -> Mention:
    """'berangkat ke Sharm El-Sheikh', 'di Candi Ballroom': a new name the model read as a person is a place after
    a preposition no person follows (the pack's `place_only_prepositions`)."""
    if m.type != "Person" or m.qid:
        return m
    before = word_before(doc.text, m.span.start)
    if before is None or fold(before) not in lang.get(doc.article.lang).grammar.place_only_prepositions:
        return m
    return replace(m, type="Place", key="Place:" + " ".join(_words(m.span.text)))


def _modifier(doc: Document, m: Mention, covered: bytearray) -> bool:
    """'di Sidang Majelis Umum PBB': one common word right before a name the KB knows is what that name's
    occasion or building is called, no name of its own."""
    end = m.span.end + 1
    return (len(m.span.text.split()) == 1 and end < len(covered) and doc.text[m.span.end] == " " and bool(covered[end])
            and ordinary([m.span.text], doc.article.lang))


def _state_office(doc: Document, m: Mention, owners: list[Span]) -> bool:
    """'Kantor Kepresidenan Turki mengatakan': a head of state's own office with its state stands for that state, a
    mention of the country the guidelines count; alone ('di Kantor Kepresidenan') it names no body either."""
    folded = fold(m.span.text)
    return any(folded == office or (folded.startswith(office + " ") and any(
        o.end == m.span.end and o.start > m.span.start for o in owners))
        for office in lang.get(doc.article.lang).state_offices)


def _body_of(m: Mention, owners: list[Span], covered: bytearray) -> bool:
    """'Kementerian Luar Negeri Iran': an organisation named by its head word and ending in the country or
    place it belongs to; the country stays a mention of its own (a body with its owner gives both)."""
    words = m.span.text.split()
    if m.type != "Organization" or len(words) < 3 or fold(words[0]) not in cues().organization_words:
        return False
    inside = [o for o in owners if m.span.start < o.start and o.end == m.span.end]
    return len(inside) == 1 and not any(covered[m.span.start:inside[0].start])


def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


def _inner_parts(people: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """Every run of words inside a longer person name of the article ('McGurk'): coreference links them."""
    return {p[k:j] for p in people for k in range(len(p)) for j in range(k + 1, len(p) + 1) if j - k < len(p)}
