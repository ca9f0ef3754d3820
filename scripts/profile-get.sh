#!/usr/bin/env bash
# Records where the service spends its time under GET /api/v1/requests/{id} load: 15 s of warm-up,
# then 30 s under wrk with Java Flight Recorder on; prints the methods most often on the stack.
# Usage: scripts/profile-get.sh [recording (/tmp/get.jfr)]
set -euo pipefail
recording="${1:-/tmp/get.jfr}"
JVM_OPTS="-Xms512m -Xmx512m -XX:StartFlightRecording=filename=$recording,settings=profile"
. "$(dirname "$0")/common.sh"
build_jars
machine
start_service profile
id=$(submit "profile-target")
wrk -t2 -c16 -d15s -H "Authorization: Bearer $api_key" "$api/api/v1/requests/$id" >/dev/null
wrk -t2 -c16 -d30s -H "Authorization: Bearer $api_key" "$api/api/v1/requests/$id" | grep Requests/sec
"$JAVA_HOME/bin/jcmd" "$service_pid" JFR.dump filename="$recording" >/dev/null
stop "$service_pid"
"$root/scripts/jfr-hot-methods.py" "$recording" 40 \
  dev.sportello.,org.sqlite.,com.zaxxer.,tools.jackson.,org.jdbi.,io.javalin.,sun.security.provider.
