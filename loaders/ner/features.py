"""Token features for the Indonesian CRF tagger, the same at training and at tagging time.

A CRF learns from what a token looks like (shape, case, affixes), what
surrounds it (neighbouring words, a title such as 'Presiden' or 'juru
bicara' before it, an organisation head such as 'Kementerian') and what
the KB already knows (the token starts or continues a KB name of some
type). Features depend on the token texts and the KB lexicon only, so
CoNLL training data and pipeline sentences are described alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from loaders import lang
from loaders.kb.index import NameIndex
from loaders.normalize import fold

_TRAINED_WITH = ("id", "en")
"""The language packs whose titles and organisation words the committed model's features were made from.

The features are part of the trained model: they come from these packs
only, so a new pack never changes them; changing these packs' titles or
organisation words does, and then the model needs retraining (`make model`)."""
_packs = [lang.get(code) for code in _TRAINED_WITH]
TITLE_WORDS = frozenset(w for p in _packs for t in (*p.titles, *p.cue_titles, *p.ner_title_words) for w in t.split()
                        if w not in p.function_words)  # 'yang di-pertuan agong': 'yang' and 'di' mark no title
ORG_WORDS = frozenset(w for p in _packs for w in p.organization_words)
_SHAPE_RUNS = re.compile(r"(.)\1+")
_MAX_NAME_WORDS = 6


class KBLexicon:
    """Folded KB names by first word, for longest-match membership of a token sequence.

    Matching ignores case on purpose: the CRF weighs KB membership together
    with the token's own case features ('AS' the country, 'as' the axle).
    """

    def __init__(self, names: Iterable[tuple[tuple[str, ...], str]]) -> None:
        self.by_first: dict[str, dict[tuple[str, ...], str]] = {}
        for words, type_ in names:
            if words and len(words) <= _MAX_NAME_WORDS:
                self.by_first.setdefault(words[0], {}).setdefault(words, type_)

    @classmethod
    def from_index(cls, index: NameIndex) -> KBLexicon:
        """Every name the gazetteer indexes, with its entry's type."""
        return cls((n.tokens, n.entry.type) for names in index.by_first.values() for n in names)

    def tags(self, words: Sequence[str]) -> list[str]:
        """'B-Country', 'I-Place' ... or '' per token, longest KB name first, left to right."""
        flat: list[str] = []
        owner: list[int] = []
        for i, w in enumerate(words):
            for part in fold(w).split():
                flat.append(part)
                owner.append(i)
        out = [""] * len(words)
        k = 0
        while k < len(flat):
            found = self._longest(flat, k)
            if found is None:
                k += 1
                continue
            n, type_ = found
            first = owner[k]
            for i in range(first, owner[k + n - 1] + 1):
                out[i] = ("B-" if i == first else "I-") + type_
            k += n
        return out

    def _longest(self, flat: list[str], k: int) -> tuple[int, str] | None:
        candidates = self.by_first.get(flat[k])
        if not candidates:
            return None
        for n in range(min(_MAX_NAME_WORDS, len(flat) - k), 0, -1):
            type_ = candidates.get(tuple(flat[k:k + n]))
            if type_ is not None:
                return n, type_
        return None


def shape(word: str) -> str:
    """'Jokowi' -> 'Xx', 'PDI-P' -> 'X-X', '2013' -> 'd': character classes with runs collapsed."""
    classes = "".join("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word)
    return _SHAPE_RUNS.sub(r"\1", classes)


@lru_cache(maxsize=65536)
def _word_features(word: str) -> tuple[str, ...]:
    """What a word says by itself; cached, since news repeats its words and each is seen from five positions."""
    low = word.lower()
    feats = [f"w={low}", f"shape={shape(word)}"]
    if word[:1].isupper():
        feats.append("cap")
    if low in TITLE_WORDS:
        feats.append("title")
    if low in ORG_WORDS:
        feats.append("orghead")
    return tuple(feats)


@lru_cache(maxsize=65536)
def _affix_features(word: str) -> tuple[str, ...]:
    low = word.lower()
    feats = [f"p2={low[:2]}", f"p3={low[:3]}", f"s2={low[-2:]}", f"s3={low[-3:]}", f"s4={low[-4:]}"]
    if word.isupper() and len(word) > 1:
        feats.append("allcaps")
    if any(c.isdigit() for c in word):
        feats.append("digit")
    if "-" in word and len(word) > 1:
        feats.append("hyphen")
    if len(word) == 1:
        feats.append("single")
    return tuple(feats)


def sentence_features(words: Sequence[str], kb_tags: Sequence[str] | None = None) -> list[list[str]]:
    """One feature list per token; `kb_tags` from `KBLexicon.tags`, or None to leave the KB out."""
    n = len(words)
    lows = [w.lower() for w in words]
    own = [_word_features(w) for w in words]
    out: list[list[str]] = []
    for i, word in enumerate(words):
        feats = ["bias", *own[i], *_affix_features(word)]
        if i == 0:
            feats.append("BOS")
        elif word[:1].isupper():
            feats.append("capmid")  # capitalised though not opening the sentence: a name more often than not
        if i == n - 1:
            feats.append("EOS")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                feats.extend(f"{offset}:{f}" for f in own[j])
        if i:
            feats.append(f"bigram={lows[i - 1]}|{lows[i]}")
        if i + 1 < n:
            feats.append(f"bigram+={lows[i]}|{lows[i + 1]}")
        if kb_tags is not None:
            for offset in (-1, 0, 1):
                j = i + offset
                if 0 <= j < n and kb_tags[j]:
                    feats.append(f"{offset}:kb={kb_tags[j]}")
        out.append(feats)
    return out
