# Sourced by the measuring scripts: the JDK, the two jars, and starting and stopping the service,
# the bare Javalin endpoint and PostgreSQL as separate processes on loopback.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/.mvn/find-jdk.sh"
sportello_find_jdk
java="$JAVA_HOME/bin/java"
service_jar="$root/bootstrap/target/sportello.jar"
bench_jar="$root/benchmarks/target/benchmarks.jar"
api_key="load-measurement-api-key"
# The same heap and collector for every JVM a script starts, so that they are compared fairly.
jvm_opts=(${JVM_OPTS:--Xms512m -Xmx512m})
work="$(mktemp -d)"
started_pids=()

cleanup() {
  for pid in "${started_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${started_pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

build_jars() {
  if [ ! -f "$service_jar" ] || [ ! -f "$bench_jar" ] \
    || [ ! -f "$root/visengine-sandbox/target/visengine-sandbox.jar" ] \
    || [ -n "$(find "$root" -path '*/src/main/*' -newer "$bench_jar" -print -quit)" ]; then
    echo "building the service and benchmark jars..." >&2
    . "$root/scripts/build.sh"
    build_offline_first -Pbenchmarks -DskipTests -Dspotless.check.skip=true \
      -f "$root/pom.xml" package -pl bootstrap,benchmarks -am
    # Maven leaves an up-to-date jar as it was: mark the build, or every run would build again.
    touch "$service_jar" "$bench_jar"
  fi
}

# wait_for_line FILE PATTERN PID: waits up to 120 s for a line of FILE to match, while PID lives.
wait_for_line() {
  for _ in $(seq 1 1200); do
    if grep -q "$2" "$1" 2>/dev/null; then return 0; fi
    if ! kill -0 "$3" 2>/dev/null; then
      echo "process $3 ended before '$2'; its output:" >&2
      cat "$1" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "timed out waiting for '$2' in $1" >&2
  return 1
}

# start_service NAME [VAR=value ...]: runs `serve` with its own data directory and the given
# settings; sets service_pid, api (http://host:port), sandbox_url and sandbox_token.
start_service() {
  local name="$1"
  shift
  mkdir -p "$work/$name"
  env SPORTELLO_DATA_DIR="$work/$name" SPORTELLO_HTTP_HOST=127.0.0.1 SPORTELLO_HTTP_PORT=0 \
    SPORTELLO_API_KEY="$api_key" SPORTELLO_SYNC_INTERVAL=1h SPORTELLO_SANDBOX_STEP_DELAY=1h "$@" \
    "$java" "${jvm_opts[@]}" --enable-native-access=ALL-UNNAMED -jar "$service_jar" serve \
    >"$work/$name.log" 2>&1 &
  service_pid=$!
  started_pids+=("$service_pid")
  wait_for_line "$work/$name.log" "Ready in" "$service_pid"
  api=$(sed -n 's|^ *API  *\(http://[^/ ]*\)/api/v1.*|\1|p' "$work/$name.log" | head -n 1)
  sandbox_url=$(sed -n 's|^ *Sandbox  *\(http://[^ ]*\) .*|\1|p' "$work/$name.log" | head -n 1)
  sandbox_token=$(sed -n 's|^ *Sandbox .* token \([^ ]*\) .*|\1|p' "$work/$name.log" | head -n 1)
}

# start_sandbox NAME [option ...]: the Visengine sandbox as a process of its own, as Openapi's
# engines are, with its control API and the given options (see its --help); sets sandbox_pid,
# sandbox_url and sandbox_token.
start_sandbox() {
  local name="$1"
  shift
  sandbox_token="$name-sandbox-token"
  "$java" -Xmx512m -jar "$root/visengine-sandbox/target/visengine-sandbox.jar" --port 0 \
    --token "$sandbox_token" --control "$@" >"$work/$name-sandbox.log" 2>&1 &
  sandbox_pid=$!
  started_pids+=("$sandbox_pid")
  wait_for_line "$work/$name-sandbox.log" "^Control API" "$sandbox_pid"
  sandbox_url=$(sed -n 's/^Visengine sandbox: *//p' "$work/$name-sandbox.log" | head -n 1)
}

# start_service_on_sandbox NAME [VAR=value ...]: start_service with Visengine played by the sandbox
# start_sandbox started, and the API key given by its hash, as outside sandbox mode.
start_service_on_sandbox() {
  local name="$1"
  shift
  local url="$sandbox_url" token="$sandbox_token"
  start_service "$name" SPORTELLO_VISENGINE_URL="$url" SPORTELLO_VISENGINE_TOKEN="$token" \
    SPORTELLO_API_KEY= SPORTELLO_API_KEY_HASHES="load=$(printf %s "$api_key" | sha256sum | cut -d' ' -f1)" "$@"
  # start_service reads an embedded sandbox from the banner; this one is not in it.
  sandbox_url="$url"
  sandbox_token="$token"
}

# sandbox_credit EUROS: sets the sandbox's wallet, so that load never runs out of credit.
sandbox_credit() {
  curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $sandbox_token" \
    -H "Content-Type: application/json" -d "{\"balance\": $1}" "${sandbox_url%/}/_sandbox/wallet"
}

# submit KEY: orders the family-status certificate; prints the new request's id.
submit() {
  curl -sf -X POST -H "Authorization: Bearer $api_key" -H "Content-Type: application/json" \
    -H "Idempotency-Key: $1" \
    -d '{"certificateId":"4c84e22bbabd5f25b0102bb3bfe82790","values":{"$0":"Mario","$1":"Rossi","$2":"1985-12-10","$3":"Italia","$4":"San Giuliano Terme","$5":"PI","$6":"G702","$7":"RSSMRA85T10A562S"},"extras":["opzione_0"]}' \
    "$api/api/v1/requests" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p'
}

# stop PID: stops a process this script started, and waits for it.
stop() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# start_postgres: a PostgreSQL server on a free port; sets postgres_pid and jdbc_url.
start_postgres() {
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$java" -cp "$bench_jar" dev.sportello.benchmarks.LoadPostgres "$port" "$work/pgdata" \
    >"$work/postgres.log" 2>&1 &
  postgres_pid=$!
  started_pids+=("$postgres_pid")
  wait_for_line "$work/postgres.log" "^ready " "$postgres_pid"
  jdbc_url=$(sed -n 's/^ready \(.*\)/\1/p' "$work/postgres.log" | head -n 1)
}

machine() {
  echo "date: $(date -u +%FT%TZ); $(nproc) cores; $(lscpu | sed -n 's/^Model name: *//p');" \
    "$("$java" -version 2>&1 | head -n 1); JVM options: ${jvm_opts[*]}; load: $(cut -d' ' -f1-3 /proc/loadavg)"
}
