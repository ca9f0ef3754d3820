#!/usr/bin/env bash
# Follows the README's "Embedding the library" from outside the repository, as a new user would:
# installs the artifacts into a copy of the local Maven repository (never into ~/.m2 itself), makes a
# project in a fresh directory from the section's pom.xml, copied as written, and the example's src/
# (without its ReadmeTest, which reads this repository's README), builds and tests it offline with
# the section's commands, and runs the program against a sandbox. Not part of `./mvnw verify`.
#
#   scripts/outside-embedding-check.sh            # uses /tmp/plain-m2 and /tmp/outside
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
m2=${OUTSIDE_M2:-/tmp/plain-m2}
outside=${OUTSIDE_DIR:-/tmp/outside}
port=${OUTSIDE_SANDBOX_PORT:-18089}
. "$repo/.mvn/find-jdk.sh"
sportello_find_jdk # the JDK the wrapper builds with, in JAVA_HOME
java="$JAVA_HOME/bin/java"

[ -d "$m2" ] || cp -a ~/.m2/repository "$m2"
(cd "$repo" && ./mvnw -o -q install -DskipTests -Dmaven.repo.local="$m2" \
  -pl bom,examples/plain-java,visengine-sandbox -am)

rm -rf "$outside"
mkdir -p "$outside"
# The section's one pom.xml, as written.
python3 - "$repo/README.md" "$outside/pom.xml" <<'EXTRACT'
import pathlib, sys

readme = pathlib.Path(sys.argv[1]).read_text()
section = readme.index("\n## Embedding the library\n")
start = readme.index("```xml\n<?xml", section) + len("```xml\n")
pathlib.Path(sys.argv[2]).write_text(readme[start:readme.index("\n```\n", start) + 1])
EXTRACT
cp -a "$repo/examples/plain-java/src" "$outside/src"
rm "$outside/src/test/java/com/example/certificates/ReadmeTest.java"
cd "$outside"

# The section's build command, offline and on the copy of the local repository.
"$repo/mvnw" -o -Dmaven.repo.local="$m2" \
  -q package dependency:build-classpath -Dmdep.outputFile=classpath.txt

"$java" -jar "$repo/visengine-sandbox/target/visengine-sandbox.jar" --port "$port" --token demo-token \
  >"$outside/sandbox.log" 2>&1 &
sandbox=$!
trap 'kill "$sandbox"' EXIT
until curl -sf -H "Authorization: Bearer demo-token" "http://127.0.0.1:$port/visure" >/dev/null; do
  kill -0 "$sandbox" # stops the script if the sandbox died
  sleep 0.2
done

# The section's run command, with the sandbox on another port.
[ -f notification.secret ] || openssl rand -hex 32 >notification.secret
VISENGINE_URL=http://127.0.0.1:$port VISENGINE_TOKEN=demo-token NOTIFICATION_SECRET=$(cat notification.secret) \
  "$java" -cp "target/classes:$(cat classpath.txt)" com.example.certificates.OrderCertificate data residence.zip
python3 -m zipfile -l residence.zip # the archive Visengine issued, holding the PDF
