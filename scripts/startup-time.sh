#!/usr/bin/env bash
# Measures how long `./sportello serve` takes, with no configuration and an empty data directory,
# from launch to the first successful GET /api/v1/certificates. Prints each start and the median.
# The build and the launcher's start-up cache for `serve` are made first, by starts that are
# printed but not counted ("warm-up start N").
# Usage: scripts/startup-time.sh [starts (default 10)] [port (default 8080)]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
port="${2:-8080}"
key="startup-time-measurement-key"
target="$root/bootstrap/target"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Build once, outside the measurement.
"$root/sportello" --version >/dev/null

# one_start NAME: starts `serve` in a data directory of its own, waits for the first successful
# request, stops it; sets ms to the time from launch to that answer.
one_start() {
  mkdir -p "$work/$1"
  local start ready="" pid
  start=$(date +%s%N)
  (cd "$work/$1" && SPORTELLO_API_KEY="$key" SPORTELLO_HTTP_PORT="$port" \
    exec "$root/sportello" serve >"$work/$1.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 1500); do
    if curl -sf -o /dev/null -H "Authorization: Bearer $key" "http://localhost:$port/api/v1/certificates"; then
      ready=$(date +%s%N)
      break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.01
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -z "$ready" ]; then
    echo "start $1: not ready; its output:" >&2
    cat "$work/$1.log" >&2
    exit 1
  fi
  ms=$(( (ready - start) / 1000000 ))
}

# The launcher keeps a cache per command: JDK 25's ahead-of-time cache, recorded by the first start
# and assembled in the background during the second; earlier JDKs' class-data archive, made when
# the first start ends.
has_cache() {
  compgen -G "$target/aot/serve-*.aot" >/dev/null || [ -f "$target/cds-serve.jsa" ]
}
for i in 1 2 3; do
  if has_cache; then break; fi
  one_start "warm-up-$i"
  echo "warm-up start $i: ${ms} ms (not counted)"
  for _ in $(seq 1 600); do
    compgen -G "$target/aot/serve-*.assembling" >/dev/null || break
    sleep 0.2
  done
done

times=()
for i in $(seq 1 "$runs"); do
  one_start "$i"
  times+=("$ms")
  echo "start $i: ${ms} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')
echo "median of $runs starts: ${median} ms"
