"""HTTP caching of query answers for a read-mostly graph: ETags from the store's write count, 304 for a client
that already has the current answer, and an in-memory cache of small answers that the next write empties.

A GET query's ETag names this server's run, the store's version (how many
writes it has had: `Snapshots.changes`) and the request (the text the
engine runs, the dataset, the chosen format), so it changes whenever a
write could change the answer and a restart never reuses one; a client
sending it back in If-None-Match gets 304 without the query running.
`Cache-Control: public, max-age=N` comes from the setting cache_max_age
(0: `no-cache`, ask every time). POSTed queries are neither tagged nor
cached, as HTTP caches do not reuse them, nor are queries whose answer
the store alone does not decide (`NOT_OF_THE_STORE`). The memory cache keeps answers
that came whole in one frame from the worker (small ones), least recently
used first out, within result_cache_bytes.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass

from flask import Flask, Request, Response, current_app

from server.config import CACHE_MAX_AGE, RESULT_CACHE_BYTES

EXTENSION_NAME = "kabar_result_cache"
NOT_OF_THE_STORE = frozenset({"SERVICE", "NOW", "RAND", "UUID", "STRUUID", "BNODE"})
"""Keywords whose answer is not a function of the store (another endpoint's data, the clock, chance): a query
using one is neither tagged nor cached."""


@dataclass(frozen=True)
class Cached:
    body: bytes
    content_type: str
    headers: dict[str, str]  # sent again with it (the download's file name)


class ResultCache:
    """Whole answers by request, for one store version at a time; the oldest used go first past `budget` bytes."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.run = secrets.token_hex(4)  # this app's run: a restart never answers 304 to a tag of the one before
        self._lock = threading.Lock()
        self._version = -1
        self._entries: OrderedDict[str, Cached] = OrderedDict()
        self._size = 0

    def get(self, version: int, key: str) -> Cached | None:
        with self._lock:
            if version != self._version:
                return None
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, version: int, key: str, answer: Cached) -> None:
        if len(answer.body) > self.budget // 8:  # one answer never crowds out the rest
            return
        with self._lock:
            if version < self._version:
                return  # a write came in while it ran: the entries are newer than it
            if version > self._version:
                self._entries.clear()
                self._size, self._version = 0, version
            if key in self._entries:
                return
            self._entries[key] = answer
            self._size += len(answer.body)
            while self._size > self.budget:
                _, oldest = self._entries.popitem(last=False)
                self._size -= len(oldest.body)


def init_result_cache(app: Flask) -> None:
    app.extensions[EXTENSION_NAME] = ResultCache(app.config[RESULT_CACHE_BYTES.key])


def result_cache() -> ResultCache:
    return current_app.extensions[EXTENSION_NAME]


def request_key(*parts: object) -> str:
    """A short digest of what makes an answer: the query the engine runs, its dataset and the chosen format."""
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=12).hexdigest()


def entity_tag(version: int, key: str) -> str:
    return f"{result_cache().run}-{version}-{key}"


def not_modified(request: Request, tag: str) -> bool:
    return request.if_none_match.contains_weak(tag)


def cache_headers(response: Response, tag: str) -> Response:
    """The validator and the freshness a GET query's answer (200 or 304) carries."""
    response.set_etag(tag, weak=True)
    max_age = current_app.config[CACHE_MAX_AGE.key]
    response.headers["Cache-Control"] = f"public, max-age={max_age}" if max_age else "no-cache"
    return response
