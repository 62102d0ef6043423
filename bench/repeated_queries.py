"""Requests per second for a workload in which 30 % of GET queries repeat one asked before, against two endpoints.

    .venv/bin/python -m bench.repeated_queries KABAR_URL OXIGRAPH_URL [--requests 900] [--repeat 0.3] [--rounds 3]

The queries are what a reader of the graph asks about one entity (its
facts, the events it took part in, the articles that mention it), for
entities of the store; the same sequence (seeded) goes to both endpoints,
split over 2 client threads, GET with SPARQL JSON results, endpoints taking
turns for `--rounds` rounds. `bench/repeated.sh` starts the servers.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import threading
import time
import urllib.parse
import urllib.request

PREFIXES = "PREFIX kabar: <https://w3id.org/kabar/ontology#> PREFIX schema: <https://schema.org/> "
TEMPLATES = (
    "SELECT ?p ?o WHERE {{ <{e}> ?p ?o }}",
    "SELECT ?event ?type ?date WHERE {{ ?event kabar:participant <{e}> ; a ?type . "
    "OPTIONAL {{ ?event kabar:date ?date }} }}",
    "SELECT ?article ?headline WHERE {{ ?article schema:mentions <{e}> ; schema:headline ?headline }}",
)
CLIENTS = 2


def ask(url: str, query: str) -> bytes:
    request = urllib.request.Request(f"{url}?{urllib.parse.urlencode({'query': query})}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read()


def workload(url: str, size: int, repeat: float, seed: int) -> list[str]:
    """`size` queries: each a repeat of an earlier one with probability `repeat`, else one not asked yet."""
    found = json.loads(ask(url, PREFIXES + "SELECT DISTINCT ?e WHERE { ?a schema:mentions ?e } ORDER BY ?e"))
    entities = [row["e"]["value"] for row in found["results"]["bindings"]]
    rng = random.Random(seed)
    fresh = [PREFIXES + t.format(e=e) for e in entities for t in TEMPLATES]
    rng.shuffle(fresh)
    asked: list[str] = []
    for _ in range(size):
        asked.append(rng.choice(asked) if asked and rng.random() < repeat else fresh.pop())
    return asked


def throughput(url: str, queries: list[str]) -> float:
    """Requests per second with the queries split over the client threads."""
    def client(share: list[str]) -> None:
        for q in share:
            ask(url, q)

    threads = [threading.Thread(target=client, args=(queries[k::CLIENTS],)) for k in range(CLIENTS)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(queries) / (time.perf_counter() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kabar")
    parser.add_argument("oxigraph")
    parser.add_argument("--requests", type=int, default=900)
    parser.add_argument("--repeat", type=float, default=0.3)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rates: dict[str, list[float]] = {"kabar": [], "oxigraph": []}
    for k in range(args.rounds):
        queries = workload(args.kabar, args.requests, args.repeat, seed=k)  # each round new queries: a cold cache
        for name in ("kabar", "oxigraph") if k % 2 == 0 else ("oxigraph", "kabar"):
            rates[name].append(throughput(getattr(args, name), queries))
    kabar, oxigraph = statistics.median(rates["kabar"]), statistics.median(rates["oxigraph"])
    print(f"{args.requests} GET queries per round, {100 * args.repeat:.0f} % repeated, {CLIENTS} clients, "
          f"{args.rounds} rounds")
    print(f"kabar    {kabar:7.1f} req/s  (rounds: {', '.join(f'{r:.1f}' for r in rates['kabar'])})")
    print(f"oxigraph {oxigraph:7.1f} req/s  (rounds: {', '.join(f'{r:.1f}' for r in rates['oxigraph'])})")
    print(f"ratio kabar/oxigraph (median): {kabar / oxigraph:.2f}")


if __name__ == "__main__":
    main()
