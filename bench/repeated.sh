#!/usr/bin/env bash
# GET queries of which 30 % repeat one asked before: kabar serve with its defaults (union default graph, result
# cache) against `oxigraph serve --union-default-graph`, over copies of one store holding the seed and every
# real development and test article. Arguments go to bench/repeated_queries.py (--requests, --repeat, --rounds).
source "$(dirname "$0")/common.sh"
"$BIN/kabar" --store "$WORK/kabar-store" -q ingest "$ROOT/seeds/articles" "$ROOT"/tests/data/news/*/*.articles.jsonl
cp -r "$WORK/kabar-store" "$WORK/oxigraph-store"
start_kabar "$WORK/kabar-store"
start_oxigraph "$WORK/oxigraph-store" true
"$PY" -m bench.repeated_queries "http://127.0.0.1:$BENCH_KABAR_PORT/sparql" \
    "http://127.0.0.1:$BENCH_OXIGRAPH_PORT/query" "$@"
