#!/usr/bin/env bash
# Issue 13: cold `coherent run` of the Ohmic example (docs/exact-engine.md), this build against a peer jar (e.g. main's
# build before the change) in the same session, runs alternated so both see the same load.
#
#   PEER_JAR=/path/to/peer/coherent.jar bench/run-ohmic-trajectory.sh [until...]   # default: 20 and the default length
#
# Builds with `mvn package` only (never install). Results in bench/target/results/ohmic-trajectory-<timestamp>/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="bench/target/results/ohmic-trajectory-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
mvn -q -B package -pl app -am -DskipTests
SCENARIO=bench/scenarios/ohmic-bilinear.yaml
{
  echo "date: $(date -Is)"
  echo "nproc: $(nproc)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "git: $(git rev-parse --short HEAD)"
  echo "peer: ${PEER_JAR:-none}"
} | tee "$OUT/machine.txt"
lengths=("$@")
[ ${#lengths[@]} -eq 0 ] && lengths=(20 default)
for until in "${lengths[@]}"; do
  args=(run "$SCENARIO" --quiet)
  [ "$until" != default ] && args+=(--until "$until")
  for jar in app/target/coherent.jar ${PEER_JAR:+"$PEER_JAR"}; do
    name=$([ "$jar" = app/target/coherent.jar ] && echo this || echo peer)
    start=$(date +%s.%N)
    timeout "${LIMIT:-600}" java -jar "$jar" "${args[@]}" --out "$OUT/$name-$until" > "$OUT/$name-$until.log" 2>&1 \
      && status=ok || status="stopped (exit $?)"
    end=$(date +%s.%N)
    n1=$(grep -m1 ' n1 = ' "$OUT/$name-$until.log" || true)
    printf '%s until=%s: %.1f s wall, %s;%s\n' "$name" "$until" "$(echo "$end - $start" | bc)" "$status" "$n1" | tee -a "$OUT/summary.txt"
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
echo "results: $OUT"
