#!/usr/bin/env bash
# The event-driven runtime's overhead over a bare Hipparchus integration of the same run: JMH, then the
# paired side-by-side runner (robust to drifting background load), and the ratios. Builds with `package`
# only (nothing is installed into ~/.m2).
#
#   bench/run-runtime-benchmark.sh               # about 6 minutes
#   bench/run-runtime-benchmark.sh -p points=401 # extra arguments go to JMH
#
# Results land in bench/target/results/runtime-<timestamp>/: machine.txt, jmh.json, jmh.log,
# side-by-side.log, summary.md.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="bench/target/results/runtime-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
{
  echo "date: $(date -Is)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | sed 's/^/java: /'
  echo "git: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- integrators observers bench || echo ' (+ uncommitted changes)')"
} | tee "$OUT/machine.txt"

mvn -q -B -o -DskipTests package -pl bench -am
java -jar bench/target/benchmarks.jar 'io\.coherent\.bench\.RuntimeOverheadBenchmark' -rf json -rff "$OUT/jmh.json" "$@" \
  2>&1 | tee "$OUT/jmh.log"
for points in 401 4001; do
  java -cp bench/target/benchmarks.jar io.coherent.bench.RuntimeSideBySide "$points" 40 15 2>&1 | tee -a "$OUT/side-by-side.log"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"

/usr/bin/python3 - "$OUT/jmh.json" <<'PY' | tee "$OUT/summary.md"
import json, sys
rows = json.load(open(sys.argv[1]))
by = {}
for r in rows:
    name = r["benchmark"].rsplit(".", 1)[1]
    by[(r["params"]["points"], name)] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"])
print("| output times | bare Hipparchus (ms) | propagator (ms) | event-driven runtime (ms) | runtime / bare | per sample (us) |")
print("|---|---|---|---|---|---|")
for points in sorted({p for p, _ in by}, key=int):
    (b, be), (p, pe), (e, ee) = by[(points, "bare")], by[(points, "propagator")], by[(points, "eventDriven")]
    ratio = e / b
    # error of the ratio from the two 99.9% half-widths, first order
    rerr = ratio * ((be / b) ** 2 + (ee / e) ** 2) ** 0.5
    print(f"| {points} | {b:.1f} ± {be:.1f} | {p:.1f} ± {pe:.1f} | {e:.1f} ± {ee:.1f} | {ratio:.3f} ± {rerr:.3f} | {(e - b) * 1000 / int(points):.1f} |")
PY
grep -h "points\|median" "$OUT/side-by-side.log" | tee -a "$OUT/summary.md"
echo "results in $OUT"
