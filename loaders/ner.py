"""The trained Indonesian NER: a CRF that finds the people, organisations and places no KB knows.

The gazetteer runs first and always wins: a CRF span that overlaps a KB
(or pattern) mention is dropped, and one that spells a KB name exactly
takes the KB's type, label and QID. What is left becomes new mentions
('Menteri Luar Negeri Sugiono bertemu dengan Wang Yi': two persons).
A person span that is part of another person's name in the article is
left to the coreference component, so 'McGurk' joins 'Brett McGurk'.
Each new mention's span carries the model's confidence: the lowest tag
marginal inside it.
The model is trained by `python -m loaders.ner_train` (`make model`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pycrfsuite

from loaders.gazetteer import NameIndex
from loaders.kb import KBEntry
from loaders.model import Document, Mention, Span
from loaders.ner_features import KBLexicon, sentence_features
from loaders.normalize import fold, person_key

MODEL_PATH = Path(__file__).resolve().parent / "models" / "ner-id.crfsuite"
TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}
# The production model's feature set; `ner_train` trains with the same.
USE_KB_FEATURES = True
# New mentions need this tag marginal on every token: a span the model thinks more likely wrong than right is dropped.
MIN_CONFIDENCE = 0.5
# Words and single punctuation marks, as the CoNLL training data splits them: 'PDI-P' and
# 'TRIBUNNEWS.COM' are one token each.
_TOKEN = re.compile("[^\\W_]+(?:[-.'\u2019][^\\W_]+)*|[^\\w\\s]")


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


def tokenize(text: str, offset: int = 0) -> list[Span]:
    return [Span(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN.finditer(text)]


class NamedEntities:
    """Pipeline component: CRF mentions for Indonesian text, after the gazetteer and the name patterns."""

    def __init__(self, index: NameIndex, tagger: NerTagger | None = None) -> None:
        self.index = index
        self.tagger = tagger or NerTagger.for_index(index)

    def __call__(self, doc: Document) -> Document:
        if doc.article.lang == "en":
            return doc
        covered = bytearray(len(doc.text))
        for m in doc.mentions:
            covered[m.span.start:m.span.end] = b"\1" * (m.span.end - m.span.start)
        found = [m for m in self._mentions(doc) if not any(covered[m.span.start:m.span.end])]
        people = [_words(m.span.text) for m in (*doc.mentions, *found) if m.type == "Person"]
        doc.mentions.extend(m for m in found if not _part_of_another(_words(m.span.text), people))
        doc.mentions.sort(key=lambda m: m.span.start)
        return doc

    def _mentions(self, doc: Document) -> Iterator[Mention]:
        for sentence in doc.sentences:
            tokens = tokenize(sentence.text, sentence.start)
            for i, j, label, confidence in self.tagger.spans([t.text for t in tokens]):
                if confidence >= MIN_CONFIDENCE:
                    start, end = tokens[i].start, tokens[j - 1].end
                    span = Span(start, end, doc.text[start:end], confidence=round(confidence, 2))
                    yield self._mention(span, TYPES[label])

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
        for name in self.index.by_first.get(words[0], ()) if words else ():
            if name.tokens == words and not name.needs_title and not any(name.exact):
                return name.entry
        if type_ != "Person":
            return None
        return self.index.person_parts.get(words) or self.index.person_keys.get(person_key(words))


def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


def _part_of_another(words: tuple[str, ...], people: list[tuple[str, ...]]) -> bool:
    """Words inside a longer person name of the article: coreference links them ('McGurk')."""
    n = len(words)
    return any(len(p) > n and any(p[k:k + n] == words for k in range(len(p) - n + 1)) for p in people)
