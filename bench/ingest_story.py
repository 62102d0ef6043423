"""Ingest time as articles about one story pile up: each new report joins the events of the ones before.

    .venv/bin/python -m bench.ingest_story [--articles 60] [--batch 10]

The articles are bench/extraction.py's corpus (the seed article varied, and
an English text), so every article reports the same meetings, talks and
attacks, all published the same day. Within a batch, written in publication
order, each report is appended to its event (`store/event_graph.py`); a later
batch's articles come before some stored ones in that order (same day, the
article IRI decides), so their events are rebuilt from all their reports: the
worst case. Prints the seconds each batch took and since the start; with
`--batch` equal to `--articles` the time per article stays flat.
"""

from __future__ import annotations

import argparse
import tempfile
import time

from bench.extraction import corpus
from store import KabarStore
from store.ingest import load_ontology, store_articles, store_pipeline
from store.kb_graph import load_seed_kb, store_kb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--batch", type=int, default=10)
    args = parser.parse_args()
    articles = corpus(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        store = KabarStore(f"{tmp}/store")
        load_ontology(store)  # as `kabar ingest` does: each article is validated against the ontology and KB
        load_seed_kb(store)
        kb = store_kb(store)
        pipeline = store_pipeline(store, kb=kb)
        began = time.perf_counter()
        print(f"{'articles':>8} {'batch s':>8} {'total s':>8}")
        for k in range(0, args.articles, args.batch):
            start = time.perf_counter()
            store_articles(store, pipeline, articles[k:k + args.batch], kb=kb)
            now = time.perf_counter()
            print(f"{k + args.batch:>8} {now - start:>8.1f} {now - began:>8.1f}", flush=True)
        store.close()


if __name__ == "__main__":
    main()
