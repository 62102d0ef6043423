"""The one door through which the engine reaches other hosts: a forwarding proxy on loopback.

pyoxigraph makes the HTTP requests of SERVICE and LOAD itself, with a
client that knows no proxy setting and follows redirects. So the text the
engine runs names no outside host at all: `server.service_policy` replaces
each SERVICE or LOAD target by a URL of this proxy
(`http://127.0.0.1:PORT/<secret>/<service|load>/<target in hex>`), and the
proxy, on loopback in the server's process, decides when it connects:

- the target must pass the policy again (listed in `service_allow`, or a
  public http(s) host where `*` or LOAD allows one);
- the host name is resolved once, every address is checked, and the
  connection goes to that checked address (TLS still verifies the name);
- a redirect is refused (502), never followed.

The secret in the path keeps other local processes from using the proxy.
It starts on the first target it is asked for, so an app that never
federates never listens.
"""

from __future__ import annotations

import hmac
import http.client
import ipaddress
import logging
import secrets
import socket
import ssl
import threading
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from flask import Flask, current_app

from server.config import QUERY_TIMEOUT, SERVICE_ALLOW
from server.service_policy import ANY_PUBLIC, Address, address_allowed, resolve_host
from store.sparql_text import Target

log = logging.getLogger(__name__)

EXTENSION_NAME = "kabar_egress"
FORWARDED_HEADERS = ("Content-Type", "Accept", "User-Agent")
CHUNK = 1 << 16


class Refused(Exception):
    """The proxy will not connect to this target; the message says why, in one line."""


class EgressProxy:
    """The loopback proxy of one app: `url_for(target)` gives the URL the engine is handed instead."""

    def __init__(self, allowed: Sequence[str], timeout: float) -> None:
        self.allowed = tuple(allowed)
        self.timeout = timeout
        self.secret = secrets.token_hex(16)
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    def url_for(self, target: Target) -> str:
        """The proxy URL standing for `target` (a SERVICE or LOAD with an IRI) in the engine's text."""
        assert target.iri is not None  # variables are refused before
        host, port = self._start()
        return f"<http://{host}:{port}/{self.secret}/{target.operation.lower()}/{target.iri.encode().hex()}>"

    def _start(self) -> tuple[str, int]:
        with self._lock:
            if self._server is None:
                server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
                server.daemon_threads = True
                server.proxy = self  # type: ignore[attr-defined]
                threading.Thread(target=server.serve_forever, name="kabar-egress", daemon=True).start()
                self._server = server
            host, port = self._server.server_address[:2]
            return str(host), int(port)

    def close(self) -> None:
        with self._lock:
            server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()

    def target_of(self, path: str) -> tuple[str, str]:
        """(operation, target IRI) from a request path; Refused for a path this proxy did not hand out."""
        secret, _, rest = path.lstrip("/").partition("/")
        operation, _, encoded = rest.partition("/")
        if not hmac.compare_digest(secret, self.secret) or operation not in ("service", "load"):
            raise Refused("not a URL this proxy handed out")
        try:
            return operation, bytes.fromhex(encoded).decode()
        except ValueError:
            raise Refused("not a URL this proxy handed out") from None

    def open(self, operation: str, target: str) -> http.client.HTTPConnection:
        """A connection to `target`'s host at an address the policy allows, not yet connected."""
        parts = urlsplit(target)
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise Refused(f"{target}: the port is not a number") from None
        if parts.scheme not in ("http", "https") or "@" in parts.netloc or not parts.hostname:
            raise Refused(f"{target}: only http(s) URLs without user information")
        listed = operation == "service" and target in self.allowed
        if not listed and operation == "service" and ANY_PUBLIC not in self.allowed:
            raise Refused(f"{target} is not on the allow-list (service_allow)")
        host = parts.hostname
        try:
            addresses = _listed_addresses(host) if listed else resolve_host(host)
        except OSError as e:
            raise Refused(f"{target}: cannot resolve {host}: {e}") from None
        if not listed and not all(address_allowed(a) for a in addresses):
            shown = ", ".join(sorted({str(a) for a in addresses}))
            raise Refused(f"{target}: {host} resolves to {shown}, not a public address")
        pinned = _PinnedTLS if parts.scheme == "https" else _Pinned
        return pinned(host, port, addresses[0], self.timeout)


def _listed_addresses(host: str) -> list[Address]:
    """The addresses of a host the operator listed: any, loopback included, as the operator chose it."""
    return [ipaddress.ip_address(e[4][0].partition("%")[0]) for e in socket.getaddrinfo(host, None)]


class _Pinned(http.client.HTTPConnection):
    """HTTP to `host` (its Host header) at the one `address` that was checked."""

    def __init__(self, host: str, port: int, address: Address, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((str(self.address), self.port), self.timeout)


class _PinnedTLS(http.client.HTTPSConnection):
    """HTTPS at the checked `address`, the certificate verified for `host`."""

    def __init__(self, host: str, port: int, address: Address, timeout: float) -> None:
        self.tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.address = address

    def connect(self) -> None:
        raw = socket.create_connection((str(self.address), self.port), self.timeout)
        self.sock = self.tls.wrap_socket(raw, server_hostname=self.host)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        proxy: EgressProxy = self.server.proxy  # type: ignore[attr-defined]
        self.close_connection = True
        try:
            operation, target = proxy.target_of(self.path)
            connection = proxy.open(operation, target)
        except Refused as e:
            log.warning("egress refused: %s", e)
            self._reply(403, f"kabar refused to connect: {e}")
            return
        try:
            self._forward(connection, target)
        except (OSError, http.client.HTTPException) as e:
            self._reply(502, f"kabar could not reach {target}: {e}")
        finally:
            connection.close()

    do_POST = do_GET

    def _forward(self, connection: http.client.HTTPConnection, target: str) -> None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._reply(411, "send the body with a Content-Length")
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {name: self.headers[name] for name in FORWARDED_HEADERS if self.headers.get(name)}
        parts = urlsplit(target)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request(self.command, path, body=body or None, headers=headers)
        response = connection.getresponse()
        if 300 <= response.status < 400:
            where = response.getheader("Location", "elsewhere")
            self._reply(502, f"{target} redirects to {where}; kabar does not follow redirects")
            return
        self.send_response(response.status)
        self.send_header("Content-Type", response.getheader("Content-Type", "application/octet-stream"))
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()
        while chunk := response.read(CHUNK):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        self.wfile.write(b"0\r\n\r\n")

    def _reply(self, status: int, text: str) -> None:
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        log.debug(format, *args)


def init_egress(app: Flask) -> EgressProxy:
    proxy = EgressProxy(app.config[SERVICE_ALLOW.key], app.config[QUERY_TIMEOUT.key])
    app.extensions[EXTENSION_NAME] = proxy
    return proxy


def egress_proxy(app: Flask | None = None) -> EgressProxy:
    return (app or current_app).extensions[EXTENSION_NAME]
