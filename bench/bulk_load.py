"""Bulk load through the Graph Store Protocol, kabar against `oxigraph serve`, side by side.

    .venv/bin/python -m bench.bulk_load [--triples 375000] [--rounds 3]

Each round starts each server on a fresh store, POSTs the same N-Triples
body (about 220 bytes a triple: 375,000 triples are 82 MB) to
`/store?default`, and reads the time of the request and the growth of the
server's resident memory (its worker processes included), then stops it.
Prints each round and the medians; kabar's time over Oxigraph's is the
ratio the issue's target names (<= 1.3), and kabar's growth should stay
under 150 MB.
"""

from __future__ import annotations

import argparse
import http.client
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
TOKEN = "bench-bulk-load"


def body(path: Path, triples: int) -> None:
    words = "kabar menulis berita menjadi graf pengetahuan yang bisa ditanyai dengan SPARQL " * 2
    with path.open("w", encoding="utf-8") as out:
        for i in range(triples):
            out.write(f'<http://bench.example/s{i}> <http://bench.example/p{i % 50}> "{words[:150]} {i}" .\n')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of the process and its children (kabar's query workers)."""
    pids = [pid, *(int(c) for t in Path(f"/proc/{pid}/task").glob("*/children") for c in t.read_text().split())]
    total = 0
    for p in pids:
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def start(kind: str, work: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    store = work / f"{kind}-store"
    if kind == "kabar":
        seed = work / "one.nt"
        seed.write_text('<http://bench.example/seed> <http://bench.example/p> "seed" .\n', encoding="utf-8")
        subprocess.run([str(BIN / "kabar"), "--store", str(store), "-q", "load", str(seed)], check=True,
                       stdout=subprocess.DEVNULL)
        config = work / "kabar.toml"
        config.write_text(f'write_token = "{TOKEN}"\nmax_load_bytes = {1 << 30}\n', encoding="utf-8")
        command = [str(BIN / "kabar"), "--store", str(store), "serve", "--port", str(port), "--config", str(config)]
    else:
        command = [str(BIN / "oxigraph"), "serve", "--location", str(store), "--bind", f"127.0.0.1:{port}",
                   "--union-default-graph"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/store?default", timeout=1).read()
            return process, port
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{kind} did not start")


def post(port: int, path: Path) -> tuple[int, float]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    began = time.perf_counter()
    with path.open("rb") as data:
        connection.request("POST", "/store?default", body=data, headers={
            "Content-Type": "application/n-triples", "Content-Length": str(path.stat().st_size),
            "Authorization": f"Bearer {TOKEN}"})
        reply = connection.getresponse()
        reply.read()
    return reply.status, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=375_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kabar-bulk-"))
    try:
        data = work / "body.nt"
        body(data, args.triples)
        print(f"{args.triples:,} triples, {data.stat().st_size / 1e6:.0f} MB of N-Triples, POST /store?default")
        seconds: dict[str, list[float]] = {"kabar": [], "oxigraph": []}
        growth: dict[str, list[float]] = {"kabar": [], "oxigraph": []}
        for round_ in range(1, args.rounds + 1):
            for kind in ("kabar", "oxigraph"):
                process, port = start(kind, work)
                before = rss_mb(process.pid)
                status, took = post(port, data)
                after = rss_mb(process.pid)
                process.terminate()
                process.wait(timeout=60)
                shutil.rmtree(work / f"{kind}-store")
                if status not in (200, 201, 204):
                    raise SystemExit(f"{kind} answered {status}")
                seconds[kind].append(took)
                growth[kind].append(after - before)
                print(f"round {round_} {kind:8} {took:6.2f} s  RSS {before:6.0f} -> {after:6.0f} MB", flush=True)
        k, o = (statistics.median(seconds[x]) for x in ("kabar", "oxigraph"))
        grew = {x: statistics.median(growth[x]) for x in growth}
        print(f"median: kabar {k:.2f} s, oxigraph {o:.2f} s, kabar/oxigraph time {k / o:.2f}; RSS growth "
              f"kabar {grew['kabar']:.0f} MB, oxigraph {grew['oxigraph']:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
