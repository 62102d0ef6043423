"""The program a query worker process runs: queries in on stdin, framed results out on stdout.

Run as a script (`python -P query_worker.py`), not as part of the `server`
package, so that a worker imports pyoxigraph and the standard library only
(no Flask, no rdflib): it starts fast and stays small, which matters as
the server kills and replaces a worker whenever a query runs out of time.

Each request is one JSON line: the query, pyoxigraph's dataset options
(IRIs as strings), values bound to variables before it runs (`substitutions`,
each an N-Triples term), the media type to serialize results (`results`) or
graphs (`graph`) in,
null where the client accepts none, and the prefixes graphs are written
with. A request with `dump` instead of a query writes the snapshot's
graphs (`dump`: {"graph": an IRI, "default", or null for all}) in the
`graph` media type.

The worker queries its replica: its own copy of a snapshot of the store
(`store.snapshots`), made when a request names a snapshot (`store`: its
directory) by hard-linking the snapshot's immutable table files beside it
and copying the rest, then opened read-write so that the writes the server
lists in `replay` ({"update", "prefixes"}: constant data inserted or
deleted since) can be applied to it before the query runs. A worker that
cannot copy or replay exits: a replica that missed a write must not answer.

Each answer is a sequence of frames, one tag byte and
a 4-byte big-endian length, then the payload:

    K  what the query returned ("SELECT results", "ASK results" or
       "CONSTRUCT or DESCRIBE results"), or "the store's graphs" for a dump
    D  bytes of the serialized results, at least CHUNK of them
    E  a JSON object {"kind": "syntax" | "failure", "message": ...}
    Z  the last bytes of the results (possibly none), and their end

An answer is K then D* then Z, or E (after K and D frames if evaluation
fails late). A K with no format for its kind is followed by an empty Z.
The frames are held until CHUNK bytes of results are waiting or the
answer ends, so a small answer (K and Z) leaves in one write and the
server can send it whole, with a Content-Length; a large one streams in
CHUNK-sized pieces. The worker ignores SIGINT (the server decides when
it stops) and exits when its standard input closes.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import struct
import sys
import threading
from pathlib import Path
from typing import Any

import pyoxigraph as ox

HEADER = struct.Struct(">cI")
"""A frame's tag and payload length."""


DUMP = "the store's graphs"
"""What a dump request returned (its K frame)."""

CHUNK = 1 << 16
"""Bytes of results held before they are sent: the server sends an answer this small as one body."""


def frame(tag: bytes, payload: bytes | bytearray = b"") -> bytes:
    return HEADER.pack(tag, len(payload)) + payload


def send(data: bytes) -> None:
    """Write `data` to the server, all of it (os.write may write less than asked)."""
    view = memoryview(data)
    while view:
        view = view[os.write(1, view):]


class FrameWriter:
    """The binary file pyoxigraph serializes into: frames wait here until CHUNK bytes of results do."""

    def __init__(self) -> None:
        self._frames = bytearray()
        self._data = bytearray()

    def add(self, tag: bytes, payload: bytes = b"") -> None:
        """Queue a frame behind the results written so far."""
        self._frames += frame(tag, payload)

    def write(self, data: bytes) -> int:
        self._data += data
        if len(self._data) >= CHUNK:
            self._frames += frame(b"D", self._data)
            self._data.clear()
            self._send()
        return len(data)

    def flush(self) -> None:
        """pyoxigraph flushes when it is done; the answer's last frame (`end`) sends what is held."""

    def end(self, tag: bytes = b"Z", payload: bytes = b"") -> None:
        """Send everything with the answer's last frame: Z with the held results, or E after them."""
        if tag == b"Z":
            payload, self._data = bytes(self._data), bytearray()
        elif self._data:
            self._frames += frame(b"D", self._data)
            self._data.clear()
        self._frames += frame(tag, payload)
        self._send()

    def _send(self) -> None:
        send(bytes(self._frames))
        self._frames.clear()


def dataset_options(options: dict[str, Any]) -> dict[str, Any]:
    """pyoxigraph's keyword arguments from their JSON form (IRIs as strings)."""
    return {
        key: [ox.NamedNode(iri) for iri in value] if isinstance(value, list) else value
        for key, value in options.items()
    }


def substitutions(bound: dict[str, str] | None) -> dict[ox.Variable, ox.NamedNode | ox.Literal] | None:
    """pyoxigraph's substitutions from their JSON form: variable name -> the value as an N-Triples term."""
    if not bound:
        return None
    quads = ox.parse("".join(f"<urn:kabar:s> <urn:kabar:{i}> {term} .\n" for i, term in enumerate(bound.values())),
                     format=ox.RdfFormat.N_TRIPLES)
    return {ox.Variable(name): quad.object for name, quad in zip(bound, quads, strict=True)}


def graph_of(name: str | None) -> ox.NamedNode | ox.DefaultGraph | None:
    """The graph a dump names: an IRI, "default", or None for every graph."""
    if name is None:
        return None
    return ox.DefaultGraph() if name == "default" else ox.NamedNode(name)


def kind_of(results: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> tuple[str, str]:
    """What the query returned, and which of the request's formats serializes it."""
    if isinstance(results, ox.QueryTriples):
        return "CONSTRUCT or DESCRIBE results", "graph"
    if isinstance(results, ox.QueryBoolean):
        return "ASK results", "results"
    return "SELECT results", "results"


def serializer(media_type: str, family: str) -> ox.RdfFormat | ox.QueryResultsFormat:
    found = (ox.RdfFormat if family == "graph" else ox.QueryResultsFormat).from_media_type(media_type)
    if found is None:
        raise ValueError(f"pyoxigraph has no serializer for {media_type}")
    return found


class Worker:
    """The replica queries read, replaced when the server names a snapshot, brought up to date by replays."""

    def __init__(self) -> None:
        self.store: ox.Store | None = None
        self.replica: Path | None = None
        self._copies = 0

    def open(self, request: dict[str, Any]) -> ox.Store:
        """The replica, up to date with the request; a worker that cannot make it so exits (the server replaces it)."""
        try:
            if "store" in request:
                self._copy(Path(request["store"]))
            assert self.store is not None, "the first request names a snapshot"
            for replay in request.get("replay", ()):
                self.store.update(replay["update"], prefixes=replay["prefixes"])
        except BaseException as e:
            sys.stderr.write(f"kabar query worker {os.getpid()}: its copy of the store is not up to date: {e}\n")
            self.close()
            os._exit(70)
        return self.store

    def _copy(self, snapshot: Path) -> None:
        """Make the replica a copy of `snapshot`: table files linked (RocksDB never changes them), the rest copied."""
        self.close()
        self._copies += 1
        replica = snapshot.parent / f"replica-{os.getpid()}-{self._copies}"
        replica.mkdir()
        for file in snapshot.iterdir():
            (os.link if file.suffix == ".sst" else shutil.copyfile)(file, replica / file.name)
        self.replica, self.store = replica, ox.Store(str(replica))

    def close(self) -> None:
        """Close the replica and delete its files."""
        self.store = None
        if self.replica is not None:
            shutil.rmtree(self.replica, ignore_errors=True)
            self.replica = None

    def answer(self, request: dict[str, Any]) -> None:
        out = FrameWriter()
        try:
            store, prefixes = self.open(request), request.get("prefixes")
            if "dump" in request:
                out.add(b"K", DUMP.encode())
                store.dump(out, format=serializer(request["graph"], "graph"),
                           from_graph=graph_of(request["dump"]["graph"]), prefixes=prefixes)
            else:
                results = store.query(request["query"], substitutions=substitutions(request.get("substitutions")),
                                      **dataset_options(request["options"]))
                what, family = kind_of(results)
                out.add(b"K", what.encode())
                media_type = request[family]
                if media_type is not None and prefixes:  # prefixes are for graphs; pyoxigraph's own loop is faster
                    ox.serialize(results, out, format=serializer(media_type, family), prefixes=prefixes)
                elif media_type is not None:
                    results.serialize(out, format=serializer(media_type, family))
        except SyntaxError as e:
            out.end(b"E", json.dumps({"kind": "syntax", "message": str(e)}).encode())
        except (OSError, RuntimeError, ValueError, TypeError) as e:
            if isinstance(e, BrokenPipeError):
                raise
            out.end(b"E", json.dumps({"kind": "failure", "message": str(e)}).encode())
        else:
            out.end()


STACK = 64 << 20
"""Bytes of stack for the thread that runs queries: pyoxigraph walks deep query trees recursively, and
the server refuses trees that would need more than a few MB (store.sparql_text); 8x headroom here."""


def serve() -> None:
    worker = Worker()
    try:
        for line in sys.stdin.buffer:
            worker.answer(json.loads(line))
    except BrokenPipeError:
        pass  # the server is gone or killed this query's reader
    finally:
        worker.close()


def main() -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.stack_size(STACK)
    thread = threading.Thread(target=serve, name="kabar-query-worker")
    thread.start()
    thread.join()
    return 0


if __name__ == "__main__":
    sys.exit(main())
