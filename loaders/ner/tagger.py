"""The trained CRF tagger: people, organisations and places in a sentence's words, with the model's confidence.

The model is trained by `python -m loaders.ner.train` (`make model`); the
pipeline runs it through the `ner` component (`loaders.components.ner`)
for articles whose language pack names a model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from loaders.kb.index import NameIndex
from loaders.model import Span
from loaders.ner.features import KBLexicon, sentence_features
from loaders.normalize import APOSTROPHES

MODEL_PATH = Path(__file__).resolve().parent / "models" / "ner-id.crfsuite"
TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}
# The production model's feature set; `loaders.ner.train` trains with the same.
USE_KB_FEATURES = True
# New mentions need this tag marginal on every token: a span the model thinks more likely wrong than right is dropped.
MIN_CONFIDENCE = 0.5
# Words and single punctuation marks, as the CoNLL training data splits them: 'PDI-P' and
# 'TRIBUNNEWS.COM' are one token each.
_TOKEN = re.compile(f"[^\\W_]+(?:[-.{APOSTROPHES}][^\\W_]+)*|[^\\w\\s]")


def entity_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """IOB tags -> (start, end, type) token ranges, CoNLL style: an I- after another type starts a chunk."""
    spans: list[tuple[int, int, str]] = []
    start, current = 0, None
    for i, tag in enumerate((*tags, "O")):
        prefix, _, type_ = tag.partition("-")
        if current is not None and (prefix != "I" or type_ != current):
            spans.append((start, i, current))
            current = None
        if current is None and prefix in ("B", "I"):
            start, current = i, type_
    return spans


class NerTagger:
    """The CRF model with the KB lexicon its features need."""

    def __init__(self, lexicon: KBLexicon | None, path: Path = MODEL_PATH) -> None:
        self.lexicon = lexicon
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))

    @classmethod
    def for_index(cls, index: NameIndex, path: Path = MODEL_PATH) -> NerTagger:
        """The committed model, with the KB lexicon when it was trained with one."""
        return cls(KBLexicon.from_index(index) if USE_KB_FEATURES else None, path)

    def tag(self, words: Sequence[str]) -> list[str]:
        """The most likely IOB tags (Viterbi), what `kabar eval ner` measures."""
        if not words:
            return []
        kb = self.lexicon.tags(words) if self.lexicon is not None else None
        return self._tagger.tag(sentence_features(words, kb))

    def spans(self, words: Sequence[str]) -> list[tuple[int, int, str, float]]:
        """(start, end, type, confidence) token ranges; confidence is the lowest tag marginal inside."""
        tags = self.tag(words)
        return [(i, j, type_, min(self._tagger.marginal(tags[k], k) for k in range(i, j)))
                for i, j, type_ in entity_spans(tags)]


def crf_words(text: str, offset: int = 0) -> list[Span]:
    """The text cut as the training data is (`_TOKEN`), each word's span shifted by `offset`."""
    return [Span(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN.finditer(text)]
