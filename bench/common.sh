# Shared by the bench scripts: paths, and starting / stopping the two servers on loopback.
# Sourced, not run. Needs `pip install -e '.[bench]'` (oxigraph's CLI and requests) in .venv.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY=${PY:-$ROOT/.venv/bin/python}
BIN=$(dirname "$PY")
TOOLS=${TOOLS:-$ROOT/../shared/tools}
WORK=${WORK:-$(mktemp -d /tmp/kabar-bench.XXXXXX)}
# not KABAR_*: kabar serve refuses a KABAR_ variable it does not know (a misspelt setting)
BENCH_KABAR_PORT=${BENCH_KABAR_PORT:-8077}
BENCH_OXIGRAPH_PORT=${BENCH_OXIGRAPH_PORT:-7877}
TOKEN=bench-token
PIDS=()

stop_all() {
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT

wait_for() {  # URL: until it answers
    for _ in $(seq 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done
    echo "no answer from $1" >&2; return 1
}

start_kabar() {  # STORE_DIR [union_default_graph]: kabar serve with a write token
    cat > "$WORK/kabar.toml" <<TOML
write_token = "$TOKEN"
union_default_graph = ${2:-true}
TOML
    (cd "$ROOT" && exec "$BIN/kabar" serve --store "$1" --port "$BENCH_KABAR_PORT" --config "$WORK/kabar.toml") \
        > "$WORK/kabar.log" 2>&1 &
    PIDS+=($!)
    KABAR_PID=$!
    wait_for "http://127.0.0.1:$BENCH_KABAR_PORT/sparql?query=ASK%7B%7D"
}

start_oxigraph() {  # STORE_DIR [union_default_graph]: true serves as `oxigraph serve --union-default-graph`
    local union=()
    if [ "${2:-false}" = true ]; then union=(--union-default-graph); fi
    "$BIN/oxigraph" serve --location "$1" --bind "127.0.0.1:$BENCH_OXIGRAPH_PORT" "${union[@]}" > "$WORK/oxigraph.log" 2>&1 &
    PIDS+=($!)
    wait_for "http://127.0.0.1:$BENCH_OXIGRAPH_PORT/query?query=ASK%7B%7D"
}
