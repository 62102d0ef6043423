"""Cutting responses whose client stopped reading, so that no client can hold a thread or a query worker.

waitress writes a response from one of its threads; once a connection holds
`outbuf_high_watermark` bytes the client has not taken, that thread waits,
and with it the query worker whose results it relays: a client that sends a
query and never reads held both for as long as it kept the socket open,
whatever `query_timeout` said. This WSGI middleware watches every response
body while it is sent, and closes the connection (from waitress's own event
loop, through its trigger) when

- the request's deadline passes (`DEADLINE_KEY` in the WSGI environ, which
  `/sparql` sets to the query's time limit: the limit covers the whole
  response, sending included), or
- the body has waited `send_timeout` seconds for the client to take what
  it was given.

The thread writing then sees the client as gone, closes the body (a query's
worker is killed and replaced) and is free; the client that did not read
loses its response. The check runs every `TICK` seconds in one thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

log = logging.getLogger(__name__)

DEADLINE_KEY = "kabar.deadline"
"""The time (time.monotonic) by which the response must be sent, set by the view that knows it."""

TICK = 0.2


class SendGuard:
    """The middleware: `SendGuard(app, send_timeout)` is the WSGI app to serve."""

    def __init__(self, app: WSGIApplication, send_timeout: float) -> None:
        self.app = app
        self.send_timeout = send_timeout
        self._watched: set[_Watched] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        body = self.app(environ, start_response)
        channel = getattr(environ.get("waitress.client_disconnected"), "__self__", None)
        if channel is None:
            return body
        return _Watched(self, body, channel, environ.get(DEADLINE_KEY))

    def watch(self, watched: _Watched) -> None:
        with self._lock:
            self._watched.add(watched)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="kabar-send-guard", daemon=True)
                self._thread.start()

    def unwatch(self, watched: _Watched) -> None:
        with self._lock:
            self._watched.discard(watched)

    def _run(self) -> None:
        while True:
            time.sleep(TICK)
            now = time.monotonic()
            with self._lock:
                overdue = [(w, why) for w in self._watched if (why := w.overdue(now, self.send_timeout))]
                for watched, _ in overdue:
                    self._watched.discard(watched)
            for watched, why in overdue:
                log.warning("closing a connection: %s", why)
                watched.cut()


class _Watched:
    """A response body while it is sent; `waiting_since` is set while the writer holds a chunk it was given."""

    def __init__(self, guard: SendGuard, body: Iterable[bytes], channel: Any, deadline: float | None) -> None:
        self._guard = guard
        self._body = body
        self._channel = channel
        self._deadline = deadline
        self._waiting_since: float | None = None

    def __iter__(self) -> Iterator[bytes]:
        self._guard.watch(self)
        try:
            for chunk in self._body:
                self._waiting_since = time.monotonic()
                yield chunk
                self._waiting_since = None
        finally:
            self._guard.unwatch(self)

    def overdue(self, now: float, send_timeout: float) -> str:
        """Why this response must be cut now, or ""."""
        if self._deadline is not None and now > self._deadline:
            return "the response was not sent within its query's time limit (query_timeout)"
        if self._waiting_since is not None and now - self._waiting_since > send_timeout:
            return f"the client took nothing for {send_timeout:g} s (send_timeout)"
        return ""

    def cut(self) -> None:
        """Close the connection from waitress's event loop, which wakes the thread waiting to write."""
        channel = self._channel

        def close() -> None:
            if channel.connected:
                channel.handle_close()

        channel.server.trigger.pull_trigger(close)

    def close(self) -> None:
        self._guard.unwatch(self)
        close = getattr(self._body, "close", None)
        if close is not None:
            close()
