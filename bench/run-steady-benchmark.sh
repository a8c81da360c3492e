#!/usr/bin/env bash
# Direct steady state at large d: GMRES (matrix-free) vs dense SVD null space vs QuTiP steadystate, same model
# (a qubit and a truncated oscillator, non-secular Redfield, real rates; d = 30, 60, 100), one run.
#
#   bench/run-steady-benchmark.sh            # 5 Java rounds, 3 QuTiP rounds
#   ROUNDS=3 CUTOFFS="14 29" bench/run-steady-benchmark.sh
#
# Results: bench/target/results/steady-<timestamp>/ (machine.txt, java.jsonl, qutip.jsonl).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PY=/usr/bin/python3
OUT="bench/target/results/steady-$(date +%Y%m%d-%H%M%S)"
CUTOFFS="${CUTOFFS:-14 29 49}"
mkdir -p "$OUT"
{
  echo "date: $(date -Is)"
  echo "nproc: $(nproc)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | sed 's/^/java: /'
  $PY -c 'import qutip, scipy; print(f"qutip {qutip.__version__}, scipy {scipy.__version__}")'
  echo "git: $(git rev-parse --short HEAD)"
} | tee "$OUT/machine.txt"
mvn -q -B -o package -pl bench -am -DskipTests
# shellcheck disable=SC2086
java -cp bench/target/benchmarks.jar io.coherent.bench.SteadyStateSideBySide "${ROUNDS:-5}" $CUTOFFS | tee "$OUT/java.jsonl"
# shellcheck disable=SC2086
$PY bench/qutip/steady_qutip.py --rounds "${QUTIP_ROUNDS:-3}" $CUTOFFS | tee "$OUT/qutip.jsonl"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
echo "results in $OUT"
