#!/usr/bin/env bash
# The clustered-sweep benchmark of docs/benchmarks.md ("Clustered sweeps"): the 101 x 61 steady-state sweep of
# the partial-collective model (as bench/run-sweep-benchmark.sh) on this machine alone with one thread (the peer),
# then on 1, 2 and 3 worker processes (`coherent worker --cluster --threads 1`) with a coordinator that computes
# nothing (`sweep --cluster --threads 0`), and with 2 workers plus a coordinator that computes too (--threads 1).
# With 1 worker, the 301 x 61 grid too: the coordinator's CPU difference between the two grids, per point, is its
# overhead per point without the fixed costs.
#
#   bench/run-cluster-benchmark.sh        # 1 measured sweep per setting (about 3-5 minutes on 2 busy cores)
#   bench/run-cluster-benchmark.sh 2      # 2 measured sweeps per setting
#
# Workers are started fresh for each worker count and serve one warm-up sweep (the same grid) before the measured
# ones, so the measured sweeps see JIT-compiled workers, as a long-lived worker would. The local peer is a fresh
# process (its JIT warm-up is inside its wall_seconds). From each sweep's JSON: wall_seconds (the sweep alone, without
# JVM or Hazelcast start), process_cpu_seconds (the coordinator's CPU meanwhile: with --threads 0, its overhead),
# computed_by_workers. Every line is prefixed with the load average. Outputs: bench/target/cluster/<timestamp>/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
REPS="${1:-1}"
OUT="bench/target/cluster/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
mvn -q -B -o -DskipTests package -pl app -am
JAR=app/target/coherent.jar
GRID=(--param theta=0:pi/2:101 --param T=log:0.1:10:61 --steady)
BASE=$((20000 + RANDOM % 20000))
MEMBERS="127.0.0.1:$BASE,127.0.0.1:$((BASE + 1)),127.0.0.1:$((BASE + 2)),127.0.0.1:$((BASE + 3))"
WORKERS=()
stop_workers() {
  for pid in "${WORKERS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${WORKERS[@]}"; do wait "$pid" 2>/dev/null || true; done
  WORKERS=()
}
trap stop_workers EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
summary() {  # the numbers of a sweep's JSON
  python3 -c 'import json,sys; d=json.load(sys.stdin); print("points %d, wall_seconds %.2f, %.0f points/s, process_cpu_seconds %.2f (%.3f ms per point), computed here %d, by workers %d, redispatched %d" % (d["points"], d["wall_seconds"], d["points"]/d["wall_seconds"], d["process_cpu_seconds"], 1e3*d["process_cpu_seconds"]/d["points"], d["computed_here"], d["computed_by_workers"], d["redispatched"]))'
}
sweep() {  # name, extra args... (the grid: GRID)
  local name="$1"; shift
  echo "== $name, load before: $(load)"
  java -jar "$JAR" sweep "${GRID[@]}" --out "$OUT/$name" --json "$@" 2> "$OUT/$name.err" > "$OUT/$name.json"
  summary < "$OUT/$name.json"
  echo "   load after: $(load)"
}
echo "nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), git $(git rev-parse --short HEAD)"
for rep in $(seq "$REPS"); do
  sweep "r$rep-local-t1" --threads 1
done
for n in 1 2 3; do
  for k in $(seq "$n"); do
    java -jar "$JAR" worker --cluster --cluster-port $((BASE + k)) --members "$MEMBERS" --threads 1 \
      2> "$OUT/w$n-$k.err" > /dev/null &
    WORKERS+=($!)
  done
  for k in $(seq "$n"); do
    until grep -q "joined the cluster" "$OUT/w$n-$k.err"; do sleep 0.5; done
  done
  CLUSTER=(--cluster --cluster-port "$BASE" --members "$MEMBERS")
  sweep "w$n-warmup" "${CLUSTER[@]}" --threads 0 > /dev/null
  for rep in $(seq "$REPS"); do
    sweep "r$rep-workers$n-t0" "${CLUSTER[@]}" --threads 0
    if [ "$n" = 1 ]; then
      # the coordinator's marginal CPU per point: the same sweep on three times the grid (JVM start, JIT and the
      # cluster's own chatter are the same for both, the difference is per point)
      SMALL=("${GRID[@]}")
      GRID=(--param theta=0:pi/2:301 --param T=log:0.1:10:61 --steady)
      sweep "r$rep-workers$n-t0-301x61" "${CLUSTER[@]}" --threads 0
      GRID=("${SMALL[@]}")
    fi
    if [ "$n" = 2 ]; then
      sweep "r$rep-workers$n-t1" "${CLUSTER[@]}" --threads 1
    fi
  done
  stop_workers
done
echo "outputs in $OUT"
