"""How deeply an RDF body nests, measured before pyoxigraph parses it.

pyoxigraph's JSON-LD parser recurses once per nested object: a body a few
thousand objects deep overflows its stack and ends the server (measured:
6,000 levels, SIGSEGV). Its RDF/XML parser does not crash but takes time
quadratic in the depth (30 s at 50,000 levels). Its Turtle, TriG,
N-Triples and N-Quads parsers nest without recursion (200,000 levels parse)
and need no check. A JSON-LD or RDF/XML body deeper than MAX_DEPTH (the
same limit as for queries) is refused with a 400 before it is parsed.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from contextlib import suppress

import pyoxigraph as ox
from werkzeug.exceptions import BadRequest

from store.sparql_text import MAX_DEPTH

_JSON_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)


def check_body_nesting(body: bytes, fmt: ox.RdfFormat) -> None:
    """400 for a JSON-LD or RDF/XML body nested deeper than MAX_DEPTH; other formats pass."""
    if fmt == ox.RdfFormat.JSON_LD:
        depth = json_depth(body)
    elif fmt == ox.RdfFormat.RDF_XML:
        depth = xml_depth(body)
    else:
        return
    if depth > MAX_DEPTH:
        raise BadRequest(
            f"The {fmt.name} body nests more than {MAX_DEPTH} levels deep; this endpoint refuses deeper bodies "
            "(the store is unchanged). Flatten it, or send it as Turtle or N-Triples."
        )


def json_depth(body: bytes) -> int:
    """The deepest nesting of objects and arrays, strings skipped; stops counting past MAX_DEPTH."""
    depth = deepest = 0
    for match in _JSON_TOKEN.finditer(body):
        char = match.group()[:1]
        if char in (b"{", b"["):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                break
        elif char in (b"}", b"]"):
            depth -= 1
    return deepest


class _TooDeep(Exception):
    pass


def xml_depth(body: bytes) -> int:
    """The deepest nesting of elements; a body expat cannot read is left for the RDF/XML parser to refuse."""
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    depth = deepest = 0

    def start(*_: object) -> None:
        nonlocal depth, deepest
        depth += 1
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            raise _TooDeep

    def end(*_: object) -> None:
        nonlocal depth
        depth -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    with suppress(_TooDeep, xml.parsers.expat.ExpatError):
        parser.Parse(body, True)
    return deepest
