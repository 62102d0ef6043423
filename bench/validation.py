"""What checking every article against the SHACL shapes adds to an ingest, and the two engines side by side.

    .venv/bin/python -m bench.validation [--runs 3]

On the real articles of the development and test sets (145), it times
(median of `--runs`) a whole `kabar ingest` into a fresh store, which
checks each article with the native engine before writing it, and the
native check alone over the same articles' graphs: the second over the
first is the share of ingest time validation takes (target: at most 20 %).
Then `kabar validate` of the store with each engine, once.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from loaders.pipeline import default_pipeline
from loaders.rdf import extraction_graph
from loaders.read import read_all
from ontology.validation import ENGINES, validate
from store import KabarStore
from store.ingest import ingest
from store.validation import validate_store

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "tests" / "data" / "news"
INPUTS = [ROOT / "seeds" / "articles", ROOT / "tests" / "data" / "gold" / "articles.jsonl",
          *(NEWS / f"{split}.articles.jsonl" for split in ("id/dev", "id/dev2", "id/test", "en/dev", "en/test"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    articles = read_all(INPUTS)
    graphs = [extraction_graph(x) for x in default_pipeline().pipe(articles)]
    ingests, checks = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            store = KabarStore(Path(tmp) / "store")
            began = time.perf_counter()
            ingest(store, INPUTS)
            ingests.append(time.perf_counter() - began)
            store.close()
        began = time.perf_counter()
        for g in graphs:
            validate(g.article, "native", g.entities, g.events)
        checks.append(time.perf_counter() - began)
    ingest_s, check_s = statistics.median(ingests), statistics.median(checks)
    print(f"{len(articles)} articles: ingest {ingest_s:.2f} s ({len(articles) / ingest_s:.1f}/s), of which the "
          f"native check {check_s:.2f} s = {100 * check_s / ingest_s:.1f} % (median of {runs})")
    with tempfile.TemporaryDirectory() as tmp:
        store = KabarStore(Path(tmp) / "store")
        ingest(store, INPUTS)
        for engine in ENGINES:
            began = time.perf_counter()
            report = validate_store(store, engine=engine)
            print(f"kabar validate --engine {engine}: {time.perf_counter() - began:.1f} s, "
                  f"{report.graphs} graphs, {len(report.violations)} violations")
        store.close()


if __name__ == "__main__":
    main()
