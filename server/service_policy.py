"""Which hosts a query's SERVICE clauses and an update's LOAD may make this server reach.

pyoxigraph performs the HTTP request a SERVICE clause or a LOAD names, from
inside the server's network: on a public endpoint any client could make it
reach internal hosts (server-side request forgery). Two checks, one on the
text and one where the connection is made:

1. The text is read by the exact SPARQL lexer (`store.sparql_text`). Every
   SERVICE target must be an IRI on the allow-list (setting `service_allow`,
   default Wikidata's public query service alone); a variable as target is
   refused, as its value is only known while the query runs. LOAD needs the
   setting `allow_load`. The engine then runs the canonical text written
   from those same tokens, in which every target is replaced by the URL of
   the egress proxy (`server.egress`) for that target: the engine can call
   nothing else.
2. The egress proxy, on loopback in this process, applies the same policy
   again when it connects: it resolves the host name once, checks every
   address it got, connects to that very address (a name that resolves to a
   public address at check time and to 127.0.0.1 a second later does not get
   through) and refuses redirects.

The entry `*` allows any public host: never a loopback, private, link-local,
shared (CGNAT), multicast or otherwise reserved address, in any spelling
(IPv4-mapped and 6to4 IPv6 included). A host the operator lists by its full
IRI is trusted as listed. LOAD, when allowed, may fetch from public hosts
only.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Sequence
from urllib.parse import urlsplit

from werkzeug.exceptions import BadRequest, Forbidden

from store.sparql_text import Lexed, SparqlTextError, Target, lex

ANY_PUBLIC = "*"
INTERNAL_NAMES = ("localhost", ".localhost", ".local", ".internal", ".lan", ".home.arpa")
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
_NOT_PUBLIC_V4 = tuple(
    ipaddress.ip_network(n) for n in ("0.0.0.0/8", "100.64.0.0/10", "169.254.0.0/16", "192.0.0.0/24", "198.18.0.0/15")
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def read(text: str, what: str) -> Lexed:
    """The tokens of a query or update; 400 with the lexer's one line when it cannot be read."""
    try:
        return lex(text)
    except SparqlTextError as e:
        raise BadRequest(f"The {what} cannot be read as SPARQL: {e}") from None


def check_services(lexed: Lexed, allowed: Sequence[str]) -> None:
    """Return if every SERVICE of the text may be called; else 403 naming the target and the setting."""
    for target in lexed.targets:
        if target.operation != "SERVICE":
            continue
        if target.iri is None:
            raise Forbidden(
                f"SERVICE {target.written}: a variable as SERVICE endpoint is not allowed, as it could make this "
                f"server call any address. Name the endpoint's IRI; allowed here: {_listing(allowed)}."
            )
        if not allows(target.iri, allowed):
            raise Forbidden(
                f"SERVICE {target.written} is not allowed: this endpoint calls only {_listing(allowed)} "
                "(setting service_allow, KABAR_SERVICE_ALLOW). Query the other endpoint yourself, or ask "
                "the operator to add it."
            )


def check_loads(lexed: Lexed) -> None:
    """403 for a LOAD that could never reach a public host."""
    for target in lexed.targets:
        if target.operation == "LOAD" and not (target.iri and public_url(target.iri)):
            raise Forbidden(f"LOAD {target.written}: this server loads only from public http(s) hosts.")


def allows(iri: str, allowed: Sequence[str]) -> bool:
    """Listed IRIs exactly; with `*` also any http(s) IRI whose host is public (checked again on connecting)."""
    return iri in allowed or (ANY_PUBLIC in allowed and public_url(iri))


def public_url(iri: str) -> bool:
    """An http(s) URL without user information whose host is public now."""
    try:
        parts = urlsplit(iri)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and "@" not in parts.netloc and public_host(parts.hostname or "")


def public_host(host: str) -> bool:
    """Whether `host` is a public address, or a name all of whose addresses are public."""
    try:
        return bool(host) and all(address_allowed(address) for address in resolve_host(host))
    except OSError:
        return False


def resolve_host(host: str) -> list[Address]:
    """The addresses of `host` (a name or an address literal in any spelling); OSError for an internal name."""
    host = host.lower().rstrip(".").strip("[]")
    if not host or host == INTERNAL_NAMES[0] or host.endswith(INTERNAL_NAMES[1:]):
        raise OSError(f"{host or 'an empty host'} is an internal name")
    found = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    addresses = [ipaddress.ip_address(entry[4][0].partition("%")[0]) for entry in found]
    if not addresses:
        raise OSError(f"{host} has no address")
    return addresses


def address_allowed(address: Address) -> bool:
    """A public unicast address: not loopback, private, link-local (cloud metadata), shared, multicast, reserved."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is None and address.teredo:
            embedded = address.teredo[1]
        if embedded is not None:
            return address_allowed(embedded)
    elif any(address in network for network in _NOT_PUBLIC_V4):
        return False
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_loopback or address.is_link_local
        or address.is_private or address.is_unspecified
    )


def target_allowed(target: Target, allowed: Sequence[str]) -> bool:
    """The text-level rule for one target (the proxy applies it again when it connects)."""
    if target.iri is None:
        return False
    return allows(target.iri, allowed) if target.operation == "SERVICE" else public_url(target.iri)


def _listing(allowed: Sequence[str]) -> str:
    return ", ".join(f"<{iri}>" if iri != ANY_PUBLIC else "any public host" for iri in allowed) or "no endpoint"
