#!/usr/bin/env bash
# The event-driven runtime's overhead over a bare Hipparchus integration of the same run: JMH, then the
# paired side-by-side runner (robust to drifting background load) for the oscillator chain at until = 200
# and 1000 and for coherent run's default scenario, and the ratios. Builds with `package` only (nothing is
# installed into ~/.m2).
#
#   bench/run-runtime-benchmark.sh               # about 10 minutes
#   bench/run-runtime-benchmark.sh -p until=200   # extra arguments go to JMH
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
for until in 200 1000; do
  java -cp bench/target/benchmarks.jar io.coherent.bench.RuntimeSideBySide "$until" 401 30 40 2>&1 | tee -a "$OUT/side-by-side.log"
done
java -cp bench/target/benchmarks.jar io.coherent.bench.RuntimeSideBySide default 0 10 1 2>&1 | tee -a "$OUT/side-by-side.log"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"

/usr/bin/python3 - "$OUT/jmh.json" <<'PY' | tee "$OUT/summary.md"
import json, sys
rows = json.load(open(sys.argv[1]))
by = {}
for r in rows:
    name = r["benchmark"].rsplit(".", 1)[1]
    by[((r["params"]["until"], r["params"]["points"]), name)] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"])
print("| until, output times | bare Hipparchus (ms) | propagator (ms) | runtime (ms) | runtime + live (ms) | runtime / bare | runtime + live / bare |")
print("|---|---|---|---|---|---|---|")
for key in sorted({k for k, _ in by}, key=lambda k: (float(k[0]), int(k[1]))):
    (b, be), (p, pe) = by[(key, "bare")], by[(key, "propagator")]
    (e, ee), (l, le) = by[(key, "eventDriven")], by[(key, "eventDrivenWithLiveSubscriber")]
    # error of a ratio from the two 99.9% half-widths, first order
    ratio = lambda x, xe: f"{x / b:.3f} ± {x / b * ((be / b) ** 2 + (xe / x) ** 2) ** 0.5:.3f}"
    print(f"| {key[0]}, {key[1]} | {b:.1f} ± {be:.1f} | {p:.1f} ± {pe:.1f} | {e:.1f} ± {ee:.1f} | {l:.1f} ± {le:.1f} | {ratio(e, ee)} | {ratio(l, le)} |")
PY
grep -h "points\|median" "$OUT/side-by-side.log" | tee -a "$OUT/summary.md"
echo "results in $OUT"
