"""Words and sentences (`loaders.text`): the first component, the grid every later one works on."""

from __future__ import annotations

from loaders.model import Document
from loaders.pipeline import component
from loaders.text import split_sentences, tokenize


@component("segmenter", assigns=("tokens", "sentences"))
def segment(doc: Document) -> None:
    doc.tokens = tokenize(doc.text)
    doc.sentences = split_sentences(doc.text)
