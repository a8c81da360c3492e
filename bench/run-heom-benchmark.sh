#!/usr/bin/env bash
# HEOM benchmark, QuTiP 4.7 and coherent side by side in one run (docs/benchmarks.md, "Hierarchical equations of
# motion"): issue 12's two-qubit model (bench/heom/two-qubits-dl.yaml), Pade with 2 Bose poles per bath.
#
#   bench/run-heom-benchmark.sh [rounds]
#
# QuTiP: HEOMSolver.steady_state (spsolve) and scipy ILU + GMRES on QuTiP's own RHS matrix at depth 5, 6, 7 (each in
# its own process, 1200 s limit), HEOMSolver.run to t = 300 at depth 5. Java: bench/heom HeomSideBySide (first call
# and warm median in one JVM) and the cold CLI (`java -jar app/target/coherent.jar steady`, JVM start included).
# Builds through the reactor without installing anything. Results: bench/target/results/heom-<timestamp>/.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PY=/usr/bin/python3
ROUNDS="${1:-5}"
OUT="bench/target/results/heom-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
{
  echo "date: $(date -Is)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | sed 's/^/java: /'
  $PY -c 'import sys, numpy, scipy, qutip; print(f"python: {sys.version.split()[0]}, numpy {numpy.__version__}, scipy {scipy.__version__}, qutip {qutip.__version__}")'
  echo "git: $(git rev-parse --short HEAD)"
} | tee "$OUT/machine.txt"

echo "== build (reactor, no install)"
mvn -q -B -o package -pl bench,app -am -DskipTests || exit 1

echo "== QuTiP"
for depth in 5 6 7; do
  timeout 1200 $PY bench/heom/qutip_heom.py steady "$depth" | tee -a "$OUT/qutip.jsonl" \
    || echo "{\"kind\": \"steady\", \"depth\": $depth, \"timeout_s\": 1200}" | tee -a "$OUT/qutip.jsonl"
done
timeout 1800 $PY bench/heom/qutip_heom.py run 5 300 | tee -a "$OUT/qutip.jsonl" \
  || echo '{"kind": "run", "depth": 5, "timeout_s": 1800}' | tee -a "$OUT/qutip.jsonl"

echo "== Java (one JVM: first call and warm median)"
java -Xmx6g -cp bench/target/benchmarks.jar io.coherent.bench.HeomSideBySide bench/heom/two-qubits-dl.yaml "$ROUNDS" \
  | tee "$OUT/java.jsonl"

echo "== Java, cold CLI (JVM start included)"
for depth in 5 6 7; do
  /usr/bin/time -f "{\"case\": \"cli-steady-fixed\", \"depth\": $depth, \"wall_s\": %e, \"max_rss_kb\": %M}" \
    java -jar app/target/coherent.jar steady bench/heom/two-qubits-dl.yaml --set heom_depth=$depth --set heom_exponents=2 \
    --set heom_expansion=pade --set heom_terminator=false > /dev/null 2>> "$OUT/cli.jsonl"
done
/usr/bin/time -f '{"case": "cli-steady-auto", "wall_s": %e, "max_rss_kb": %M}' \
  java -jar app/target/coherent.jar steady bench/heom/two-qubits-dl.yaml > "$OUT/cli-auto.txt" 2>> "$OUT/cli.jsonl"
/usr/bin/time -f '{"case": "cli-steady-auto-1e-5", "wall_s": %e, "max_rss_kb": %M}' \
  java -jar app/target/coherent.jar steady bench/heom/two-qubits-dl.yaml --set heom_tolerance=1e-5 \
  > "$OUT/cli-auto-1e-5.txt" 2>> "$OUT/cli.jsonl"
/usr/bin/time -f '{"case": "cli-run-depth5-t300", "wall_s": %e, "max_rss_kb": %M}' \
  java -jar app/target/coherent.jar run bench/heom/two-qubits-dl.yaml --set heom_depth=5 --set heom_exponents=2 \
  --set heom_expansion=pade --set heom_terminator=false --set atol=1e-8 --set rtol=1e-6 --until 300 --set points=301 \
  --out "$OUT/cli-run" > /dev/null 2>> "$OUT/cli.jsonl"
cat "$OUT/cli.jsonl"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
echo "results in $OUT"
