# Sourced by ./mvnw, ./sportello and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Keeps a JAVA_HOME that already qualifies; otherwise looks at `java` on the PATH and the standard JVM folders.
# Every start of ./sportello runs this, so the shell does the work itself wherever it can: each
# program started (sed, dirname, a subshell) costs milliseconds.

# sportello_read_major DIR: sets sportello_major to the JDK's feature version (25), or to nothing,
# and sportello_version to its whole version (25.0.3) when its release file tells it.
sportello_read_major() {
  sportello_major=""
  sportello_version=""
  # The release file says it without starting a JVM; older or unusual JDKs are asked.
  if [ -f "$1/release" ]; then
    while IFS= read -r sportello_line || [ -n "$sportello_line" ]; do
      case $sportello_line in
        JAVA_VERSION=\"[0-9]*)
          sportello_version=${sportello_line#JAVA_VERSION=\"}
          sportello_version=${sportello_version%%\"*}
          sportello_major=${sportello_version%%[!0-9]*}
          break
          ;;
      esac
    done <"$1/release"
  fi
  if [ -z "$sportello_major" ] || [ "$sportello_major" = 1 ]; then
    sportello_major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
}
sportello_jdk_major() {
  sportello_read_major "$1"
  echo "$sportello_major"
}
sportello_jdk_ok() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  sportello_read_major "$1"
  [ -n "$sportello_major" ] && [ "$sportello_major" -ge 21 ]
}
sportello_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && sportello_jdk_ok "$JAVA_HOME"; then
    return 0
  fi
  case $- in *f*) sportello_noglob=1 ;; *) sportello_noglob=0 ;; esac
  set +f
  sportello_candidates=""
  if sportello_javac=$(command -v javac 2>/dev/null); then
    sportello_javac=$(readlink -f "$sportello_javac")
    sportello_candidates=${sportello_javac%/bin/javac}
  fi
  for sportello_dir in /usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$sportello_dir" ] && sportello_candidates="$sportello_candidates
$sportello_dir"
  done
  [ "$sportello_noglob" = 1 ] && set -f
  sportello_best=""
  sportello_best_major=0
  for sportello_dir in $sportello_candidates; do
    if sportello_jdk_ok "$sportello_dir" && [ "$sportello_major" -gt "$sportello_best_major" ]; then
      sportello_best=$sportello_dir
      sportello_best_major=$sportello_major
    fi
  done
  if [ -z "$sportello_best" ]; then
    echo "Sportello needs a JDK 21 or newer and found none (JAVA_HOME, java on the PATH, /usr/lib/jvm)." >&2
    echo "Install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME=$sportello_best
  export JAVA_HOME
}
