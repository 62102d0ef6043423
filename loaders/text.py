"""Words and sentences: the grid every pipeline component works on.

Sentences end at '.', '!' or '?' followed by a capital, a digit or a quote,
and at line breaks (news paragraphs); a period after an abbreviation of any
language pack ('Dr.', 'St.', 'Jl.'), an initial ('J.') or a dotted acronym
('U.S.') does not end one, and '3.5' never does because no space follows.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from loaders import lang
from loaders.lang import LanguagePack
from loaders.model import Sentence, Token
from loaders.normalize import APOSTROPHES, fold

# Letters and digits; an apostrophe joins word parts ("Sa'ar", "Jum'at", "Ba`asyir") but not a possessive "'s".
_WORD = re.compile(f"[^\\W_]+(?:[{APOSTROPHES}](?!s\\b)[^\\W_]+)*")
# where a page that lost its line breaks glued a caption, credit or dateline to the next words: after a run of
# capitals before a capitalised word ('AFP/MIKHAIL KLIMENTYEVPresiden Brasil', 'JAKARTAKorea Utara'), before a
# photo label ('Ehud OlmertFoto: ...')
_GLUED = re.compile(r"(?<=[A-Z]{3})(?=[A-Z][a-z]{2})|(?<=[a-z])(?=(?:Foto|Photo)$)")
_END = re.compile("[.!?\u2026]+[\"'\u201d\u2019)\\]]*(?=\\s|$)|\n")
_DOTTED_ACRONYM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_WORD_BEFORE = re.compile(r"(\w+)\.$")
_PRECEDING_WORD = re.compile(r"(\w+)\s+$")
_FOLLOWING_WORD = re.compile(r"\s+(\w+)")
_PRECEDING_CHARS = 24
# ' -- ', ' - ', ': ', or a dash glued to the outlet's web name ('YEREVAN, SATUHARAPAN.COM-Pertemuan ...')
_DATELINE_STOP = re.compile(r" (?:--?|\u2013|\u2014|:)\s|(?i:(?<=\.com)|(?<=\.id))[-\u2013\u2014](?=\w)")
_DATELINE_WORD = re.compile(r"[(\[][^)\]]*[)\]]|\S+")
_DATELINE_PART = re.compile(r"[^,()\[\]]+")
_BRACKETED = re.compile(r"[(\[][^)\]]*[)\]]")
_DATELINE_CHARS = 80


@lang.compiled
def _abbreviations(packs: tuple[LanguagePack, ...]) -> frozenset[str]:
    return frozenset(lang.words(packs, lambda p: p.abbreviations))


def tokenize(text: str) -> list[Token]:
    tokens = []
    for m in _WORD.finditer(text):
        word, start = m.group(), m.start()
        # only a word in mixed case may hold a glued caption ('KLIMENTYEVPresiden', 'OlmertFoto')
        cuts = [c.start() for c in _GLUED.finditer(word)] if not (word.islower() or word.isupper()
                                                                  or word.istitle()) else []
        for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True):
            tokens.append(Token(start + a, start + b, word[a:b], fold(word[a:b])))
    return tokens


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    abbreviations = _abbreviations()
    start = 0
    for m in _END.finditer(text):
        if m.group() != "\n" and not _ends_sentence(text, m, abbreviations):
            continue
        _add(sentences, text, start, m.end())
        start = m.end()
    _add(sentences, text, start, len(text))
    return sentences


def word_before(text: str, offset: int) -> str | None:
    """The word just before `offset`, across spaces ('ke' in 'berangkat ke |Sharm'), if one stands there."""
    found = _PRECEDING_WORD.search(text, max(0, offset - _PRECEDING_CHARS), offset)
    return found.group(1) if found else None


def word_after(text: str, offset: int) -> str | None:
    """The word just after `offset`, across spaces ('AS| dollars'), if one stands there."""
    found = _FOLLOWING_WORD.match(text, offset)
    return found.group(1) if found else None


def token_at(tokens: list[Token], offset: int) -> int:
    """Index of the first token starting at or after `offset`."""
    return bisect_left(tokens, offset, key=lambda t: t.start)


def _ends_sentence(text: str, m: re.Match[str], abbreviations: frozenset[str]) -> bool:
    rest = text[m.end():].lstrip()
    if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'\u201c\u2018(["):
        return False
    if m.group()[0] != ".":
        return True
    before = text[max(0, m.start() - 12):m.start() + 1]
    if _DOTTED_ACRONYM.search(before):
        return False
    word = _WORD_BEFORE.search(before)
    if word is None:
        return True
    w = word.group(1)
    return not ((len(w) == 1 and w.isupper()) or w.lower() in abbreviations)


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + (len(chunk) - len(chunk.lstrip()))
        sentences.append(Sentence(offset, offset + len(stripped), stripped))


def dateline_end(sentence: str) -> int:
    """Where a dateline opening `sentence` ends ('HEFEI, April 1 (Xinhua) -- ', 'KAIRO (Arrahmah.id) - '), else 0:
    capitalised words, numbers and brackets with a comma or a bracket, up to a dash or colon."""
    stop = _DATELINE_STOP.search(sentence, 0, _DATELINE_CHARS)
    if stop is None or not any(c in sentence[:stop.start()] for c in ",("):
        return 0
    words = _DATELINE_WORD.findall(sentence[:stop.start()].replace(",", " "))
    return stop.end() if all(w[0].isupper() or w[0].isdigit() or w[0] in "([" for w in words) else 0


def unbracketed(text: str) -> str:
    """`text` with what its brackets say blanked out, offsets kept: an aside ('Venezuela (suspended)')."""
    return _BRACKETED.sub(lambda m: " " * len(m.group()), text)


def dateline_parts(sentence: str) -> list[tuple[int, int]]:
    """The parts of a dateline opening `sentence`, apart by commas and brackets ('HEFEI', 'April 1', 'Xinhua'), as
    (start, end) offsets; none without a dateline."""
    end = dateline_end(sentence)
    if not end:
        return []
    head = sentence[:_DATELINE_STOP.search(sentence, 0, _DATELINE_CHARS).start()]
    parts = []
    for m in _DATELINE_PART.finditer(head):
        lead = len(m.group()) - len(m.group().lstrip())
        if m.group().strip():
            parts.append((m.start() + lead, m.start() + lead + len(m.group().strip())))
    return parts
