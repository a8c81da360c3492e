#!/usr/bin/env bash
# Cold start of a single steady-state point, side by side with the scipy peer, in one run: each command is a
# fresh process, the commands alternate round by round, and the median and min wall time of each is printed.
#
#   java -jar coherent.jar steady                         plain JVM
#   ... with -XX:SharedArchiveFile=coherent.jsa           AppCDS archive (what ./coherent dumps after a build)
#   ... with the archive and -XX:TieredStopAtLevel=1      C1 only (what ./coherent uses for steady/presets/help)
#   python3 bench/scipy/cold_point.py                     the same point with scipy.integrate.quad
#
# Usage: bench/run-cold-start.sh [ROUNDS] (default 7). Needs app/target/coherent.jar; dumps the archive into
# app/target/coherent.jsa if it is missing, as ./coherent does.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-7}
JAR=$PWD/app/target/coherent.jar
CDS=$PWD/app/target/coherent.jsa
[ -f "$JAR" ] || mvn -q -B -DskipTests package -pl app -am
if [ ! -f "$CDS" ]; then
    work=$(mktemp -d)
    java -XX:DumpLoadedClassList="$work/steady.lst" -jar "$JAR" steady > /dev/null
    java -XX:DumpLoadedClassList="$work/run.lst" -jar "$JAR" run --until 1 --set points=3 --quiet --out "$work/run" > /dev/null
    sort -u "$work/steady.lst" "$work/run.lst" > "$work/classes.lst"
    java -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile="$CDS" -cp "$JAR" > /dev/null
    rm -rf "$work"
fi
declare -A CMD=(
    [java]="java -jar $JAR steady"
    [java+cds]="java -XX:SharedArchiveFile=$CDS -Xshare:auto -jar $JAR steady"
    [java+cds+c1]="java -XX:SharedArchiveFile=$CDS -Xshare:auto -XX:TieredStopAtLevel=1 -jar $JAR steady"
    [scipy]="python3 bench/scipy/cold_point.py"
)
ORDER=(java java+cds java+cds+c1 scipy)
declare -A TIMES
for ((r = 0; r < ROUNDS; r++)); do
    for k in "${ORDER[@]}"; do
        t0=$(date +%s.%N)
        ${CMD[$k]} > /dev/null
        t1=$(date +%s.%N)
        TIMES[$k]+="$(echo "$t1 - $t0" | bc -l) "
    done
done
echo "cold wall time of one steady point, $ROUNDS rounds, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for k in "${ORDER[@]}"; do
    python3 - "$k" ${TIMES[$k]} <<'PY'
import statistics, sys
name, xs = sys.argv[1], sorted(float(x) for x in sys.argv[2:])
print(f"{name:14s} median {statistics.median(xs):.3f} s  min {xs[0]:.3f} s  max {xs[-1]:.3f} s")
PY
done
