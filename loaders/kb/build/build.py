"""Build the compact KB files from the raw source folders named in `manifest.tsv`.

`build` reads every source of the manifest (one folder per repository,
`<sources>/<owner>/<name>/`, at the commit the manifest names), merges the
facts with the seed CSVs, and writes `persons/organizations/places.jsonl.gz`,
`sources.json` (what each source is and how many records it contributed to)
and `conflicts.tsv` into the output folder. Output files are replaced only
after everything was read: a broken source leaves the old KB untouched.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from loaders.kb.build import sources as src
from loaders.kb.build.merge import ROLE_RANK, Merged, family, merge
from loaders.kb.build.records import FILES, KB, write_jsonl_gz

MANIFEST = Path(__file__).resolve().parent / "manifest.tsv"
SEEDS = Path(__file__).resolve().parents[3] / "seeds" / "wikidata"

Reader = Callable[[Path, src.Skipped], Iterator[src.Fact]]
READERS: dict[str, tuple[Reader, bool]] = {  # reader name -> (function, takes the file at `path` rather than the repo)
    "eps": (src.eps_facts, False),
    "eps-cabinets": (src.eps_cabinet_facts, False),
    "natural-earth": (src.natural_earth_facts, True),
    "countries-states-cities": (src.csc_facts, False),
    "country-codes": (src.country_code_facts, True),
    "soluvas": (src.soluvas_facts, False),
    "ror": (src.ror_facts, False),
    "partyfacts": (src.party_facts, True),
    "newspapers": (src.newspaper_facts, True),
}


class KBBuildError(ValueError):
    """A source that is missing or unreadable; the message names it in one line."""


@dataclass(frozen=True)
class Source:
    id: str
    reader: str
    repo: str  # owner/name on GitHub
    commit: str
    licence: str
    path: str  # the file (or folder) inside the repository the reader takes

    def folder(self, root: Path) -> Path:
        return root / self.repo


def read_manifest(path: Path = MANIFEST) -> list[Source]:
    with path.open(encoding="utf-8", newline="") as f:
        out = []
        for number, row in enumerate(csv.DictReader(f, delimiter="\t"), 2):
            if row.get("reader") not in READERS:
                raise KBBuildError(f"{path}:{number}: unknown reader {row.get('reader')!r}")
            out.append(Source(row["id"], row["reader"], row["repo"], row["commit"], row["licence"], row["path"]))
    return out


def build(sources_dir: Path, out_dir: Path, manifest: Path = MANIFEST, seeds: Path = SEEDS,
          partial: bool = False, log: Callable[[str], None] = lambda line: print(line, file=sys.stderr)) -> Merged:
    """Read all sources, merge, write the KB; `partial` skips manifest sources whose folder is absent."""
    entries = read_manifest(manifest)
    skipped = src.Skipped()
    facts: list[src.Fact] = []
    try:
        facts.extend(src.seed_facts(seeds, skipped))
    except (OSError, KeyError) as e:
        raise KBBuildError(f"{seeds}: seed KB unreadable ({e})") from e
    missing = [e for e in entries if not e.folder(sources_dir).is_dir()]
    if missing and not partial:
        entry, folder = missing[0], missing[0].folder(sources_dir)
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise KBBuildError(f"{folder}: missing{more}; git clone https://github.com/{entry.repo} {folder} "
                           f"&& git -C {folder} checkout {entry.commit}")
    used: list[Source] = []
    alpha3: dict[str, str] = {}
    for entry in (e for e in entries if e not in missing):
        folder = entry.folder(sources_dir)
        _check_commit(folder, entry, log)
        function, takes_file = READERS[entry.reader]
        target = folder / entry.path if takes_file else folder
        before = len(facts)
        try:
            facts.extend(function(target, skipped))
            if entry.reader == "country-codes":
                alpha3 = src.country_code_table(target)
        except (OSError, KeyError, ValueError, StopIteration) as e:
            raise KBBuildError(f"{target}: cannot read as {entry.reader} source ({type(e).__name__}: {e})") from e
        used.append(entry)
        log(f"{entry.id}: {len(facts) - before} facts")
    merged = merge(facts, alpha3)
    _write(out_dir, merged, used, skipped)
    return merged


def _check_commit(folder: Path, entry: Source, log: Callable[[str], None]) -> None:
    """Warn (not fail) when a cloned source is not at the manifest's commit: the build is then not reproducible."""
    if not (folder / ".git").exists():
        return
    head = subprocess.run(["git", "-C", str(folder), "rev-parse", "HEAD"], capture_output=True, text=True).stdout
    if head.strip() and head.strip() != entry.commit:
        log(f"warning: {folder} is at {head.strip()[:12]}, the manifest names {entry.commit[:12]}")


def _write(out_dir: Path, merged: Merged, used: list[Source], skipped: src.Skipped) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    write_jsonl_gz(out_dir / FILES["person"], merged.persons)
    write_jsonl_gz(out_dir / FILES["organization"], merged.organizations)
    write_jsonl_gz(out_dir / FILES["place"], merged.places)
    contributed: Counter[tuple[str, str]] = Counter()
    for kind, records in (("person", merged.persons), ("organization", merged.organizations),
                          ("place", merged.places)):
        for r in records:
            for s in r.sources:
                contributed[(s, kind)] += 1
    listing = [{"id": src.SEED, "reader": "seed", "repo": "kabar seeds/wikidata (verified CSVs)", "commit": "",
                "licence": "CC0 (Wikidata identifiers); see seeds/wikidata/SOURCES.md", "path": "seeds/wikidata"}]
    listing += [vars(e) for e in used]
    for item in listing:
        item["records"] = {k: contributed[(item["id"], k)] for k in FILES if contributed[(item["id"], k)]}
        item["rows_skipped"] = skipped.counts.get(item["id"], 0)
    (out_dir / "sources.json").write_text(json.dumps(listing, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    with (out_dir / "conflicts.tsv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["kind", "name", "country", "kept", "dropped", "sources"])
        for c in merged.conflicts:
            w.writerow([c.kind, c.name, c.country or "", " ".join(c.kept), " ".join(c.dropped),
                        "; ".join(f"{q}={','.join(s)}" for q, s in sorted(c.sources.items()))])


def stats(kb: KB, listing: list[dict] | None = None) -> dict[str, int]:
    """`kabar kb stats`-style counts: per kind, names, offices, agreement of sources."""
    out: dict[str, int] = {"persons": len(kb.persons), "organizations": len(kb.organizations),
                           "places": len(kb.places)}
    out["persons with an Indonesian label"] = sum(1 for p in kb.persons if p.label_id)
    out["persons with a description"] = sum(1 for p in kb.persons if p.description)
    out["persons with a country"] = sum(1 for p in kb.persons if p.country)
    out["persons with an office"] = sum(1 for p in kb.persons if p.offices)
    out["persons with a dated office"] = sum(1 for p in kb.persons if any(o.start for o in p.offices))
    out["offices"] = sum(len(p.offices) for p in kb.persons)
    out["offices with a start date"] = sum(1 for p in kb.persons for o in p.offices if o.start)
    for role in ROLE_RANK:
        out[f"persons with an office of role {role}"] = sum(
            1 for p in kb.persons if any(o.role == role for o in p.offices))
    for kind, records in (("organizations", kb.organizations), ("places", kb.places)):
        for value, n in sorted(Counter(r.kind for r in records).items()):
            out[f"{kind}: {value}"] = n
        out[f"{kind} with an Indonesian label"] = sum(1 for r in records if r.label_id)
    out["places with coordinates"] = sum(1 for p in kb.places if p.lat is not None)
    for kind, records in (("persons", kb.persons), ("organizations", kb.organizations), ("places", kb.places)):
        out[f"{kind} from 2+ sources"] = sum(1 for r in records if len(r.sources) >= 2)
        out[f"{kind} from 2+ independent source families"] = sum(
            1 for r in records if len({family(s) for s in r.sources}) >= 2)
    if listing:
        families: Counter[str] = Counter()
        for item in listing:
            for kind, n in item.get("records", {}).items():
                families[f"records from {family(item['id'])} ({kind})"] += n
        out.update(sorted(families.items()))
    return out
