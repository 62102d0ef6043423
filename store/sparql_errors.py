"""Readable SPARQL syntax errors, the same in the CLI and in the endpoint's 400 body.

pyoxigraph's parser says where it stopped ('error at 2:27') and what its
grammar expected there; for the two mistakes people make most, an
undeclared prefix and a misspelt keyword, that is a list of character
classes. This says them in words, as the Wikidata Query Service does:
"undeclared prefix `foaf:` at line 2, column 20 (known prefixes: ...)",
"unknown keyword `SELEC` at line 1, column 1 (did you mean SELECT?)".
Any other error keeps the parser's position and its first words. The line
follows, with a caret under the column.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from store.sparql_text import SparqlTextError, lex

_POSITION = re.compile(r"error at (\d+):(\d+)")
_PREFIX_DECLARED = re.compile(r"(?i)\bPREFIX\s+([^\s:]*):")
_PNAME = re.compile(r"(?<![\w?$<\"':/#.-])([A-Za-z][\w.-]*)?:(?=[\w%\\]|$|\s)")
_CUT = re.compile(r"\s*\[")  # where the parser's list of character classes starts
_KEYWORD_LIST = """
    BASE PREFIX SELECT CONSTRUCT DESCRIBE ASK DISTINCT REDUCED AS FROM NAMED WHERE ORDER BY ASC DESC LIMIT OFFSET
    VALUES UNDEF GROUP HAVING OPTIONAL GRAPH SERVICE SILENT BIND MINUS FILTER UNION NOT EXISTS IN A TRUE FALSE
    LOAD CLEAR DROP CREATE ADD MOVE COPY INSERT DELETE DATA WITH USING DEFAULT ALL INTO TO
    COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR
    STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE LCASE
    ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY HOURS MINUTES SECONDS TIMEZONE TZ
    NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK
    ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE TRIPLE SUBJECT PREDICATE OBJECT ISTRIPLE
"""
KEYWORDS = frozenset(_KEYWORD_LIST.split())
"""SPARQL 1.1's keywords and built-in function names, upper-cased."""


@dataclass(frozen=True)
class SyntaxProblem:
    reason: str  # one line: what is wrong, at which line and column
    line: int | None
    column: int | None
    shown: str  # the reason, then the line and a caret under the column

    def __str__(self) -> str:
        return self.shown


def explain(query: str, error: str, prefixes: Mapping[str, str]) -> SyntaxProblem:
    """What the parser's `error` means for `query`, given the prefixes every query knows without declaring."""
    found = _POSITION.search(error)
    if found is None:
        first = error.splitlines()[0] if error.strip() else "not valid SPARQL"
        return SyntaxProblem(first, None, None, first)
    lines = query.split("\n")
    reason, line, column = (_undeclared_prefix(query, lines, int(found[1]), int(found[2]), prefixes)
                            or _unknown_keyword(query, lines)
                            or (f"error at {found[1]}:{found[2]}: {_first_words(error)}", int(found[1]),
                                int(found[2])))
    written = lines[line - 1].rstrip() if 1 <= line <= len(lines) else ""
    lead = f"line {line}, column {column}: "
    return SyntaxProblem(reason, line, column, f"{reason}\n{lead}{written}\n{' ' * (len(lead) + column - 1)}^")


def _undeclared_prefix(query: str, lines: list[str], line: int, column: int,
                       prefixes: Mapping[str, str]) -> tuple[str, int, int] | None:
    """The first prefixed name on the parser's line (before its column, else anywhere on it) whose prefix is
    declared nowhere."""
    declared = set(_PREFIX_DECLARED.findall(query)) | set(prefixes)
    written = lines[line - 1] if 1 <= line <= len(lines) else ""
    names = [m for m in _PNAME.finditer(written) if (m[1] or "") not in declared]
    if not names:
        return None
    name = next((m for m in reversed(names) if m.start() < column), names[0])
    at = name.start() + 1
    known = ", ".join(f"{p}:" for p in sorted(declared))
    return f"undeclared prefix `{name[1] or ''}:` at line {line}, column {at} (known prefixes: {known})", line, at


def _unknown_keyword(query: str, lines: list[str]) -> tuple[str, int, int] | None:
    """The first bare word that is no SPARQL keyword but looks like one ('SELEC', 'WHRE', 'OPTINAL')."""
    try:
        words = [t for t in lex(query).tokens if t.kind == "word"]
    except SparqlTextError:
        return None
    for token in words:
        close = [] if token.text.upper() in KEYWORDS else \
            difflib.get_close_matches(token.text.upper(), KEYWORDS, n=1, cutoff=0.75)
        if close:
            at = re.search(rf"(?<![\w?$:]){re.escape(token.text)}(?!\w)", lines[token.line - 1])
            column = at.start() + 1 if at else 1
            return (f"unknown keyword `{token.text}` at line {token.line}, column {column} "
                    f"(did you mean {close[0]}?)", token.line, column)
    return None


def _first_words(error: str) -> str:
    """The parser's message without the character classes it lists: 'expected one of Prefix not found, …'."""
    message = _POSITION.split(error, 1)[-1].lstrip(": ")
    cut = _CUT.search(message)
    short = message[:cut.start()].rstrip(", ") + " …" if cut else message
    return " ".join(short.split())
