"""The SPARQL lexer: its tokens, the canonical text the engine runs, and what it refuses, in one line."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from store import KabarStore
from store.sparql_text import MAX_DEPTH, SparqlTextError, lex, resolve, unescape_codepoints


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KabarStore]:
    store = KabarStore(tmp_path_factory.mktemp("lexer") / "store")
    yield store
    store.close()


def run(engine: KabarStore, text: str) -> list[str]:
    """The engine's answer to the canonical text: the values of ?x."""
    return [str(row["x"]) for row in engine.query(lex(text).canonical())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PREFIX ex: <http://e/> SELECT ?x { BIND(ex:a\\#b AS ?x) }", ["<http://e/a#b>"]),
        ("SELECT ?x { BIND('''it's ''x''' AS ?x) }", ['"it\'s \'\'x"']),
        ('SELECT ?x { BIND("""two\nlines""" AS ?x) }', ['"two\\nlines"']),
        ("SELECT ?x { BIND('a\\\\u0041' AS ?x) }", ['"a\\\\u0041"']),
        ("SELECT ?x { BIND(\\u0022A\\u0022 AS ?x) }", ['"A"']),
        ("\\u0053ELECT ?x { BIND(COALESCE(1) AS ?x) }", ['"1"^^<http://www.w3.org/2001/XMLSchema#integer>']),
        ("SELECT ?x { BIND(1 AS ?x) FILTER(?x<2&&?x>0) } # SERVICE <http://127.0.0.1/>", [
            '"1"^^<http://www.w3.org/2001/XMLSchema#integer>']),
    ],
)
def test_the_engine_runs_the_canonical_text_as_meant(engine: KabarStore, text: str, expected: list[str]) -> None:
    assert run(engine, text) == expected


def test_the_canonical_text_keeps_lines_and_drops_comments() -> None:
    canonical = lex("SELECT ?x # note\nWHERE {\n  BIND('a' AS ?x) }").canonical()
    assert canonical == 'SELECT ?x\nWHERE {\nBIND("a" AS ?x) }'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT * { BIND('open AS ?x) }", "line 1: cannot read \"'open AS ?x) }\": a string that does not end"),
        ("SELECT * {\n SERVICE ex:o {} }", "line 2: the prefix ex: of ex:o is not declared"),
        ("SELECT * { SERVICE { } }", "line 1: SERVICE must be followed by the IRI it calls"),
        ("SELECT * { ?s ?p ?o \u00a0}", "not a SPARQL token"),
        ("ASK {" + "(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1) + "}", f"more than {MAX_DEPTH} levels"),
    ],
)
def test_what_the_lexer_cannot_read_is_refused_in_one_line(text: str, message: str) -> None:
    with pytest.raises(SparqlTextError) as refused:
        lex(text)
    assert message in str(refused.value) and "\n" not in str(refused.value)


def test_codepoint_escapes_are_replaced_first_but_an_escaped_backslash_is_kept() -> None:
    assert unescape_codepoints("\\u0053\\U0001F600\\\\u0041\\u00zz\\uD800") == "S\U0001f600\\\\u0041\\u00zz\\uD800"


@pytest.mark.parametrize(
    ("reference", "expected"),
    [("g", "http://a/b/c/g"), ("../g", "http://a/b/g"), ("../../../g", "http://a/g"), ("//h/x", "http://h/x"),
     ("?y", "http://a/b/c/d;p?y"), ("#s", "http://a/b/c/d;p?q#s"), ("", "http://a/b/c/d;p?q"), ("/./g", "http://a/g"),
     ("http://x/../y", "http://x/../y")],
)
def test_relative_iris_resolve_as_rfc_3986_says(reference: str, expected: str) -> None:
    assert resolve(reference, "http://a/b/c/d;p?q") == expected
