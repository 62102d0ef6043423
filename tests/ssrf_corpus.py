"""Queries and updates that try to make the endpoint connect to loopback, for tests/test_ssrf.py and bench/ssrf_fuzz.py.

Every target is on this machine's loopback, in every spelling a resolver
accepts (127.0.0.1, 127.1, decimal, hex, octal, [::1], localhost), so a
policy that fails sends nothing off the machine. The targets hide among
what once fooled a text scanner: comments, strings of the four quoting
forms with escapes, prefixed names with `\\#`-style escapes, `\\uXXXX`
escapes of any character, BASE and PREFIX declarations.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field

from hypothesis import strategies as st

LOOPBACK_V4 = ("127.0.0.1", "127.1", "2130706433", "0x7f000001", "0177.0.0.1", "localhost", "127.0.0.1.")
LOOPBACK_V6 = ("[::1]", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]")


@dataclass
class Recorder:
    """Listeners on 127.0.0.1 and ::1 (one port each) that note every connection and answer nothing."""

    connections: list[str] = field(default_factory=list)
    ports: dict[int, int] = field(default_factory=dict)
    _sockets: list[socket.socket] = field(default_factory=list)

    def start(self) -> Recorder:
        for family, host in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")):
            listener = socket.socket(family, socket.SOCK_STREAM)
            listener.bind((host, 0))
            listener.listen(64)
            self.ports[family] = listener.getsockname()[1]
            self._sockets.append(listener)
            threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                connection, peer = listener.accept()
            except OSError:
                return
            self.connections.append(f"{peer[0]} -> {listener.getsockname()[0]}")
            connection.close()

    def stop(self) -> None:
        for listener in self._sockets:
            listener.close()

    def authority(self, host: str) -> str:
        family = socket.AF_INET6 if host.startswith("[") else socket.AF_INET
        return f"{host}:{self.ports[family]}"


def escape_some(text: str, chosen: set[int]) -> str:
    """`text` with the characters at `chosen` written as \\uXXXX (the same to the SPARQL 1.1 grammar)."""
    return "".join(f"\\u{ord(c):04X}" if i in chosen else c for i, c in enumerate(text))


STRINGS = st.sampled_from([
    "'SERVICE <{t}> {{}}'", '"# LOAD <{t}>"', "'''it's ''SERVICE'' <{t}>'''", '"""a "quoted" SERVICE\n<{t}>"""',
    "'back\\\\'", '"esc \\" SERVICE <{t}>"', "'\\''", '"\\\\"', "'''\\''''", '"""\\""""',
])
NAMES = st.sampled_from(["ex:a\\#", "ex:a\\'", "ex:a\\&", "ex:b\\(x\\)", "ex:c%23d", "ex:\\#x",
                         "ex:a.b", "ex:SERVICE", "ex:LOAD"])
COMMENTS = st.sampled_from(["# SERVICE <{t}> {{}}\n", "#\\u000A SERVICE <{t}>\n", "# ex:a\\# ' \" <\n"])
KEYWORDS = st.sampled_from(["SERVICE", "service", "SeRvIcE", "\\u0053ERVICE", "SERVIC\\u0045", "\\u0073ervice"])
LOADS = st.sampled_from(["LOAD", "load", "\\u004cOAD", "LOA\\u0044"])


@st.composite
def target(draw: st.DrawFn, recorder: Recorder) -> tuple[str, str]:
    """(prologue, target as written) pointing at the recorder in some spelling."""
    host = draw(st.sampled_from(LOOPBACK_V4 + LOOPBACK_V6))
    iri = f"http://{recorder.authority(host)}/sparql"
    form = draw(st.sampled_from(["iri", "prefixed", "escaped-prefixed", "relative", "escaped-iri"]))
    if form == "iri":
        return "", f"<{iri}>"
    if form == "prefixed":
        return f"PREFIX t: <http://{recorder.authority(host)}/>\n", "t:sparql"
    if form == "escaped-prefixed":
        return f"PREFIX t\\u003A <http://{recorder.authority(host)}/>\n", "t:spa\\#rql"
    if form == "relative":
        return f"BASE <http://{recorder.authority(host)}/x/>\n", "<../sparql>"
    return "", "<" + escape_some(iri, draw(st.sets(st.integers(0, len(iri) - 1), max_size=6))) + ">"


@st.composite
def decoy(draw: st.DrawFn, shown: str) -> str:
    """Something that is not a call but mentions one: a string, an escaped name, a comment."""
    kind = draw(st.sampled_from(["string", "name", "comment", "filter"]))
    variable = f"?v{draw(st.integers(0, 9))}"
    if kind == "string":
        return f"BIND({draw(STRINGS).format(t=shown)} AS {variable})"
    if kind == "name":
        return f"BIND({draw(NAMES)} AS {variable})"
    if kind == "comment":
        return draw(COMMENTS).format(t=shown)
    return "FILTER(?a<?b)"


@st.composite
def query(draw: st.DrawFn, recorder: Recorder) -> str:
    """A SELECT whose SERVICE clauses point at the recorder, among decoys."""
    prologue, written = draw(target(recorder))
    pieces = draw(st.lists(decoy(written), max_size=4))
    silent = draw(st.sampled_from(["", "SILENT "]))
    call = f"{draw(KEYWORDS)} {silent}{written} {{ ?s ?p ?o }}"
    pieces.insert(draw(st.integers(0, len(pieces))), call)
    body = "\n".join(pieces)
    text = f"{prologue}PREFIX ex: <http://example.org/>\nSELECT * WHERE {{\n{body}\n}}"
    return _maybe_escaped(draw, text)


@st.composite
def update(draw: st.DrawFn, recorder: Recorder) -> str:
    """An update that INSERTs decoys, then LOADs (or calls SERVICE) from the recorder."""
    prologue, written = draw(target(recorder))
    value = draw(st.one_of(STRINGS.map(lambda s: s.format(t=written)), NAMES))
    insert = f"INSERT DATA {{ GRAPH <http://example.org/g> {{ ex:s ex:p {value} }} }}"
    comment = draw(st.sampled_from(["", draw(COMMENTS).format(t=written)]))
    if draw(st.booleans()):
        operation = f"{draw(LOADS)} {draw(st.sampled_from(['', 'SILENT ']))}{written}"
        operation += draw(st.sampled_from(["", " INTO GRAPH <http://example.org/g>"]))
    else:
        operation = f"INSERT {{ ?s ?p ?o }} WHERE {{ {draw(KEYWORDS)} {written} {{ ?s ?p ?o }} }}"
    text = f"{prologue}PREFIX ex: <http://example.org/>\n{insert} ;\n{comment}{operation}"
    return _maybe_escaped(draw, text)


def _maybe_escaped(draw: st.DrawFn, text: str) -> str:
    """Sometimes write up to 8 characters (not backslashes nor escaped ones) as \\uXXXX."""
    chosen = draw(st.sets(st.integers(0, len(text) - 1), max_size=8))
    return "".join(
        f"\\u{ord(c):04X}" if i in chosen and c != "\\" and text[i - 1:i] != "\\" else c for i, c in enumerate(text)
    )


# The probes of issue 18, and their variants, fixed: {t} is the recorder's loopback authority.
REGRESSION_QUERIES = (
    "PREFIX ex: <http://e/> SELECT * WHERE {{ BIND(ex:a\\# AS ?z) SERVICE <http://{t}/sparql> {{ ?s ?p ?o }} }}",
    "PREFIX ex: <http://e/> SELECT * WHERE {{ BIND(ex:a\\' AS ?z) SERVICE <http://{t}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ BIND('''a'' # ''' AS ?z) SERVICE <http://{t}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ BIND(\"\\\\\" AS ?z) SERVICE <http://{t}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ \\u0053ERVICE <http://{t}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE <http\\u003A//{t}/sparql> {{ ?s ?p ?o }} }}",
    "BASE <http://{t}/> SELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
    "PREFIX p: <http://{t}/> SELECT * WHERE {{ SERVICE SILENT p:sparql {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE ?x {{ ?s ?p ?o }} VALUES ?x {{ <http://{t}/sparql> }} }}",
)
REGRESSION_UPDATES = (
    "PREFIX ex: <http://e/> INSERT DATA {{ ex:a ex:b ex:c\\# }} ;\nLOAD <http://{t}/y.ttl>",
    "PREFIX ex: <http://e/> INSERT DATA {{ ex:a ex:b 'x' }} ;\nLOAD SILENT <http://{t}/y.ttl> INTO GRAPH ex:g",
    "PREFIX ex: <http://e/> INSERT {{ ?s ?p ?o }} WHERE {{ BIND(ex:a\\# AS ?z)\n"
    "SERVICE <http://{t}/q> {{ ?s ?p ?o }} }}",
    "\\u004cOAD <http://{t}/y.ttl>",
)
