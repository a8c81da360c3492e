#!/usr/bin/env bash
# A steady point through the Python client (warm, a started server) vs the cold command line, one run.
#
#   bench/run-python-client-benchmark.sh                 # 5 rounds x (1 cold CLI call + 20 client calls) per preset
#   ROUNDS=3 WARM=10 bench/run-python-client-benchmark.sh two-atoms
#
# Results: bench/target/results/python-client-<timestamp>/ (machine.txt, latency.jsonl).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="bench/target/results/python-client-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
mvn -q -B -o package -pl app -am -DskipTests
VENV="$OUT/venv"
/usr/bin/python3 -m venv --system-site-packages "$VENV"
"$VENV/bin/pip" install --quiet --no-index --no-build-isolation ./clients/python
{
  echo "date: $(date -Is)"
  echo "nproc: $(nproc)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | sed 's/^/java: /'
  echo "python: $("$VENV/bin/python" --version)"
  echo "git: $(git rev-parse --short HEAD)"
} | tee "$OUT/machine.txt"
"$VENV/bin/python" bench/python/steady_latency.py --rounds "${ROUNDS:-5}" --warm "${WARM:-20}" "$@" | tee "$OUT/latency.jsonl"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
echo "results in $OUT"
