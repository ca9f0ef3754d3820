#!/usr/bin/env python3
"""Reads a JFR recording's waiting events (parked threads, monitors entered or waited on, socket reads
and writes, forced file writes, virtual threads pinned to their carrier) and prints, per event type,
how many there were and how long they lasted in all, then the sites that waited longest: the
innermost frame outside the JDK, with the frame of ours that called it.

Usage: scripts/jfr-waits.py recording.jfr [sites per event type, default 6]
The JDK's `jfr` tool must be next to the `java` that find-jdk.sh finds, or on the PATH."""
import collections
import json
import os
import re
import shutil
import subprocess
import sys

EVENTS = ("jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.SocketRead",
          "jdk.SocketWrite", "jdk.FileForce", "jdk.VirtualThreadPinned")
JDK = ("java.", "javax.", "jdk.", "sun.", "com.sun.")
OURS = "dev.sportello."


def jfr_tool():
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", "jfr")):
        return os.path.join(home, "bin", "jfr")
    return shutil.which("jfr") or "jfr"


def seconds(duration):
    """An ISO-8601 duration as JFR's JSON prints it (PT0.0123S, PT1M2.5S), in seconds."""
    match = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", duration or "")
    if not match:
        return 0.0
    hours, minutes, secs = (float(group) if group else 0.0 for group in match.groups())
    return hours * 3600 + minutes * 60 + secs


def frame_name(frame):
    method = frame["method"]
    # JFR's JSON names most classes in their internal form (java/lang/Thread).
    owner = method["type"]["name"].replace("/", ".")
    return "%s.%s:%s" % (owner, method["name"], frame.get("lineNumber", "?"))


def site(event):
    frames = (event["values"].get("stackTrace") or {}).get("frames") or []
    names = [frame_name(frame) for frame in frames]
    outside = next((name for name in names if not name.startswith(JDK)), None)
    ours = next((name for name in names if name.startswith(OURS)), None)
    if outside is None:
        # The JDK's own threads: the HTTP client's, idle pools' carriers and the like.
        return "(the JDK alone) " + (names[-1] if names else "no stack")
    return outside if ours in (None, outside) else "%s  <- %s" % (outside, ours)


def main():
    recording = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    printed = subprocess.run(
        [jfr_tool(), "print", "--json", "--stack-depth", "40", "--events", ",".join(EVENTS),
         recording], check=True, capture_output=True, text=True).stdout
    events = json.loads(printed)["recording"]["events"]
    totals = collections.defaultdict(lambda: [0, 0.0])
    sites = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0.0]))
    for event in events:
        took = seconds(event["values"].get("duration"))
        totals[event["type"]][0] += 1
        totals[event["type"]][1] += took
        entry = sites[event["type"]][site(event)]
        entry[0] += 1
        entry[1] += took
    print("%-26s %8s %12s" % ("event", "count", "total ms"))
    for kind in EVENTS:
        count, total = totals.get(kind, (0, 0.0))
        print("%-26s %8d %12.0f" % (kind, count, total * 1000))
    for kind in EVENTS:
        if kind not in sites:
            continue
        print("\n%s, longest sites (count, total ms):" % kind)
        ranked = sorted(sites[kind].items(), key=lambda item: -item[1][1])[:rows]
        for name, (count, total) in ranked:
            print("  %6d %10.0f  %s" % (count, total * 1000, name))


if __name__ == "__main__":
    main()
