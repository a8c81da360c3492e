#!/usr/bin/env bash
# Builds, runs the JMH benchmarks and the scipy comparison in one go, and prints the ratios.
#
#   bench/run-benchmarks.sh                 # everything (about 3 minutes on 2 cores)
#   bench/run-benchmarks.sh -wi 1 -i 2      # extra arguments go to JMH (here: a quick, noisier run)
#
# Results land in bench/target/results/<timestamp>/: java-scan.tsv (Java's 401 Jx values), jmh.json,
# jmh.log, scipy.json, scipy.log, machine.txt and summary.md.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PY=/usr/bin/python3
OUT="bench/target/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

{
  echo "date: $(date -Is)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "memory: $(grep MemTotal /proc/meminfo | awk '{printf "%.1f GiB", $2/1048576}')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | sed 's/^/java: /'
  echo "maven: $(mvn -v 2>/dev/null | head -1)"
  $PY -c 'import sys, numpy, scipy; print(f"python: {sys.version.split()[0]}, numpy {numpy.__version__}, scipy {scipy.__version__}")'
  echo "git: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- sim-core integrators bench || echo ' (+ uncommitted changes)')"
} | tee "$OUT/machine.txt"

echo "== build"
mvn -q -B -o package -pl bench -am -DskipTests
JAR=bench/target/benchmarks.jar

echo "== Java scan values (for the accuracy comparison)"
java -cp "$JAR" io.coherent.bench.ScanDump "$OUT/java-scan.tsv"

echo "== JMH"
java -jar "$JAR" 'io\.coherent\.bench\.(SteadyStatePoint|ThetaScan)Benchmark' -rf json -rff "$OUT/jmh.json" "$@" 2>&1 | tee "$OUT/jmh.log"

echo "== scipy"
$PY bench/scipy/steady_state_scipy.py --java "$OUT/java-scan.tsv" --json "$OUT/scipy.json" 2>&1 | tee "$OUT/scipy.log"

echo "== summary (load average at end: $(cut -d' ' -f1-3 /proc/loadavg))"
$PY bench/scipy/ratios.py "$OUT/jmh.json" "$OUT/scipy.json" "$OUT/summary.md"
echo "results in $OUT"
