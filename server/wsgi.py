"""Running the app under waitress, in the foreground (`serve`) or in a background thread (tests).

waitress's event loop is not thread-safe, so `stop()` does not close its
sockets from the calling thread: it hands the closing to the loop through
waitress's trigger, the loop exits once nothing is left to watch, and the
worker threads are shut down after it.
"""

from __future__ import annotations

import logging
import threading
from types import TracebackType
from wsgiref.types import WSGIApplication

from waitress import wasyncore
from waitress.server import BaseWSGIServer, create_server

log = logging.getLogger(__name__)


class WaitressServer:
    """One waitress server; `port=0` picks a free port, read back from `url`."""

    def __init__(self, app: WSGIApplication, host: str = "127.0.0.1", port: int = 8000, threads: int = 4) -> None:
        server = create_server(app, host=host, port=port, threads=threads)
        assert isinstance(server, BaseWSGIServer)  # one host and port give one socket
        self._server = server
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = str(self._server.effective_host)
        return f"http://{f'[{host}]' if ':' in host else host}:{self._server.effective_port}"

    def run(self) -> None:
        """Serve until `stop()` or Ctrl-C."""
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

    def stop(self, timeout: float = 10.0) -> None:
        """Close every socket from inside the loop, then wait for the serving thread to end."""
        self._server.trigger.pull_trigger(self._close_from_loop)
        if self._thread is not None:
            self._thread.join(timeout)
        self._server.trigger.close()

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


def serve(app: WSGIApplication, host: str = "127.0.0.1", port: int = 8000, threads: int = 4) -> None:
    """Serve `app` with waitress until interrupted, logging the endpoint's URL first."""
    WaitressServer(app, host, port, threads).run()
