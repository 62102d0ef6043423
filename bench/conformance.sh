#!/usr/bin/env bash
# The W3C SPARQL 1.1 query-evaluation tests through HTTP, kabar serve then oxigraph serve, each on an empty
# throw-away store. kabar runs with the default graph NOT the union (as SPARQL defines it) and a write token,
# which the conformance tool sends as a header. Prints each tool's per-directory lines and "N passed, M failed".
source "$(dirname "$0")/common.sh"

mkdir -p "$WORK/kabar-w3c" "$WORK/oxigraph-w3c"
start_kabar "$WORK/kabar-w3c/store" false
echo "== kabar serve"
"$PY" "$TOOLS/sparql_conformance.py" --query "http://127.0.0.1:$BENCH_KABAR_PORT/sparql" \
    --update "http://127.0.0.1:$BENCH_KABAR_PORT/update" --header "Authorization: Bearer $TOKEN" \
    --json-report "$WORK/kabar-w3c.json" | tee "$WORK/kabar-w3c.txt" || true
start_oxigraph "$WORK/oxigraph-w3c/store"
echo "== oxigraph serve"
"$PY" "$TOOLS/sparql_conformance.py" --query "http://127.0.0.1:$BENCH_OXIGRAPH_PORT/query" \
    --update "http://127.0.0.1:$BENCH_OXIGRAPH_PORT/update" \
    --json-report "$WORK/oxigraph-w3c.json" | tee "$WORK/oxigraph-w3c.txt" || true
echo "kabar:    $(tail -1 "$WORK/kabar-w3c.txt")"
echo "oxigraph: $(tail -1 "$WORK/oxigraph-w3c.txt")"
