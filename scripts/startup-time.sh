#!/usr/bin/env bash
# Measures how long `./sportello serve` takes, with no configuration and an empty data directory,
# from launch to the first successful GET /api/v1/certificates. Prints each start and the median.
# The build and the launcher's start-up cache for `serve` are made first, by starts that are
# printed but not counted ("warm-up start N").
# With a third argument, another checkout (built, such as an earlier commit's), whose starts
# alternate with these, one of each in turn and each going first in every other pair, so that both
# share the machine's load of the moment and neither gains from the order; its starts print as
# "start N, OTHER: X ms", and the ratio of the two medians ends the output.
# Usage: scripts/startup-time.sh [starts (default 10)] [port (default 8080)] [other checkout]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
port="${2:-8080}"
other="${3:+$(cd "$3" && pwd)}"
key="startup-time-measurement-key"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Build once, outside the measurement.
"$root/sportello" --version >/dev/null
if [ -n "$other" ]; then "$other/sportello" --version >/dev/null; fi

# one_start NAME [CHECKOUT]: starts `serve` in a data directory of its own, waits for the first
# successful request, stops it; sets ms to the time from launch to that answer.
one_start() {
  mkdir -p "$work/$1"
  local start ready="" pid launcher="${2:-$root}/sportello"
  start=$(date +%s%N)
  (cd "$work/$1" && SPORTELLO_API_KEY="$key" SPORTELLO_HTTP_PORT="$port" \
    exec "$launcher" serve >"$work/$1.log" 2>&1) &
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
  compgen -G "$1/aot/serve-*.aot" >/dev/null || [ -f "$1/cds-serve.jsa" ]
}
# warm_up CHECKOUT LABEL: makes the checkout's cache for `serve`, if it has none yet.
warm_up() {
  local targets="$1/bootstrap/target"
  for i in 1 2 3; do
    if has_cache "$targets"; then break; fi
    one_start "warm-up-$2$i" "$1"
    echo "warm-up start $i$2: ${ms} ms (not counted)"
    for _ in $(seq 1 600); do
      compgen -G "$targets/aot/serve-*.assembling" >/dev/null || break
      sleep 0.2
    done
  done
}
warm_up "$root" ""
if [ -n "$other" ]; then warm_up "$other" ", $other"; fi

median() {
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'
}
times=()
others=()
this_start() {
  one_start "$1"
  times+=("$ms")
  echo "start $1: ${ms} ms"
}
other_start() {
  one_start "$1-other" "$other"
  others+=("$ms")
  echo "start $1, $other: ${ms} ms"
}
# The checkouts take turns at going first (this, other; other, this; ...), so that neither always
# starts right after the other's process, with the page cache as that one left it.
for i in $(seq 1 "$runs"); do
  if [ -z "$other" ]; then
    this_start "$i"
  elif [ $((i % 2)) -eq 1 ]; then
    this_start "$i"
    other_start "$i"
  else
    other_start "$i"
    this_start "$i"
  fi
done
median=$(median "${times[@]}")
echo "median of $runs starts: ${median} ms"
if [ -n "$other" ]; then
  median_other=$(median "${others[@]}")
  echo "median of $runs starts, $other: ${median_other} ms"
  awk -v a="$median" -v b="$median_other" 'BEGIN {printf "this checkout / the other: %.2f\n", a / b}'
fi
