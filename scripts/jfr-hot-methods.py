#!/usr/bin/env python3
"""Reads a JFR recording's execution samples and prints the share of samples each method was on the
stack for (inclusive), keeping the project's methods and the JDK's regex and text normalisation.

Usage: scripts/jfr-hot-methods.py profile.jfr [how many rows, default 25] [prefixes to keep, comma-separated]
The JDK's `jfr` tool must be next to the `java` that find-jdk.sh finds, or on the PATH."""
import collections
import os
import re
import shutil
import subprocess
import sys

KEEP = ("dev.sportello.", "java.util.regex.", "java.text.Normalizer", "io.vavr.")


def jfr_tool():
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", "jfr")):
        return os.path.join(home, "bin", "jfr")
    return shutil.which("jfr") or "jfr"


def main():
    recording = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    keep = tuple(sys.argv[3].split(",")) if len(sys.argv) > 3 else KEEP
    printed = subprocess.run(
        [jfr_tool(), "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording],
        check=True, capture_output=True, text=True).stdout
    inclusive = collections.Counter()
    samples = 0
    for event in printed.split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w.$/]+)\(", event, re.M)
        if not frames:
            continue
        samples += 1
        for frame in set(frames):
            if frame.startswith(keep) and "jmh_generated" not in frame:
                inclusive[frame] += 1
    print(f"{samples} samples")
    for method, count in inclusive.most_common(rows):
        print(f"{100 * count / samples:5.1f}%  {method}")


if __name__ == "__main__":
    main()
