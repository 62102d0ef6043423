"""Names in running text: titles, runs of capitalised words, and the cues news puts around a person's name.

Shared by the recognizers (gazetteer, person names, organisation names,
coreference), positions and events: 'Presiden', 'Menlu Iran', 'Foreign
Minister' before a name, an apposition after (', kepala penasihat ...',
', the ... adviser'), a meeting verb ('bertemu dengan X', 'X met'). The
words come from every language pack (`cues`).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass

from loaders import lang
from loaders.dates import date_words, name_months
from loaders.lang import LanguagePack
from loaders.model import Document, Mention, Token
from loaders.text import dateline_parts

_TITLE_CASE_WORDS = 4
_PLACED = frozenset({"Place", "Country"})
_MAX_OUTLET_WORDS = 4
WEB_SUFFIX = r"\.(?:co\.id|com|id|net|org|co|tv)(?![\w/-])(?!\.\w)"  # 'Tempo.co', 'KOMPAS.com': a news site's name
_WEB_SUFFIX = re.compile(WEB_SUFFIX, re.IGNORECASE)


@dataclass(frozen=True)
class NameCues:
    """The words around names in every language pack, and the expressions built from them."""

    title: re.Pattern[str]  # a title, with its modifier: 'wakil menteri luar negeri', 'Dr.'
    title_starts: frozenset[str]  # the folded first words of titles: only there is `title` tried
    cue_only: frozenset[str]  # titles that name no office ('Mr', 'analis')
    verb_before: re.Pattern[str]  # 'bertemu dengan |X', ', kata |X'
    post_before: re.Pattern[str]  # "Jokowi's chief of staff, |X": a post in apposition before the name
    post_link: re.Pattern[str]  # 'Ambassador to| Moldova X': between a post and the state it is posted to
    after: re.Pattern[str]  # 'X|, kepala penasihat ...', 'X| met'
    titles: str  # the title expression, for other patterns to embed
    stopwords: frozenset[str]
    particles: frozenset[str]
    patronymics: frozenset[str]  # 'bin': the father's name follows
    hyphen_suffixes: frozenset[str]
    participle_endings: tuple[str, ...]  # 'Kremlin-backed': the hyphened word is no part of the name
    organization_words: frozenset[str]
    state_forms: frozenset[str]  # 'republik': part of the state's name after a title, not of the post
    organization_names: frozenset[str]  # as written: 'TNI AU', 'Kemlu', 'CIA'
    organization_firsts: frozenset[str]  # their first words, as written
    organization_heads: frozenset[str]  # last words of organisation names: 'association', 'forum'
    venue_heads: frozenset[str]  # last words of venue names: 'palace', 'convention center'
    venue_words: frozenset[str]  # first words of head-first venue names: 'istana', 'lapangan'
    customary_titles: frozenset[str]  # a ruler's name is known with them: 'Sultan Ibrahim', no surname after them
    spouse_titles: frozenset[str]  # 'ibu negara': the name after one may end with the leader's
    minor: frozenset[str]  # left out of an organisation's initials: 'of', 'dan'
    articles: str  # alternation of the packs' articles: 'the|a|an|seorang|sang'


def _title(word: str, abbreviated: frozenset[str]) -> str:
    return lang.alternatives([word]) + (r"\b\.?" if word in abbreviated else r"\b")


@lang.compiled
def media_names(packs: tuple[LanguagePack, ...]) -> frozenset[str]:
    """News media the language packs name ('Xinhua', 'Antara'), as written."""
    return frozenset(lang.words(packs, lambda p: p.media))


@lang.compiled
def cues(packs: tuple[LanguagePack, ...]) -> NameCues:
    abbreviated = frozenset(lang.words(packs, lambda p: p.abbreviated))
    modifiers = lang.words(packs, lambda p: p.title_modifiers)
    titles = sorted(lang.words(packs, lambda p: (*p.titles, *p.cue_titles)), key=len, reverse=True)
    modifier = "(?:(?:" + "|".join(
        lang.alternatives([m]) + (r"\.?" if m in abbreviated else "") for m in modifiers) + r")(?:\s+|-))?"
    title = modifier + "(?:" + "|".join(_title(t, abbreviated) for t in titles) + ")"
    articles = lang.alternatives(lang.words(packs, lambda p: p.articles))
    adjectives = lang.alternatives(lang.words(packs, lambda p: p.title_adjectives))
    before = lang.alternatives(lang.words(packs, lambda p: p.cue_verbs_before))
    quotes = lang.alternatives(lang.words(packs, lambda p: p.quote_verbs))
    after = lang.alternatives(lang.words(packs, lambda p: p.cue_verbs_after))
    # ', kepala penasihat ...', ', the White House adviser', ", Russia's foreign minister" (either apostrophe),
    # ' ... bertemu'
    after_re = re.compile(
        rf"\s*,\s*(?:(?:{articles})\s+)?(?:(?-i:[A-Z])[\w.]*(?:['\u2019]s)?\s+){{0,3}}"
        rf"(?:(?:{adjectives})\s+)?{title}"
        # ", Myanmar's detained democracy leader", ', the visiting UN envoy': a possessive's or article's modifiers
        rf"|\s*,\s*(?:{articles}|(?-i:[A-Z])[\w.]*['\u2019]s)\s+(?:(?-i:[a-z])[\w-]*\s+){{1,2}}{title}"
        rf"|\s+(?:{after})\b",
        re.IGNORECASE,
    )
    starts = lang.words(packs, lambda p: (*p.titles, *p.cue_titles, *p.title_modifiers))
    return NameCues(
        title=re.compile(rf"\b{title}", re.IGNORECASE),
        title_starts=frozenset(re.split(r"[\s.-]", t, maxsplit=1)[0] for t in starts),  # 'H.E.' starts at 'H'
        cue_only=frozenset(lang.words(packs, lambda p: p.cue_titles)),
        verb_before=re.compile(rf"(?:\b(?:{before})|,\s*(?:{quotes}))\s+$", re.IGNORECASE),
        # 'Vanuatu Prime Minister, X': the post's state, a capitalised word, may stand for the article
        post_before=re.compile(rf"(?:['\u2019]s|\b(?:{articles})|\b(?-i:[A-Z][\w-]*))\s+{title}\s*,\s*$",
                               re.IGNORECASE),
        post_link=re.compile(rf"\s(?:{lang.alternatives(lang.words(packs, lambda p: p.grammar.post_links))})\s+$"),
        after=after_re,
        titles=title,
        stopwords=frozenset(lang.words(packs, lambda p: p.stopwords)),
        particles=frozenset(lang.words(packs, lambda p: p.particles)),
        patronymics=frozenset(lang.words(packs, lambda p: p.patronymics)),
        hyphen_suffixes=frozenset(lang.words(packs, lambda p: p.hyphen_suffixes)),
        participle_endings=tuple(lang.words(packs, lambda p: p.participle_endings)),
        organization_words=frozenset(lang.words(packs, lambda p: p.organization_words)),
        state_forms=frozenset(lang.words(packs, lambda p: p.state_forms)),
        organization_names=frozenset(lang.words(packs, lambda p: p.organization_names)),
        organization_firsts=frozenset(n.split()[0] for n in lang.words(packs, lambda p: p.organization_names)),
        organization_heads=frozenset(lang.words(packs, lambda p: p.organization_heads)),
        venue_heads=frozenset(lang.words(packs, lambda p: p.venue_heads)),
        venue_words=frozenset(lang.words(packs, lambda p: p.venue_words)),
        customary_titles=frozenset(lang.words(packs, lambda p: p.customary_titles)),
        spouse_titles=frozenset(lang.words(packs, lambda p: p.spouse_titles)),
        minor=frozenset(lang.words(packs, lambda p: p.minor_words)),
        articles=articles,
    )


def is_position_title(title: str) -> bool:
    return title.lower().rstrip(".") not in cues().cue_only


def title_spans(doc: Document) -> list[tuple[int, int]]:
    """Where the titles are; tried only at words that can start one, which keeps it cheap."""
    found = cues()
    spans: list[tuple[int, int]] = []
    for tok in doc.tokens:
        if tok.folded in found.title_starts and (not spans or tok.start >= spans[-1][1]):
            m = found.title.match(doc.text, tok.start)
            if m:
                spans.append(m.span())
    return spans


def title_before(text: str, offset: int) -> re.Match[str] | None:
    """The title ending just before `offset` (whitespace between), as in 'Presiden |Biden'."""
    window_start = max(0, offset - 48)
    best = None
    for m in cues().title.finditer(text, window_start, offset):
        if not text[m.end():offset].strip():
            best = m
    return best


def name_runs(doc: Document, covered: Container[int]) -> list[tuple[int, int]]:
    """Token index ranges [i, j) of capitalised words that could be a name.

    A run stops at punctuation, at a token already covered by a mention, at
    a title word, a month or weekday name, or a function word capitalised
    only because it opens a sentence ('Namun', 'The'); particles ('bin',
    'al-') may sit inside a run but not at its ends. A short lower-case
    syllable hyphened to a run's word ends the run inside it ('Kim Jong-un',
    'Ban Ki-moon'), unless the packs make it an adjective ('Biden-era').
    """
    tokens, text = doc.tokens, doc.text
    in_title = title_tokens(doc)
    found, dates = cues(), date_words()
    pack = lang.find(doc.article.lang)
    own = pack.stopwords if pack is not None else found.stopwords
    runs: list[tuple[int, int]] = []
    start: int | None = None
    tail = False
    for i, tok in enumerate(tokens):
        joined = start is not None and not tail and (_joins(tokens[i - 1], text[tokens[i - 1].end:tok.start])
                                                     or _nickname(tokens, text, i) or _nickname(tokens, text, i - 1))
        # another language's function word inside a run is a word of the name ('Moon Jae In' in Indonesian)
        named = tok.folded not in found.stopwords or _named_after_title(tokens, i, in_title, covered) \
            or (tok.folded not in own and (joined or _opens_name(tokens, text, i)))
        # a month's name after a name's word, no number after it, is the name's: 'Theresa May said', not 'May 5'
        dated = tok.folded in dates and not (start is not None and joined and tok.folded in name_months()
                                             and not _number_next(tokens, i))
        word = (tok.text[0].isupper() and named
                and not dated and not tok.text.isdigit() and i not in covered and i not in in_title)
        particle = tok.folded in found.particles and tok.text.islower() and i not in covered
        tail = joined and _syllable(tokens[i - 1], text[tokens[i - 1].end:tok.start], tok) and i not in covered
        if start is not None and not (joined and (word or particle or tail)):
            runs.append((start, i))
            start = None
        if start is None and word:
            start = i
    if start is not None:
        runs.append((start, len(tokens)))
    return [r for r in (_trim(tokens, *run, found.particles) for run in runs) if r]


def _number_next(tokens: list[Token], i: int) -> bool:
    """Whether a number follows token `i` ('May 5', 'Mei 2018')."""
    return i + 1 < len(tokens) and tokens[i + 1].text[:1].isdigit()


def _opens_name(tokens: list[Token], text: str, i: int) -> bool:
    """'Yang Jiechi met Hill' in English: another language's function word ('yang') before a capitalised word it
    joins opens a name."""
    return i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper() and text[tokens[i].end:tokens[i + 1].start] == " "


def _named_after_title(tokens: list[Token], i: int, in_title: Container[int], covered: Container[int]) -> bool:
    """'Vice Premier He Lifeng', 'Menteri Luar Negeri China Yang Jiechi': a short capitalised function word right
    after a title (or a title and the name it is of) and before another capitalised word is a family name (a pronoun
    never stands there)."""
    titled = i - 1 in in_title or (i - 1 in covered and i - 2 in in_title)
    return (len(tokens[i].text) <= FAMILY_WORD and titled and i + 1 < len(tokens)
            and tokens[i + 1].text[:1].isupper()
            and tokens[i].start == tokens[i - 1].end + 1 and tokens[i + 1].start == tokens[i].end + 1)


FAMILY_WORD = 4  # the longest function word a family name after a title may be: 'He', 'Yang'
_SYLLABLE = 5  # the longest given-name syllable after a hyphen: 'Jae-myung'
_NAME_WORD = 9  # a longer lower-case word after a hyphen, not a participle: 'Bahiddha-nukara', 'Nkoana-mashabane'


def _syllable(before: Token, gap: str, token: Token) -> bool:
    """'Jong-un', 'Ki-moon', 'Nkoana-mashabane': a lower-case syllable or word hyphened to a capitalised word, not an
    adjective's suffix ('Biden-era', 'Kremlin-backed'), a particle ('al-'), or a reduplication ('Mudah-mudahan')."""
    endings = cues().participle_endings
    short = len(token.text) <= _SYLLABLE or (len(token.text) <= _NAME_WORD and not token.text.endswith(endings))
    return (gap == "-" and token.text.islower() and before.text[:1].isupper() and short
            and token.folded not in cues().hyphen_suffixes and token.folded not in cues().particles
            and not token.folded.startswith(before.folded))


def _joins(before: Token, gap: str) -> bool:
    """Words of one name: apart by a space or hyphen, or after an initial ('Retno L.P. Marsudi')."""
    return gap in (" ", "-") or (gap in (".", ". ") and len(before.text) == 1 and before.text.isupper())


_QUOTES = {"'": "'", '"': '"', "\u2018": "\u2019", "\u201c": "\u201d"}


def _nickname(tokens: list[Token], text: str, i: int) -> bool:
    """"Ferdinand 'Bongbong' Marcos Jr.": one quoted capitalised word between two words of a name."""
    if not 0 < i < len(tokens) - 1 or not (tokens[i].text[:1].isupper() and tokens[i + 1].text[:1].isupper()):
        return False
    return (quoted(text, tokens[i]) and text[tokens[i - 1].end:tokens[i].start - 1] == " "
            and text[tokens[i].end + 1:tokens[i + 1].start] == " ")


def quoted(text: str, token: Token) -> bool:
    """Whether the word stands in quotes of its own: '"Mel" Zelaya', a nickname."""
    opening, closing = text[token.start - 1:token.start], text[token.end:token.end + 1]
    return bool(opening) and _QUOTES.get(opening) == closing


def is_particle(token: Token) -> bool:
    """A lower-case name particle: 'bin', 'al' (in 'al-Houthi'), 'van'."""
    return token.folded in cues().particles and token.text.islower()


def _trim(tokens: list[Token], i: int, j: int, particles: frozenset[str]) -> tuple[int, int] | None:
    while j > i and tokens[j - 1].folded in particles and tokens[j - 1].text.islower():
        j -= 1
    return (i, j) if j > i else None


def title_tokens(doc: Document) -> set[int]:
    """Indices of the tokens inside a title ('Presiden', 'Foreign Minister')."""
    return set(_tokens_within(doc, title_spans(doc)))


def mention_tokens(doc: Document, mentions: Iterable[Mention]) -> dict[int, Mention]:
    """Token index -> the mention covering that token."""
    ordered = sorted(mentions, key=lambda m: m.span.start)
    return {i: ordered[k] for i, k in _tokens_within(doc, [(m.span.start, m.span.end) for m in ordered]).items()}


def _tokens_within(doc: Document, spans: list[tuple[int, int]]) -> dict[int, int]:
    """Token index -> index of the (sorted, non-overlapping) span containing the token's start."""
    out: dict[int, int] = {}
    k = 0
    for i, tok in enumerate(doc.tokens):
        while k < len(spans) and spans[k][1] <= tok.start:
            k += 1
        if k == len(spans):
            break
        if spans[k][0] <= tok.start:
            out[i] = k
    return out


def mention_before(text: str, offset: int, ends: dict[int, Mention]) -> Mention | None:
    """The mention ending just before `offset`, only spaces between."""
    k = offset
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return ends.get(k) if k < offset else None


def given_before_name(doc: Document, i: int) -> bool:
    """'Ibu Negara Iriana Joko Widodo': is token `i`, which opens a person's full name, preceded by one capitalised
    word right after a spouse's title? Then that word and the name are the spouse's name, not the person's. The
    caller checks that the word is no name it knows."""
    if i < 2:
        return False
    word = doc.tokens[i - 1]
    if not word.text[:1].isupper() or word.text.isupper() or doc.text[word.end:doc.tokens[i].start] != " ":
        return False
    return spouse_title_before(doc.text, word.start)


def spouse_title_before(text: str, offset: int) -> bool:
    """Does a spouse's title ('Ibu Negara', 'First Lady') end right before `offset`?"""
    title = title_before(text, offset)
    return title is not None and " ".join(title.group().lower().split()) in cues().spouse_titles


def after_given_name(doc: Document, i: int, given: Container[str]) -> bool:
    """Is token `i` joined to a capitalised given name before it ('Lloyd Austin', 'Jean-Pierre')?"""
    if i == 0 or doc.text[doc.tokens[i - 1].end:doc.tokens[i].start] not in (" ", "-"):
        return False
    before = doc.tokens[i - 1]
    return before.text[:1].isupper() and before.folded in given


def opens_longer_name(doc: Document, i: int, joiners: tuple[str, ...] = (" ",)) -> bool:
    """Is the one-word place at token `i` the first word of a longer name the KB does not hold ('Tehran Times',
    'Kota Gaza')? Not when a date, a function word or a title follows it ('Geneva Sunday', 'Jakarta Presiden')."""
    tokens, text, found = doc.tokens, doc.text, cues()
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after is None or text[tokens[i].end:after.start] not in joiners or not after.text[0].isupper():
        return False
    return not (after.folded in found.stopwords or after.folded in date_words()
                or found.title.match(text, after.start) is not None)


def region_opens_name(doc: Document, last: int, given: Container[str]) -> bool:
    """Does a world region's name ending at token `last` open a longer name ('Asia Cooperation Dialogue', 'Middle
    East Monitor')? Only where names end in their head (English); in Indonesian a name follows the region ('kota
    pantai Laut Merah Jeddah'). Not before a person's name ('Assistant Secretary for Eastern Europe Christopher
    Smith') or a place noun ('Central Asia Region' is the region's)."""
    pack = lang.find(doc.article.lang)  # 'Asia-Pacific Economic Cooperation': 'Asia' and 'Pacific' alike
    if pack is None or not pack.organization_heads or not opens_longer_name(doc, last, (" ", "-")):
        return False
    after = doc.tokens[last + 1]
    return after.folded not in pack.grammar.place_nouns and after.folded not in given


def in_gathering_name(doc: Document, i: int) -> bool:
    """Does the name at token `i` follow a word that opens a gathering's name, alone or after other capitalised words
    ('KTT Asia Timur', 'Konferensi Asia - Afrika')? Then it names the gathering, not a place."""
    pack = lang.find(doc.article.lang)
    if pack is None or not pack.gathering_openers:
        return False
    tokens, text = doc.tokens, doc.text
    for j in range(i - 1, max(i - 4, -1), -1):
        if not tokens[j].text[:1].isupper() or not set(text[tokens[j].end:tokens[j + 1].start]) <= {" ", "-"}:
            return False
        if tokens[j].folded in pack.gathering_openers:
            return True
    return False


def ends_longer_name(doc: Document, i: int, words: int) -> bool:
    """Are the `words` tokens from `i`, a head-final body's name ('Security Council'), the end of a longer name
    after a capitalised word ("Iran's Supreme National Security Council")? Not after a title ('Chairman Islamic
    Development Bank'), a function word, or an owner's acronym ('UN', 'U.S. Treasury Department')."""
    tokens, text = doc.tokens, doc.text
    pack = lang.find(doc.article.lang)
    if i == 0 or pack is None or tokens[i + words - 1].folded not in pack.organization_heads:
        return False
    before = tokens[i - 1]
    return (text[before.end:tokens[i].start] == " " and before.text[:1].isupper() and not before.text.isupper()
            and before.folded not in cues().stopwords and title_before(text, tokens[i].start) is None)


def is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper() and word.isalpha()


def title_case_line(text: str, start: int) -> bool:
    """Is the line around `start` a subheading: four words or more, every one capitalised but function words?

    There capitalised words say nothing about names ('Presiden RI Bertemu Berbagai Kepala Negara').
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = [w for w in text[line_start:line_end if line_end >= 0 else len(text)].split() if w[:1].isalpha()]
    stopwords = cues().stopwords
    return len(words) >= _TITLE_CASE_WORDS and all(w[0].isupper() or w.lower() in stopwords for w in words)


def web_suffix_at(text: str, offset: int) -> bool:
    """Whether a web name's suffix follows `offset` ('KOMPAS|.com'): the word before it is part of that name."""
    return _WEB_SUFFIX.match(text, offset) is not None


def without_web_suffix(name: str) -> str:
    """A site's name without its web suffix: 'Kabar24.com' -> 'Kabar24'."""
    suffix = _WEB_SUFFIX.search(name)
    return name[:suffix.start()] if suffix and suffix.end() == len(name) else name


def dateline_outlets(doc: Document, proposed: list[Mention]) -> list[tuple[int, int]]:
    """Where the dateline opening the article names its medium beside its place ('Muscat, Purna Warta - ',
    'Narasi Indonesia.com, Jakarta - ', 'CNBC Indonesia'): the capitalised parts without a digit or a mention other
    than a person's or a country's inside a longer name, when another part is a place."""
    if not doc.sentences:
        return []
    first = doc.sentences[0]
    parts = [(first.start + a, first.start + b) for a, b in dateline_parts(first.text)]
    # a country inside a longer part names no place: it is part of a medium's name ('CNBC Indonesia')
    named = [m for m in proposed if m.type != "Person"
             and not (m.type == "Country" and any(p[0] <= m.span.start and m.span.end <= p[1]
                                                  and doc.text[p[0]:p[1]] != m.span.text for p in parts))]
    placed = {p for p in parts if any(m.type in _PLACED and p[0] <= m.span.start and m.span.end <= p[1] for m in named)}
    outlets = []
    for start, end in parts if placed else ():
        words = doc.text[start:end].split()
        if (start, end) not in placed and len(words) <= _MAX_OUTLET_WORDS and all(w[0].isupper() for w in words) \
                and not any(c.isdigit() for w in words for c in w) \
                and not any(m.span.start < end and start < m.span.end for m in named):
            outlets.append((start, end))
    return outlets
