"""SPARQL 1.1 text read exactly as the grammar's terminals define it, and written back canonically.

Why: the endpoint decides things about a query before the engine runs it
(which endpoints its SERVICE clauses call, whether it LOADs a URL, whether
it names its own dataset, how deeply it nests). A second, looser reading of
the text can disagree with the engine's parser (a `\\#` in a prefixed name
once made a scanner skip a SERVICE clause), so the decisions are taken on
the tokens of this lexer, and the engine is handed `Lexed.canonical()`: a
text written from those same tokens, one whitespace between each, comments
dropped, every string re-quoted one way, SERVICE and LOAD targets replaced
by what the caller checked. What was checked is what runs.

The lexer follows the terminals of SPARQL 1.1 (section 19.8): IRIREF,
PNAME_NS / PNAME_LN (with PLX: percent escapes and PN_LOCAL_ESC),
BLANK_NODE_LABEL, VAR1 / VAR2, LANGTAG, INTEGER / DECIMAL / DOUBLE with
their signed forms, the four string forms with ECHAR, comments and WS.
`\\uXXXX` and `\\UXXXXXXXX` are replaced first, over the whole text, as the
specification says (19.2); pyoxigraph itself does so only inside strings
and IRIs, which it still may: the canonical text holds no such escape. Text
the lexer cannot read is refused (`SparqlTextError`, one line).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

MAX_DEPTH = 200
"""Deepest nesting of ( [ { a query or update may have; deeper is refused before any parser sees it.

The engine's recursive-descent parser runs out of stack on a few thousand
levels and takes its process down with it; no sensible query nests 200."""

MAX_TREE = 1000
"""Most operators and nested groups along one chain (see `_depth`): the engine builds long rows of
UNION, MINUS, OPTIONAL, BIND or `+` as deep trees, and 4,000 of them overflow an 8 MB stack."""

QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
UPDATE_OPERATIONS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})

_BASE_CHARS = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d\u2070-\u218f"
    "\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_U = _BASE_CHARS + "_"
_CHARS = _U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PN_PREFIX = f"[{_BASE_CHARS}](?:[{_CHARS}.]*[{_CHARS}])?"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_LOCAL = f"(?:[{_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"
_ECHAR = r"""\\[tbnrf\\"']"""
_EXPONENT = r"[eE][+-]?[0-9]+"

_TOKEN = re.compile(
    rf"""
      (?P<ws>[ \t\r\n]+)
    | (?P<comment>\#[^\r\n]*)
    | (?P<iri><[^<>"{{}}|^`\\\x00-\x20]*>)
    | (?P<string>'''(?:(?:'|'')?(?:[^'\\]|{_ECHAR}))*'''
               |\"\"\"(?:(?:"|"")?(?:[^"\\]|{_ECHAR}))*\"\"\"
               |'(?:[^'\\\n\r]|{_ECHAR})*'
               |"(?:[^"\\\n\r]|{_ECHAR})*")
    | (?P<var>[?$][{_U}0-9][{_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*)
    | (?P<bnode>_:[{_U}0-9](?:[{_CHARS}.]*[{_CHARS}])?)
    | (?P<pname>(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?)
    | (?P<langtag>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)
    | (?P<number>[+-]?(?:[0-9]+\.[0-9]*{_EXPONENT}|\.[0-9]+{_EXPONENT}|[0-9]+{_EXPONENT}|[0-9]*\.[0-9]+|[0-9]+))
    | (?P<word>[A-Za-z][A-Za-z0-9_]*)
    | (?P<punct>\^\^|&&|\|\||!=|<=|>=|[{{}}()\[\];,.=<>!+\-*/^|?])
    """,
    re.VERBOSE,
)
_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", "\\": "\\", '"': '"', "'": "'"}
_CANONICAL_ESCAPES = {"\\": "\\\\", '"': '\\"', "'": "\\'", "\n": "\\n", "\r": "\\r"}
_OPENING, _CLOSING = frozenset("([{"), frozenset(")]}")
_TIGHT = frozenset("()[]{},;")
_DATA_WORDS = frozenset({"INSERT", "DELETE", "DATA", "GRAPH", "PREFIX", "BASE", "A", "TRUE", "FALSE"})
"""The only words of an update that `Lexed.replayable` accepts."""
_OPERATORS = frozenset({"+", "-", "*", "/", "||", "&&", "=", "!=", "<", ">", "<=", ">=", "|", "^", "!", "?"})
_PATTERN_KEYWORDS = frozenset(
    {"UNION", "MINUS", "OPTIONAL", "BIND", "FILTER", "GRAPH", "SERVICE", "VALUES", "EXISTS", "IN"}
)


class SparqlTextError(ValueError):
    """The text is not SPARQL the lexer can read, or breaks a limit; the message is one line."""


@dataclass(frozen=True, slots=True)
class Token:
    """One terminal: `kind` is the group of `_TOKEN` that read it; `text` as written (after codepoint escapes)."""

    kind: str
    text: str
    line: int
    spaced: bool
    """Whether whitespace or a comment stood before it: the engine wants some calls written `NAME(`."""

    @property
    def keyword(self) -> str:
        """The upper-cased word for a `word` token (keywords are case-insensitive), else ""."""
        return self.text.upper() if self.kind == "word" else ""


@dataclass(frozen=True, slots=True)
class Target:
    """What a SERVICE or LOAD names: `written` as in the text, `iri` resolved (None for a variable)."""

    operation: str
    written: str
    iri: str | None
    index: int
    """Position of the target's token in `Lexed.tokens`."""


@dataclass(frozen=True)
class Lexed:
    """A query or update as tokens, with what the endpoint must know before running it."""

    tokens: tuple[Token, ...]
    targets: tuple[Target, ...]
    depth: int

    @property
    def keywords(self) -> frozenset[str]:
        return frozenset(token.keyword for token in self.tokens if token.kind == "word")

    def declares_dataset(self) -> bool:
        """Whether the text has FROM / FROM NAMED (a query) or USING (an update) choosing its own dataset."""
        return bool(self.keywords & {"FROM", "USING"})

    def query_form(self) -> str | None:
        """SELECT, CONSTRUCT, DESCRIBE or ASK: the query form the text starts with, or None for an update."""
        form = self._form()
        return form if form in QUERY_FORMS else None

    def update_operation(self) -> str | None:
        """The SPARQL Update keyword the text starts with (after its prologue), or None for a query form."""
        form = self._form()
        return form if form in UPDATE_OPERATIONS else None

    def replayable(self) -> bool:
        """Whether the text only inserts or deletes constant data with no blank node (INSERT DATA, DELETE DATA):
        such an update leaves the same store applied once or twice, and the same on any copy of the store."""
        tokens = self.tokens
        data_only = all(tokens[i + 1].keyword == "DATA" if i + 1 < len(tokens) else False
                        for i, token in enumerate(tokens) if token.keyword in ("INSERT", "DELETE"))
        return (data_only and self.keywords <= _DATA_WORDS
                and not any(token.kind == "bnode" or token.text in ("[", "(") for token in tokens))

    def _form(self) -> str | None:
        return next((token.keyword for token in self.tokens if token.keyword in QUERY_FORMS | UPDATE_OPERATIONS),
                    None)

    def canonical(self, replace: Callable[[Target], str] | None = None) -> str:
        """The text to hand the engine: every token from this lexer, each target as `replace` writes it.

        Line breaks stay where they were between tokens, so the engine's
        error positions name the user's lines. Two tokens written without
        space between them stay so when one is a bracket, comma or
        semicolon (pyoxigraph refuses `COALESCE (1)` and `BNODE ()`); any
        other two get a space, which fixes where each ends.
        """
        replaced = {target.index: replace(target) for target in self.targets} if replace else {}
        out: list[str] = []
        line = 1
        for index, token in enumerate(self.tokens):
            if token.line > line:
                out.append("\n" * (token.line - line))
            elif out and (token.spaced or not (_TIGHT & {token.text, self.tokens[index - 1].text})):
                out.append(" ")
            line = max(line, token.line)  # canonical tokens hold no line break: a long string's are escaped
            if index in replaced:
                out.append(replaced[index])
            elif token.kind == "string":
                out.append(_canonical_string(token.text))
            else:
                out.append(token.text)
        return "".join(out)


def declares_dataset(text: str) -> bool:
    """Whether a query or update names its own dataset (FROM, FROM NAMED, USING); False if it cannot be read."""
    try:
        return lex(text).declares_dataset()
    except SparqlTextError:
        return False


@lru_cache(maxsize=32)
def lex(text: str) -> Lexed:
    """The tokens of `text`, its SERVICE and LOAD targets resolved, its nesting depth.

    Raises SparqlTextError for a character no terminal reads, a prefix
    never declared, a SERVICE or LOAD not followed by its target, or
    nesting deeper than MAX_DEPTH. Cached: a request asks several times.
    """
    tokens = tuple(_tokens(unescape_codepoints(text)))
    return Lexed(tokens, tuple(_targets(tokens)), _depth(tokens))


def unescape_codepoints(text: str) -> str:
    """`\\uXXXX` and `\\UXXXXXXXX` replaced by their character (SPARQL 1.1, 19.2).

    A backslash escapes the character after it, so `\\\\u0041` stays as
    written; an escape that is not 4 or 8 hex digits of a valid character
    stays too (and a string holding it is then refused as a bad ECHAR).
    """
    if "\\u" not in text and "\\U" not in text:
        return text
    out: list[str] = []
    i, end = 0, len(text)
    while i < end:
        char = text[i]
        if char != "\\" or i + 1 >= end:
            out.append(char)
            i += 1
            continue
        marker = text[i + 1]
        size = 4 if marker == "u" else 8 if marker == "U" else 0
        digits = text[i + 2:i + 2 + size]
        if size and len(digits) == size and all(c in "0123456789abcdefABCDEF" for c in digits):
            code = int(digits, 16)
            if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                out.append(chr(code))
                i += 2 + size
                continue
        out.append(text[i:i + 2])
        i += 2
    return "".join(out)


def _tokens(text: str) -> Iterator[Token]:
    position, line, end, spaced = 0, 1, len(text), False
    while position < end:
        match = _TOKEN.match(text, position)
        if match is None:
            shown = _shown(text, position)
            raise SparqlTextError(f"line {line}: cannot read {shown}: {_what_is_wrong(text[position])}")
        kind = match.lastgroup
        assert kind is not None
        written = match.group()
        if kind in ("ws", "comment"):
            spaced = True
        else:
            yield Token(kind, written, line, spaced)
            spaced = False
        line += written.count("\n")
        position = match.end()


def _what_is_wrong(char: str) -> str:
    if char in "'\"":
        return "a string that does not end (or holds a line break, or a backslash that is not an escape)"
    if char == "<":
        return "an IRI that does not end, or holds a character IRIs may not"
    if char == "\\":
        return "a backslash outside a string or prefixed name"
    return "not a SPARQL token"


def _shown(text: str, position: int) -> str:
    fragment = text[position:position + 30].split("\n")[0]
    return repr(fragment)


def _targets(tokens: tuple[Token, ...]) -> Iterator[Target]:
    """SERVICE and LOAD targets, read with the PREFIX and BASE declarations in force where they stand."""
    base: str | None = None
    prefixes: dict[str, str] = {}
    for i, token in enumerate(tokens):
        keyword = token.keyword
        if keyword == "BASE" and _kind(tokens, i + 1) == "iri":
            base = resolve(tokens[i + 1].text[1:-1], base)
        elif keyword == "PREFIX" and _kind(tokens, i + 1) == "pname" and _kind(tokens, i + 2) == "iri":
            name = tokens[i + 1].text
            if not name.endswith(":") or name.count(":") != 1:
                raise SparqlTextError(f"line {token.line}: PREFIX {name} is not a prefix name (it ends with ':')")
            prefixes[name[:-1]] = resolve(tokens[i + 2].text[1:-1], base)
        elif keyword in ("SERVICE", "LOAD"):
            j = i + 2 if tokens[i + 1:i + 2] and tokens[i + 1].keyword == "SILENT" else i + 1
            if j >= len(tokens) or tokens[j].kind not in ("iri", "pname", "var"):
                raise SparqlTextError(f"line {token.line}: {keyword} must be followed by the IRI it calls")
            written = tokens[j]
            if written.kind == "var":
                iri = None
            elif written.kind == "iri":
                iri = resolve(written.text[1:-1], base)
            else:
                iri = expand(written.text, prefixes, written.line)
            yield Target(keyword, written.text, iri, j)


def _kind(tokens: tuple[Token, ...], index: int) -> str:
    return tokens[index].kind if index < len(tokens) else ""


def expand(pname: str, prefixes: dict[str, str], line: int) -> str:
    """The IRI of a prefixed name: its prefix's IRI and the local part, PN_LOCAL_ESC escapes removed."""
    prefix, _, local = pname.partition(":")
    if prefix not in prefixes:
        raise SparqlTextError(f"line {line}: the prefix {prefix}: of {pname} is not declared (PREFIX {prefix}: <...>)")
    return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)


_IRI_PARTS = re.compile(r"^(?:([A-Za-z][A-Za-z0-9+.\-]*):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$", re.S)


def resolve(reference: str, base: str | None) -> str:
    """`reference` resolved against `base` as RFC 3986 section 5.2 says; as written when there is no base."""
    if base is None:
        return reference
    r_scheme, r_authority, r_path, r_query, r_fragment = _split(reference)
    b_scheme, b_authority, b_path, b_query, _ = _split(base)
    if r_scheme is not None:
        return reference
    if r_authority is not None:
        authority, path, query = r_authority, _remove_dots(r_path), r_query
    elif r_path == "":
        authority, path, query = b_authority, b_path, r_query if r_query is not None else b_query
    else:
        if r_path.startswith("/"):
            path = _remove_dots(r_path)
        elif b_authority is not None and b_path == "":
            path = _remove_dots("/" + r_path)
        else:
            path = _remove_dots(b_path[:b_path.rfind("/") + 1] + r_path)
        authority, query = b_authority, r_query
    return _join(b_scheme, authority, path, query, r_fragment)


def _split(iri: str) -> tuple[str | None, str | None, str, str | None, str | None]:
    match = _IRI_PARTS.match(iri)
    assert match is not None  # every part is optional
    scheme, authority, path, query, fragment = match.groups()
    return scheme, authority, path, query, fragment


def _remove_dots(path: str) -> str:
    output: list[str] = []
    while path:
        if path.startswith("../"):
            path = path[3:]
        elif path.startswith("./") or path.startswith("/./"):
            path = path[2:]
        elif path == "/.":
            path = "/"
        elif path.startswith("/../"):
            path = path[3:]
            if output:
                output.pop()
        elif path == "/..":
            path = "/"
            if output:
                output.pop()
        elif path in (".", ".."):
            path = ""
        else:
            cut = path.find("/", 1)
            segment, path = (path, "") if cut < 0 else (path[:cut], path[cut:])
            output.append(segment)
    return "".join(output)


def _join(scheme: str | None, authority: str | None, path: str, query: str | None, fragment: str | None) -> str:
    text = f"{scheme}:" if scheme is not None else ""
    if authority is not None:
        text += f"//{authority}"
    text += path
    if query is not None:
        text += f"?{query}"
    if fragment is not None:
        text += f"#{fragment}"
    return text


def _depth(tokens: tuple[Token, ...]) -> int:
    """The deepest nesting of brackets; SparqlTextError past MAX_DEPTH, or for a tree deeper than MAX_TREE.

    The tree's depth is estimated on the tokens: each bracket is a level,
    and so is each operator or pattern keyword inside it (`a + b + c`,
    `{..} UNION {..} UNION {..}`, a row of OPTIONAL, MINUS or BIND), as the
    engine builds such rows as left-deep trees and walks them recursively.
    In parentheses a signed number counts too, as `1+1` reads as 1 and +1.
    A bracket's weight is 1 + its own operators + its heaviest bracket;
    the operators outside every bracket (a prologue, a list of updates)
    are not a tree.
    """
    frames: list[list[int]] = [[0, 0]]  # per open bracket: [own operators, heaviest inner bracket]
    parenthesis: list[bool] = [False]  # per open bracket: whether it is "(", where expressions are
    deepest = 0
    for token in tokens:
        text = token.text
        if token.kind == "punct" and text in _OPENING:
            frames.append([0, 0])
            parenthesis.append(text == "(")
            if len(frames) - 1 > deepest:
                deepest = len(frames) - 1
                if deepest > MAX_DEPTH:
                    raise SparqlTextError(
                        f"line {token.line}: nested more than {MAX_DEPTH} levels deep (brackets, braces and "
                        "parentheses); this endpoint refuses deeper queries and updates. Flatten it."
                    )
        elif token.kind == "punct" and text in _CLOSING:
            if len(frames) > 1:
                parenthesis.pop()
                _close(frames, token.line)
        elif (
            (token.kind == "punct" and text in _OPERATORS) or token.keyword in _PATTERN_KEYWORDS
            or (token.kind == "number" and text[0] in "+-" and parenthesis[-1])  # `1+1` is 1 and +1
        ):
            frames[-1][0] += 1
    while len(frames) > 1:  # brackets left open: the parser will refuse the text, but weigh them first
        _close(frames, tokens[-1].line)
    return deepest


def _close(frames: list[list[int]], line: int) -> None:
    own, inner = frames.pop()
    weight = 1 + own + inner
    if weight > MAX_TREE:
        raise SparqlTextError(
            f"line {line}: more than {MAX_TREE} operators and nested groups in one chain (UNION, OPTIONAL, MINUS, "
            "BIND, FILTER, arithmetic and logical operators, property paths); this endpoint refuses such queries "
            "and updates. Split it, or use VALUES or IN for long lists."
        )
    frames[-1][1] = max(frames[-1][1], weight)


def string_value(written: str) -> str:
    """The characters a string token stands for: its quotes removed and its ECHAR escapes replaced."""
    quote = 3 if written[:3] in ("'''", '"""') else 1
    return re.sub(r"\\(.)", lambda m: _ESCAPES[m[1]], written[quote:-quote], flags=re.S)


def _canonical_string(written: str) -> str:
    """One form for all four: double quotes, and every quote, backslash and line break escaped."""
    value = string_value(written)
    return '"' + "".join(_CANONICAL_ESCAPES.get(c, c) for c in value) + '"'
