"""Time to first byte and peak memory of a server while it streams one large result, repeated.

Memory is the resident set of the server process and all its descendants
(kabar's query workers), sampled every 5 ms from /proc while the client
reads the body, which it counts and drops.

    python stream_probe.py --url http://127.0.0.1:8077/sparql --pid PID [--query FILE] [--times 7]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import threading
import time
from pathlib import Path

import requests

LARGE_SELECT = """PREFIX ns: <http://example.org/ns#>
SELECT ?article ?e1 ?e2 WHERE { GRAPH ?g { ?article ns:mentions ?e1 , ?e2 . } }
LIMIT 100000
"""
"""kg_mix.rq's large_select."""

PAGE = os.sysconf("SC_PAGE_SIZE")


def tree(pid: int) -> list[int]:
    """`pid` and its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError, IndexError):
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    return total * PAGE / 2**20


def probe(url: str, pid: int, query: str) -> tuple[float, float, float, int]:
    """(TTFB s, total s, peak RSS MB, body bytes) of one request."""
    pids = tree(pid)
    peak = [rss_mb(pids)]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.005):
            peak[0] = max(peak[0], rss_mb(pids))

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.perf_counter()
    response = requests.post(url, data=query.encode(), stream=True, timeout=60, headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    first, size = None, 0
    for chunk in response.iter_content(65536):
        first = first or time.perf_counter()
        size += len(chunk)
    total = time.perf_counter() - started
    done.set()
    sampler.join()
    response.raise_for_status()
    return (first or started) - started, total, peak[0], size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--pid", type=int, required=True, help="the server's process id")
    parser.add_argument("--query", type=Path, help="default: kg_mix.rq's large_select")
    parser.add_argument("--times", type=int, default=7)
    args = parser.parse_args()
    query = args.query.read_text() if args.query else LARGE_SELECT
    runs = [probe(args.url, args.pid, query) for _ in range(args.times)]
    ttfb = statistics.median(r[0] * 1000 for r in runs)
    total = statistics.median(r[1] * 1000 for r in runs)
    print(f"{args.url}: {runs[0][3]:,} bytes; TTFB median {ttfb:.1f} ms (min {min(r[0] for r in runs) * 1000:.1f}), "
          f"total median {total:.0f} ms, peak RSS (server and its children) {max(r[2] for r in runs):.1f} MB, "
          f"processes {len(tree(args.pid))}")


if __name__ == "__main__":
    main()
