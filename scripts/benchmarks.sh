#!/usr/bin/env bash
# Builds benchmarks/target/benchmarks.jar when missing or older than the sources (offline, or
# online when a library was never downloaded: see scripts/build.sh), then runs it.
#   scripts/benchmarks.sh jmh [JMH options]      the JMH runner, e.g. RuleEvaluationBenchmark -f 3
#   scripts/benchmarks.sh CLASS [arguments]      a measuring program in dev.sportello.benchmarks
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/.mvn/find-jdk.sh"
sportello_find_jdk
jar="$root/benchmarks/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root" -path '*/src/main/*' -newer "$jar" -print -quit)" ] \
  || [ -n "$(find "$root" -path '*/src/test/java/*' -newer "$jar" -print -quit)" ]; then
  . "$root/scripts/build.sh"
  build_offline_first -Pbenchmarks -DskipTests -Dspotless.check.skip=true -f "$root/pom.xml" \
    package -pl benchmarks -am
  touch "$jar"
fi
what="${1:?usage: scripts/benchmarks.sh jmh [JMH options] | CLASS [arguments]}"
shift
if [ "$what" = jmh ]; then
  exec "$JAVA_HOME/bin/java" -jar "$jar" "$@"
fi
exec "$JAVA_HOME/bin/java" -cp "$jar" "dev.sportello.benchmarks.$what" "$@"
