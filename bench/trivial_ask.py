"""The cost of one request (issue 12, item 1): `ASK {}` over GET with XML results, against `oxigraph serve`.

Both servers run side by side on copies of the seed store (`bench/peers.py`), kabar with its defaults (union
default graph) and Oxigraph with `--union-default-graph`. Each client thread sends the same GET on its own
kept-alive connection for `--seconds`; rounds alternate the servers so that both see the same machine. kabar is
measured twice: as configured by default (its result cache answers a repeated GET without a worker) and with the
cache off (`result_cache_bytes = 0`), which is the request path every new query takes. Prints requests per second,
medians of the rounds, and the ratio to Oxigraph (target: at least 0.9 with 1 and 2 clients).

    .venv/bin/python -m bench.trivial_ask [--seconds 5] [--rounds 3]
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import threading
import time

from bench.peers import seed_servers

XML = "application/sparql-results+xml"
QUERY = "?query=ASK%20%7B%7D"


def rate(port: int, path: str, clients: int, seconds: float) -> float:
    """Requests per second that `clients` threads get answered, each on one kept-alive connection."""
    counts = [0] * clients
    stop = time.perf_counter() + seconds

    def client(k: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < stop:
            connection.request("GET", path + QUERY, headers={"Accept": XML})
            reply = connection.getresponse()
            body = reply.read()
            assert reply.status == 200 and b"true" in body, (reply.status, body[:200])
            counts[k] += 1
        connection.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    results: dict[tuple[str, int], list[float]] = {}
    for config, name in (("", "kabar (default)"), ("result_cache_bytes = 0\n", "kabar (no cache)")):
        with seed_servers(8079, 7879, config):
            for clients in (1, 2):
                for _ in range(args.rounds):
                    results.setdefault((name, clients), []).append(rate(8079, "/sparql", clients, args.seconds))
                    results.setdefault(("oxigraph", clients), []).append(rate(7879, "/query", clients, args.seconds))
    print(f"ASK {{}} over GET, XML results; requests per second, median of {args.rounds} rounds of {args.seconds:g} s")
    print(f"{'server':18} {'1 client':>10} {'ratio':>7} {'2 clients':>10} {'ratio':>7}")
    for name in ("oxigraph", "kabar (default)", "kabar (no cache)"):
        row = f"{name:18}"
        for clients in (1, 2):
            median = statistics.median(results[(name, clients)])
            row += f" {median:10.0f} {median / statistics.median(results[('oxigraph', clients)]):7.2f}"
        print(row)


if __name__ == "__main__":
    main()
