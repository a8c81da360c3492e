#!/usr/bin/env bash
# The sweep benchmark of docs/benchmarks.md ("Sweeps"): the 101 x 61 steady-state sweep of the
# partial-collective model over theta x T, with 1 and 2 threads, repeated, interleaved.
#
#   bench/run-sweep-benchmark.sh        # 2 repetitions (about 1-3 minutes on 2 idle-to-busy cores)
#   bench/run-sweep-benchmark.sh 3      # 3 repetitions
#
# Each run prints its load average before and after, the process's wall and user time and the sweep's
# own JSON summary (wall_seconds: the sweep alone, without JVM start and plots; cpu_seconds: CPU time
# of the worker threads). Outputs land in bench/target/sweep/<timestamp>/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
REPS="${1:-2}"
OUT="bench/target/sweep/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
mvn -q -B -o -DskipTests package -pl app -am
JAR=app/target/coherent.jar
echo "nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), git $(git rev-parse --short HEAD)"
for rep in $(seq "$REPS"); do
  for threads in 1 2; do
    echo "== rep $rep, --threads $threads, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -f "process: %e s wall, %U s user" \
      java -jar "$JAR" sweep --param theta=0:pi/2:101 --param T=log:0.1:10:61 --steady \
        --threads "$threads" --out "$OUT/r$rep-t$threads" --json 2> "$OUT/r$rep-t$threads.err" \
      | tee "$OUT/r$rep-t$threads.json"
    tail -1 "$OUT/r$rep-t$threads.err"
    echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
