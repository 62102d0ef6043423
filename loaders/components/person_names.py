"""Person names the KB does not know, found by the words news puts around them.

A name is a run of two to four capitalised words ('Retno Marsudi',
'Abdul-Malik al-Houthi') with a person cue beside it (`loaders.names`): a
title before ('Presiden', 'Menlu Iran', 'Foreign Minister'), an
apposition after (', kepala penasihat ...', ', the ... adviser'), a
meeting verb ('bertemu dengan X', 'X met'), or a first word that opens many
KB persons' names and few others (the KB's given names: 'Dmytro', 'Ana',
'Xu'). An all-caps acronym opening the run names the person's country or
body, not the person ('RI Marty Natalegawa', 'CIA William Burns'), and is
left out; acronyms alone are no name ('tingkat menteri KTT IORA'). In a
line set in title case (a subheading: 'Presiden RI Bertemu Berbagai Kepala
Negara') capitalised words say nothing, so there only a given name counts.
A run of common words alone is an office's portfolio after its title
('Menteri Urusan Strategis', 'Penasihat Keamanan Nasional'), not a name
(`loaders.ner.common_words`). Bylines and photo credits name people too, after a label of the packs'
`credit_labels` ('Penulis: X') or a news agency and a slash ('TEMPO/X');
they report, so they take part in no event (source 'credit'). A post in
apposition before the name is a cue ("Jokowi's chief of staff, X"), and so
is a title before the acronym of the post's body ('Kepala BRIN X'); the
medium a dateline names ('Muscat, Purna Warta -') is no person.
"""

from __future__ import annotations

import re

from loaders import lang
from loaders.lang import LanguagePack
from loaders.model import Document, Mention, Span
from loaders.names import (
    FAMILY_WORD,
    cues,
    dateline_outlets,
    is_acronym,
    mention_before,
    mention_tokens,
    name_runs,
    quoted,
    spouse_title_before,
    title_before,
    title_case_line,
    title_tokens,
)
from loaders.ner.common_words import ordinary
from loaders.normalize import fold
from loaders.pipeline import Resources, component

_MAX_NAME_WORDS = 4
_INITIALS = 2  # letters of a person's initials written as one word ('KP Sharma Oli')
_LINK_REACH = 8  # characters of a post link before the state: ' untuk '
_PORTFOLIO_CHARS = 40
_PORTFOLIO_LINKS = 2  # common words between a title and its portfolio's last word: 'bidang', 'Bidang'
_PORTFOLIO = re.compile(r"\s+(?:[A-Z][\w-]*\s+){1,3}")  # after a title: its portfolio, the title list lacks
_CREDIT_WORD = r"[A-Z](?:[a-z'-]+|[A-Z]+)?\.?(?![\w])"
_CREDIT_NAME = rf"(?P<name>{_CREDIT_WORD}(?: {_CREDIT_WORD}){{0,3}})(?!\.\w)"


@component("person_names", requires=("tokens", "sentences"), assigns=("proposals",))
class PersonNames:
    """Person mentions for cue-marked names the recognizers before it did not find."""

    def __init__(self, resources: Resources) -> None:
        self.given = resources.given_names

    def __call__(self, doc: Document) -> None:
        text, tokens = doc.text, doc.tokens
        found = cues()
        pack = lang.find(doc.article.lang)
        demonyms = pack.demonyms if pack is not None else {}
        earlier = doc.proposed()
        ends = {m.span.end: m for m in earlier}
        people = {m.span.start: m for m in earlier if m.type == "Person"}
        mentions: list[Mention] = []
        outlets = dateline_outlets(doc, earlier)  # 'Muscat, Purna Warta - ': a medium, no person
        in_title = set(title_tokens(doc))
        openers = {s.start for s in doc.sentences}
        # a credit's name is the photographer's or writer's, whatever else it looks like ('© AFP/Andres Martinez
        # Casares/POOL'): found first, so no name pattern takes it as a person of the story
        credited = _credited(doc, earlier)
        for i, j in name_runs(doc, mention_tokens(doc, earlier)):
            if any(a <= tokens[i].start < b for a, b in outlets) \
                    or any(m.span.start < tokens[j - 1].end and tokens[i].start < m.span.end for m in credited):
                continue
            lead = tokens[i].start
            if lead in openers and j - i > 1 and ordinary([tokens[i].text], doc.article.lang):
                i += 1  # 'Pertemuan Abhisit dan Hun Sen': a common word capitalised as it opens the sentence
            # 'Kepala Staf Susie Wiles', 'Direktur Pelaksana IMF Kristalina Georgieva': after a title, a common word
            # still belongs to it, and an acronym after that is the body; the name is what follows
            opened = i
            while j - i > 2 and _titled_at(doc, i, in_title) and ordinary([tokens[i].text], doc.article.lang):
                in_title.add(i)
                i += 1
            if i > opened and ordinary([tokens[i].text], doc.article.lang):  # a portfolio: 'Kerja Sama ...'
                continue
            # 'Menteri Perdagangan Boediono': the portfolio and a one-word name, no two-word name; a word short
            # enough to be a family name is one ('Laksamana Dong Jun')
            if j - i == 2 and i - 1 in in_title and len(tokens[i].text) > FAMILY_WORD \
                    and ordinary([tokens[i].text], doc.article.lang):
                continue
            while j - i > 2 and ((is_acronym(tokens[i].text) and not _initials(tokens[i].text, i in in_title))
                                 or tokens[i].text in found.organization_names):
                i += 1
            # 'Asia Editor of Time Magazine Zoher Abdoolcarim': a body its head word ends, then the name
            i = next((k + 1 for k in range(j - 3, i - 1, -1) if tokens[k].folded in found.organization_heads), i)
            words = sum(1 for t in tokens[i:j] if t.folded not in found.particles)
            # 'Ibu Negara Iriana', 'First Lady Melania': a spouse's title names one by a given name alone
            spouse = words == 1 and spouse_title_before(text, tokens[i].start) \
                and not ordinary([tokens[i].text], doc.article.lang)
            if not (2 <= words <= _MAX_NAME_WORDS or spouse) \
                    or any(t.folded in found.organization_words for t in tokens[i:j]) \
                    or tokens[j - 1].folded in found.organization_heads \
                    or text[tokens[i].start:tokens[j - 1].end] in found.organization_names:  # 'RIA Novosti', 'Shin Bet'
                continue
            if ordinary((t.text for t in tokens[i:j]), doc.article.lang):  # 'Menteri Urusan Strategis'
                continue
            if all(t.folded in demonyms for t in tokens[i:j]):  # 'Turkish Cypriot leader Mustafa Akinci'
                continue
            if (j - i >= 3 and tokens[j - 1].folded in found.venue_heads) or tokens[i].folded in found.venue_words:
                continue  # 'Hamid Karzai International Airport', 'Lapangan Monas': a venue
            start, end = tokens[i].start, tokens[j - 1].end
            if text[max(0, start - 4):start] == " of " and title_before(text, start - 3) is not None:
                continue  # 'the Angolan Minister of Foreign Affairs, Téte António': the title's portfolio
            if text[end:end + 1] == " " and (found.title.match(text, end + 1) or end + 1 in people):
                # 'Chinese Commerce Minister X': the title's portfolio; 'Kay Rala Xanana Gusmao': more given names
                # of the person named right after; neither is a name of its own
                continue
            byline = _byline(text, start)
            given = (tokens[i].folded in self.given and not tokens[j - 1].text.isupper()) or byline
            if not given and all(is_acronym(t.text) for t in tokens[i:j]):  # 'menteri KTT IORA': bodies, no name
                continue
            # 'Kepala BRIN Laksana Tri Handoko': the title before the body the name is left of is its cue too
            titled = lead < start and title_before(text, lead) is not None
            if given or (not title_case_line(text, start)
                         and (titled or _cue_before(text, start, ends) or found.after.match(text, end)
                              or _listed_with_people(text, start, end, people))):
                if quoted(text, tokens[i]):  # 'elected "Mel" Zelaya': the nickname cues the name, it is not of it
                    i, start = i + 1, tokens[i + 1].start
                name = text[start:end]
                key = "Person:" + " ".join(t.folded for t in tokens[i:j])
                # a byline's names are the reporters', credited like a photo's
                mentions.append(Mention(Span(start, end, name), "Person", name, None, key,
                                        "credit" if byline else "pattern"))
        doc.proposals[self.name] = mentions + credited


def _initials(word: str, titled: bool) -> bool:
    """'KP Sharma Oli', 'JK': two capitals no title or body spells are a person's initials, part of the name; a
    longer acronym before a name is its body's ('TNI Agus Subiyanto', 'CIA William Burns')."""
    return len(word) == _INITIALS and not titled


def _cue_before(text: str, start: int, ends: dict[int, Mention]) -> bool:
    """A title or verb just before the name, possibly with a country between ('Menlu Iran X'), or a post in
    apposition ("Jokowi's chief of staff, X")."""
    if (title_before(text, start) or cues().verb_before.search(text, max(0, start - 40), start)
            or cues().post_before.search(text, max(0, start - 60), start)):
        return True
    anchor = mention_before(text, start, ends)
    if anchor is None or anchor.type not in ("Country", "Organization"):
        return False
    link = cues().post_link.search(text, max(0, anchor.span.start - _LINK_REACH), anchor.span.start)
    before = link.start() if link else anchor.span.start
    if title_before(text, before) is not None:  # 'Ambassador to Moldova X'
        return True
    # a title with a portfolio the titles do not list: 'Menteri Perdamaian Afghanistan Sadat Mansoor Naderi'
    return any(_PORTFOLIO.fullmatch(text, t.end(), before) for t in cues().title.finditer(
        text, max(0, before - _PORTFOLIO_CHARS), before) if text[t.end():t.end() + 1] == " ")


def _listed_with_people(text: str, start: int, end: int, people: dict[int, Mention]) -> bool:
    """'the presidents of Afghanistan, Sri Lanka and Maldives - Ashraf Ghani, Mahinda Rajapaksa and Abdulla Yameen':
    a name listed with people the recognizers know, by 'and' or by a comma in a list that goes on, is a person's
    too; one comma alone is an apposition ('Minister of Foreign Affairs, Retno Marsudi') or a speaker ('..., Macron
    said')."""
    link_after, link_before = _list_links()
    by_end = {m.span.end: m for m in people.values()}
    after = link_after.match(text, end)
    if after is not None and after.end() in people:
        return "," not in after.group() or link_after.match(text, people[after.end()].span.end) is not None
    before = link_before.search(text, max(0, start - 8), start)
    if before is None or before.start() not in by_end:
        return False
    return "," not in before.group() or link_before.search(
        text, max(0, by_end[before.start()].span.start - 8), by_end[before.start()].span.start) is not None


@lang.compiled
def _list_links(packs: tuple[LanguagePack, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """', ' or ' and ' between two names of a list: after a name, and ending right before one."""
    link = rf"(?:,\s*|\s+(?:{lang.alternatives(lang.words(packs, lambda p: p.grammar.conjunctions))})\s+)"
    return re.compile(link), re.compile(link + r"$")


def _titled_at(doc: Document, i: int, in_title: set[int]) -> bool:
    """Whether a title's words run up to token `i`: a title right before it, or one a few common words before
    ('Menteri Koordinator bidang |Perekonomian Hatta Rajasa', 'Menteri Koordinator Bidang |Polhukam')."""
    for k in range(i - 1, max(-1, i - 1 - _PORTFOLIO_LINKS), -1):
        if k in in_title:
            return True
        word = doc.tokens[k].text
        if not (word.islower() or ordinary([word], doc.article.lang)):
            return False
    return False


def _byline(text: str, start: int) -> bool:
    """'By AYSE WIETING and SUZAN FRASER': a name right after 'By' opening a line, or after its 'and'."""
    line = text[text.rfind("\n", 0, start) + 1:start].lower()
    return line.startswith("by ") and (line == "by " or line.endswith(" and "))


@lang.compiled
def _credits(packs: tuple[LanguagePack, ...]) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """'Penulis: X', '(Photo by X/Xinhua)'; 'TEMPO/X', 'ANTARA FOTO/Media Center G20/X/hp'; and the media names."""
    labels = "|".join(re.escape(label) for label in lang.words(packs, lambda p: p.credit_labels))
    media = lang.words(packs, lambda p: p.media)
    agencies = "|".join(re.escape(m) for m in sorted(media, key=len, reverse=True))
    labelled = re.compile(rf"(?<!\w)(?:{labels})[ \t]*:?[ \t]*{_CREDIT_NAME}")
    slashed = re.compile(rf"(?<![\w/])(?:{agencies}|[A-Z]{{2,}})(?: FOTO)? ?/ ?(?:[^/\n)]+/)*?{_CREDIT_NAME}"
                         r"(?=\s*(?:/|\)|\n|$))")
    return labelled, slashed, frozenset(fold(m) for m in media)


def _credited(doc: Document, earlier: list[Mention]) -> list[Mention]:
    """Bylines and photo credits name people where no recognizer found a name: two words or more after a label
    ('Penulis: Farrah Putri Affifah'), one or more after an agency and a slash ('TEMPO/Istman', '(Antara /Galih
    Pradipta)'); never a body ('Penulis : Sputnik News')."""
    labelled, slashed, media = _credits()
    taken = [(m.span.start, m.span.end) for m in earlier]
    stop, bodies = cues().stopwords, cues().organization_words | cues().organization_heads
    out: list[Mention] = []
    for pattern, fewest in ((labelled, 2), (slashed, 1)):  # 'Foto: Instagram', 'Photo: AA': a source, no name
        for match in pattern.finditer(doc.text):
            start, end = match.span("name")
            name = match.group("name")
            words = fold(name).split()
            if len(words) < fewest or any(a < end and start < b for a, b in taken) or fold(name) in media \
                    or any(w in stop or w in bodies for w in words):
                continue
            taken.append((start, end))
            out.append(Mention(Span(start, end, name), "Person", name, None, "Person:" + " ".join(words), "credit"))
    return out
