"""Tell Indonesian from English when an article does not say which it is.

Function words settle it for news text: a few hundred characters of
either language contain dozens of them, and the two lists share none.
"""

import re

_WORD = re.compile(r"[a-z]+")

_INDONESIAN = frozenset([
    "yang", "dan", "di", "dengan", "untuk", "ini", "itu", "dari", "pada", "tidak", "akan", "telah", "adalah",
    "dalam", "ke", "oleh", "bahwa", "juga", "sebagai", "atau", "karena", "tersebut", "saat", "setelah",
    "sejak", "antara", "kepada", "mereka", "kami", "bisa", "sudah", "belum",
])
_ENGLISH = frozenset([
    "the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "was", "by", "as", "at", "from", "are",
    "were", "has", "have", "had", "be", "this", "which", "it", "its", "an", "not", "but", "after", "since",
    "between", "they", "their", "said", "will", "would",
])

LANGUAGES = ("id", "en")


def detect_language(text: str) -> str:
    """'id' or 'en'; Indonesian on a tie, since kabar's sources are Indonesian first."""
    words = _WORD.findall(text.lower())
    indonesian = sum(w in _INDONESIAN for w in words)
    english = sum(w in _ENGLISH for w in words)
    return "en" if english > indonesian else "id"
