"""Name folding: the forms under which two spellings of a name compare equal.

`fold` is what every lookup compares (case, diacritics, apostrophes and
hyphens do not matter). `person_key` is a looser key for multi-word person
names only, so transliterations of the same Persian or Arabic name meet
("Ibrahim Raisi" / "Ebrahim Raisi"); it is deliberately strict about
length and syllable count because a wrong match is worse than none.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Apostrophes: straight, backtick (older wire copy: 'Ba`asyir'), typographic, modifier, acute accent. Inside a word
# they join its parts; folding drops them.
APOSTROPHES = "'`\u2019\u02bc\u00b4"
_APOSTROPHES = re.compile(f"[{APOSTROPHES}]")
_NON_WORD = re.compile(r"[\W_]+")
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLED = re.compile(r"(.)\1+")
# Letters that NFKD does not decompose into a base letter plus a mark (\u0131 is the dotless i).
_LETTERS = str.maketrans({"\u0131": "i", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th"})

MIN_PERSON_KEY_CONSONANTS = 6


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LETTERS)


def fold(text: str) -> str:
    """'Amir-Abdollahian' -> 'amir abdollahian', 'Erdoğan' -> 'erdogan', "Sa'ar" -> 'saar'."""
    if not text.isascii():
        text = strip_diacritics(text)
    text = _APOSTROPHES.sub("", text.casefold())
    return _NON_WORD.sub(" ", text).strip()


def person_key(folded_tokens: Sequence[str]) -> tuple[str, ...] | None:
    """Consonant skeleton and syllable count per word, or None when the name is too short to be safe.

    'hussein amir abdullahian' and 'hossein amir abdollahian' share
    ('hsn2', 'mr2', 'bdlhn4'); 'abraham rees' does not meet 'ebrahim raisi'
    because 'rees' has one vowel group and 'raisi' two.
    """
    if len(folded_tokens) < 2:
        return None
    key: list[str] = []
    consonants = 0
    for token in folded_tokens:
        if not token.isalpha():
            return None
        skeleton = _DOUBLED.sub(r"\1", _VOWELS.sub("", token))
        if not skeleton:
            return None
        consonants += len(skeleton)
        key.append(f"{skeleton}{len(_VOWELS.findall(token))}")
    return tuple(key) if consonants >= MIN_PERSON_KEY_CONSONANTS else None
