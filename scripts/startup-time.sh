#!/usr/bin/env bash
# Measures how long `./sportello serve` takes, with no configuration and an empty data directory,
# from launch to the first successful GET /api/v1/certificates. Prints each start and the median.
# Usage: scripts/startup-time.sh [starts (default 10)] [port (default 8080)]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
port="${2:-8080}"
key="startup-time-measurement-key"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Build once, outside the measurement.
"$root/sportello" --version >/dev/null

times=()
for i in $(seq 1 "$runs"); do
  mkdir -p "$work/$i"
  start=$(date +%s%N)
  (cd "$work/$i" && SPORTELLO_API_KEY="$key" SPORTELLO_HTTP_PORT="$port" \
    exec "$root/sportello" serve >"$work/$i.log" 2>&1) &
  pid=$!
  ready=""
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
    echo "start $i: not ready; its output:" >&2
    cat "$work/$i.log" >&2
    exit 1
  fi
  ms=$(( (ready - start) / 1000000 ))
  times+=("$ms")
  echo "start $i: ${ms} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')
echo "median of $runs starts: ${median} ms"
