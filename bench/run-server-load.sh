#!/usr/bin/env bash
# The server under streaming load: app's StreamLoadTest for a full minute (the unit test runs it for 10 s).
# 50 Server-Sent-Event subscribers on loopback watch partial-collective (exact, 151 points, about 0.7 s) in rounds that
# alternate with the same run alone; the test fails if the median over the rounds of (watched run time / time
# of the run alone just before it) exceeds 1.10, if the heap after GC grows by 64 MB or more, or if any
# subscriber misses a message.
# Builds and tests through the reactor only (nothing is installed into ~/.m2).
#
#   bench/run-server-load.sh          # 60 s of rounds
#   bench/run-server-load.sh 120      # another duration, in seconds
#
# Results land in bench/target/results/server-load-<timestamp>/: machine.txt, summary.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SECONDS_OF_LOAD="${1:-60}"
OUT="bench/target/results/server-load-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
{
  echo "date: $(date -Is)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | sed 's/^/java: /'
  echo "git: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- observers app || echo ' (+ uncommitted changes)')"
} | tee "$OUT/machine.txt"

status=0
mvn -q -B -o test -pl app -am -Dtest=StreamLoadTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcoherent.load.seconds="$SECONDS_OF_LOAD" -Dcoherent.load.maxSlowdown=0.10 || status=$?
cp app/target/server-load.txt "$OUT/summary.txt"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
cat "$OUT/summary.txt"
exit "$status"
