"""`kabar reason` and `kabar validate` on a store of many articles.

    .venv/bin/python -m bench.reasoning [--articles 300] [--pyshacl 100]

The articles are `bench.extraction`'s corpus (the seed article varied:
sentences rotated, people and places swapped, English paragraphs), stored
by one `ingest`. It prints how long materialising the entailments takes
and how many triples they are, how many events `schema:Event` then finds,
and how long `kabar validate` takes with the native engine over the whole
store and with pySHACL over the first `--pyshacl` article graphs (pySHACL
over all of them would take the better part of an hour). The corpus is one
story told many times, which the cross-article event merge still handles
in more than linear time (docs/RELIABILITY.md), so 3,000 of them take hours
to store; 300 take a few minutes.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.extraction import corpus
from store import KabarStore
from store.entailments import materialize
from store.ingest import store_articles, store_pipeline
from store.kb_graph import store_kb
from store.validation import validate_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--pyshacl", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = KabarStore(Path(tmp) / "store")
        began = time.perf_counter()
        kb = store_kb(store)
        store_articles(store, store_pipeline(store, kb=kb), corpus(args.articles), kb=kb)
        store.flush()
        print(f"{args.articles} articles stored in {time.perf_counter() - began:.0f} s, "
              f"{store.triple_count():,} triples")
        began = time.perf_counter()
        inferred = materialize(store)
        print(f"kabar reason: {time.perf_counter() - began:.1f} s, {inferred:,} inferred triples")
        events = store.query("SELECT (COUNT(?e) AS ?n) WHERE { ?e a <https://schema.org/Event> }",
                             union_default_graph=True)
        print(f"schema:Event then finds {next(iter(events))[0].value} events")
        began = time.perf_counter()
        report = validate_store(store)
        print(f"kabar validate (native): {time.perf_counter() - began:.1f} s, {report.graphs} graphs, "
              f"{len(report.violations)} violations")
        articles = [g for g in store.graph_names() if "/id/article/" in g][:args.pyshacl]
        began = time.perf_counter()
        checked = sum(validate_store(store, g, "pyshacl").graphs for g in articles)
        spent = time.perf_counter() - began
        print(f"kabar validate --engine pyshacl: {spent:.1f} s for {checked} article graphs "
              f"({1000 * spent / max(checked, 1):.0f} ms each)")
        store.close()


if __name__ == "__main__":
    main()
