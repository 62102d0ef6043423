"""Venues the KB lacks, by their head word: 'State Palace', 'Istana Negara', 'Gedung BI'.

News places a meeting at the most specific place it can name, and the
annotation guidelines take that venue, not the city, as the event's
location. Venues are rarely in a KB, so they are found by the word that
makes them one. Head-final languages (English) list `venue_heads`: a run
of two to six capitalised words ending in one ('the State Palace', 'the
Jakarta Convention Center'); 'House of Representatives' is none.
Head-first languages (Indonesian) list `venue_words`: a capitalised head
followed by capitalised words ('Istana Kepresidenan', 'Gedung BI'). A
place, country or body the name holds ('Istana Negara Malaysia', 'Gedung
BI') stays a mention of its own, as a body with its owner gives both; a
known place with a venue word ('White House', 'Gedung Putih') stays the
KB's. A run stops at a title, a date word or a function word, as every
name run does. The component runs before the organisation names, so a
venue whose head is ambiguous there ('Convention Center') is a place.
"""

from __future__ import annotations

from loaders import lang
from loaders.model import Document, Mention, Span, Token
from loaders.names import cues, mention_tokens, name_runs
from loaders.pipeline import component

_MIN_WORDS, _MAX_WORDS = 2, 6
_MAX_HEAD_WORDS = 3
_OWNERS = ("Place", "Country", "Organization")


@component("venue_names", requires=("tokens", "sentences"), assigns=("proposals",))
class VenueNames:
    """Place mentions for capitalised runs a venue word heads."""

    def __call__(self, doc: Document) -> None:
        pack = lang.get(doc.article.lang)
        earlier = mention_tokens(doc, doc.proposed())
        owners = {i: m for i, m in earlier.items() if m.type in _OWNERS}
        runs = name_runs(doc, {i for i in earlier if i not in owners})
        heads = frozenset(lang.words(lang.packs(), lambda p: p.venue_heads))  # 'di Panama City Convention Center'
        found = [*_head_final(doc, runs, heads, owners), *_head_first(doc, runs, pack.venue_words, owners)]
        doc.proposals[self.name] = found


def _head_final(doc: Document, runs: list[tuple[int, int]], heads: frozenset[str],
                owners: dict[int, Mention]) -> list[Mention]:
    """'State Palace', 'Jakarta Convention Center': runs whose last words are a head."""
    if not heads:
        return []
    tokens, particles = doc.tokens, cues().particles
    out = []
    for i, j in runs:
        if j - i > _MAX_WORDS or not any(_words(tokens, k, j) in heads for k in range(max(i, j - _MAX_HEAD_WORDS), j)):
            continue
        if j - 1 in owners:  # a known place ends in the head word: 'White House', 'Gaza City'
            continue
        if len([t for t in tokens[i:j] if t.folded not in particles]) >= _MIN_WORDS:
            out.append(_venue(doc, i, j))
    return out


def _head_first(doc: Document, runs: list[tuple[int, int]], words: frozenset[str],
                owners: dict[int, Mention]) -> list[Mention]:
    """'Istana Negara', 'Gedung BI': runs opening with a venue word and going on after it, unless a known place
    opens with it ('Gedung Putih')."""
    if not words:
        return []
    tokens = doc.tokens
    return [_venue(doc, i, min(j, i + _MAX_WORDS)) for i, j in runs
            if j - i >= _MIN_WORDS and tokens[i].folded in words and i not in owners]


def _words(tokens: list[Token], k: int, j: int) -> str:
    return " ".join(t.folded for t in tokens[k:j])


def _venue(doc: Document, i: int, j: int) -> Mention:
    tokens = doc.tokens
    start, end = tokens[i].start, tokens[j - 1].end
    name = doc.text[start:end]
    return Mention(Span(start, end, name), "Place", name, None, "Place:" + _words(tokens, i, j), "pattern")
