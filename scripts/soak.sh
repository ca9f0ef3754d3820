#!/usr/bin/env bash
# Soak: mixed load (orders, reads, listings, forms; see wrk/load.lua) on the service with the
# embedded store (SQLite), with the Visengine sandbox's operators moving a step every 2 s, so that
# orders run through to their documents while the sync cycle runs every 5 s. After each minute: that
# minute's throughput and errors, the heap in use, and the live heap: what a full collection leaves (jcmd
# GC.class_histogram collects first, then sums what is left). Flat means nothing accumulates.
# The sandbox runs as a process of its own, as Visengine would, so that the service's heap holds
# only the service; SOAK_SANDBOX=embedded runs the built-in one instead, in the service's JVM,
# where it keeps every order it receives.
# Usage: scripts/soak.sh [minutes (10)] [connections (4)]
set -euo pipefail
. "$(dirname "$0")/common.sh"
minutes="${1:-10}"
connections="${2:-4}"
auth="Authorization: Bearer $api_key"
build_jars
machine

if [ "${SOAK_SANDBOX:-external}" = embedded ]; then
  start_service soak SPORTELLO_SANDBOX_STEP_DELAY=2s SPORTELLO_SYNC_INTERVAL=5s
else
  sandbox_token="soak-sandbox-token"
  "$java" -Xmx512m -jar "$root/visengine-sandbox/target/visengine-sandbox.jar" --port 0 \
    --token "$sandbox_token" --control --speed 1.5 --balance 1000000000 >"$work/sandbox.log" 2>&1 &
  started_pids+=("$!")
  wait_for_line "$work/sandbox.log" "^Control API" "$!"
  external_url=$(sed -n 's/^Visengine sandbox: *//p' "$work/sandbox.log" | head -n 1)
  start_service soak SPORTELLO_SYNC_INTERVAL=5s SPORTELLO_VISENGINE_URL="$external_url" \
    SPORTELLO_VISENGINE_TOKEN="$sandbox_token" SPORTELLO_API_KEY= \
    SPORTELLO_API_KEY_HASHES="soak=$(printf %s "$api_key" | sha256sum | cut -d' ' -f1)"
  # start_service reads an embedded sandbox from the banner; this one is not in it.
  sandbox_url="$external_url"
  sandbox_token="soak-sandbox-token"
  echo "sandbox: a process of its own at $sandbox_url"
fi
sandbox_credit 1000000000
id=$(submit "soak-read-target")

heap_used() {
  "$JAVA_HOME/bin/jcmd" "$service_pid" GC.heap_info | sed -n 's/.*, used \([0-9]*K\).*/\1/p' | head -n 1
}

live_heap() {
  "$JAVA_HOME/bin/jcmd" "$service_pid" GC.class_histogram | awk '$1=="Total"{printf "%dK", $3/1024}'
}

total_requests=0
total_errors=0
for minute in $(seq 1 "$minutes"); do
  out=$(wrk -t2 -c"$connections" -d60s -H "$auth" -s "$root/scripts/wrk/load.lua" "$api" -- mixed "soak-$$-$minute" "$id")
  requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' <<<"$out")
  non2xx=$(sed -n 's/^ *Non-2xx or 3xx responses: *//p' <<<"$out" | grep . || echo 0)
  socket=$(sed -n 's/^ *Socket errors: *//p' <<<"$out" | grep . || echo none)
  before=$(heap_used)
  after=$(live_heap)
  total_requests=$((total_requests + requests))
  total_errors=$((total_errors + non2xx))
  printf 'minute %2d: %7d calls, %6s req/s, non-2xx %s, socket errors %s, heap used %s, live %s, RSS %s\n' \
    "$minute" "$requests" "$(sed -n 's/^Requests\/sec: *//p' <<<"$out")" "$non2xx" "$socket" \
    "$before" "$after" "$(sed -n 's/^VmRSS: *//p' "/proc/$service_pid/status")"
done
statuses=$(curl -sf -H "$auth" "$api/api/v1/requests?limit=500" | python3 -c 'import collections,json,sys; print(dict(collections.Counter(r["status"] for r in json.load(sys.stdin)["items"])))')
echo "total: $total_requests calls, $total_errors non-2xx; statuses of the latest 500 requests: $statuses"
echo "errors in the service's log: $(grep -c -E ' (ERROR|WARN) ' "$work/soak.log" || true)"
grep -E ' (ERROR|WARN) ' "$work/soak.log" | cut -c1-200 | sort | uniq -c | sort -rn | head -5 || true
stop "$service_pid"
machine
