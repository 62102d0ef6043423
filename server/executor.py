"""Running queries in a pool of worker processes, so that a query can be stopped.

pyoxigraph cannot cancel a running query, and a signal handler only runs
after a blocking one (an aggregate, ORDER BY) has finished; so each query
runs in a worker process (`server/query_worker.py`) that the server
SIGKILLs when the query runs out of time or its client goes away, which
frees the core at once, and then replaces. Workers read snapshots of the
store (`store.snapshots`), never the live store this process writes: each
its own copy of one, which small updates (INSERT DATA, DELETE DATA) made
since reach by replay, so that a query after such a write costs no new
snapshot.

A query waits at most `max_queue_wait` seconds for a free worker, so the
number of workers is the number of queries that run at once, and a
request that finds none free gets 503 with Retry-After. The worker
serializes the results with pyoxigraph itself and sends them back in
frames of 64 KiB. An answer that ends within its first frame is sent as
one body with a Content-Length (waitress keeps the connection open for
the next request only then); a larger one streams, chunked, as the
frames come: its first bytes leave at once and memory stays flat.

The time limit (`query_timeout`) covers the whole query, sending included
(a client that stops reading cannot stretch it: `server.send_guard` closes
its connection at the deadline, which frees the worker):
- before the first byte of results: 503 with a plain-text body;
- while streaming: the response is cut. With HTTP/1.1 waitress then
  closes the connection without the last (zero-length) chunk of the
  chunked transfer encoding, so a client sees "incomplete chunked read"
  / "connection closed before the end of the body"; an HTTP/1.0 client
  sees the connection close, and a body that does not end as its format
  requires (no closing `]}` in JSON, no `</sparql>` in XML).
"""

from __future__ import annotations

import json
import logging
import os
import queue
import select
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from werkzeug.exceptions import BadRequest, InternalServerError, ServiceUnavailable

from server.config import MAX_QUEUE_WAIT, QUERY_TIMEOUT, QUERY_WORKERS
from server.query_worker import HEADER
from store import KabarStore
from store.snapshots import Replay, Snapshot, Snapshots

log = logging.getLogger(__name__)

EXTENSION_NAME = "kabar_executor"
WORKER_PROGRAM = Path(__file__).with_name("query_worker.py")


class QueryTimeout(Exception):
    """The query's time ran out while its results were being sent: the response is cut."""


class WorkerDied(Exception):
    """The worker process ended in the middle of a query (killed from outside, out of memory)."""


class QueryFailed(Exception):
    """The worker reported an error; `kind` is "syntax" or "failure"."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass(frozen=True)
class QueryJob:
    """What a worker needs: the query, pyoxigraph's dataset options, and a media type per kind of result;
    values bound to variables before it runs (name -> an N-Triples term) and the prefixes graphs are written with.
    """

    query: str
    options: dict[str, Any]
    results_media_type: str | None
    graph_media_type: str | None
    substitutions: Mapping[str, str] = field(default_factory=dict)
    prefixes: Mapping[str, str] | None = None

    def request(self) -> dict[str, Any]:
        return {"query": self.query, "options": self.options, "substitutions": dict(self.substitutions),
                "results": self.results_media_type, "graph": self.graph_media_type,
                "prefixes": dict(self.prefixes) if self.prefixes else None}


@dataclass(frozen=True)
class DumpJob:
    """A worker writes the snapshot's graphs: one (an IRI, or "default"), or all (None), in `media_type`."""

    graph: str | None
    media_type: str
    prefixes: Mapping[str, str] | None = None

    def request(self) -> dict[str, Any]:
        return {"dump": {"graph": self.graph}, "graph": self.media_type,
                "prefixes": dict(self.prefixes) if self.prefixes else None}


Job = QueryJob | DumpJob


class WorkerProcess:
    """One worker process and the reading end of its frames; `change`: the count of writes its replica holds."""

    def __init__(self) -> None:
        self.change: int | None = None
        self.process = subprocess.Popen(
            [sys.executable, "-P", str(WORKER_PROGRAM)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self._stdin = self.process.stdin
        self._fd = self.process.stdout.fileno()
        self._poll = select.poll()
        self._poll.register(self._fd, select.POLLIN)
        self._buffer = bytearray()

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def send(self, job: Job, snapshot: Snapshot | None, replays: list[Replay]) -> None:
        """Send `job`, with the snapshot to copy (None: keep the replica) and the writes to replay first."""
        request = job.request()
        if snapshot is not None:
            request["store"] = str(snapshot.path)
        if replays:
            request["replay"] = [{"update": r.update, "prefixes": dict(r.prefixes)} for r in replays]
        line = json.dumps(request)
        try:
            self._stdin.write(line.encode() + b"\n")
        except OSError as e:
            raise WorkerDied(f"the query worker {self.pid} is gone") from e

    def receive(self, deadline: float) -> tuple[bytes, bytes]:
        """The next frame (tag, payload); QueryTimeout once `deadline` (time.monotonic) passes."""
        tag, length = HEADER.unpack(self._read(HEADER.size, deadline))
        return tag, self._read(length, deadline)

    def _read(self, size: int, deadline: float) -> bytes:
        while len(self._buffer) < size:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._poll.poll(remaining * 1000):
                raise QueryTimeout
            data = os.read(self._fd, max(size - len(self._buffer), 1 << 16))
            if not data:
                raise WorkerDied(f"the query worker {self.pid} ended during the query")
            self._buffer += data
        if len(self._buffer) == size:
            data = bytes(self._buffer)
            self._buffer.clear()
            return data
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def kill(self) -> None:
        """SIGKILL: the only way to stop a query pyoxigraph is running."""
        with suppress(ProcessLookupError):
            self.process.kill()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()

    def stop(self) -> None:
        """Close its input, so that an idle worker exits by itself; kill it if it does not."""
        with suppress(OSError):
            self._stdin.close()
        with suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=2)
        self.kill()


class RunningQuery:
    """A query holding a worker: its first frames, then its results as an iterable WSGI body.

    `close()` (which the WSGI server calls when the response ends, however
    it ends) gives the worker back; one still running the query (time out,
    client gone) is killed and replaced.
    """

    def __init__(self, executor: QueryExecutor, worker: WorkerProcess, snapshot: Snapshot | None,
                 deadline: float) -> None:
        self._executor = executor
        self._worker = worker
        self._snapshot = snapshot
        self._deadline = deadline
        self._finished = False
        self._closed = False
        self._first = b""
        self.what = ""

    def wait_for_results(self) -> None:
        """Read what the query returned and its first frame of results; a result that ends there frees the worker.

        Raises QueryTimeout (nothing sent yet) and QueryFailed for an error before any result.
        """
        tag, payload = self._worker.receive(self._deadline)
        if tag == b"E":
            self._fail(payload)
        self.what = payload.decode()
        self._first = self._next_chunk()
        if self._finished:
            self.close()

    @property
    def deadline(self) -> float:
        """When (time.monotonic) the query's time is up, sending included (see `server.send_guard`)."""
        return self._deadline

    @property
    def whole(self) -> bytes | None:
        """The whole result when it came in one frame, else None: it streams by iterating."""
        return self._first if self._finished else None

    def __iter__(self) -> Iterator[bytes]:
        """The results; an error or the time limit now raises, which cuts the response short."""
        try:
            if self._first:
                yield self._first
            while not self._finished:
                if chunk := self._next_chunk():
                    yield chunk
        except QueryTimeout:
            log.warning("query stopped after %g s while sending its results; the response is cut",
                        self._executor.timeout)
            raise
        except QueryFailed as e:
            log.warning("query failed while sending its results; the response is cut: %s", e.message)
            raise
        finally:
            self.close()

    def _next_chunk(self) -> bytes:
        tag, payload = self._worker.receive(self._deadline)
        if tag == b"E":
            self._fail(payload)
        self._finished = tag == b"Z"
        return payload

    def _fail(self, payload: bytes) -> None:
        self._finished = True
        error = json.loads(payload)
        raise QueryFailed(error["kind"], error["message"])

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._executor.release(self._worker, self._snapshot, finished=self._finished)


class QueryExecutor:
    """The pool: `workers` processes, queries waiting `max_queue_wait` s for one, `timeout` s each."""

    def __init__(self, store: KabarStore, workers: int, timeout: float, max_queue_wait: float) -> None:
        self.workers = workers
        self.timeout = timeout
        self.max_queue_wait = max_queue_wait
        self.snapshots = Snapshots(store)
        self._lock = threading.Lock()
        self._idle: queue.LifoQueue[WorkerProcess] = queue.LifoQueue()
        self._all: set[WorkerProcess] = set()
        self._waiting = 0
        self._closed = False
        for _ in range(workers):
            self._spawn()

    def _spawn(self) -> None:
        worker = WorkerProcess()
        with self._lock:
            self._all.add(worker)
        self._idle.put(worker)

    def start(self, job: Job) -> RunningQuery:
        """Send `job` to a free worker: 503 when none frees up in time, or when the store cannot be read."""
        with self._lock:
            self._waiting += 1
        try:
            worker = self._idle.get(timeout=self.max_queue_wait)
        except queue.Empty:
            raise self.busy() from None
        finally:
            with self._lock:
                self._waiting -= 1
        caught_up = None if worker.change is None else self.snapshots.catch_up(worker.change)
        snapshot: Snapshot | None = None
        if caught_up is None:
            try:
                snapshot = self.snapshots.acquire()
            except OSError as e:
                self._idle.put(worker)
                raise InternalServerError(f"Cannot take a snapshot of the store to query: {e}") from e
            worker.change, replays = snapshot.change, []
        else:
            worker.change, replays = caught_up
        running = RunningQuery(self, worker, snapshot, time.monotonic() + self.timeout)
        try:
            worker.send(job, snapshot, replays)
        except WorkerDied as e:
            running.close()
            raise InternalServerError(f"The query could not be started: {e}. Send it again.") from e
        return running

    def busy(self) -> ServiceUnavailable:
        retry = max(1, round(self.max_queue_wait))
        return ServiceUnavailable(
            f"All {self.workers} query workers stayed busy for {self.max_queue_wait:g} s: this endpoint runs at most "
            f"{self.workers} queries at once. Retry in {retry} s, or raise the setting query_workers "
            f"({QUERY_WORKERS.env}).",
            retry_after=retry,
        )

    def release(self, worker: WorkerProcess, snapshot: Snapshot | None, *, finished: bool) -> None:
        if not finished:
            log.info("stopping query worker %d (query timed out or its client left)", worker.pid)
            worker.kill()
        if snapshot is not None:
            self.snapshots.release(snapshot)
        if finished and worker.alive():
            self._idle.put(worker)
            return
        self.snapshots.remove_replicas(worker.pid)
        with self._lock:
            self._all.discard(worker)
            closed = self._closed
        if not closed:
            self._spawn()

    def alive(self) -> int:
        """How many worker processes are running."""
        with self._lock:
            return sum(worker.alive() for worker in self._all)

    def load(self) -> tuple[int, int]:
        """(workers running a query, queries waiting for one): what /health reports as saturation."""
        with self._lock:
            return max(0, self.workers - self._idle.qsize()), self._waiting

    def pids(self) -> list[int]:
        with self._lock:
            return sorted(worker.pid for worker in self._all)

    def after_write(self, replay: Replay | None = None) -> None:
        """Call after every write to the store: queries sent from now on see it (through `replay`, when
        the write can be replayed on the workers' copies)."""
        self.snapshots.changed(replay)

    def shutdown(self) -> None:
        """Stop every worker (killing those still running a query) and delete the snapshots."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()
        self.snapshots.close()


def init_executor(app: Flask, store: KabarStore) -> QueryExecutor:
    """Start the pool for `app`; writes tell it when they are done (`server.writes.store_write`)."""
    config = app.config
    executor = QueryExecutor(
        store,
        workers=config[QUERY_WORKERS.key],
        timeout=config[QUERY_TIMEOUT.key],
        max_queue_wait=config[MAX_QUEUE_WAIT.key],
    )
    app.extensions[EXTENSION_NAME] = executor
    return executor


def query_executor(app: Flask | None = None) -> QueryExecutor:
    """The pool of `app`, by default the app handling the current request."""
    return (app or current_app).extensions[EXTENSION_NAME]


QUERY_ADVICE = ("Make it cheaper: add LIMIT, restrict it to fewer graphs, or avoid ORDER BY and aggregates over the "
                "whole store.")


def run_query(job: Job, syntax_error: Callable[[str], str] | None, what: str = "The query",
              advice: str = QUERY_ADVICE) -> RunningQuery:
    """The running job once its first bytes of results exist (`what` says what it returned).

    Errors before any byte become HTTP errors: 400 for a client's syntax
    error (the message from `syntax_error`; with None, the query is
    kabar's own and its error a 500), 503 for the time limit (the worker
    is killed; the message names `what` ran out of time and gives
    `advice`), 500 for a failure of the engine.
    """
    executor = query_executor()
    running = executor.start(job)
    try:
        running.wait_for_results()
    except QueryTimeout:
        running.close()
        raise ServiceUnavailable(
            f"{what} did not finish within {executor.timeout:g} s, this endpoint's limit (setting query_timeout, "
            f"{QUERY_TIMEOUT.env}), and was stopped. {advice}"
        ) from None
    except QueryFailed as e:
        running.close()
        if e.kind == "syntax" and syntax_error is not None:
            raise BadRequest(syntax_error(e.message)) from e
        raise InternalServerError(f"The query failed while running: {e.message}") from e
    except WorkerDied as e:
        running.close()
        raise InternalServerError(f"The query failed while running: {e}. Send it again.") from e
    except BaseException:
        running.close()
        raise
    return running
