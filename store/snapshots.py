"""Read-only snapshots of the read-write store, the only thing query workers ever open.

Opening the live store read-only from another process while this one
writes is undefined behaviour in pyoxigraph, and measured here it fails:
a reader reopening after each write, even with writes and reads taking
turns under a lock, got "No such file or directory: ...sst" about once in
twenty opens (RocksDB compacts in the background after the write returns
and deletes the files the reader is about to open), and a process that
kept retrying grew to 24 GB. A snapshot (`Store.backup`, a RocksDB
checkpoint: hard links to the immutable table files) cannot change under
its readers, so workers read snapshots, never the live store; the same
load against snapshots gave no error in 935 queries.

Snapshots are taken lazily: a write only marks the store changed, and the
next query takes one (about 10 ms on a small store, 50 ms under load), so
a burst of writes costs one snapshot and a query always sees every write
that returned before it was sent. A snapshot is deleted once it is no
longer the newest and no running query uses it. They live in a directory
beside the store (hard links need the same file system), named after this
process so that a restarted server removes what a killed one left.

A small update need not cost a snapshot: a worker keeps its own copy of the
snapshot it last read (a replica) and applies to it the writes made since,
when each of them is a `Replay` (constant data inserted or deleted, which
gives the same store applied once or twice, so a snapshot taken while one
committed cannot get it twice). `catch_up()` gives a replica's writes, or
None once a write that cannot be replayed (a graph replaced, a bulk load,
an update with a WHERE clause) makes a new snapshot necessary.
"""

from __future__ import annotations

import itertools
import os
import shutil
import threading
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from store.kabar_store import KabarStore

_SERIAL = itertools.count()

MAX_REPLAYS = 256
"""Writes kept for replicas to catch up with; a replica further behind reads a new snapshot."""
MAX_REPLAY_CHARS = 1 << 16
"""A longer update is not replayed: every worker would apply it under a query's time limit, and 256 of them would
be held in memory; a snapshot costs less."""


@dataclass(frozen=True)
class Snapshot:
    """A snapshot's directory and the count of writes it holds (`Snapshots.changes` when it was taken)."""

    path: Path
    change: int


@dataclass(frozen=True)
class Replay:
    """A write a replica can apply itself: a SPARQL update of constant data, and the prefixes it was run with."""

    update: str
    prefixes: Mapping[str, str]


def pid_alive(pid: int) -> bool:
    """Whether process `pid` runs (another user's counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Snapshots:
    """Numbered snapshots of `store`; `acquire()` gives the newest, `release()` gives it back."""

    def __init__(self, store: KabarStore) -> None:
        self._store = store
        prefix = f"{store.path.name}.snapshots-"
        self._remove_abandoned(store.path.parent, prefix)
        self.directory = store.path.parent / f"{prefix}{os.getpid()}-{next(_SERIAL)}"
        self._lock = threading.Lock()
        self._changes = 1  # the store has never been snapshotted
        self._writing = 0  # writes under way that are not one transaction
        self._taken_at_change = 0
        self._generation = 0
        self._in_use: Counter[Path] = Counter()
        self._newest: Path | None = None
        self._replays: list[Replay] = []  # the latest writes, when all of them can be replayed

    @staticmethod
    def _remove_abandoned(parent: Path, prefix: str) -> None:
        """Delete the snapshot directories of processes that no longer run."""
        for old in parent.glob(f"{prefix}*"):
            pid = old.name[len(prefix):].partition("-")[0]
            if pid.isdigit() and not pid_alive(int(pid)):
                shutil.rmtree(old, ignore_errors=True)

    def changed(self, replay: Replay | None = None) -> None:
        """Note a write: the next `acquire()` takes a fresh snapshot; replicas may apply its `replay` instead."""
        with self._lock:
            self._note_change(replay)

    def _note_change(self, replay: Replay | None) -> None:
        self._changes += 1
        if replay is None or len(replay.update) > MAX_REPLAY_CHARS:
            self._replays.clear()
        else:
            self._replays.append(replay)
            del self._replays[:-MAX_REPLAYS]

    def catch_up(self, change: int) -> tuple[int, list[Replay]] | None:
        """What a replica holding `change` writes applies to see them all (and the count it then holds),
        or None when one of the writes since cannot be replayed."""
        with self._lock:
            behind = self._changes - change
            if behind > len(self._replays):
                return None
            return self._changes, self._replays[len(self._replays) - behind:] if behind else []

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Around a write that is not one transaction (a bulk load): queries sent while it runs read the store
        as it was before it began, and those sent after it ends see all of it, never a part."""
        with self._lock:
            if self._newest is None or self._changes != self._taken_at_change:
                self._take()
            self._writing += 1
        try:
            yield
        finally:
            with self._lock:
                self._writing -= 1
                self._note_change(None)

    def acquire(self) -> Snapshot:
        """The newest snapshot, taken now if the store changed since (unless a bulk write is under way);
        held until `release()`."""
        with self._lock:
            if self._newest is None or (self._changes != self._taken_at_change and not self._writing):
                self._take()
            assert self._newest is not None
            self._in_use[self._newest] += 1
            return Snapshot(self._newest, self._taken_at_change)

    def release(self, snapshot: Snapshot) -> None:
        path = snapshot.path
        with self._lock:
            self._in_use[path] -= 1
            if self._in_use[path] <= 0:
                del self._in_use[path]
                if path != self._newest:
                    shutil.rmtree(path, ignore_errors=True)

    def remove_replicas(self, pid: int) -> None:
        """Delete the copies a worker process made of snapshots (`server.query_worker`), once it has ended."""
        for replica in self.directory.glob(f"replica-{pid}-*"):
            shutil.rmtree(replica, ignore_errors=True)

    def _take(self) -> None:
        """Back up the store into the next numbered directory (the lock is held)."""
        self._taken_at_change = self._changes
        self._generation += 1
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{self._generation:08d}"
        self._store.snapshot(path)
        previous, self._newest = self._newest, path
        if previous is not None and previous not in self._in_use:
            shutil.rmtree(previous, ignore_errors=True)

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def changes(self) -> int:
        """How many writes the store has had: the version of what a query sent now reads."""
        with self._lock:
            return self._changes

    def close(self) -> None:
        """Delete every snapshot; call once no query runs."""
        with self._lock:
            shutil.rmtree(self.directory, ignore_errors=True)
            self._newest = None
            self._in_use.clear()
