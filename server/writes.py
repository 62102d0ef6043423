"""The one way a request writes the store: `store_write()`.

Every write (`/update`, the Graph Store Protocol's PUT, POST and DELETE,
bulk loads) runs inside it: one writer at a time, and when the write is
done, failed or not, the query executor learns the store changed, so the
next query reads a snapshot that has it (or a worker's copy that replayed
it, for a small update that can be replayed). Nothing guesses a write from a
request's method or endpoint.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from server.executor import query_executor
from server.extension import kabar_store
from store import KabarStore
from store.snapshots import Replay

_WRITER = threading.Lock()


@contextmanager
def store_write(replay: Replay | None = None) -> Iterator[KabarStore]:
    """The store, to write while no other request does; queries sent once it ends see what it wrote.

    `replay`: the write as the query workers may apply it to their copies, used when it succeeds.
    """
    with _WRITER:
        succeeded = False
        try:
            yield kabar_store.store
            succeeded = True
        finally:
            query_executor().after_write(replay if succeeded else None)
