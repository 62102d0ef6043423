"""Person names the KB does not know, found by the words news puts around them.

A name is a run of two to four capitalised words ('Retno Marsudi',
'Abdul-Malik al-Houthi') with a person cue beside it: a title before
('Presiden', 'Menlu Iran', 'Foreign Minister'), an apposition after
(', kepala penasihat ...', ', the ... adviser') or a meeting verb
('bertemu dengan X', 'X met'). The title lexicon here is shared with the
gazetteer, the position and the event components.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable

from loaders.dates import DATE_WORDS
from loaders.model import Document, Mention, Span, Token

# Offices: a person holding one has a Position. Modifiers like 'wakil' / 'deputy' are added below.
POSITION_TITLES = (
    "presiden", "perdana menteri", "pm", "menteri luar negeri", "menlu", "menteri pertahanan", "menhan",
    "menteri dalam negeri", "mendagri", "menteri keuangan", "menteri", "raja", "ratu", "sultan", "emir",
    "pangeran", "putra mahkota", "juru bicara", "jubir", "jenderal", "panglima", "kepala penasihat",
    "penasihat", "kepala", "duta besar", "dubes", "sekretaris jenderal", "sekjen", "ketua", "direktur",
    "senator", "utusan khusus", "utusan", "kanselir", "gubernur", "wali kota", "koordinator",
    "president", "prime minister", "foreign minister", "defense minister", "defence minister",
    "interior minister", "finance minister", "foreign secretary", "secretary of state",
    "secretary-general", "secretary general", "minister", "king", "queen", "crown prince", "prince",
    "general", "spokesperson", "spokesman", "spokeswoman", "ambassador", "senator", "chancellor",
    "special envoy", "envoy", "chief adviser", "senior adviser", "adviser", "advisor", "coordinator",
    "governor", "mayor", "ayatollah", "chief",
)
# Words that announce a person without naming an office.
CUE_TITLES = ("mr", "mrs", "ms", "dr", "analis", "analyst", "tokoh", "sheikh", "syekh")
_MODIFIERS = r"(?:(?:wakil|deputy|vice|acting|mantan|former|plt\.?)\s+)?"
_ABBREVIATED = frozenset({"mr", "mrs", "ms", "dr"})  # may carry a period: 'Mr. Smith'
_TITLES = _MODIFIERS + "(?:" + "|".join(
    re.escape(t).replace(r"\ ", r"\s+") + (r"\b\.?" if t in _ABBREVIATED else r"\b")
    for t in sorted(POSITION_TITLES + CUE_TITLES, key=len, reverse=True)
) + ")"
TITLE_RE = re.compile(rf"\b{_TITLES}", re.IGNORECASE)
_CUE_ONLY = frozenset(CUE_TITLES)
_TITLE_STARTS = frozenset(t.split()[0].split("-")[0] for t in (*POSITION_TITLES, *CUE_TITLES, "wakil", "deputy",
                                                                "vice", "acting", "mantan", "former", "plt"))

PARTICLES = frozenset({"bin", "binti", "ibn", "bint", "al", "el", "ad", "ash", "ar", "van", "von", "de", "der",
                       "den", "da", "dos", "abu", "abd"})
# Capitalised only because they open a sentence: never the first word of a name.
STOPWORDS = frozenset({
    "ini", "itu", "dia", "ia", "mereka", "kami", "kita", "saya", "namun", "tetapi", "tapi", "sementara",
    "sedangkan", "selain", "bahkan", "juga", "pada", "di", "ke", "dari", "dalam", "untuk", "dengan",
    "oleh", "kepada", "sejak", "setelah", "sebelum", "ketika", "saat", "menurut", "kata", "ujar", "jika",
    "karena", "meski", "meskipun", "seorang", "sebuah", "para", "sang", "adalah", "yang", "dan", "atau",
    "sayangnya", "tidak", "pihak", "antara", "kini", "lalu", "kemudian",
    "the", "a", "an", "in", "on", "at", "of", "for", "and", "but", "or", "he", "she", "it", "they", "we",
    "this", "that", "these", "those", "after", "before", "when", "while", "meanwhile", "however", "by",
    "with", "from", "to", "his", "her", "their", "its", "there", "according", "if", "since", "although",
})
# Heads of organisation names: 'kepala Garda Republik' is the head of a body, not a person called so.
ORG_WORDS = frozenset({
    "garda", "dewan", "kementerian", "komisi", "partai", "bank", "universitas", "majelis", "pasukan",
    "tentara", "angkatan", "dinas", "badan", "biro", "lembaga", "korps", "gerakan", "kantor", "kedutaan",
    "pemerintah", "parlemen", "mahkamah", "pengadilan", "perusahaan", "organisasi", "liga", "brigade",
    "council", "ministry", "party", "army", "forces", "guard", "guards", "agency", "bureau", "committee",
    "commission", "university", "court", "department", "office", "embassy", "corps", "movement", "front",
    "union", "association", "institute", "news", "times", "post", "group", "republik", "republic",
})
_VERB_BEFORE = re.compile(r"(?:\b(?:bertemu(?:\s+dengan)?|menemui|met(?:\s+with)?|said)|,\s*kata)\s+$", re.I)
# ', kepala penasihat ...', ', the White House adviser', ", Russia's foreign minister", ' ... bertemu'
_AFTER = re.compile(
    rf"\s*,\s*(?:(?:the|a|an|seorang|sang)\s+)?(?:(?-i:[A-Z])[\w.]*(?:'s)?\s+){{0,3}}"
    rf"(?:(?:senior|top|chief|foreign\s+policy|security)\s+)?{_TITLES}"
    r"|\s+(?:bertemu|menemui|met)\b",
    re.IGNORECASE,
)
_MAX_NAME_WORDS = 4


def is_position_title(title: str) -> bool:
    return title.lower().rstrip(".") not in _CUE_ONLY


def title_spans(doc: Document) -> list[tuple[int, int]]:
    """Where the titles are; tried only at words that can start one, which keeps it cheap."""
    spans: list[tuple[int, int]] = []
    for tok in doc.tokens:
        if tok.folded in _TITLE_STARTS and (not spans or tok.start >= spans[-1][1]):
            m = TITLE_RE.match(doc.text, tok.start)
            if m:
                spans.append(m.span())
    return spans


def title_before(text: str, offset: int) -> re.Match[str] | None:
    """The title ending just before `offset` (whitespace between), as in 'Presiden |Biden'."""
    window_start = max(0, offset - 48)
    best = None
    for m in TITLE_RE.finditer(text, window_start, offset):
        if not text[m.end():offset].strip():
            best = m
    return best


def name_runs(doc: Document, covered: Container[int]) -> list[tuple[int, int]]:
    """Token index ranges [i, j) of capitalised words that could be a name.

    A run stops at punctuation, at a token already covered by a mention, at
    a title word, a month or weekday name, or a function word capitalised
    only because it opens a sentence ('Namun', 'The'); particles ('bin',
    'al-') may sit inside a run but not at its ends.
    """
    tokens, text = doc.tokens, doc.text
    in_title = title_tokens(doc)
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, tok in enumerate(tokens):
        word = _is_name_word(tok.text, tok.folded) and i not in covered and i not in in_title
        particle = tok.folded in PARTICLES and tok.text.islower() and i not in covered
        joined = start is not None and text[tokens[i - 1].end:tok.start] in (" ", "-")
        if start is not None and not (joined and (word or particle)):
            runs.append((start, i))
            start = None
        if start is None and word:
            start = i
    if start is not None:
        runs.append((start, len(tokens)))
    return [r for r in (_trim(tokens, *run) for run in runs) if r]


def _is_name_word(text: str, folded: str) -> bool:
    return text[0].isupper() and folded not in STOPWORDS and folded not in DATE_WORDS and not text.isdigit()


def _trim(tokens: list[Token], i: int, j: int) -> tuple[int, int] | None:
    while j > i and tokens[j - 1].folded in PARTICLES and tokens[j - 1].text.islower():
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


class PersonNames:
    """Pipeline component: Person mentions for cue-marked names the gazetteer did not find."""

    def __call__(self, doc: Document) -> Document:
        text, tokens = doc.text, doc.tokens
        ends = {m.span.end: m for m in doc.mentions}
        for i, j in name_runs(doc, mention_tokens(doc, doc.mentions)):
            words = sum(1 for t in tokens[i:j] if t.folded not in PARTICLES)
            if not 2 <= words <= _MAX_NAME_WORDS or any(t.folded in ORG_WORDS for t in tokens[i:j]):
                continue
            start, end = tokens[i].start, tokens[j - 1].end
            if _cue_before(text, start, ends) or _AFTER.match(text, end):
                name = text[start:end]
                key = "Person:" + " ".join(t.folded for t in tokens[i:j])
                doc.mentions.append(Mention(Span(start, end, name), "Person", name, None, key, "pattern"))
        doc.mentions.sort(key=lambda m: m.span.start)
        return doc


def _cue_before(text: str, start: int, ends: dict[int, Mention]) -> bool:
    """A title or verb just before the name, possibly with a country between ('Menlu Iran X')."""
    if title_before(text, start) or _VERB_BEFORE.search(text, max(0, start - 40), start):
        return True
    anchor = mention_before(text, start, ends)
    return (anchor is not None and anchor.type in ("Country", "Organization")
            and title_before(text, anchor.span.start) is not None)


def mention_before(text: str, offset: int, ends: dict[int, Mention]) -> Mention | None:
    """The mention ending just before `offset`, only spaces between."""
    k = offset
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return ends.get(k) if k < offset else None
