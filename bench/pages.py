"""How fast the HTML pages answer: each kind of page, fetched from a real server over a store of real articles.

    .venv/bin/python -m bench.pages [--store DIR] [--rounds 5]

Without --store, it ingests the seed and every development and test article into a temporary store. Pages: the
browse lists, a search, the timeline (newest, older, Indonesia's), the graph (default, Indonesia's), the map
(all, Indonesia's), and the Linked Data pages of articles, events and entities (the most mentioned first: a
country's page reads the most).
It prints the median and the slowest of `--rounds` fetches per page kind (target: every page under 200 ms).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from server import create_app
from server.wsgi import WaitressServer
from store import KabarStore
from store.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "tests" / "data" / "news"
INDONESIA = "https://w3id.org/kabar/id/entity/Q252"


def pages(store: KabarStore) -> dict[str, list[str]]:
    """Paths of each kind of page, a few of each, the heaviest entities first."""
    def first(query: str, n: int = 3) -> list[str]:
        return ["/" + r[0].value.removeprefix("https://w3id.org/kabar/") for r in
                store.query(query + f" LIMIT {n}", union_default_graph=True)]

    mentions = ("PREFIX kabar: <https://w3id.org/kabar/ontology#> "
                "SELECT ?e (COUNT(?m) AS ?n) WHERE { ?m kabar:mentionOf ?e }")
    return {
        "browse": ["/browse", "/browse?type=Person", "/browse?type=Country"],
        "search": ["/search?q=iran", "/search?q=menteri"],
        "timeline": ["/timeline", "/timeline?page=1", "/timeline?with=" + urllib.parse.quote(INDONESIA, safe="")],
        "graph": ["/graph", "/graph?with=" + urllib.parse.quote(INDONESIA, safe="")],
        "map": ["/map", "/map?with=" + urllib.parse.quote(INDONESIA, safe="")],
        "article": first("SELECT ?a WHERE { ?a a <https://w3id.org/kabar/ontology#Article> }"),
        "event": first("SELECT ?e WHERE { ?e a <https://w3id.org/kabar/ontology#Meeting> }"),
        "entity": first(mentions + " GROUP BY ?e ORDER BY DESC(?n)"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = KabarStore(args.store or Path(tmp) / "store")
        if args.store is None:
            ingest(store, [ROOT / "seeds" / "articles", *sorted(NEWS.glob("*/*.articles.jsonl"))])
        articles = sum(1 for g in store.graph_names() if "/id/article/" in g)
        with WaitressServer(create_app(store), port=0) as server:
            url = server.url
            print(f"{articles} articles; milliseconds per page, median and slowest of {args.rounds} rounds")
            for kind, paths in pages(store).items():
                times = []
                for _ in range(args.rounds):
                    for path in paths:
                        began = time.perf_counter()
                        request = urllib.request.Request(url + path, headers={"Accept": "text/html"})
                        with urllib.request.urlopen(request, timeout=30) as reply:
                            reply.read()
                        times.append(1000 * (time.perf_counter() - began))
                print(f"{kind:8} {statistics.median(times):6.1f} {max(times):6.1f}  ({len(paths)} pages)")
        store.close()


if __name__ == "__main__":
    main()
