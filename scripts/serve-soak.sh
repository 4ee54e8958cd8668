#!/usr/bin/env bash
# Memory of `orgraph serve` under sustained load: starts the release build on a free port, then runs wrk
# (Debian's `wrk`) against POST /api/query for SECONDS (default 600) at 64 connections, and prints the server's
# resident memory before, every MINUTE seconds during, and after the load, with wrk's summary.
#
#   scripts/serve-soak.sh [SECONDS] [GRAPH]     # GRAPH: a Graph folder or snapshot (default: the default graph)
#
# NICE=19 runs both at the lowest priority, beside other work (the memory is the measure, not the rate).
# The query is a gap (17 rows with evidence, 19 KB of JSON), the heaviest of docs/performance.md's small ones.
# Build first: swift build -c release --product orgraph
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
graph=${2:-}
binary=.build/release/orgraph
[ -x "$binary" ] || { echo "error: no $binary; run: swift build -c release --product orgraph" >&2; exit 1; }
command -v wrk >/dev/null || { echo "error: wrk is not installed; run: apt-get install -y wrk" >&2; exit 1; }

port=$((20000 + RANDOM % 20000))
log=$(mktemp)
body=$(mktemp)
script=$(mktemp --suffix=.lua)
trap 'kill $server 2>/dev/null || true; rm -f "$log" "$body" "$script"' EXIT
args=(serve --port "$port")
[ -n "$graph" ] && args+=(--graph "$graph")
${NICE:+nice -n "$NICE"} "$binary" "${args[@]}" 2>"$log" &
server=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break
  sleep 0.2
done

# The request body, as JSON (a query's quotes escaped); Lua's long brackets keep it as written.
json='{"query": "gap from role \"Cloud Engineer\" to level \"Senior Cloud Security Engineer\""}'
[ -n "$graph" ] && json='{"query": "roles | count"}'
printf 'wrk.method = "POST"\nwrk.body = [[%s]]\nwrk.headers["Content-Type"] = "application/json"\n' "$json" >"$script"
# The query must answer before the load starts: a load of errors measures nothing.
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data "$json" \
  "http://127.0.0.1:$port/api/query")
[ "$status" = 200 ] || { echo "error: the query answered $status, not 200: $json" >&2; exit 1; }

rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$server/status"; }
echo "request: POST /api/query $json"
echo "resident memory at start: $(rss) MB"
${NICE:+nice -n "$NICE"} wrk -t2 -c64 -d"${seconds}s" --latency -s "$script" "http://127.0.0.1:$port/api/query" >"$body" &
load=$!
minute=${MINUTE:-60}
elapsed=0
while kill -0 "$load" 2>/dev/null; do
  sleep "$minute" || true
  elapsed=$((elapsed + minute))
  kill -0 "$load" 2>/dev/null && echo "after ${elapsed} s: $(rss) MB"
done
wait "$load"
echo "resident memory after the load: $(rss) MB"
grep -E "Requests/sec|Latency|50%|99%|requests in|Non-2xx|Socket errors" "$body" || true
if grep -q "Non-2xx" "$body"; then echo "error: some requests failed" >&2; exit 1; fi
