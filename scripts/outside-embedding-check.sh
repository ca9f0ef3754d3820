#!/usr/bin/env bash
# Follows the README's "Embedding the library" from outside the repository, as a new user would:
# installs the artifacts into a copy of the local Maven repository (never into ~/.m2 itself), makes a
# project in a fresh directory from the README's text alone (the BOM import of "Getting the
# artifacts", the section's dependency block, the files it quotes whole), builds and tests it
# offline, and runs the program against a sandbox. Not part of `./mvnw verify`.
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
python3 - "$repo/README.md" "$outside" <<'PY'
import pathlib, re, sys

readme = pathlib.Path(sys.argv[1]).read_text()
outside = pathlib.Path(sys.argv[2])

def section(title):
    start = readme.index("\n## " + title + "\n")
    end = readme.find("\n## ", start + 1)
    return readme[start:end if end >= 0 else len(readme)]

def blocks(text, language):
    """Each fenced block of the language, with the last non-blank line before it."""
    found, before, lines, i = [], "", text.splitlines(), 0
    while i < len(lines):
        if lines[i] == "```" + language:
            end = lines.index("```", i + 1)
            found.append((before, "\n".join(lines[i + 1:end]) + "\n"))
            i = end
        elif lines[i].strip():
            before = lines[i]
        i += 1
    return found

bom = next(b for _, b in blocks(section("Getting the artifacts"), "xml") if "sportello-bom" in b)
embedding = section("Embedding the library")
dependencies = next(b for _, b in blocks(embedding, "xml") if b.startswith("<dependencies>"))
(outside / "pom.xml").write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
<modelVersion>4.0.0</modelVersion>
<groupId>com.example</groupId>
<artifactId>certificates</artifactId>
<version>1.0</version>
<properties>
  <maven.compiler.release>21</maven.compiler.release>
  <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
</properties>
{bom}{dependencies}<build>
  <plugins>
    <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.16.0</version></plugin>
    <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.6.1</version></plugin>
  </plugins>
</build>
</project>
""")
for before, code in blocks(embedding, "java"):
    named = re.search(r"examples/plain-java/(src/[^`)\s]+\.java)", before)
    if named and code.startswith("package "):
        target = outside / named.group(1)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(code)
        print("from the README:", named.group(1))
PY

mvn_outside() { "$repo/mvnw" -o -q -f "$outside/pom.xml" -Dmaven.repo.local="$m2" "$@"; }
mvn_outside test
mvn_outside dependency:build-classpath -Dmdep.outputFile="$outside/classpath.txt"

"$java" -jar "$repo/visengine-sandbox/target/visengine-sandbox.jar" --port "$port" --token demo-token \
  >"$outside/sandbox.log" 2>&1 &
sandbox=$!
trap 'kill "$sandbox"' EXIT
until curl -sf -H "Authorization: Bearer demo-token" "http://127.0.0.1:$port/visure" >/dev/null; do
  kill -0 "$sandbox" # stops the script if the sandbox died
  sleep 0.2
done

cd "$outside"
VISENGINE_URL=http://127.0.0.1:$port VISENGINE_TOKEN=demo-token \
  NOTIFICATION_SECRET=a-secret-of-at-least-thirty-two-characters \
  "$java" -cp "target/classes:$(cat classpath.txt)" com.example.certificates.OrderCertificate data residence.zip
python3 -m zipfile -l residence.zip # the archive Visengine issued, holding the PDF
