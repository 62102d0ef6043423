#!/usr/bin/env bash
# kg_bench on 2,000 synthetic articles: kabar serve vs oxigraph serve over copies of the same store,
# 2 clients. First the streaming probe (TTFB and peak memory of the 100,000-row query), then
# kg_bench.py compare (A = kabar, B = oxigraph). DURATION (default 132 s) and ROUNDS (2) as in the
# tools' README. Both run as users run them: kabar's union default graph (its default) against
# `oxigraph serve --union-default-graph` (UNION=true, the default); UNION=false runs both on the
# store's own default graph.
source "$(dirname "$0")/common.sh"
DURATION=${DURATION:-132}
ROUNDS=${ROUNDS:-2}
UNION=${UNION:-true}

"$PY" "$TOOLS/kg_bench.py" generate --articles 2000 --out "$WORK/news.nq"
for store in kabar-store oxigraph-store; do
    "$BIN/oxigraph" load --location "$WORK/$store" --file "$WORK/news.nq" > /dev/null
done
start_kabar "$WORK/kabar-store" "$UNION"
start_oxigraph "$WORK/oxigraph-store" "$UNION"
OXIGRAPH_PID=${PIDS[-1]}
KABAR_URL="http://127.0.0.1:$BENCH_KABAR_PORT/sparql"
OXIGRAPH_URL="http://127.0.0.1:$BENCH_OXIGRAPH_PORT/query"

"$PY" "$ROOT/bench/stream_probe.py" --url "$KABAR_URL" --pid "$KABAR_PID"
"$PY" "$ROOT/bench/stream_probe.py" --url "$OXIGRAPH_URL" --pid "$OXIGRAPH_PID"
"$PY" "$TOOLS/kg_bench.py" compare --a "$KABAR_URL" --b "$OXIGRAPH_URL" --concurrency 2 \
    --duration "$DURATION" --rounds "$ROUNDS" --mix "$TOOLS/kg_mix.rq" --json "$WORK/compare.json"
