#!/usr/bin/env bash
# Issue 13: the exact engine's steady state by residues vs by quadrature, the 401-point scan, whole runs warm
# (JMH) and cold (`coherent run` wall time), with scipy's quad of the closed form in the same session.
#
#   bench/run-exact-benchmarks.sh                      # about 10 minutes on 2 cores
#   BASE_JAR=/path/to/old/coherent.jar bench/run-exact-benchmarks.sh   # also time an older build's cold runs
#   bench/run-exact-benchmarks.sh -wi 1 -i 2           # extra arguments go to JMH
#
# Builds with `mvn package` only (never install). Results in bench/target/results/exact-<timestamp>/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PY=/usr/bin/python3
OUT="bench/target/results/exact-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
{
  echo "date: $(date -Is)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | sed 's/^/java: /'
  $PY -c 'import sys, numpy, scipy; print(f"python: {sys.version.split()[0]}, numpy {numpy.__version__}, scipy {scipy.__version__}")'
  echo "git: $(git rev-parse --short HEAD)"
} | tee "$OUT/machine.txt"

echo "== build (package, no install)"
mvn -q -B package -pl bench,app -am -DskipTests
JAR=bench/target/benchmarks.jar

echo "== Java scan values by residues (for the accuracy comparison)"
java -cp "$JAR" io.coherent.bench.ScanDump "$OUT/java-scan.tsv" residues

echo "== JMH"
java -jar "$JAR" 'io\.coherent\.bench\.(SteadyStatePoint|ThetaScan|DefaultRun)Benchmark' -rf json -rff "$OUT/jmh.json" "$@" 2>&1 | tee "$OUT/jmh.log"

echo "== scipy (same session)"
$PY bench/scipy/steady_state_scipy.py --java "$OUT/java-scan.tsv" --json "$OUT/scipy.json" 2>&1 | tee "$OUT/scipy.log"

echo "== cold runs (wall time of a fresh JVM, 3 each)"
cat > "$OUT/quickstart.yaml" <<'YAML'
model: bilinear
hamiltonian: [[1.0, 0.05], [0.05, 1.2]]
baths:
  - name: hot
    coupling: [1, 0]
    temperature: 2
    spectral_density: {type: lorentzian, center: 1, width: 0.5, strength: 0.4}
  - name: cold
    coupling: [0, 1]
    temperature: 0.2
    spectral_density: {type: drude-lorentz, lambda: 0.05, gamma: 2}
initial_occupation: [[1, 0], [0, 0]]
frequency_support: whole-line
YAML
cold() { # label jar args...
  local label=$1 jar=$2; shift 2
  for i in 1 2 3; do
    local s=$(date +%s.%N)
    (cd "$OUT" && timeout 600 java -jar "$jar" "$@" > /dev/null 2>&1) || true
    echo -e "$label\t$(echo "$(date +%s.%N) - $s" | bc)" >> "$OUT/cold.tsv"
  done
}
APP="$ROOT/app/target/coherent.jar"
cold "run (default), this build" "$APP" run
cold "run quickstart --until 100, this build" "$APP" run quickstart.yaml --until 100
cold "steady (default), this build" "$APP" steady
if [ -n "${BASE_JAR:-}" ]; then
  cold "run (default), BASE_JAR" "$BASE_JAR" run
  cold "steady (default), BASE_JAR" "$BASE_JAR" steady
fi

echo "== summary (load average at end: $(cut -d' ' -f1-3 /proc/loadavg))"
$PY bench/scipy/exact_ratios.py "$OUT/jmh.json" "$OUT/scipy.json" "$OUT/cold.tsv" "$OUT/summary.md"
echo "results in $OUT"
