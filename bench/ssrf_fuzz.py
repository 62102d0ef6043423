"""Generated SERVICE / LOAD attacks against a real kabar server on loopback, counted: the target is 0 connections.

The generators are tests/ssrf_corpus.py's (the same as `make test` runs, with
more examples): queries and updates aimed at a recording listener on
127.0.0.1 and ::1 in every loopback spelling, hidden among comments, strings
of all four quoting forms, escaped prefixed names, \\uXXXX escapes, BASE and
PREFIX. The server runs with the most permissive policy (`*` in
service_allow, allow_load on). Prints how many were sent, the statuses, and
the connections the listener saw.

    .venv/bin/python bench/ssrf_fuzz.py [--examples 10000]
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from ssrf_corpus import LOOPBACK_V4, LOOPBACK_V6, REGRESSION_QUERIES, REGRESSION_UPDATES, Recorder, query, update

from server import create_app
from server.wsgi import WaitressServer
from store import KabarStore

TOKEN = "ssrf-fuzz"


def send(url: str, text: str) -> int:
    is_update = "INSERT" in text or "LOAD" in text.upper()
    if is_update:
        request = urllib.request.Request(f"{url}/update", data=text.encode(), headers={
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
    else:
        request = urllib.request.Request(f"{url}/sparql", data=urllib.parse.urlencode({"query": text}).encode(),
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=10_000)
    args = parser.parse_args()
    recorder = Recorder().start()
    statuses: collections.Counter[int] = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        store = KabarStore(Path(tmp) / "store")
        config = {"service_allow": ["*"], "allow_load": True, "write_token": TOKEN, "query_workers": 2}
        with WaitressServer(create_app(store, config), port=0) as server:
            started = time.monotonic()
            for host in LOOPBACK_V4 + LOOPBACK_V6:
                for text in REGRESSION_QUERIES + REGRESSION_UPDATES:
                    statuses[send(server.url, text.format(t=recorder.authority(host)))] += 1
            fixed = sum(statuses.values())

            @settings(max_examples=args.examples, deadline=None, suppress_health_check=list(HealthCheck),
                      database=None)
            @given(query(recorder) | update(recorder))
            def attack(text: str) -> None:
                statuses[send(server.url, text)] += 1

            attack()
            seconds = time.monotonic() - started
        store.close()
    recorder.stop()
    total = sum(statuses.values())
    print(f"fixed corpus: {fixed} requests; generated: {total - fixed}; total {total} in {seconds:.0f} s")
    print("statuses: " + ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items())))
    print(f"connections to the loopback listener: {len(recorder.connections)}")
    for connection in recorder.connections[:10]:
        print(f"  {connection}")
    return 1 if recorder.connections else 0


if __name__ == "__main__":
    sys.exit(main())
