#!/usr/bin/env bash
# Records where the service's time goes under POST /api/v1/requests load on PostgreSQL, with the
# Visengine sandbox a process of its own: 10 s of warm-up, then 20 s under wrk (16 connections) with
# Java Flight Recorder on, its waiting events kept from 1 ms. Prints the orders' throughput and
# latency, what the request threads waited on and for how long (parked, monitors, sockets, pinned
# virtual threads), then the methods most often on the CPU.
# Usage: scripts/profile-post.sh [recording (/tmp/post.jfr)] [connections (16)]
set -euo pipefail
recording="${1:-/tmp/post.jfr}"
connections="${2:-16}"
waits="jdk.ThreadPark#threshold=1ms,jdk.JavaMonitorEnter#threshold=1ms"
waits="$waits,jdk.JavaMonitorWait#threshold=1ms,jdk.SocketRead#threshold=1ms"
waits="$waits,jdk.SocketWrite#threshold=1ms,jdk.FileForce#threshold=1ms"
waits="$waits,jdk.VirtualThreadPinned#threshold=1ms"
JVM_OPTS="-Xms512m -Xmx512m -XX:StartFlightRecording=filename=$recording,settings=profile,$waits"
. "$(dirname "$0")/common.sh"
build_jars
machine
start_sandbox profile --speed 0.0001
start_postgres
start_service_on_sandbox profile SPORTELLO_JDBC_URL="$jdbc_url" SPORTELLO_JDBC_USER=postgres
sandbox_credit 100000000
orders=(-H "Authorization: Bearer $api_key" -s "$root/scripts/wrk/load.lua" "$api" -- orders)
wrk -t2 -c"$connections" -d10s "${orders[@]}" "warm-$$" >/dev/null
wrk --latency -t2 -c"$connections" -d20s "${orders[@]}" "profile-$$" \
  | grep -E 'Requests/sec|^ +(50|99)%|Non-2xx'
# The recording so far, less the warm-up: only what the measured 20 s did is summarised.
"$JAVA_HOME/bin/jcmd" "$service_pid" JFR.dump filename="$recording" begin=-20s >/dev/null
stop "$service_pid"
stop "$postgres_pid"
machine
"$root/scripts/jfr-waits.py" "$recording" 8
"$root/scripts/jfr-hot-methods.py" "$recording" 30 \
  dev.sportello.,org.postgresql.,com.zaxxer.,tools.jackson.,org.jdbi.,io.javalin.,java.net.http.,feign.
