"""The little the endpoint must know about a query's text before pyoxigraph runs it.

pyoxigraph ignores a query's FROM / FROM NAMED when asked to use the union
of the named graphs as the default graph, and Python has no access to its
parsed query. So the text is scanned for the FROM keyword, skipping
comments, strings, IRIs, variables and prefixed names, where the word
may appear without being the keyword. The same scan finds the SPARQL
Update operation in a request the parser refused, to say the endpoint is
read-only instead of "expected CONSTRUCT".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_TOKEN = re.compile(
    r"""
      \#[^\r\n]*                              # comment
    | '''(?:[^'\\]|\\.|'(?!''))*'''           # long strings
    | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
    | '(?:[^'\\\r\n]|\\.)*'                   # strings
    | "(?:[^"\\\r\n]|\\.)*"
    | <[^<>"{}|^`\\\x00-\x20]*>               # IRI
    | [?$]\w+                                 # variable
    | (?P<word>[\w:.\-@%\\]+)                 # keyword, prefixed name, blank node, number, language tag
    """,
    re.VERBOSE | re.DOTALL,
)

QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
UPDATE_OPERATIONS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)


def words(query: str) -> Iterator[str]:
    """The bare words of a query, upper-cased: keywords, prefixed names, numbers."""
    for match in _TOKEN.finditer(query):
        if match.group("word"):
            yield match.group("word").upper()


def declares_dataset(query: str) -> bool:
    """Whether the query has a FROM or FROM NAMED clause."""
    return "FROM" in words(query)


def update_operation(query: str) -> str | None:
    """The SPARQL Update keyword the request starts with (after its prologue), or None for a query."""
    for word in words(query):
        if word in QUERY_FORMS:
            return None
        if word in UPDATE_OPERATIONS:
            return word
    return None
