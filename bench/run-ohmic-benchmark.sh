#!/usr/bin/env bash
# Issue 13: the exact engine's steady state with an Ohmic bath (exact self-energy of the true J, no fit) vs scipy's
# quad of the same integral with the self-energy in closed form, in the same session.
#
#   bench/run-ohmic-benchmark.sh            # about 2 minutes on 2 cores
#
# Builds with `mvn package` only (never install). Results in bench/target/results/ohmic-<timestamp>/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="bench/target/results/ohmic-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
{
  echo "date: $(date -Is)"
  echo "nproc: $(nproc)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | sed 's/^/java: /'
  echo "git: $(git rev-parse --short HEAD)"
} | tee "$OUT/machine.txt"
mvn -q -B package -pl bench -am -DskipTests
java -jar bench/target/benchmarks.jar 'io\.coherent\.bench\.OhmicSteadyBenchmark' -rf json -rff "$OUT/jmh.json" "$@" 2>&1 \
  | tee "$OUT/jmh.log" | grep -E "^\[setup\]|^Benchmark|OhmicSteadyBenchmark\.point"
/usr/bin/python3 bench/scipy/ohmic_steady_scipy.py --json "$OUT/scipy.json" 2>&1 | tee "$OUT/scipy.log"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
echo "results: $OUT"
