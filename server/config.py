"""The endpoint's settings: defaults, then a TOML configuration file, then environment variables.

A deployment sets secrets (the write token) in its environment and the
rest in a file, so the environment wins over the file. The file is named
by `KABAR_CONFIG`; `create_app(store, config)` may pass the same keys in
a mapping, which is laid over the file. Keys of the file are the setting
names below (`write_token = "..."`); each setting is also read from the
environment variable `KABAR_<NAME>` and lands in Flask's config under
`Setting.key`, where the views read it. Upper-case keys of the mapping
that are not a setting's key are Flask configuration, passed through.

An unknown key or a value of the wrong type stops the app from starting
(`ConfigError`): a misspelt `write_tokn` must not silently leave writes off.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from flask import current_app, url_for
from werkzeug.exceptions import BadRequest

from ontology.namespaces import BASE_IRI_PROBLEM, WIKIDATA_SPARQL

CONFIG_ENV = "KABAR_CONFIG"


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the setting and the source."""


def _token(value: Any) -> str | None:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value or None


def _origins(value: Any) -> tuple[str, ...]:
    """A list of origins, or (from the environment) one comma-separated string; empty turns CORS off."""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise TypeError('expected a list of origins such as ["https://example.org"], or "*"')
    return tuple(v.strip().rstrip("/") for v in value if v.strip())


def _positive_int(value: Any) -> int:
    if isinstance(value, str):
        value = int(value.strip().replace("_", ""))
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise TypeError("expected a positive whole number")
    return value


def _whole_number(value: Any) -> int:
    number = int(value.strip()) if isinstance(value, str) and value.strip().isdigit() else value
    if not isinstance(number, int) or isinstance(number, bool) or number < 0:
        raise TypeError("expected a whole number, 0 or more")
    return number


def _positive_float(value: Any) -> float:
    number = float(value.strip()) if isinstance(value, str) else value
    if not isinstance(number, int | float) or isinstance(number, bool) or number <= 0:
        raise TypeError("expected a positive number of seconds")
    return float(number)


def _seconds(value: Any) -> float:
    number = float(value.strip()) if isinstance(value, str) else value
    if not isinstance(number, int | float) or isinstance(number, bool) or number < 0:
        raise TypeError("expected a number of seconds, 0 or more")
    return float(number)


def _iris(value: Any) -> tuple[str, ...]:
    """A list of IRIs, or (from the environment) one comma-separated string."""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise TypeError(f'expected a list of IRIs such as ["{WIKIDATA_SPARQL}"]')
    return tuple(v.strip() for v in value if v.strip())


_TRUE, _FALSE = frozenset({"1", "true", "yes", "on"}), frozenset({"0", "false", "no", "off"})


def _flag(value: Any) -> bool:
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    if not isinstance(value, bool):
        raise TypeError("expected true or false")
    return value


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    parse: Callable[[Any], Any]
    flask_key: str | None = None

    @cached_property
    def key(self) -> str:
        """Where the value lives in `app.config`."""
        return self.flask_key or self.env

    @cached_property
    def env(self) -> str:
        return f"KABAR_{self.name.upper()}"


WRITE_TOKEN = Setting("write_token", None, _token)
"""The bearer token every write must carry; None turns writes off."""
CORS_ORIGINS = Setting("cors_origins", ("*",), _origins)
"""Origins whose browser scripts may read; `*` is any, empty is none."""
MAX_BODY_BYTES = Setting("max_body_bytes", 10 * 1024 * 1024, _positive_int, "MAX_CONTENT_LENGTH")
"""Flask's own limit: a larger request body is refused with 413 before it is read.

Also Flask's limit on form fields (MAX_FORM_MEMORY_SIZE, else 500 kB), so
that a form-encoded update may be as large as one sent as a raw body."""
MAX_LOAD_BYTES = Setting("max_load_bytes", None, _positive_int)
"""Largest body of a write `/store` loads in bulk (a dataset POSTed to the store, or a graph's N-Triples or
Turtle past max_body_bytes); None: max_body_bytes. Such writes need the token, but waitress reads a body (to a
temporary file) before the app sees the request, so raising this raises what any client may make it read."""
MAX_QUERY_CHARS = Setting("max_query_chars", 100_000, _positive_int)
"""Longest query text; longer is 400, whichever way it was sent. Updates are bounded by max_body_bytes only."""
UNION_DEFAULT_GRAPH = Setting("union_default_graph", True, _flag)
"""Whether a query's default graph is the union of all graphs (articles are named graphs)."""
ALLOW_LOAD = Setting("allow_load", False, _flag)
"""Whether SPARQL Update may LOAD, which makes the server fetch a URL."""

QUERY_TIMEOUT = Setting("query_timeout", 30.0, _positive_float)
"""Seconds a query may run, first byte to last; past it the query's worker process is killed."""
SEND_TIMEOUT = Setting("send_timeout", 30.0, _positive_float)
"""Seconds a response may wait for a client that takes none of it before the connection is closed."""
QUERY_WORKERS = Setting("query_workers", os.cpu_count() or 2, _positive_int)
"""Query worker processes: the most queries that run at once."""
MAX_QUEUE_WAIT = Setting("max_queue_wait", 5.0, _seconds)
"""Seconds a query may wait for a free worker before 503 with Retry-After."""
CACHE_MAX_AGE = Setting("cache_max_age", 0, _whole_number)
"""Seconds a client or proxy may reuse a GET query's answer without asking again (Cache-Control max-age); with 0
they ask each time, and the ETag makes asking cheap: 304 while no write could have changed the answer."""
RESULT_CACHE_BYTES = Setting("result_cache_bytes", 64 * 1024 * 1024, _whole_number)
"""Bytes of small GET query results kept in memory and served again until the next write; 0 turns it off."""
SERVICE_ALLOW = Setting("service_allow", (WIKIDATA_SPARQL,), _iris)
"""SERVICE endpoints a query may call; `*` is any public host (never loopback or private addresses)."""


def _base_url(value: Any) -> str:
    if not isinstance(value, str) or urlsplit(value.strip()).scheme not in ("http", "https") \
            or not urlsplit(value.strip()).netloc or urlsplit(value.strip()).query or urlsplit(value.strip()).fragment:
        raise TypeError("expected the server's public http(s) URL, such as https://kabar.example.org")
    return value.strip().rstrip("/")


BASE_URL = Setting("base_url", None, _base_url)
"""The server's public URL, in every absolute link it writes (descriptions, Location). Never taken from a
request's Host header, which a client chooses; without it, `http://HOST:PORT` of the listening socket."""

SETTINGS = (WRITE_TOKEN, CORS_ORIGINS, MAX_BODY_BYTES, MAX_LOAD_BYTES, MAX_QUERY_CHARS, UNION_DEFAULT_GRAPH, ALLOW_LOAD,
            QUERY_TIMEOUT, SEND_TIMEOUT, QUERY_WORKERS, MAX_QUEUE_WAIT, CACHE_MAX_AGE, RESULT_CACHE_BYTES,
            SERVICE_ALLOW, BASE_URL)


def load_config(
    config: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Flask config entries: the mapping's Flask keys, and every setting from all its sources."""
    environ = os.environ if environ is None else environ
    if BASE_IRI_PROBLEM:  # read by every kabar process, not a setting of the server alone
        raise ConfigError(BASE_IRI_PROBLEM)
    by_name = {s.name: s for s in SETTINGS} | {s.key: s for s in SETTINGS}
    flask_config = {k: v for k, v in (config or {}).items() if k not in by_name and k.isupper()}
    unknown = [k for k in (config or {}) if k not in by_name and not k.isupper()]
    if unknown:
        raise ConfigError(f"unknown setting {unknown[0]!r} passed to create_app; known: {_names()}")

    sources: list[tuple[str, Mapping[str, Any]]] = []
    if environ.get(CONFIG_ENV):
        sources.append((environ[CONFIG_ENV], read_config_file(environ[CONFIG_ENV])))
    if config:
        sources.append(("create_app(config=...)", {by_name[k].name: v for k, v in config.items() if k in by_name}))
    sources.append(("the environment", {s.name: environ[s.env] for s in SETTINGS if s.env in environ}))

    values = {s.name: s.default for s in SETTINGS}
    for source, entries in sources:
        for name, raw in entries.items():
            setting = by_name[name]
            try:
                values[name] = setting.parse(raw)
            except (TypeError, ValueError) as e:
                where = setting.env if source == "the environment" else name
                raise ConfigError(f"{where} = {raw!r} in {source}: {e}") from e
    settings = {s.key: values[s.name] for s in SETTINGS}
    return {"MAX_FORM_MEMORY_SIZE": values[MAX_BODY_BYTES.name]} | flask_config | settings


def read_config_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The settings of a TOML file, refusing keys that are not settings."""
    try:
        with open(path, "rb") as file:
            entries = tomllib.load(file)
    except OSError as e:
        raise ConfigError(f"cannot read the configuration file {path} (named by {CONFIG_ENV}): {e}") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"the configuration file {path} is not valid TOML: {e}") from e
    unknown = [k for k in entries if k not in {s.name for s in SETTINGS}]
    if unknown:
        raise ConfigError(f"unknown setting {unknown[0]!r} in {path}; known: {_names()}")
    return entries


def _names() -> str:
    return ", ".join(s.name for s in SETTINGS)


def setting(which: Setting) -> Any:
    """The value for the app handling the current request."""
    return current_app.config[which.key]


LOCAL_BASE_URL = "http://localhost"
"""The base of an app that no server listens for (Flask's test client), so that no URL comes from a request."""


def public_url(endpoint: str, **values: Any) -> str:
    """The absolute URL of `endpoint` under the configured public base, whatever Host the request named."""
    return (setting(BASE_URL) or LOCAL_BASE_URL) + url_for(endpoint, **values)


def union_default_graph() -> bool:
    return bool(setting(UNION_DEFAULT_GRAPH))


def check_length(text: str, what: str) -> None:
    """400 for a query longer than `max_query_chars`, however it was sent.

    400 rather than 413: the limit is on the query, which a GET carries in
    its URL, not on the request body, and the fix is to change the query.
    """
    limit = setting(MAX_QUERY_CHARS)
    if len(text) > limit:
        raise BadRequest(
            f"The {what} is {len(text):,} characters long; this endpoint accepts at most {limit:,} "
            f"(setting max_query_chars, {MAX_QUERY_CHARS.env}). Shorten it, e.g. move long VALUES lists "
            "into a graph."
        )
