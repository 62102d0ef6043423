"""Crash and load trials we run ourselves (issue 15, item 4); each prints a table, docs/RELIABILITY.md keeps them.

    .venv/bin/python -m bench.reliability crash-ingest [--trials 20]
    .venv/bin/python -m bench.reliability crash-serve [--trials 5]
    .venv/bin/python -m bench.reliability runaway [--queries 20]
    .venv/bin/python -m bench.reliability soak [--minutes 10]

- crash-ingest: `kabar ingest` of the real development and test articles (170 now), killed with SIGKILL at a random
  moment, fresh and over a store that already holds them; every article graph left must equal the one a clean
  ingest writes (no half article), and running the ingest again must give the clean store quad for quad. The
  events graph is reported apart (until stop 25, which reports merged into one event depended on the order in
  which the articles arrived).
- crash-serve: `kabar serve` over that store takes writes from 2 SPARQL Update clients (`INSERT DATA` of a new
  graph of 25 triples) and 1 Graph Store Protocol client (`PUT` of one), while 2 clients read back graphs being
  written, and is killed with SIGKILL at a random moment. Restarted on the same store, every write it
  acknowledged (2xx) must be there whole, every other absent or whole; a read must never have seen part of a
  graph; no worker process may still run 10 s after the server died.
- runaway: `kabar serve` with a 2 s query timeout and 2 workers gets `--queries` endless queries at once; then
  `/health` and a small query must answer within 2 s, and no worker process may be left over its count.
- soak: `kabar serve` (result cache off, so that every query runs in a worker) answers 2 clients asking the
  queries of `bench.repeated_queries` over and over without a pause; its resident memory (server and workers)
  is sampled every 30 s; errors are counted.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from bench.repeated_queries import workload

ROOT = Path(__file__).resolve().parent.parent
KABAR = [sys.executable, "-m", "kabar.cli"]
ARTICLES = [ROOT / "seeds" / "articles", *sorted((ROOT / "tests" / "data" / "news").glob("*/*.articles.jsonl"))]
ONTOLOGY_GRAPH = "https://w3id.org/kabar/graph/ontology"
EVENTS_GRAPH = "<https://w3id.org/kabar/graph/events>"
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def quads(store: Path) -> dict[str, set[str]]:
    """Every graph's quads as N-Quads lines, the ontology's left out (its blank nodes differ from load to load)."""
    done = subprocess.run([*KABAR, "--store", str(store), "export", "--format", "nquads"], capture_output=True,
                          text=True, check=True)
    graphs: dict[str, set[str]] = {}
    for line in done.stdout.splitlines():
        if line and not line.rstrip(" .").endswith(f"<{ONTOLOGY_GRAPH}>"):
            graphs.setdefault(line.rstrip(" .").rsplit(" ", 1)[-1], set()).add(line)
    return graphs


def ingest(store: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*KABAR, "--store", str(store), "-q", "ingest", *map(str, ARTICLES)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def crash_ingest(trials: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="kabar-crash-"))
    clean = work / "clean"
    began = time.monotonic()
    assert ingest(clean).wait() == 0
    seconds = time.monotonic() - began
    reference = quads(clean)
    articles = {g for g in reference if "/id/article/" in g}
    rng = random.Random(15)
    print(f"clean ingest: {len(articles)} articles in {seconds:.1f} s; {trials} trials, SIGKILL at a random moment")
    print("trial | over      | killed at | articles left | half articles | after re-running")
    failures = 0
    for k in range(trials):
        store = work / f"trial-{k}"
        over = "fresh" if k % 2 == 0 else "re-ingest"
        if over == "re-ingest":
            shutil.copytree(clean, store)
        running = ingest(store)
        at = rng.uniform(0.5, seconds)
        time.sleep(at)
        running.send_signal(signal.SIGKILL)
        running.wait()
        left = quads(store) if (store / "CURRENT").exists() else {}
        stored = {g for g in left if "/id/article/" in g}
        half = sorted(g for g in stored if left[g] != reference.get(g))
        assert ingest(store).wait() == 0
        again = quads(store)
        differ = sorted(g for g in set(again) | set(reference) if again.get(g) != reference.get(g))
        events = len(again.get(EVENTS_GRAPH, set()) ^ reference.get(EVENTS_GRAPH, set()))
        failures += bool(half) or bool(set(differ) - {EVENTS_GRAPH})
        outcome = "identical to the clean store" if not differ else \
            f"identical but the events graph ({events} quads differ)" if differ == [EVENTS_GRAPH] else \
            f"DIFFERS in {len(differ)} graphs"
        print(f"{k:5} | {over:9} | {at:8.1f}s | {len(stored):13} | {len(half):13} | {outcome}")
        shutil.rmtree(store)
    print(f"{failures} trial(s) of {trials} with a half article or a graph other than the events graph differing")
    shutil.rmtree(work)


class Server:
    """`kabar serve` on a free loopback port over a store holding the seed and the real articles (ingested
    into `work/store` unless it is there)."""

    def __init__(self, work: Path, config: str) -> None:
        store = work / "store"
        if not store.exists():
            assert ingest(store).wait() == 0
        (work / "kabar.toml").write_text(config, encoding="utf-8")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config_file = str(work / "kabar.toml")
        command = [*KABAR, "--store", str(store), "serve", "--port", str(self.port), "--config", config_file]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{self.url}/health", timeout=1).read()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("kabar serve did not answer")

    def get(self, path: str | urllib.request.Request, timeout: float = 60) -> tuple[int, bytes]:
        """Status and body of a GET of the path (or of a request made elsewhere)."""
        try:
            with urllib.request.urlopen(self.url + path if isinstance(path, str) else path, timeout=timeout) as reply:
                return reply.status, reply.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def query(self, sparql: str, timeout: float = 60) -> tuple[int, bytes]:
        return self.get("/sparql?" + urllib.parse.urlencode({"query": sparql}), timeout)

    def processes(self) -> list[int]:
        """The server and its worker processes (a worker's parent is the thread that spawned it)."""
        tasks = Path(f"/proc/{self.process.pid}/task").glob("*/children")
        return [self.process.pid, *(int(pid) for task in tasks for pid in task.read_text().split())]

    def rss_mb(self) -> float:
        total = 0
        for pid in self.processes():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        return total / 1024

    def send(self, method: str, path: str, body: bytes, content_type: str) -> int:
        """A write with the trial's token: its status, 0 when no answer came."""
        request = urllib.request.Request(self.url + path, data=body, method=method, headers={
            "Content-Type": content_type, "Authorization": f"Bearer {TOKEN}"})
        try:
            return self.get(request, timeout=30)[0]
        except (OSError, http.client.HTTPException):
            return 0

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


TOKEN = "reliability-trial"
TRIPLES = 25  # per written graph


def _graph_body(name: str) -> str:
    return "".join(f'<urn:kabar-trial:s{j}> <urn:kabar-trial:p> "{name} {j}" .\n' for j in range(TRIPLES))


def _count(server: Server, graph: str) -> int | None:
    code, body = server.get("/sparql?" + urllib.parse.urlencode({
        "query": f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", "format": "json"}), timeout=10)
    if code != 200:
        return None
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def _running(pid: int) -> bool:
    """Whether the process runs (a zombie has exited: only its parent's reaping is left)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


class _Load:
    """Writers of new graphs and readers of the graphs being written, against one server until `stop`."""

    def __init__(self, server: Server, prefix: str) -> None:
        self.server, self.prefix = server, prefix
        self.writes: dict[str, int] = {}  # graph -> status (0: no answer), set when the answer came
        self.started: list[str] = []
        self.violations: list[str] = []
        self.stop = threading.Event()

    def write(self, name: str, gsp: bool) -> None:
        for i in range(100_000):
            if self.stop.is_set():
                return
            graph = f"{self.prefix}:{name}:{i}"
            self.started.append(graph)
            body = _graph_body(graph)
            if gsp:
                status = self.server.send("PUT", "/store?" + urllib.parse.urlencode({"graph": graph}),
                                          body.encode(), "application/n-triples")
            else:
                status = self.server.send("POST", "/update", f"INSERT DATA {{ GRAPH <{graph}> {{ {body} }} }}"
                                          .encode(), "application/sparql-update")
            self.writes[graph] = status
            if status == 0:
                return

    def read(self) -> None:
        while not self.stop.is_set():
            if self.started:
                graph = self.started[-1]
                try:
                    n = _count(self.server, graph)
                except (OSError, http.client.HTTPException):
                    return
                if n not in (None, 0, TRIPLES):
                    self.violations.append(f"{graph}: {n}")


def crash_serve(trials: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="kabar-crash-serve-"))
    assert ingest(work / "base").wait() == 0
    config = f'write_token = "{TOKEN}"\n'
    rng = random.Random(15)
    print(f"{trials} trials: 2 SPARQL Update writers, 1 Graph Store Protocol writer, 2 readers; SIGKILL at a "
          f"random moment; each write is a new graph of {TRIPLES} triples")
    print("trial | killed at | acknowledged | in flight | lost | partial | read violations | orphan workers")
    failures = 0
    for k in range(trials):
        trial = work / f"trial-{k}"
        shutil.copytree(work / "base", trial / "store")
        server = Server(trial, config)
        load = _Load(server, f"urn:kabar-trial:{k}")
        clients = [threading.Thread(target=load.write, args=(f"update{w}", False)) for w in range(2)]
        clients += [threading.Thread(target=load.write, args=("gsp", True))]
        clients += [threading.Thread(target=load.read) for _ in range(2)]
        for t in clients:
            t.start()
        at = rng.uniform(1.0, 5.0)
        time.sleep(at)
        workers = server.processes()[1:]
        server.process.send_signal(signal.SIGKILL)
        server.process.wait()
        load.stop.set()
        for t in clients:
            t.join()
        gone_by = time.monotonic() + 10  # a worker exits when its standard input closes
        while any(map(_running, workers)) and time.monotonic() < gone_by:
            time.sleep(0.1)
        orphans = [pid for pid in workers if _running(pid)]
        for pid in orphans:
            os.kill(pid, signal.SIGKILL)
        server = Server(trial, config)
        acknowledged = [g for g in load.started if 200 <= load.writes.get(g, 0) < 300]
        in_flight = [g for g in load.started if g not in acknowledged]
        counts = {g: _count(server, g) for g in load.started}
        server.stop()
        lost = [g for g in acknowledged if counts[g] != TRIPLES]
        partial = [g for g in in_flight if counts[g] not in (0, TRIPLES)]
        failures += bool(lost or partial or load.violations or orphans)
        print(f"{k:5} | {at:8.1f}s | {len(acknowledged):12} | {len(in_flight):9} | {len(lost):4} | "
              f"{len(partial):7} | {len(load.violations):15} | {len(orphans)}")
        shutil.rmtree(trial)
    print(f"{failures} trial(s) of {trials} lost an acknowledged write, kept part of one, showed part of one "
          f"to a reader or left a worker behind")
    shutil.rmtree(work)


def runaway(queries: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="kabar-runaway-"))
    server = Server(work, "query_timeout = 2\nquery_workers = 2\nmax_queue_wait = 5\n")
    workers = len(server.processes()) - 1
    answers: list[int] = []
    threads = [threading.Thread(target=lambda: answers.append(server.query(ENDLESS)[0])) for _ in range(queries)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    spent = time.monotonic() - began
    after = time.monotonic()
    health, body = server.get("/health", timeout=2)
    small, _ = server.query("ASK { ?s ?p ?o }", timeout=2)
    within = time.monotonic() - after
    left = len(server.processes()) - 1
    server.stop()
    shutil.rmtree(work)
    counts = {code: answers.count(code) for code in sorted(set(answers))}
    print(f"{queries} endless queries at once, 2 workers, 2 s timeout: answered in {spent:.1f} s with "
          f"{', '.join(f'{n}x {code}' for code, n in counts.items())}")
    print(f"then /health {health} ({json.loads(body).get('status')}) and a small query {small}, both in "
          f"{within:.2f} s (target: within 2 s); worker processes before {workers}, after {left}")


def soak(minutes: float) -> None:
    work = Path(tempfile.mkdtemp(prefix="kabar-soak-"))
    server = Server(work, "result_cache_bytes = 0\n")  # every query to a worker: the path a leak would show on
    queries = workload(server.url + "/sparql", 1000, 0.3, seed=15)
    stop = time.monotonic() + 60 * minutes
    counts = {"answers": 0, "errors": 0}

    def client(share: list[str]) -> None:
        while time.monotonic() < stop:
            for q in share:
                if time.monotonic() > stop:
                    return
                code, _ = server.query(q)
                counts["answers" if code == 200 else "errors"] += 1

    threads = [threading.Thread(target=client, args=(queries[k::2],)) for k in range(2)]
    for t in threads:
        t.start()
    samples = []
    while time.monotonic() < stop:
        samples.append(server.rss_mb())
        time.sleep(30)
    for t in threads:
        t.join()
    server.stop()
    shutil.rmtree(work)
    warm = samples[2] if len(samples) > 2 else samples[0]  # after a minute
    growth = 100 * (max(samples[2:] or samples) - warm) / warm
    print(f"{minutes:g} min, 2 clients: {counts['answers']} answers ({counts['answers'] / (60 * minutes):.0f}/s), "
          f"{counts['errors']} errors")
    print(f"RSS of server and workers (MB), every 30 s: {', '.join(f'{s:.0f}' for s in samples)}")
    print(f"growth after the first minute: {growth:.1f} % (target < 10 %); median {statistics.median(samples):.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    trials = parser.add_subparsers(dest="trial", required=True)
    trials.add_parser("crash-ingest").add_argument("--trials", type=int, default=20)
    trials.add_parser("crash-serve").add_argument("--trials", type=int, default=5)
    trials.add_parser("runaway").add_argument("--queries", type=int, default=20)
    trials.add_parser("soak").add_argument("--minutes", type=float, default=10)
    args = parser.parse_args()
    os.chdir(ROOT)
    if args.trial == "crash-ingest":
        crash_ingest(args.trials)
    elif args.trial == "crash-serve":
        crash_serve(args.trials)
    elif args.trial == "runaway":
        runaway(args.queries)
    else:
        soak(args.minutes)


if __name__ == "__main__":
    main()
