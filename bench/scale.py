"""Ingest at scale: N articles made from the real ones, through `kabar ingest --jobs J`, and what it costs.

    .venv/bin/python -m bench.scale [--articles 1000] [--jobs 1 2] [--scheduler local] [--keep DIR]
                                    [--remote sparql+http://HOST:PORT/sparql]

The articles are the real ones of the repository (170 now: `seeds/articles`,
`tests/data/news/`) cycled, each copy with its own URL and one more sentence
naming a spokesperson from 900 generated names (so persons keep arriving, as
in an archive); copies of one article report the same events, so stories
grow as they would in a feed. For each `--jobs` (and each again on the Dask
`--scheduler`) it prints articles per second
end to end (the whole `kabar ingest`, reading included), the peak resident
memory of the ingest and its workers together (sampled every 0.2 s), the store's size on disk per article,
and the median time of each offline query in `seeds/queries/` on the result.
With `--remote`, every run goes into that SPARQL store instead (kabar's
graphs in it dropped first; its size on disk and its server's memory are not
measured here: "nan" KB per article). No data comes from outside the repository.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from loaders.read import read_all
from store import open_store
from store.quad_store import KABAR_PREFIXES

ROOT = Path(__file__).resolve().parent.parent
REAL = [ROOT / "seeds" / "articles", *sorted((ROOT / "tests" / "data" / "news").glob("*/*.articles.jsonl"))]
GIVEN = ("Adi", "Bima", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hadi", "Indah", "Joko", "Kartika", "Lestari",
         "Made", "Nanda", "Oki", "Putri", "Rizal", "Sari", "Teguh", "Umar", "Vina", "Wahyu", "Yudi", "Zahra",
         "Bayu", "Dian", "Galih", "Intan", "Lukman", "Ratna")
FAMILY = ("Santoso", "Wijaya", "Pratama", "Hidayat", "Kusuma", "Nugroho", "Saputra", "Siregar", "Harahap",
          "Nasution", "Simanjuntak", "Lubis", "Hutapea", "Tanjung", "Suryadi", "Gunawan", "Halim", "Rahman",
          "Setiawan", "Purnomo", "Wibowo", "Susanto", "Hakim", "Firmansyah", "Ramadhan", "Syahputra", "Utomo",
          "Prasetyo", "Maulana", "Situmorang")
SAID = {"id": "{name}, juru bicara kementerian, mengatakan pertemuan itu berjalan baik.",
        "en": "{name}, a ministry spokesperson, said the meeting went well."}


def generate(count: int, out: Path, start: int = 0) -> None:
    """`count` articles as JSON lines: the real ones cycled, each copy its own URL and spokesperson; `start`
    numbers the first, so that another call makes other articles."""
    real = read_all(REAL)
    with out.open("w", encoding="utf-8") as f:
        for k in range(start, start + count):
            a = real[k % len(real)]
            name = f"{GIVEN[k % len(GIVEN)]} {FAMILY[(k // len(GIVEN)) % len(FAMILY)]}"
            text = a.text.rstrip() + "\n\n" + SAID.get(a.lang, SAID["en"]).format(name=name)
            f.write(json.dumps({"url": f"{a.url or a.iri}#copy-{k // len(real)}", "title": a.title, "text": text,
                                "lang": a.lang, "published": a.published_iso, "source": a.source}) + "\n")


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (the ingest and its workers), in MB."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            pending += [int(c) for task in Path(f"/proc/{current}/task").iterdir()
                        for c in (task / "children").read_text().split()]
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total / 1024


def disk_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def query_medians(location: Path | str) -> dict[str, float]:
    """Milliseconds of each offline shipped query over the union default graph, median of 3."""
    out = {}
    with open_store(location, read_only=True) as store:
        for path in sorted((ROOT / "seeds" / "queries").glob("*.rq")):
            text = path.read_text(encoding="utf-8")
            if "SERVICE" in text:
                continue
            times = []
            for _ in range(3):
                began = time.perf_counter()
                list(store.query(text, union_default_graph=True, prefixes=KABAR_PREFIXES))
                times.append(1000 * (time.perf_counter() - began))
            out[path.name] = statistics.median(times)
    return out


def emptied(location: str) -> None:
    """Drop kabar's graphs from a remote store, so each run starts from nothing."""
    with open_store(location) as store:
        names = store.graph_names()
        if names:
            store.update(" ;\n".join(f"DROP SILENT GRAPH <{name}>" for name in names))


def ingest(store: Path | str, articles: Path, jobs: int, scheduler: str | None = None) -> tuple[float, float]:
    """Seconds of `kabar ingest --jobs` (on the Dask `scheduler` when given) and the peak resident memory (MB)
    of it and its workers (a `local` cluster's workers are its children; a remote cluster's are not counted)."""
    began = time.perf_counter()
    on_cluster = ["--scheduler", scheduler] if scheduler else []
    run = subprocess.Popen([sys.executable, "-m", "kabar.cli", "--store", str(store), "-q", "ingest",
                            "--jobs", str(jobs), *on_cluster, str(articles)], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
    peak = 0.0
    while run.poll() is None:
        peak = max(peak, tree_rss_mb(run.pid))
        time.sleep(0.2)
    if run.returncode != 0:
        raise SystemExit(f"kabar ingest failed: {run.stderr.read().strip() if run.stderr else ''}")
    return time.perf_counter() - began, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--backfill", type=int, default=100,
                        help="then this many more articles, as old as those stored (events rebuilt, not appended)")
    parser.add_argument("--keep", type=Path, help="keep the stores under this folder")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="also ingest on this Dask scheduler ('local': a cluster of --jobs processes), a row each")
    parser.add_argument("--remote", metavar="sparql+http://…",
                        help="ingest into this SPARQL store instead (kabar's graphs in it dropped before each run)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kabar-scale-"))
    try:
        run(args, work)
    finally:
        shutil.rmtree(work)


def run(args: argparse.Namespace, work: Path) -> None:
    articles, later = work / "articles.jsonl", work / "backfill.jsonl"
    generate(args.articles, articles)
    generate(args.backfill, later, start=args.articles)
    print(f"{args.articles} articles ({articles.stat().st_size / 1e6:.1f} MB of JSON lines)")
    print(f"{'jobs':>4} {'seconds':>8} {'articles/s':>10} {'peak RSS MB':>11} {'store KB/article':>16}  "
          f"back-fill of {args.backfill} (articles/s)  queries (ms)")
    runs = [(jobs, None) for jobs in args.jobs] + [(jobs, args.scheduler) for jobs in args.jobs if args.scheduler]
    for jobs, scheduler in runs:
        store: Path | str = args.remote or (args.keep or work) / f"store-jobs-{jobs}{'-dask' if scheduler else ''}"
        if args.remote:
            emptied(args.remote)
        seconds, peak = ingest(store, articles, jobs, scheduler)
        size = disk_bytes(store) / args.articles / 1024 if isinstance(store, Path) else float("nan")
        medians = query_medians(store)
        backfill, _ = ingest(store, later, jobs, scheduler) if args.backfill else (0.0, 0.0)
        where = f"{jobs}{' on Dask' if scheduler else ''}"
        print(f"{where:>4} {seconds:>8.1f} {args.articles / seconds:>10.1f} {peak:>11.0f} {size:>16.1f}  "
              f"{args.backfill / backfill if backfill else 0:>35.1f}  "
              + ", ".join(f"{name.removesuffix('.rq')} {ms:.0f}" for name, ms in medians.items()), flush=True)


if __name__ == "__main__":
    main()
