#!/usr/bin/env bash
# Master-equation benchmarks: JMH (MasterEquationBenchmark) and QuTiP brmesolve on the same models, one run.
#
#   bench/run-master-benchmarks.sh                 # JMH defaults (3 x 2 s warm-up, 5 x 2 s measurement)
#   bench/run-master-benchmarks.sh -wi 1 -i 3      # extra arguments go to JMH
#   QUTIP_CASES=two-qubits,oscillators-secular bench/run-master-benchmarks.sh   # skip QuTiP's slow d = 100 Redfield
#
# Builds through the reactor without installing anything. Results: bench/target/results/master-<timestamp>/
# (machine.txt, jmh.json, jmh.log, qutip.json, qutip.log, summary.md).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PY=/usr/bin/python3
OUT="bench/target/results/master-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
{
  echo "date: $(date -Is)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | sed 's/^/java: /'
  $PY -c 'import sys, numpy, scipy, qutip; print(f"python: {sys.version.split()[0]}, numpy {numpy.__version__}, scipy {scipy.__version__}, qutip {qutip.__version__}")'
  echo "git: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- sim-core integrators bench || echo ' (+ uncommitted changes)')"
} | tee "$OUT/machine.txt"

echo "== build (reactor, no install)"
mvn -q -B -o package -pl bench -am -DskipTests
JAR=bench/target/benchmarks.jar

echo "== JMH"
java -jar "$JAR" 'io\.coherent\.bench\.MasterEquationBenchmark' -rf json -rff "$OUT/jmh.json" "$@" 2>&1 | tee "$OUT/jmh.log"

echo "== QuTiP"
$PY bench/qutip/master_qutip.py --json "$OUT/qutip.json" --cases "${QUTIP_CASES:-two-qubits,oscillators-secular,oscillators}" 2>&1 | tee "$OUT/qutip.log"

echo "== summary (load average at end: $(cut -d' ' -f1-3 /proc/loadavg))"
$PY bench/qutip/master_ratios.py "$OUT/jmh.json" "$OUT/qutip.json" "$OUT/summary.md"
echo "results in $OUT"
