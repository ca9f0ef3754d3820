#!/usr/bin/env bash
# The REST API under load from wrk, on loopback:
#  1. GET /api/v1/requests/{id} against a bare Javalin endpoint answering the same JSON body. Both
#     run side by side with the same JVM options and are measured in turns, three rounds each, so
#     that the machine's other load falls on both alike.
#  2. POST /api/v1/requests end to end (validation, store, draft and close on the Visengine sandbox,
#     a process of its own on loopback as Openapi's engine is), every call with a fresh
#     Idempotency-Key (wrk/load.lua): on the embedded store (SQLite), then on PostgreSQL.
# Usage: scripts/http-load.sh [seconds per measurement (20)] [connections (16)] [threads (2)]
#                             [parts: get, post or get,post (get,post)]
set -euo pipefail
. "$(dirname "$0")/common.sh"
seconds="${1:-20}"
connections="${2:-16}"
threads="${3:-2}"
parts="${4:-get,post}"
auth="Authorization: Bearer $api_key"
build_jars
machine

# wrk_summary LABEL wrk-arguments...: one line with requests/s, latency percentiles and errors.
wrk_summary() {
  local label="$1"
  shift
  local out
  out=$(wrk --latency -t"$threads" -c"$connections" -d"${seconds}s" "$@")
  printf '%-34s %8s req/s  p50 %8s  p99 %8s  non-2xx %s  socket errors %s\n' "$label" \
    "$(sed -n 's/^Requests\/sec: *//p' <<<"$out")" \
    "$(awk '$1=="50%"{print $2}' <<<"$out")" \
    "$(awk '$1=="99%"{print $2}' <<<"$out")" \
    "$(sed -n 's/^ *Non-2xx or 3xx responses: *//p' <<<"$out" | grep . || echo 0)" \
    "$(sed -n 's/^ *Socket errors: *//p' <<<"$out" | grep . || echo none)"
}

if [[ ",$parts," == *,get,* ]]; then
echo "== GET /api/v1/requests/{id} against bare Javalin (${seconds}s each, -c$connections -t$threads)"
start_service get
sandbox_credit 100000000
id=$(submit "get-target")
curl -sf -H "$auth" "$api/api/v1/requests/$id" >"$work/request.json"
bare_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$java" "${jvm_opts[@]}" -cp "$bench_jar" dev.sportello.benchmarks.BareJavalin "$bare_port" \
  "$work/request.json" >"$work/bare.log" 2>&1 &
bare_pid=$!
started_pids+=("$bare_pid")
wait_for_line "$work/bare.log" "Listening on" "$bare_pid"
bare="http://127.0.0.1:$bare_port/bare/$id"
echo "body: $(wc -c <"$work/request.json") bytes from both"
# Warm both JITs before measuring.
wrk -t"$threads" -c"$connections" -d10s "$bare" >/dev/null
wrk -t"$threads" -c"$connections" -d10s -H "$auth" "$api/api/v1/requests/$id" >/dev/null
for round in 1 2 3; do
  wrk_summary "bare Javalin, round $round" "$bare"
  wrk_summary "GET /api/v1/requests/{id}, round $round" -H "$auth" "$api/api/v1/requests/$id"
done
stop "$bare_pid"
stop "$service_pid"
fi

# post_load ENGINE [VAR=value ...]: orders for 10 s to warm up, then measures.
post_load() {
  local engine="$1"
  shift
  echo "== POST /api/v1/requests on $engine (${seconds}s, after a 10 s warm-up)"
  start_service_on_sandbox "post-$engine" "$@"
  sandbox_credit 100000000
  local orders=(-H "$auth" -s "$root/scripts/wrk/load.lua" "$api" -- orders)
  wrk -t"$threads" -c"$connections" -d10s "${orders[@]}" "warm-$engine-$$" >/dev/null
  wrk_summary "POST /api/v1/requests, $engine" "${orders[@]}" "$engine-$$"
  stop "$service_pid"
}

if [[ ",$parts," == *,post,* ]]; then
  # The sandbox's operators stay still: the figure is the service's, not a sync cycle's.
  start_sandbox post --speed 0.0001
  echo "sandbox: a process of its own at $sandbox_url"
  post_load SQLite
  start_postgres
  post_load PostgreSQL SPORTELLO_JDBC_URL="$jdbc_url" SPORTELLO_JDBC_USER=postgres
  stop "$postgres_pid"
  stop "$sandbox_pid"
fi
machine
