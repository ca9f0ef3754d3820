#!/usr/bin/env bash
# A 100 MB document with a 64 MB heap: the service (embedded sandbox included, in the same JVM)
# downloads it from the sandbox in its sync cycle, stores it, and serves it back to a client.
# Prints the sizes, the times, the JVM's peak resident memory and its heap after the download.
# Usage: scripts/large-document.sh [size in bytes (104857600)] [heap (64m)]
set -euo pipefail
size="${1:-104857600}"
JVM_OPTS="-Xmx${2:-64m}"
. "$(dirname "$0")/common.sh"
auth="Authorization: Bearer $api_key"
build_jars
machine

start_service large SPORTELLO_SYNC_INTERVAL=1s
sandbox_auth="Authorization: Bearer $sandbox_token"
id=$(submit "large-document")
upstream=$(curl -sf -H "$sandbox_auth" "${sandbox_url%/}/richiesta" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["_id"])')
curl -sf -o /dev/null -X POST -H "$sandbox_auth" -H "Content-Type: application/json" \
  -d "{\"size_bytes\": $size}" "${sandbox_url%/}/_sandbox/requests/$upstream/document"
started=$(date +%s%N)
stored=""
for _ in $(seq 1 600); do
  if curl -sf -H "$auth" "$api/api/v1/requests/$id" \
    | python3 -c 'import json,sys; sys.exit(json.load(sys.stdin)["document"] is None)'; then
    stored=$(date +%s%N)
    break
  fi
  curl -sf -o /dev/null -X POST -H "$sandbox_auth" -H "Content-Type: application/json" \
    -d '{"seconds": 3600}' "${sandbox_url%/}/_sandbox/clock/advance"
  sleep 1
done
[ -n "$stored" ] || { echo "the document was never stored; the service said:" >&2; cat "$work/large.log" >&2; exit 1; }
echo "fulfilled and stored (${size} bytes asked) in $(( (stored - started) / 1000000 )) ms"
served_start=$(date +%s%N)
curl -sf -H "$auth" -o "$work/document.zip" "$api/api/v1/requests/$id/document"
served_end=$(date +%s%N)
echo "served back: $(stat -c %s "$work/document.zip") bytes in $(( (served_end - served_start) / 1000000 )) ms;" \
  "ZIP listing: $(python3 -c 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(", ".join(f"{i.filename} {i.file_size} B" for i in z.infolist()))' "$work/document.zip")"
echo "peak resident memory of the service JVM: $(sed -n 's/^VmHWM: *//p' "/proc/$service_pid/status")"
"$JAVA_HOME/bin/jcmd" "$service_pid" GC.heap_info | sed -n '2,3p'
if grep -q "OutOfMemoryError" "$work/large.log"; then
  echo "the service ran out of memory:" >&2
  grep -n "OutOfMemoryError" "$work/large.log" >&2
  exit 1
fi
echo "no OutOfMemoryError in the service's output"
stop "$service_pid"
