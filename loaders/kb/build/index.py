"""A name index over the KB, for a linker that must start in milliseconds.

Loading every record (`read_kb`) takes seconds and hundreds of MB; a
linker needs only the few records whose names occur in an article. The
index is an SQLite file (standard library, memory-mapped by the OS) with
two tables: every name folded to a key -> (kind, QID), and every record's
JSON line by (kind, QID). It is derived from the committed KB files, never
committed itself: `KBIndex.open` builds it on first use and rebuilds it
when the KB files change (their SHA-256 is stored in the index).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from loaders.kb.build.merge import fold
from loaders.kb.build.records import FILES, KB_DIR, Organization, Person, Place, from_row

DEFAULT_PATH = KB_DIR.parent.parent.parent / "var" / "kb-index.sqlite"
_KINDS = tuple(FILES)  # stored as their position: 0 person, 1 organization, 2 place


def kb_digest(kb_dir: Path = KB_DIR) -> str:
    h = hashlib.sha256()
    for kind in _KINDS:
        h.update((kb_dir / FILES[kind]).read_bytes())
    return h.hexdigest()


class KBIndex:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    @classmethod
    def open(cls, kb_dir: Path = KB_DIR, path: Path = DEFAULT_PATH) -> KBIndex:
        """The index of `kb_dir` at `path`, (re)built first when missing or made from other KB files."""
        digest = kb_digest(kb_dir)
        if path.is_file():
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            try:
                row = db.execute("SELECT value FROM meta WHERE key = 'digest'").fetchone()
            except sqlite3.DatabaseError:
                row = None
            if row and row[0] == digest:
                return cls(db)
            db.close()
        build_index(kb_dir, path, digest)
        return cls(sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False))

    def candidates(self, name: str) -> list[tuple[str, str]]:
        """(kind, QID) of every record with this name (label, Indonesian label or alias), folded."""
        rows = self._db.execute("SELECT kind, qid FROM names WHERE key = ? ORDER BY kind, qid", (fold(name),))
        return [(_KINDS[k], f"Q{q}") for k, q in rows]

    def record(self, kind: str, qid: str) -> Person | Organization | Place | None:
        row = self._db.execute("SELECT body FROM records WHERE kind = ? AND qid = ?",
                               (_KINDS.index(kind), int(qid[1:]))).fetchone()
        return from_row(kind, json.loads(row[0])) if row else None

    def close(self) -> None:
        self._db.close()


def build_index(kb_dir: Path, path: Path, digest: str) -> None:
    """Write the index next to `path` and move it into place: a reader never sees half an index."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
            CREATE TABLE records (kind INTEGER, qid INTEGER, body TEXT, PRIMARY KEY (kind, qid)) WITHOUT ROWID;
            CREATE TABLE names (key TEXT, kind INTEGER, qid INTEGER, PRIMARY KEY (key, kind, qid)) WITHOUT ROWID;
        """)
        for number, kind in enumerate(_KINDS):
            for line in _lines(kb_dir / FILES[kind]):
                row = json.loads(line)
                qid = int(row[0][1:])
                db.execute("INSERT INTO records VALUES (?, ?, ?)", (number, qid, line))
                keys = {fold(n) for n in (row[1], row[2], *(a[0] for a in row[3])) if n}
                db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", ((k, number, qid) for k in keys if k))
        db.execute("INSERT INTO meta VALUES ('digest', ?)", (digest,))
        db.commit()
    finally:
        db.close()
    tmp.replace(path)


def _lines(path: Path) -> Iterator[str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield line.rstrip("\n")
