#!/usr/bin/env bash
# The REST API under load from wrk, on loopback:
#  1. GET /api/v1/requests/{id} against a bare Javalin endpoint answering the same JSON body. Both
#     run side by side with the same JVM options and are measured in turns, three rounds each, so
#     that the machine's other load falls on both alike. Then GET /api/v1/requests (the first page,
#     50 requests) the same way against a bare endpoint answering the listing's body. Then GET
#     /api/v1/requests/{id} over 1 100 more requests in turn (wrk/load.lua), more than the service
#     keeps decoded, so that every read decodes its row, against the bare endpoint of the first part.
#  2. POST /api/v1/requests end to end (validation, store, draft and close on the Visengine sandbox,
#     a process of its own on loopback as Openapi's engine is), every call with a fresh
#     Idempotency-Key (wrk/load.lua): on the embedded store (SQLite), then on PostgreSQL, without
#     spending caps and with a cap that never binds.
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

# start_bare FILE: the bare Javalin endpoint answering FILE's JSON; sets bare_port and bare_pid.
start_bare() {
  bare_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$java" "${jvm_opts[@]}" -cp "$bench_jar" dev.sportello.benchmarks.BareJavalin "$bare_port" \
    "$1" >"$work/bare.log" 2>&1 &
  bare_pid=$!
  started_pids+=("$bare_pid")
  wait_for_line "$work/bare.log" "Listening on" "$bare_pid"
}

# interleaved BARE-LABEL BARE-URL API-LABEL API-wrk-arguments...: three rounds, each the bare
# endpoint then the API, and what share of the bare endpoint's requests/s the API served in that round.
interleaved() {
  local round bare_line api_line
  for round in 1 2 3; do
    bare_line=$(wrk_summary "$1, round $round" "$2")
    echo "$bare_line"
    api_line=$(wrk_summary "$3, round $round" -H "$auth" "${@:4}")
    echo "$api_line"
    awk -v label="$3 ÷ $1, round $round" -v bare="$(req_per_s "$bare_line")" \
      -v api="$(req_per_s "$api_line")" 'BEGIN { printf "%s: %.1f %%\n", label, 100 * api / bare }'
  done
}

# req_per_s LINE: the requests/s a wrk_summary line gives.
req_per_s() {
  sed -n 's/.* \([0-9.][0-9.]*\) req\/s .*/\1/p' <<<"$1"
}

if [[ ",$parts," == *,get,* ]]; then
echo "== GET /api/v1/requests/{id} against bare Javalin (${seconds}s each, -c$connections -t$threads)"
start_service get
sandbox_credit 100000000
id=$(submit "get-target")
curl -sf -H "$auth" "$api/api/v1/requests/$id" >"$work/request.json"
start_bare "$work/request.json"
bare="http://127.0.0.1:$bare_port/bare/$id"
echo "body: $(wc -c <"$work/request.json") bytes from both"
# Warm both JITs before measuring: 30 s each, since after 10 s the service, with much more code to
# compile, still sped up from round to round.
wrk -t"$threads" -c"$connections" -d30s "$bare" >/dev/null
wrk -t"$threads" -c"$connections" -d30s -H "$auth" "$api/api/v1/requests/$id" >/dev/null
interleaved "bare Javalin" "$bare" "GET /api/v1/requests/{id}" "$api/api/v1/requests/$id"
stop "$bare_pid"

echo "== GET /api/v1/requests, first page, against bare Javalin (${seconds}s each, -c$connections -t$threads)"
for n in $(seq 2 50); do
  submit "list-target-$n" >/dev/null
done
curl -sf -H "$auth" "$api/api/v1/requests" >"$work/list.json"
start_bare "$work/list.json"
bare="http://127.0.0.1:$bare_port/bare/list"
echo "body: $(wc -c <"$work/list.json") bytes, $(grep -o '"id":' "$work/list.json" | wc -l) requests, from both"
wrk -t"$threads" -c"$connections" -d30s "$bare" >/dev/null
wrk -t"$threads" -c"$connections" -d30s -H "$auth" "$api/api/v1/requests" >/dev/null
interleaved "bare Javalin (list)" "$bare" "GET /api/v1/requests" "$api/api/v1/requests"
stop "$bare_pid"

echo "== GET /api/v1/requests/{id} over many ids against bare Javalin (${seconds}s each, -c$connections -t$threads)"
# Over twice as many requests as the service keeps decoded (512).
for n in $(seq 1 1100); do
  echo "$(submit "many-target-$n")" >>"$work/ids.txt"
done
echo "ids: $(sort -u "$work/ids.txt" | wc -l), read in turn"
start_bare "$work/request.json"
bare="http://127.0.0.1:$bare_port/bare/$id"
many=(-s "$root/scripts/wrk/load.lua" "$api" -- ids "" "$work/ids.txt")
wrk -t"$threads" -c"$connections" -d10s "$bare" >/dev/null
wrk -t"$threads" -c"$connections" -d10s -H "$auth" "${many[@]}" >/dev/null
interleaved "bare Javalin (many ids)" "$bare" "GET /api/v1/requests/{id}, many ids" "${many[@]}"
stop "$bare_pid"
stop "$service_pid"
fi

# post_load NAME LABEL [VAR=value ...]: orders for 10 s to warm up, then measures. NAME names the
# service's files and prefixes the Idempotency-Keys; LABEL says what runs.
post_load() {
  local name="$1" label="$2"
  shift 2
  echo "== POST /api/v1/requests on $label (${seconds}s, after a 10 s warm-up)"
  start_service_on_sandbox "post-$name" "$@"
  sandbox_credit 100000000
  local orders=(-H "$auth" -s "$root/scripts/wrk/load.lua" "$api" -- orders)
  wrk -t"$threads" -c"$connections" -d10s "${orders[@]}" "warm-$name-$$" >/dev/null
  wrk_summary "POST /api/v1/requests, $label" "${orders[@]}" "$name-$$"
  stop "$service_pid"
}

if [[ ",$parts," == *,post,* ]]; then
  # The sandbox's operators stay still: the figure is the service's, not a sync cycle's.
  start_sandbox post --speed 0.0001
  echo "sandbox: a process of its own at $sandbox_url"
  post_load SQLite SQLite
  start_postgres
  post_load PostgreSQL PostgreSQL SPORTELLO_JDBC_URL="$jdbc_url" SPORTELLO_JDBC_USER=postgres
  stop "$postgres_pid"
  # Capped deployments check each order under its caller's spending lock. A cap of 999 999 999 euros
  # a day never binds, so the orders are the same; on a new, empty database like the run above.
  start_postgres
  post_load PostgreSQL-caps "PostgreSQL, with caps that never bind" \
    SPORTELLO_JDBC_URL="$jdbc_url" SPORTELLO_JDBC_USER=postgres \
    SPORTELLO_SPENDING_CAPS='*=999999999/day'
  stop "$postgres_pid"
  stop "$sandbox_pid"
fi
machine
