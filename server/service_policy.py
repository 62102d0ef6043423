"""Which endpoints a query's SERVICE clauses may make this server call.

pyoxigraph performs the HTTP request a SERVICE clause names, from inside
the server's network: on a public endpoint any client could make it reach
internal hosts (server-side request forgery). So a query is refused (403)
unless every SERVICE target is an IRI on the allow-list (setting
`service_allow`, default Wikidata's public query service alone). A
variable as target is refused, as its value is only known while the
query runs. The entry `*` allows any public host, but never a loopback,
private, link-local or otherwise reserved address, nor a host name that
resolves to one: those must be listed themselves.

The targets are found in the query text by `server.query_text`, which
skips comments, strings and IRIs, and resolved against the query's own
PREFIX and BASE declarations, as the parser would.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Sequence
from urllib.parse import urljoin, urlsplit

from werkzeug.exceptions import Forbidden

from server.query_text import prologue, service_targets

ANY_PUBLIC = "*"
INTERNAL_NAMES = ("localhost", ".localhost", ".local", ".internal", ".lan", ".home.arpa")


def check_services(query: str, allowed: Sequence[str]) -> None:
    """Return if every SERVICE of `query` may be called; else 403 naming the target and the setting."""
    targets = service_targets(query)
    if not targets:
        return
    base, prefixes = prologue(query)
    for written in targets:
        if written.startswith(("?", "$")):
            raise Forbidden(
                f"SERVICE {written}: a variable as SERVICE endpoint is not allowed, as it could make this server "
                f"call any address. Name the endpoint's IRI; allowed here: {_listing(allowed)}."
            )
        iri = resolve(written, base, prefixes)
        if iri is None or not allows(iri, allowed):
            raise Forbidden(
                f"SERVICE {written} is not allowed: this endpoint calls only {_listing(allowed)} "
                "(setting service_allow, KABAR_SERVICE_ALLOW). Query the other endpoint yourself, or ask "
                "the operator to add it."
            )


def resolve(written: str, base: str | None, prefixes: dict[str, str]) -> str | None:
    """The absolute IRI of `<iri>` or `prefix:name`; None when the query does not say enough to know it."""
    if written.startswith("<") and written.endswith(">"):
        iri = written[1:-1]
        if urlsplit(iri).scheme:
            return iri
        return urljoin(base, iri) if base else None
    prefix, colon, local = written.partition(":")
    if colon and prefix in prefixes:
        return prefixes[prefix] + local
    return None


def allows(iri: str, allowed: Sequence[str]) -> bool:
    """Listed IRIs exactly; with `*` also any http(s) IRI whose host is public."""
    if iri in allowed:
        return True
    parts = urlsplit(iri)
    return ANY_PUBLIC in allowed and parts.scheme in ("http", "https") and public_host(parts.hostname or "")


def public_host(host: str) -> bool:
    """Whether `host` is a public address, or a name all of whose addresses are public."""
    host = host.lower().rstrip(".")
    if not host or host == INTERNAL_NAMES[0] or host.endswith(INTERNAL_NAMES[1:]):
        return False
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            found = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except OSError:
            return False
        addresses = [ipaddress.ip_address(entry[4][0]) for entry in found]
    return bool(addresses) and all(address.is_global for address in addresses)


def _listing(allowed: Sequence[str]) -> str:
    return ", ".join(f"<{iri}>" if iri != ANY_PUBLIC else "any public host" for iri in allowed) or "no endpoint"
