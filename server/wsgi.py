"""Running the app under waitress, in the foreground (`serve`) or in a background thread (tests).

waitress, not gunicorn: one process may open the store read-write, and
the pool of query workers (`server.executor`) already gives the queries
processes of their own, so the HTTP side only relays bytes, which threads
do well; several gunicorn processes would each need their own pool and
could not write. bench/README.md has the measurements.

waitress's event loop is not thread-safe, so `stop()` does not close its
sockets from the calling thread: it hands the closing to the loop through
waitress's trigger. Stopping is graceful: the listening socket closes
first, requests in flight get up to `grace` seconds to finish, then every
connection closes and the query workers are stopped. `serve` stops that
way on SIGTERM and SIGINT.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from types import FrameType, TracebackType
from wsgiref.types import WSGIApplication

from flask import Flask
from waitress import wasyncore
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, create_server
from waitress.task import ThreadedTaskDispatcher

from server.config import BASE_URL, MAX_LOAD_BYTES, SEND_TIMEOUT, WRITE_TOKEN
from server.egress import EXTENSION_NAME as EGRESS_EXTENSION
from server.executor import EXTENSION_NAME as EXECUTOR_EXTENSION
from server.executor import QueryExecutor
from server.send_guard import SendGuard

log = logging.getLogger(__name__)

EXTRA_THREADS = 4
"""HTTP threads beyond one per query worker: queued queries wait in the pool (which answers 503
after max_queue_wait), not unseen in waitress's queue, and other requests still get a thread."""

HEALTH_PATH = "/health"
HEALTH_THREADS = 2
"""Threads of their own for /health, so that it answers at once while every other thread is busy."""

SHUTDOWN_GRACE = 10.0
OUTBUF_HIGH_WATERMARK = 1 << 20
"""Bytes of a response waitress holds before the thread writing it waits for the client. waitress's
16 MB default let a 100,000-row result (16 MB of JSON) sit whole in memory, and once per HTTP
thread (each keeps its malloc arena): measured +17 MB per thread, against +2 MB at 1 MB."""


def _body_limit(app: WSGIApplication) -> int:
    """waitress would buffer up to 1 GiB before Flask's 413: stop reading at the app's own limit (plus headroom
    for multipart framing), so an oversized body costs neither memory nor disk. With writes on and
    max_load_bytes set, that is the limit (a bulk load to `/store`); Flask still refuses other bodies past
    max_body_bytes, once waitress has read them."""
    config = getattr(app, "config", {})
    limit = config.get("MAX_CONTENT_LENGTH")
    if limit and config.get(WRITE_TOKEN.key):
        limit = max(limit, config.get(MAX_LOAD_BYTES.key) or limit)
    return limit + 64 * 1024 if limit else 1 << 30


class HealthFirst(ThreadedTaskDispatcher):
    """waitress's pool of threads, except that /health goes to threads of its own.

    A burst of slow queries holds every pool thread (each waits up to
    max_queue_wait for a worker), and a load balancer's health check queued
    behind them took seconds; it now never waits for a query.
    """

    def __init__(self, threads: int) -> None:
        super().__init__()
        self.set_thread_count(threads)
        self.health = ThreadedTaskDispatcher()
        self.health.set_thread_count(HEALTH_THREADS)

    def add_task(self, task: HTTPChannel) -> None:
        pending = getattr(task, "requests", None)
        if pending and pending[0].path == HEALTH_PATH:
            self.health.add_task(task)
        else:
            super().add_task(task)

    def shutdown(self, cancel_pending: bool = True, timeout: int = 5) -> bool:
        self.health.shutdown(cancel_pending, timeout)
        return bool(super().shutdown(cancel_pending, timeout))


class WaitressServer:
    """One waitress server; `port=0` picks a free port, read back from `url`."""

    def __init__(
        self, app: WSGIApplication, host: str = "127.0.0.1", port: int = 8000, threads: int | None = None
    ) -> None:
        self._executor = executor_of(app)
        self._egress = app.extensions.get(EGRESS_EXTENSION) if isinstance(app, Flask) else None
        if threads is None:
            threads = (self._executor.workers if self._executor else 0) + EXTRA_THREADS
        send_timeout = app.config[SEND_TIMEOUT.key] if isinstance(app, Flask) else SEND_TIMEOUT.default
        server = create_server(
            SendGuard(app, send_timeout), host=host, port=port, threads=threads,
            outbuf_high_watermark=OUTBUF_HIGH_WATERMARK, max_request_body_size=_body_limit(app),
            _dispatcher=HealthFirst(threads),
        )
        assert isinstance(server, BaseWSGIServer)  # one host and port give one socket
        self._server = server
        if isinstance(app, Flask) and app.config.get(BASE_URL.key) is None:
            app.config[BASE_URL.key] = self.url  # the public base when none is set: the socket, never a Host header
        self._thread: threading.Thread | None = None
        self._stopped = False

    @property
    def url(self) -> str:
        host = str(self._server.effective_host)
        return f"http://{f'[{host}]' if ':' in host else host}:{self._server.effective_port}"

    @property
    def loopback_url(self) -> str:
        """Where this machine's own clients reach the server: `url`, but loopback for a wildcard address."""
        host = str(self._server.effective_host)
        host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
        return f"http://{f'[{host}]' if ':' in host else host}:{self._server.effective_port}"

    def run(self) -> None:
        """Serve until `stop()`."""
        log.info("kabar SPARQL endpoint at %s/sparql", self.url)
        try:
            self._server.run()
        finally:
            self._server.task_dispatcher.shutdown()

    def start(self) -> WaitressServer:
        """Serve from a daemon thread and return at once."""
        if self._thread is not None:
            raise RuntimeError(f"the server at {self.url} is already started")
        self._thread = threading.Thread(target=self.run, name=f"waitress {self.url}", daemon=True)
        self._thread.start()
        return self

    def stop(self, grace: float = SHUTDOWN_GRACE) -> None:
        """Stop accepting, let requests in flight finish for up to `grace` seconds, then close everything."""
        if self._stopped:
            return
        self._stopped = True
        self._server.trigger.pull_trigger(self._stop_accepting)
        deadline = time.monotonic() + grace
        while self.in_flight() and time.monotonic() < deadline:
            time.sleep(0.05)
        if self.in_flight():
            log.warning("closing %d connection(s) still busy after %g s", self.in_flight(), grace)
        self._server.trigger.pull_trigger(self._close_from_loop)
        if self._thread is not None:
            self._thread.join(grace + 5)
        self._server.trigger.close()
        if self._executor is not None:
            self._executor.shutdown()
        if self._egress is not None:
            self._egress.close()

    def in_flight(self) -> int:
        """Connections with a request being served or a response not yet sent."""
        channels = [c for c in list(self._server._map.values()) if isinstance(c, HTTPChannel)]
        return sum(1 for c in channels if c.requests or c.total_outbufs_len)

    def _stop_accepting(self) -> None:
        """Close the listening socket only (waitress's own `close()` would also close the trigger)."""
        wasyncore.dispatcher.close(self._server)

    def _close_from_loop(self) -> None:
        """Leave the wake-up pipe open until the loop has ended: `stop` may still be writing to it."""
        self._server.trigger.del_channel()
        wasyncore.close_all(self._server._map)

    def __enter__(self) -> WaitressServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def executor_of(app: WSGIApplication) -> QueryExecutor | None:
    """The query worker pool of a kabar Flask app, to stop with the server."""
    return app.extensions.get(EXECUTOR_EXTENSION) if isinstance(app, Flask) else None


def serve(
    app: WSGIApplication, host: str = "127.0.0.1", port: int = 8000, threads: int | None = None,
    grace: float = SHUTDOWN_GRACE, announce: Callable[[str], AbstractContextManager[object]] | None = None,
) -> None:
    """Serve `app` until SIGTERM or SIGINT, then stop gracefully (see `WaitressServer.stop`); while it serves,
    `announce` (given the loopback URL of /sparql) holds."""
    server = WaitressServer(app, host, port, threads)
    stopping = threading.Event()

    def request_stop(signum: int, _: FrameType | None) -> None:
        log.info("%s: stopping, in-flight requests get %g s", signal.Signals(signum).name, grace)
        stopping.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        server.start()
        with announce(server.loopback_url + "/sparql") if announce else nullcontext():
            while not stopping.wait(1.0):
                pass
    finally:
        server.stop(grace)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
