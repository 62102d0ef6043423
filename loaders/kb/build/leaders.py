"""`python -m loaders.kb.build.leaders CLONE [--out seeds/wikidata/kb/leaders.csv]`: leaders since the KB's sources.

The large KB's offices come from sources of 2022 to 2023, so it does not know
who took office after them: 'Prabowo' alone in a 2025 article is the
president of Indonesia, 'Sheinbaum' Mexico's, 'Trump' the president again,
and the surname rule of `loaders.components.kb_names` needs that office on
the article's day. The `open-data-archive/world-leaders-current` dataset
(CC BY-SA 4.0, from Wikipedia and Wikidata) lists the heads of state and
government of 30 states and bodies, each with a QID and the day they took
office (`data/countries/*/current.json`). A row is kept only where the KB
pairs the same name with the same QID, so two sources agree on every QID
(the dataset gives Ursula von der Leyen Viktor Orbán's), and only with the
day it began; the state's QID comes from the verified
`seeds/wikidata/countries.csv`.
`make leaders` runs this; `KBIndex` adds the rows to the persons' offices.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from loaders.kb.build.merge import fold
from loaders.kb.build.records import KB_DIR, Person
from loaders.kb.seed import SEED_KB_DIR
from loaders.normalize import person_key

if TYPE_CHECKING:  # the index reads this module's rows: imported where it runs, not at load
    from loaders.kb.build.index import KBIndex

LEADERS = "leaders.csv"
FIELDS = ("qid", "name", "office", "of", "start", "end", "role")
_BODIES = {"african_union": ("Q7159", "African Union"), "european_union": ("Q458", "European Union")}
# rows of the dataset that contradict the verified seed: the King of Saudi Arabia is Salman
# (`seeds/wikidata/people.csv`), not the crown prince, who is the prime minister
_CONTRADICTED = {("Q6892571", "King")}


@dataclass(frozen=True)
class LeaderRow:
    """A head of state or government's office the KB's sources end before: who, which post of which state, when."""

    qid: str
    name: str
    office: str
    of: str
    start: str
    end: str
    role: str  # "leader" for a state's head, "international" for a body's

    def as_office(self) -> list[str | None]:
        """The office as a KB person row stores it (`records.Office` fields, in order)."""
        return [None, self.office, self.of, self.start or None, self.end or None, self.role]


def read_leaders(kb_dir: Path = KB_DIR) -> list[LeaderRow]:
    """The rows of `kb_dir/leaders.csv`, none when it is absent."""
    path = kb_dir / LEADERS
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return [LeaderRow(**{k: row[k] for k in FIELDS}) for row in csv.DictReader(f)]


def leader_rows(clone: Path, iso2_to_qid: dict[str, str], index: KBIndex) -> tuple[list[LeaderRow], list[str]]:
    """The rows the dataset in `clone` gives, and one line for each holder it names that is left out, with why."""
    rows: dict[tuple[str, str], LeaderRow] = {}
    left: list[str] = []
    for path in sorted((clone / "data" / "countries").glob("*/current.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        code = path.parent.name
        state, country = _BODIES.get(code, (iso2_to_qid.get(data["country"]["iso_code"], ""),
                                            data["country"]["name_en"]))
        if not state:
            left.append(f"{path}: no seed country with ISO code {data['country']['iso_code']}")
            continue
        role = "international" if code in _BODIES else "leader"
        for position in data["positions"].values():
            holder = position.get("current_holder") or {}
            title = position["title_en"].split(" (")[0]
            office = title if " of " in title else f"{title} of {country}"
            row = LeaderRow(holder.get("wikidata_id") or "", holder.get("name_en") or "", office, state,
                            holder.get("since") or "", "", role)
            if why := _wrong(row, title, index):
                left.append(f"{path}: {row.name or '(no holder)'} as {title}: {why}")
            else:
                rows.setdefault((row.qid, row.office), row)
    return sorted(rows.values(), key=lambda r: (r.office, r.start, r.qid)), left


def _wrong(row: LeaderRow, title: str, index: KBIndex) -> str | None:
    """Why the row cannot be kept, or None."""
    if not row.qid or not row.name or not row.start:
        return "no holder, QID or start"  # with no start, a surname would name this leader in every year
    if (row.qid, title) in _CONTRADICTED:
        return "contradicts the verified seed"
    record = index.record("person", row.qid)
    if not isinstance(record, Person):
        return f"{row.qid} is no person of the KB"
    names = [n for n in (record.label, record.label_id, *(a[0] for a in record.aliases)) if n]
    if not any(fold(row.name) == fold(n) or _spelled_alike(row.name, n) for n in names):
        return f"the KB names {row.qid} {record.label!r}"
    return None


def _spelled_alike(a: str, b: str) -> bool:
    """'Mohammed bin Salman' and the KB's 'Mohammad bin Salman': one name in two spellings."""
    key = person_key(fold(a).split())
    return key is not None and key == person_key(fold(b).split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders.kb.build.leaders", description=__doc__)
    parser.add_argument("clone", type=Path, help="a checkout of open-data-archive/world-leaders-current")
    parser.add_argument("--out", type=Path, default=KB_DIR / LEADERS)
    args = parser.parse_args(argv)
    from loaders.kb.build.index import KBIndex

    try:
        with (SEED_KB_DIR / "countries.csv").open(encoding="utf-8", newline="") as f:
            iso2_to_qid = {r["iso2"]: r["qid"] for r in csv.DictReader(f)}
        rows, left = leader_rows(args.clone, iso2_to_qid, KBIndex.open())
    except (OSError, ValueError, KeyError) as e:
        print(f"leaders: {e}", file=sys.stderr)
        return 1
    with args.out.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(FIELDS)
        out.writerows([getattr(r, k) for k in FIELDS] for r in rows)
    for line in left:
        print(f"left out: {line}")
    print(f"{len(rows)} offices of {len({r.qid for r in rows})} leaders -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
