# Sourced by scripts/benchmarks.sh and scripts/common.sh (which set root): builds with Maven.
# build_offline_first ARGS...: runs ./mvnw ARGS offline, and online only when the offline build
# stopped at a library or plugin not downloaded yet (JMH and the benchmarks' other libraries, on a
# machine that never built them). A build that fails for any other reason fails at once, with its
# own messages. Maven's settings come through as usual, e.g. MAVEN_OPTS=-Dmaven.repo.local=DIR.
build_offline_first() {
  local log status=0
  log="$(mktemp)"
  "$root/mvnw" -q -B -ntp -o "$@" >"$log" 2>&1 || status=$?
  if [ "$status" -ne 0 ] && grep -q 'in offline mode' "$log"; then
    rm -f "$log"
    echo "some libraries or plugins are not downloaded yet: building online..." >&2
    "$root/mvnw" -q -B -ntp "$@" >&2
    return
  fi
  cat "$log" >&2
  rm -f "$log"
  return "$status"
}
