"""The little the endpoint must know about a query's text before pyoxigraph runs it.

pyoxigraph ignores a query's FROM / FROM NAMED when asked to use the union
of the named graphs as the default graph, and Python has no access to its
parsed query. So the text is scanned for the FROM keyword, skipping
comments, strings, IRIs, variables and prefixed names, where the word
may appear without being the keyword; a text without the keyword at all
(most queries) is not scanned. The same scan finds the SPARQL Update
operation in a request the parser refused, to say the endpoint is
read-only instead of "expected CONSTRUCT", and the endpoints SERVICE
clauses would call, which must be checked before pyoxigraph calls them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_TOKEN = re.compile(
    r"""
      \#[^\r\n]*                              # comment
    | '''(?:[^'\\]|\\.|'(?!''))*'''           # long strings
    | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
    | '(?:[^'\\\r\n]|\\.)*'                   # strings
    | "(?:[^"\\\r\n]|\\.)*"
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)       # IRI
    | (?P<variable>[?$]\w+)                  # variable
    | (?P<word>[\w:.\-@%\\]+)                 # keyword, prefixed name, blank node, number, language tag
    """,
    re.VERBOSE | re.DOTALL,
)

QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
UPDATE_OPERATIONS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)


def tokens(query: str) -> tuple[tuple[str, str], ...]:
    """The query's IRIs, variables and bare words as (kind, text): kind is "iri", "variable" or "word".

    Cached: one request asks about the same text several times (SERVICE, FROM, the update keyword).
    """
    return _scan(query)


@lru_cache(maxsize=16)
def _scan(query: str) -> tuple[tuple[str, str], ...]:
    return tuple(
        (match.lastgroup, match.group(match.lastgroup)) for match in _TOKEN.finditer(query) if match.lastgroup
    )


def mentions(query: str, keyword: str) -> bool:
    """Whether `keyword` (upper case) may be a word of the query: False spares the scan for most queries."""
    return keyword in query.upper()


def words(query: str) -> Iterator[str]:
    """The bare words of a query, upper-cased: keywords, prefixed names, numbers."""
    for kind, text in tokens(query):
        if kind == "word":
            yield text.upper()


def service_targets(query: str) -> list[str]:
    """What each SERVICE clause calls, as written: `<iri>`, a prefixed name, or a `?variable`.

    The prologue's PREFIX and BASE are needed to read them: see `prologue`.
    """
    if not mentions(query, "SERVICE"):
        return []
    scanned = tokens(query)
    targets = []
    for i, (kind, text) in enumerate(scanned):
        if kind == "word" and text.upper() == "SERVICE":
            following = [t for k, t in scanned[i + 1:i + 3] if not (k == "word" and t.upper() == "SILENT")]
            targets.append(following[0] if following else "")
    return targets


def prologue(query: str) -> tuple[str | None, dict[str, str]]:
    """The query's BASE IRI (the last one) and its PREFIX declarations (prefix without colon -> IRI)."""
    base, prefixes = None, {}
    scanned = tokens(query)
    for i, (kind, text) in enumerate(scanned):
        keyword = text.upper() if kind == "word" else ""
        if keyword == "BASE" and i + 1 < len(scanned) and scanned[i + 1][0] == "iri":
            base = scanned[i + 1][1][1:-1]
        elif keyword == "PREFIX" and i + 2 < len(scanned) and scanned[i + 2][0] == "iri":
            prefixes[scanned[i + 1][1].rstrip(":")] = scanned[i + 2][1][1:-1]
    return base, prefixes


def declares_dataset(query: str) -> bool:
    """Whether the query has a FROM or FROM NAMED clause."""
    return mentions(query, "FROM") and "FROM" in words(query)


def update_operation(query: str) -> str | None:
    """The SPARQL Update keyword the request starts with (after its prologue), or None for a query."""
    for word in words(query):
        if word in QUERY_FORMS:
            return None
        if word in UPDATE_OPERATIONS:
            return word
    return None
