"""A name index over the KB, for a linker that must start in milliseconds.

Loading every record (`read_kb`) takes seconds and hundreds of MB; a
linker needs only the few records whose names occur in an article. The
index is an SQLite file (standard library, memory-mapped by the OS) with
four tables: every name folded to a key -> (kind, QID), every record's
JSON line by (kind, QID), the first words of person labels with how
often they open a person's label and any other record's name (the
recognizers' given names: 'Dmytro', 'Ana', 'Xu'), and the surnames of the
people who held an office other than a seat in a legislature (the
'Lavrov' of 'Russian Foreign Minister Lavrov'). It is derived from the committed KB files, never
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

from loaders.kb.build.leaders import LEADERS, read_leaders
from loaders.kb.build.merge import fold
from loaders.kb.build.records import FILES, KB_DIR, Organization, Person, Place, from_row
from loaders.kb.model import KBEntry

Record = Person | Organization | Place

DEFAULT_PATH = KB_DIR.parent.parent.parent / "var" / "kb-index.sqlite"
_KINDS = tuple(FILES)  # stored as their position: 0 person, 1 organization, 2 place
_CACHE_SIZE = 20_000
_SCHEMA = "6"  # part of the digest: an index written by an older kabar is rebuilt
LEGISLATOR = "legislator"  # an office's role whose holders are too many to be named by surname


def kb_digest(kb_dir: Path = KB_DIR) -> str:
    h = hashlib.sha256(_SCHEMA.encode())
    for kind in _KINDS:
        h.update((kb_dir / FILES[kind]).read_bytes())
    if (kb_dir / LEADERS).is_file():
        h.update((kb_dir / LEADERS).read_bytes())
    return h.hexdigest()


class KBIndex:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._pid = os.getpid()
        self._connection = _read_only(path)
        self._cache: dict[str, tuple[Person | Organization | Place, ...]] = {}  # names news repeats
        self._officials: dict[str, tuple[Person, ...]] = {}  # surnames, likewise

    @classmethod
    def open(cls, kb_dir: Path = KB_DIR, path: Path = DEFAULT_PATH) -> KBIndex:
        """The index of `kb_dir` at `path`, (re)built first when missing or made from other KB files."""
        digest = kb_digest(kb_dir)
        if path.is_file():
            db = _read_only(path)
            try:
                row = db.execute("SELECT value FROM meta WHERE key = 'digest'").fetchone()
            except sqlite3.DatabaseError:
                row = None
            db.close()
            if row and row[0] == digest:
                return cls(path)
        build_index(kb_dir, path, digest)
        return cls(path)

    @property
    def _db(self) -> sqlite3.Connection:
        """This process's connection: a process forked to extract in parallel opens its own, as SQLite
        connections must not cross a fork."""
        if self._pid != os.getpid():
            self._pid, self._connection = os.getpid(), _read_only(self._path)
        return self._connection

    def candidates(self, name: str) -> list[tuple[str, str]]:
        """(kind, QID) of every record with this name (label, Indonesian label or alias), folded."""
        rows = self._db.execute("SELECT kind, qid FROM names WHERE key = ? ORDER BY kind, qid", (fold(name),))
        return [(_KINDS[k], f"Q{q}") for k, q in rows]

    def record(self, kind: str, qid: str) -> Person | Organization | Place | None:
        row = self._db.execute("SELECT body FROM records WHERE kind = ? AND qid = ?",
                               (_KINDS.index(kind), int(qid[1:]))).fetchone()
        return from_row(kind, json.loads(row[0])) if row else None

    def any_record(self, qid: str) -> Person | Organization | Place | None:
        """The record of this QID, whatever its kind."""
        return next((r for r in (self.record(kind, qid) for kind in _KINDS) if r is not None), None)

    def records(self, name: str) -> list[Person | Organization | Place]:
        """Every record with this name (label, Indonesian label or alias), folded; one query per new name."""
        key = fold(name)
        found = self._cache.get(key)
        if found is None:
            rows = self._db.execute(
                "SELECT r.kind, r.body FROM names n JOIN records r ON r.kind = n.kind AND r.qid = n.qid"
                " WHERE n.key = ? ORDER BY n.kind, n.qid", (key,))
            found = tuple(from_row(_KINDS[k], json.loads(body)) for k, body in rows)
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = found
        return list(found)

    def shared_label(self, label: str) -> bool:
        """Whether several records share this label ('Ministry of Foreign Affairs'): it names no one entity well."""
        return len(prominent(label, self.records(label))) > 1

    def names_from(self, prefix: str, limit: int = 5000) -> list[tuple[str, str, str]]:
        """(folded name, kind, QID) of the names that start with the folded `prefix`, at most `limit`: the
        candidates a near-name search compares ('tony ' for a 'Tony Abbot' no name matches exactly)."""
        key = fold(prefix)
        rows = self._db.execute("SELECT key, kind, qid FROM names WHERE key >= ? AND key < ? LIMIT ?",
                                (key, key + "\U0010ffff", limit))
        return [(k, _KINDS[kind], f"Q{q}") for k, kind, q in rows]

    def officials(self, surname: str) -> list[Person]:
        """The people of this surname (their label's last word, or an alias's, folded) who held an office other
        than a seat in a legislature."""
        key = fold(surname)
        found = self._officials.get(key)
        if found is None:
            rows = self._db.execute("SELECT r.body FROM surnames s JOIN records r ON r.kind = 0 AND r.qid = s.qid"
                                    " WHERE s.word = ? ORDER BY s.qid", (key,))
            found = tuple(r for (body,) in rows if isinstance(r := from_row("person", json.loads(body)), Person))
            if len(self._officials) >= _CACHE_SIZE:
                self._officials.clear()
            self._officials[key] = found
        return list(found)

    def has_name(self, name: str) -> bool:
        return self._db.execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (fold(name),)).fetchone() is not None

    def given_names(self, min_persons: int, max_share: float) -> frozenset[str]:
        """First words of at least `min_persons` person labels that open other names at most `max_share` as often."""
        rows = self._db.execute("SELECT word FROM given WHERE persons >= ? AND others <= persons * ?",
                                (min_persons, max_share))
        return frozenset(w for (w,) in rows)

    def counts(self) -> dict[str, int]:
        """Records per extractor type: Person, Organization, Country, Place."""
        out = {"Person": 0, "Organization": 0, "Country": 0, "Place": 0}
        for kind, country, n in self._db.execute(
                "SELECT kind, kind = 2 AND json_extract(body, '$[5]') = 'country', count(*) FROM records"
                " GROUP BY 1, 2"):
            out["Country" if country else ("Person", "Organization", "Place")[kind]] += n
        return out

    def close(self) -> None:
        self._connection.close()


def source_counts(kb_dir: Path = KB_DIR) -> dict[str, dict[str, int]]:
    """Records per source family ('eps' for EveryPolitician's 120 country files) and kind, from `sources.json`;
    a record several sources give counts for each."""
    out: dict[str, dict[str, int]] = {}
    for source in json.loads((kb_dir / "sources.json").read_text(encoding="utf-8")):
        family = out.setdefault(source["id"].split(":")[0], {})
        for kind, n in source.get("records", {}).items():
            family[kind] = family.get(kind, 0) + n
    return out


PROMINENT_CITY = 500_000
"""People in a city that stands for its name ('Geneva') where others share it, five times the next place."""
_PROMINENT_RATIO = 5


def is_prominent_city(record: Record) -> bool:
    return isinstance(record, Place) and record.kind in ("city", "capital") \
        and (record.population or 0) >= PROMINENT_CITY


def prominent(name: str, records: list[Record]) -> list[Record]:
    """'Geneva': of places of one name, a city far larger than every other (the canton, a village that has the
    name as an alias) is the one news means, as a reader takes it; other names keep all their records."""
    places = sorted((r for r in records if isinstance(r, Place)), key=lambda r: r.population or 0, reverse=True)
    if len(places) < 2 or len(places) != len(records):
        return records
    largest, second = places[0], places[1].population or 0
    if is_prominent_city(largest) and fold(largest.label) == fold(name) \
            and (largest.population or 0) >= _PROMINENT_RATIO * second:
        return [largest]
    return records


def record_type(record: Record) -> str:
    """The mention type of a record: a place of kind country is a Country."""
    if isinstance(record, Person):
        return "Person"
    if isinstance(record, Organization):
        return "Organization"
    return "Country" if record.kind == "country" else "Place"


def as_entry(record: Record) -> KBEntry:
    """A record as the extractor's `KBEntry` (what the linker weighs and the store's KB graph holds)."""
    return KBEntry(record.qid, record_type(record), record.label, record.label_id, record.aliases,
                   record.description if not isinstance(record, Place) else None, record.country,
                   None if isinstance(record, Person) else record.kind)


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
            CREATE TABLE given (word TEXT PRIMARY KEY, persons INTEGER, others INTEGER) WITHOUT ROWID;
            CREATE TABLE surnames (word TEXT, qid INTEGER, PRIMARY KEY (word, qid)) WITHOUT ROWID;
        """)
        firsts: dict[str, list[int]] = {}
        later: dict[str, list[list[str | None]]] = {}  # offices taken after the KB's sources (`leaders.py`)
        for leader in read_leaders(kb_dir):
            later.setdefault(leader.qid, []).append(leader.as_office())
        for number, kind in enumerate(_KINDS):
            for line in _lines(kb_dir / FILES[kind]):
                row = json.loads(line)
                if number == 0 and row[0] in later:
                    row[7] = [*row[7], *later[row[0]]]
                    line = json.dumps(row, ensure_ascii=False)
                qid = int(row[0][1:])
                db.execute("INSERT INTO records VALUES (?, ?, ?)", (number, qid, line))
                keys = {fold(n) for n in (row[1], row[2], *(a[0] for a in row[3])) if n}
                db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", ((k, number, qid) for k in keys if k))
                person_label = fold(row[1]) if number == 0 else None
                if number == 0 and any(office[5] != LEGISLATOR for office in row[7]):
                    # a name of capitalised words only: not 'Charles III of the United Kingdom'
                    surnames = {fold(n).split()[-1] for n in (row[1], row[2], *(a[0] for a in row[3]))
                                if n and len(n.split()) > 1 and all(w[:1].isupper() for w in n.split())}
                    db.executemany("INSERT OR IGNORE INTO surnames VALUES (?, ?)", ((w, qid) for w in surnames))
                for k in keys if number else (person_label,):
                    if k and " " in k:
                        firsts.setdefault(k.split()[0], [0, 0])[number != 0] += 1
        db.executemany("INSERT INTO given VALUES (?, ?, ?)", ((w, n[0], n[1]) for w, n in firsts.items() if n[0]))
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


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
