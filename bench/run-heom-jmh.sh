#!/usr/bin/env bash
# HEOM benchmarks (HeomBenchmark): right-hand side, one hierarchy's steady state, fixed depth with error estimate,
# automatic convergence, at depth 5, 6, 7 on issue 12's two-qubit model (docs/benchmarks.md, "HEOM").
#
#   bench/run-heom-jmh.sh                 # JMH defaults of the class (3 x 2 s warm-up, 5 x 2 s measurement)
#   bench/run-heom-jmh.sh -wi 2 -i 3      # extra arguments go to JMH
#
# The side-by-side run against QuTiP is bench/run-heom-benchmark.sh (heomcheck).
# Builds through the reactor without installing anything. Results: bench/target/results/heom-<timestamp>/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="bench/target/results/heom-jmh-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
{
  echo "date: $(date -Is)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | sed 's/^/java: /'
  echo "git: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- sim-core bench || echo ' (+ uncommitted changes)')"
} | tee "$OUT/machine.txt"
mvn -q -B -o package -pl bench -am -DskipTests
java -jar bench/target/benchmarks.jar 'io\.coherent\.bench\.HeomBenchmark' -rf json -rff "$OUT/jmh.json" "$@" 2>&1 \
  | tee "$OUT/jmh.log"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
echo "results in $OUT"
