"""Small writes (issue 12, item 4): one `INSERT DATA` then a query that must see it, against `oxigraph serve`.

Both servers run side by side on copies of the same store (the seed, as `make run` loads it), kabar with its
defaults (union default graph, a write token) and Oxigraph with `--union-default-graph`. Each round sends an
update adding one triple, then an ASK for that triple over a kept-alive connection; the ASK must say true (a query
sees every write that returned before it was sent). Prints the median and 90th percentile of the update, the
query and the round trip, and kabar's ratio to Oxigraph (target: round trip at most 2x).

    .venv/bin/python -m bench.write_roundtrip [--rounds 300]
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import time
import urllib.parse

from bench.peers import seed_servers

TOKEN = "bench-token"


def rounds(port: int, update_path: str, query_path: str, headers: dict[str, str], count: int, tag: str
           ) -> dict[str, list[float]]:
    """`count` update-then-ASK rounds on one connection; milliseconds of each part."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    times: dict[str, list[float]] = {"update": [], "query": [], "round trip": []}
    for i in range(count):
        triple = f"<http://bench.example/{tag}/{i}> <http://bench.example/p> {i}"
        start = time.perf_counter()
        connection.request("POST", update_path, body=f"INSERT DATA {{ {triple} }}".encode(),
                           headers={"Content-Type": "application/sparql-update", **headers})
        reply = connection.getresponse()
        reply.read()
        assert reply.status in (200, 204), reply.status
        written = time.perf_counter()
        query = urllib.parse.quote(f"ASK {{ {triple} }}")
        connection.request("GET", f"{query_path}?query={query}",
                           headers={"Accept": "application/sparql-results+json"})
        reply = connection.getresponse()
        body = reply.read()
        assert reply.status == 200 and b"true" in body, (reply.status, body)
        done = time.perf_counter()
        times["update"].append((written - start) * 1000)
        times["query"].append((done - written) * 1000)
        times["round trip"].append((done - start) * 1000)
    return times


def p90(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.9)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--kabar-port", type=int, default=8078)
    parser.add_argument("--oxigraph-port", type=int, default=7878)
    args = parser.parse_args()
    with seed_servers(args.kabar_port, args.oxigraph_port, f'write_token = "{TOKEN}"\n'):
        kabar = rounds(args.kabar_port, "/update", "/sparql", {"Authorization": f"Bearer {TOKEN}"}, args.rounds,
                       "kabar")
        oxigraph = rounds(args.oxigraph_port, "/update", "/query", {}, args.rounds, "oxigraph")
    print(f"{args.rounds} rounds of INSERT DATA then ASK, one connection each; milliseconds, median / p90")
    print(f"{'':12} {'kabar':>15} {'oxigraph':>15} {'ratio (median)':>15}")
    for part in ("update", "query", "round trip"):
        k, o = kabar[part], oxigraph[part]
        print(f"{part:12} {statistics.median(k):7.2f} / {p90(k):5.1f} {statistics.median(o):7.2f} / {p90(o):5.1f}"
              f" {statistics.median(k) / statistics.median(o):15.2f}")


if __name__ == "__main__":
    main()
