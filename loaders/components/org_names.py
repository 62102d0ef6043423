"""Organisation names the KB lacks, by their head noun: 'Foreign Ministry', 'Saudi Press Agency'.

Some languages put the head of an organisation's name last (English), so
a run of two to five capitalised words ending in one of a short list of
heads (the pack's `organization_heads`, media's among them: 'Fox News', 'The
Washington Post') is taken as an organisation, with
a capitalised title word before it ('General Elections Commission') and a
capitalised complement after 'of' or 'for' ('Ministry of Foreign Affairs').
Others put the head first ('Kementerian Luar Negeri' in Indonesian): a
capitalised opener of the pack's `organization_openers` and the capitalised
words after it are an organisation ('Dewan Pertahanan Nasional',
'Sekretariat Presiden'), with the country that owns it right after
('Kementerian Luar Negeri Iran'); the NER finds the rest. In every language, the bodies the packs list by
the name news uses without a head word (`organization_names`: 'TNI AU',
'Kemlu', 'CIA', 'Xinhua') are organisations where they are written so; one
that is also a function word ('Antara', 'among') only in capitals. A
web name ('Tempo.co', 'REPUBLIKA.CO.ID', 'Aktual.com', 'jpnn.com') is the
news medium publishing under it, as datelines and credits write it, and so
is the medium a dateline names beside its place ('Muscat, Purna Warta -').
A diplomatic mission is named by where it is ('KBRI Abu Dhabi'), an
acronym between a title and its holder is the body of the post ('Kepala
BRIN Laksana Tri Handoko'), a head-final name may open with the acronym
of the body it belongs to ('OIC Executive Committee') or hold a country
('Great Indonesia Movement Party', 'Israel Defense Forces'), and a credit
names its medium in capitals ('Photo: AA', '(VOI/Rezha/RHM)', a closing
'— ASHARQ AL AWSAT'). And in every
language, a name its initials follow in parentheses, ending in an
organisation head of any pack or opening with an organisation word ('Indian
Ocean Rim Association (IORA)' in Indonesian text too), is an organisation;
the initials standing alone elsewhere in the article ('KTT IORA') are it. A state's body news writes in lower
case after the state ('the Saudi foreign ministry', "Iran's foreign ministry": the pack's `state_bodies`) is
that state's organisation.
"""

from __future__ import annotations

import re

from loaders import lang
from loaders.kb.build.index import KBIndex
from loaders.kb.build.records import Organization
from loaders.model import Document, Mention, Span
from loaders.names import (
    WEB_SUFFIX,
    cues,
    dateline_outlets,
    is_acronym,
    mention_tokens,
    name_runs,
    title_before,
    title_tokens,
    web_suffix_at,
)
from loaders.normalize import fold
from loaders.pipeline import Resources, component
from loaders.text import token_at

_MIN_WORDS, _MAX_WORDS = 2, 5
_MAX_LISTED = 3
_MAX_HEAD_AFTER = 2  # words of a head-final name a listed one opens ('Xinhua News Agency')
_MIN_BODY_ACRONYM = 3  # 'RI', 'AS' are countries: a body's acronym has three letters or more
_COMPLEMENTS = frozenset({"of", "for"})
_DEFINED = re.compile(r" ?\((?P<short>[A-Z][A-Z-]*[A-Z])\)")
_MAX_DEFINED = 10  # words of a name its initials follow
_POSSESSIVE_BEFORE = re.compile("['\u2019]s $")
_ADJECTIVES_BEFORE = (re.compile(r"(?P<words>[A-Z][\w-]* [A-Z][\w-]*) $"), re.compile(r"(?P<words>[A-Z][\w-]*) $"))
_WEB_NAME = re.compile(rf"(?<![\w.@/])[A-Z][\w-]*{WEB_SUFFIX}", re.IGNORECASE)


@component("org_names", requires=("tokens", "sentences"), assigns=("proposals",))
class OrganizationNames:
    """Organization mentions for capitalised runs ending in an organisation head."""

    def __init__(self, resources: Resources) -> None:
        self.kb: KBIndex | None = resources.kb_index
        # kabar's aliases of large-KB bodies ('Kemlu' is Indonesia's ministry): a short name followed by that
        # body's own state ('Kemlu RI') is the same body, no other state's
        self.aliased = {fold(row.alias): row.target for row in resources.aliases
                        if row.type == "Organization" and row.target.startswith("Q")}

    def __call__(self, doc: Document) -> None:
        heads = lang.get(doc.article.lang).organization_heads
        mentions = _dateline_outlet(doc)
        mentions += _missions(doc)
        mentions += self._state_bodies(doc)
        mentions += _bodies_of_posts(doc)
        mentions += _listed(doc, mentions)
        mentions += _web_names(doc, mentions)
        mentions += _defined(doc, mentions)
        mentions += _credited_media(doc, mentions)
        mentions += _head_first(doc, mentions)
        if heads:
            tokens, particles = doc.tokens, cues().particles
            proposed = [*doc.proposed(), *mentions]
            runs = name_runs(doc, mention_tokens(doc, proposed))
            starts = {i: j for i, j in runs}
            in_title = title_tokens(doc)
            acronyms = {token_at(tokens, m.span.start) for m in proposed
                        if m.type == "Organization" and is_acronym(m.span.text)}
            for i, j in runs:
                words = [t for t in tokens[i:j] if t.folded not in particles]
                # a head in lower case is no name's: 'Six-party talks' are a format, no party
                if _MIN_WORDS <= len(words) + 1 <= _MAX_WORDS and tokens[j - 1].folded in heads \
                        and tokens[j - 1].text[:1].isupper():
                    i = _with_owner(doc, _with_title_word(doc, i, in_title), acronyms)
                    i = _with_country_inside(doc, i, proposed, runs)
                    j = _with_complement(doc, j, starts)
                    i = _with_article(doc, i, j)
                    if len([t for t in tokens[i:j] if t.folded not in particles]) < _MIN_WORDS:
                        continue
                    start, end = tokens[i].start, tokens[j - 1].end
                    name = doc.text[start:end]
                    key = "Organization:" + " ".join(t.folded for t in tokens[i:j])
                    mentions.append(Mention(Span(start, end, name), "Organization", name, None, key, "pattern"))
        doc.proposals[self.name] = mentions

    def _state_bodies(self, doc: Document) -> list[Mention]:
        """'the Saudi foreign ministry', "Iran's foreign ministry", "Norway's Foreign Ministry", 'Kemenlu Rusia',
        'Kemlu Myanmar': a state's body right after the state's adjective or possessive, or with the state named
        right after it (Indonesian word order), named as the KB names that state's body ('Ministry of
        External Affairs' of India), else as written with the adjective or the state ('Saudi foreign ministry',
        'Kemlu Myanmar') or by its English name and the state's after a possessive ('Ministry of Foreign Affairs of
        Iran'), so that no two states' bodies share a name. Not without the state ('the foreign ministry', 'Kemlu':
        whose? the KB's aliases and the recognizers after this one say)."""
        pack = lang.find(doc.article.lang)
        if pack is None or not pack.state_bodies or self.kb is None:
            return []
        proposed = doc.proposed()
        countries = [m for m in proposed if m.type == "Country" and m.qid]
        states = {m.span.end: m.qid for m in countries}
        after = {m.span.start: m for m in countries}
        named = {m.span.start for m in proposed if m.type == "Organization"}  # a body an earlier recognizer named
        out = []
        for body in _state_body_words().finditer(doc.text):
            if body.group().lower() not in pack.state_bodies:
                continue
            possessive = _POSSESSIVE_BEFORE.search(doc.text, max(0, body.start() - 3), body.start())
            found = (p.search(doc.text, max(0, body.start() - 30), body.start()) for p in _ADJECTIVES_BEFORE)
            adjective = next((m for m in found if m and fold(m["words"]) in pack.demonyms), None)
            owner = after.get(body.end() + 1) if doc.text[body.end():body.end() + 1] == " " else None
            english = pack.state_bodies[body.group().lower()]
            start, end = body.start(), body.end()
            if possessive is not None and possessive.start() in states:
                state = states[possessive.start()]
                written = self._of_state(english, state)
            elif owner is not None and start not in named and not self._own_state(body.group(), owner.qid):
                state, end = owner.qid, owner.span.end
                written = doc.text[start:end]
            elif adjective is not None:
                start, state = adjective.start("words"), pack.demonyms[fold(adjective["words"])]
                written = doc.text[start:body.end()]
            else:
                continue
            record = next((r for r in self.kb.records(english) if isinstance(r, Organization) and r.country == state),
                          None)
            span = Span(start, end, doc.text[start:end])
            if record is not None:  # by the KB's label unless other bodies share it ('Ministry of Foreign Affairs')
                name = (written or span.text) if self.kb.shared_label(record.label) else record.label
                out.append(Mention(span, "Organization", name, record.qid, record.qid, "kb"))
            elif written is not None:
                out.append(Mention(span, "Organization", written, None, f"Organization:{fold(written)}", "pattern"))
        return out

    def _own_state(self, body: str, state: str | None) -> bool:
        assert self.kb is not None
        target = self.aliased.get(fold(body))
        record = self.kb.record("organization", target) if target else None
        return record is not None and record.country == state

    def _of_state(self, english: str, state: str | None) -> str | None:
        assert self.kb is not None
        place = self.kb.record("place", state) if state else None
        return f"{english} of {place.label}" if place is not None else None


@lang.compiled
def _credit_patterns(packs: tuple[lang.LanguagePack, ...]) -> tuple[re.Pattern[str], ...]:
    labels = lang.alternatives(lang.words(packs, lambda p: p.credit_labels))
    return (
        re.compile(rf"(?<!\w)(?:{labels})[ \t]*:[ \t]*(?P<name>[A-Z]{{2,6}})(?![\w/.-])"),  # 'Photo: AA'
        re.compile(r"\((?P<name>[A-Z]{2,6}) ?/ ?[A-Z]"),  # '(VOI/Rezha/RHM)'
        # a line closing with '— ASHARQ AL AWSAT'
        re.compile(r"[\u2014\u2013] ?(?P<name>[A-Z]{2,}(?: [A-Z]{2,}){0,3})[ \t]*$", re.MULTILINE),
    )


def _credited_media(doc: Document, found: list[Mention]) -> list[Mention]:
    """The medium a credit names in capitals: 'Photo: AA', '(VOI/Rezha/RHM)', a closing '— ASHARQ AL AWSAT'."""
    taken = [*doc.proposed(), *found]
    out: list[Mention] = []
    for pattern in _credit_patterns():
        for match in pattern.finditer(doc.text):
            start, end = match.span("name")
            if any(m.span.start < end and start < m.span.end for m in [*taken, *out]):
                continue
            name = match.group("name")
            out.append(Mention(Span(start, end, name), "Organization", name, None, "Organization:" + fold(name),
                               "pattern"))
    return out


def _head_first(doc: Document, earlier: list[Mention]) -> list[Mention]:
    """'Dewan Pertahanan Nasional', 'Sekretariat Presiden', 'Angkatan Udara': a capitalised opener of the article's
    language and the capitalised words after it, titles included, up to a mention or a lower-case word."""
    pack = lang.get(doc.article.lang)
    openers, offices = pack.organization_openers, pack.state_offices
    if not openers:
        return []
    tokens, text = doc.tokens, doc.text
    proposed = [*doc.proposed(), *earlier]
    covered, in_title = mention_tokens(doc, proposed), title_tokens(doc)
    countries = {token_at(tokens, m.span.start): m for m in proposed if m.type == "Country"}
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        if tokens[i].folded not in openers or not tokens[i].text[:1].isupper() or i in covered:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and j - i < _MAX_WORDS and j not in covered and tokens[j].text[:1].isupper() \
                and text[tokens[j - 1].end:tokens[j].start] == " ":
            j += 1
        # a title ends the name only as its last word ('Sekretariat Presiden', not 'Angkatan Laut Laksamana X')
        while j > i + 1 and j - 1 in in_title and j < len(tokens) and tokens[j].text[:1].isupper() \
                and text[tokens[j - 1].end:tokens[j].start] == " ":
            j -= 1
        end = tokens[j - 1].end
        if j > i + 1 and (owner := countries.get(j)) is not None and text[end:owner.span.start] == " ":
            end = owner.span.end  # 'Kementerian Luar Negeri Iran': the country owns it, and stays a mention
        if j > i + 1 and " ".join(t.folded for t in tokens[i:j]) not in offices:
            start = tokens[i].start
            name = text[start:end]
            out.append(Mention(Span(start, end, name), "Organization", name, None, "Organization:" + fold(name),
                               "pattern"))
        i = j
    return out


def _with_title_word(doc: Document, i: int, in_title: set[int]) -> int:
    """'General Elections Commission': a capitalised title word just before the run opens the name."""
    tokens = doc.tokens
    if i > 0 and i - 1 in in_title and tokens[i - 1].text[:1].isupper() \
            and doc.text[tokens[i - 1].end:tokens[i].start] == " ":
        return i - 1
    return i


def _with_country_inside(doc: Document, i: int, proposed: list[Mention], runs: list[tuple[int, int]]) -> int:
    """'Great Indonesia Movement Party', 'Israel Defense Forces': a country just before the run is part of the name,
    and so is a capitalised run just before that country; the country stays a mention of its own."""
    tokens = doc.tokens
    country = next((m for m in proposed if m.type == "Country" and i > 0 and m.span.end == tokens[i - 1].end), None)
    if country is None or doc.text[country.span.end:tokens[i].start] != " ":
        return i
    first = token_at(tokens, country.span.start)
    before = next((a for a, b in runs if b == first), None)
    if before is None or doc.text[tokens[first - 1].end:country.span.start] != " ":
        return first
    return before


def _with_owner(doc: Document, i: int, acronyms: set[int]) -> int:
    """'OIC Executive Committee', 'ASEAN Summit Media Center': the acronym of the body it belongs to, just before
    the run, opens the name; that body stays a mention of its own."""
    if i > 0 and i - 1 in acronyms and doc.text[doc.tokens[i - 1].end:doc.tokens[i].start] == " ":
        return i - 1
    return i


def _with_complement(doc: Document, j: int, starts: dict[int, int]) -> int:
    """'Ministry of Foreign Affairs': a capitalised run after 'of' or 'for' ends the name, and one after its 'and'
    ('Center for Strategic and International Studies')."""
    tokens = doc.tokens
    if j + 1 < len(tokens) and tokens[j].folded in _COMPLEMENTS and tokens[j].text.islower() and j + 1 in starts:
        j = starts[j + 1]
        if j + 1 < len(tokens) and tokens[j].text == "and" and j + 1 in starts:
            j = starts[j + 1]
    return j


def _dateline_outlet(doc: Document) -> list[Mention]:
    """'Muscat, Purna Warta - ...', 'Narasi Indonesia.com, Jakarta - ...': the medium a dateline names."""
    return [Mention(Span(start, end, name := doc.text[start:end]), "Organization", name, None,
                    "Organization:" + fold(name), "pattern") for start, end in dateline_outlets(doc, doc.proposed())]


@lang.compiled
def _mission_words(packs: tuple[lang.LanguagePack, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    kinds = lang.merged_mapping(packs, lambda p: p.mission_words, "mission word")
    return re.compile(rf"(?<!\w)(?P<word>{lang.alternatives(kinds)})\s+$"), {fold(k): v for k, v in kinds.items()}


def _missions(doc: Document) -> list[Mention]:
    """'KBRI Abu Dhabi', 'Kedubes Jepang': a diplomatic mission, named by the city or country it is in, which stays
    a mention of its own."""
    before, kinds = _mission_words()
    out = []
    for place in doc.proposed():
        if place.type in ("Place", "Country") and (
                head := before.search(doc.text, max(0, place.span.start - 24), place.span.start)):
            name = doc.text[head.start():place.span.end]
            key = f"Organization:{kinds[fold(head['word'])]} {place.key}"  # 'Kedubes Jepang' is 'Kedutaan Besar Jepang'
            out.append(Mention(Span(head.start(), place.span.end, name), "Organization", name, None, key, "pattern"))
    return out


@lang.compiled
def _state_body_words(packs: tuple[lang.LanguagePack, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{lang.alternatives(lang.words(packs, lambda p: p.state_bodies))})\b", re.IGNORECASE)


def _bodies_of_posts(doc: Document) -> list[Mention]:
    """'Kepala BRIN Laksana Tri Handoko': an acronym between a title and the person holding the post names the
    body the post is in, where no recognizer found a name."""
    proposed = doc.proposed()
    taken = mention_tokens(doc, proposed)
    out = []
    for person in proposed:
        if person.type != "Person":
            continue
        k = token_at(doc.tokens, person.span.start) - 1
        word = doc.tokens[k] if k >= 0 else None
        if word is not None and k not in taken and is_acronym(word.text) and len(word.text) >= _MIN_BODY_ACRONYM \
                and doc.text[word.end:person.span.start] == " " and title_before(doc.text, word.start) is not None:
            out.append(Mention(Span(word.start, word.end, word.text), "Organization", word.text, None,
                               "Organization:" + word.folded, "pattern"))
    return out


def _listed(doc: Document, earlier: list[Mention]) -> list[Mention]:
    """Mentions of the packs' `organization_names`, longest first, where no recognizer before found a name but a
    venue (`venue_names`), whose name may hold a body ('Gedung DPR', 'Pangkalan TNI AU')."""
    found = cues()
    covered = mention_tokens(doc, [*earlier, *(m for m in doc.proposed()
                                               if not (m.type == "Place" and m.source == "pattern"))])
    tokens, text = doc.tokens, doc.text
    out: list[Mention] = []
    firsts = found.organization_firsts
    i = 0
    while i < len(tokens):
        if tokens[i].text not in firsts:
            i += 1
            continue
        for n in range(min(_MAX_LISTED, len(tokens) - i), 0, -1):
            start, end = tokens[i].start, tokens[i + n - 1].end
            name = text[start:end]
            if name in found.organization_names and not any(k in covered for k in range(i, i + n)) \
                    and (n > 1 or tokens[i].folded not in found.stopwords or name.isupper()) \
                    and not web_suffix_at(text, end):
                n += _head_after(doc, i + n, covered)
                end = tokens[i + n - 1].end
                name = text[start:end]
                out.append(Mention(Span(start, end, name), "Organization", name, None,
                                   "Organization:" + fold(name), "pattern"))
                i += n
                break
        else:
            i += 1
    return out


def _with_article(doc: Document, i: int, j: int) -> int:
    """'The Washington Post': a newspaper's name keeps the capitalised article before it."""
    pack, tokens = lang.get(doc.article.lang), doc.tokens
    if i and tokens[j - 1].folded in pack.titled_heads and tokens[i - 1].folded in pack.articles \
            and tokens[i - 1].text[:1].isupper() and tokens[i].start - tokens[i - 1].end == 1:
        return i - 1
    return i


def _head_after(doc: Document, k: int, covered: set[int]) -> int:
    """How many capitalised words after a listed name end the longer name it opens ('Xinhua News Agency',
    'Bloomberg News'): up to the last organisation head among the next two, else none."""
    tokens, heads = doc.tokens, cues().organization_heads
    extra = 0
    for m in range(k, min(k + _MAX_HEAD_AFTER, len(tokens))):
        if m in covered or not tokens[m].text[:1].isupper() or tokens[m].start - tokens[m - 1].end != 1:
            break
        if tokens[m].folded in heads:
            extra = m - k + 1
    return extra


def _defined(doc: Document, earlier: list[Mention]) -> list[Mention]:
    """'Indian Ocean Rim Association (IORA)': the organisation, whatever a recognizer read inside it ('Indian
    Ocean'), unless a recognizer found that very name ('Jakarta Convention Center (JCC)', a venue); and 'IORA'
    wherever it stands alone."""
    tokens, text, found = doc.tokens, doc.text, cues()
    proposed = [*doc.proposed(), *earlier]
    known = {(m.span.start, m.span.end) for m in proposed}
    out: list[Mention] = []
    for match in _DEFINED.finditer(text):
        j = token_at(tokens, match.start())
        name = _spelled(doc, j, match.group("short").replace("-", "")) if j else None
        if name is None or (tokens[name].start, tokens[j - 1].end) in known:
            continue
        if tokens[j - 1].folded not in found.organization_heads \
                and tokens[name].folded not in found.organization_words:
            continue
        if any(" ".join(t.folded for t in tokens[k:j]) in found.venue_heads for k in range(max(name, j - 3), j)):
            continue  # 'Jakarta Convention Center (JCC)': a venue
        start, end = tokens[name].start, tokens[j - 1].end
        long_name, key = text[start:end], "Organization:" + fold(text[start:end])
        out.append(Mention(Span(start, end, long_name), "Organization", long_name, None, key, "pattern"))
        short = match.group("short")
        taken = [(m.span.start, m.span.end) for m in (*proposed, *out)] + [match.span("short")]
        for alone in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
            if not any(a < alone.end() and alone.start() < b for a, b in taken):
                out.append(Mention(Span(alone.start(), alone.end(), short), "Organization", long_name, None, key,
                                   "pattern"))
    return out


def _spelled(doc: Document, j: int, letters: str) -> int | None:
    """The first token of the capitalised name ending before token `j` whose major words' initials are `letters`."""
    tokens, minor = doc.tokens, cues().minor
    initials = ""
    for i in range(j - 1, max(-1, j - 1 - _MAX_DEFINED), -1):
        word = tokens[i]
        if i < j - 1 and doc.text[word.end:tokens[i + 1].start] != " ":
            return None
        if word.folded in minor and word.text.islower():
            continue
        if not word.text[:1].isupper():
            return None
        initials = word.text[0] + initials
        if initials == letters:
            return i
        if not letters.endswith(initials):
            return None
    return None


def _web_names(doc: Document, earlier: list[Mention]) -> list[Mention]:
    """'Aktual.com', 'VIVA.co.id', 'jpnn.com': media by their web names, where no mention is (not inside an address:
    'www.kemlu.go.id', 'info@kompas.com')."""
    taken = [(m.span.start, m.span.end) for m in (*doc.proposed(), *earlier)]
    out = []
    for match in _WEB_NAME.finditer(doc.text):
        start, end = match.span()
        if not any(a < end and start < b for a, b in taken):
            name = match.group()
            out.append(Mention(Span(start, end, name), "Organization", name, None, "Organization:" + fold(name),
                               "pattern"))
    return out
