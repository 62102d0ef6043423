"""Turning pyoxigraph's `dump(output)`, which writes into a file until done, into a WSGI body.

The dump runs in a thread and writes (pyoxigraph writes about 8 KiB at a
time) into a bounded queue that the response iterator empties. The
response starts as soon as the first chunk exists, memory stays at a few
chunks however big the store, and the dump reads one snapshot of the
store. If the client goes away, the server closes the iterator; the
thread's next write then raises, which ends the dump.
"""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import suppress
from typing import BinaryIO, cast

Chunk = bytes | BaseException | None
"""What the queue carries: data, then None at the end, or the exception the dump raised."""


class _QueueWriter(io.RawIOBase):
    """The binary file handed to the dump; its writes wait while the reader is behind."""

    def __init__(self, chunks: queue.Queue[Chunk], cancelled: threading.Event) -> None:
        super().__init__()
        self._chunks = chunks
        self._cancelled = cancelled

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:
        self.put(bytes(data))
        return len(data)

    def put(self, item: Chunk) -> None:
        while not self._cancelled.is_set():
            with suppress(queue.Full):
                self._chunks.put(item, timeout=0.1)
                return
        raise BrokenPipeError("the client stopped reading the response")


def stream_dump(dump: Callable[[BinaryIO], object], max_chunks: int = 16) -> Iterator[bytes]:
    """Yield what `dump(output)` writes, re-raising its exception (which cuts the response short).

    The thread starts on the first chunk asked for, so a response that is
    never iterated (HEAD) never dumps.
    """
    chunks: queue.Queue[Chunk] = queue.Queue(max_chunks)
    cancelled = threading.Event()
    writer = _QueueWriter(chunks, cancelled)

    def produce() -> None:
        end: Chunk = None
        try:
            dump(cast(BinaryIO, writer))
        except BaseException as error:  # whatever ends the dump must reach the reader, or it waits forever
            end = error
        with suppress(BrokenPipeError):
            writer.put(end)

    threading.Thread(target=produce, name="kabar-dump", daemon=True).start()
    try:
        while (item := chunks.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        cancelled.set()
