#!/usr/bin/env python3
"""A steady-state point through the Python client and a started server (warm) against the cold command line
(`java -jar app/target/coherent.jar steady PRESET --json`, a new JVM per call), same scenario, interleaved rounds.

Prints one JSON line per scenario with the medians and the ratio, and checks that both give the same JSON.
Run by bench/run-python-client-benchmark.sh (it builds the jar and the venv).
"""

import argparse
import json
import statistics
import subprocess
import sys
import time

from coherent_client import Coherent


def timed(f):
    t0 = time.perf_counter()
    value = f()
    return time.perf_counter() - t0, value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jar", default="app/target/coherent.jar")
    parser.add_argument("--rounds", type=int, default=5, help="cold calls per scenario (default 5)")
    parser.add_argument("--warm", type=int, default=20, help="client calls per round (default 20)")
    parser.add_argument("presets", nargs="*", default=["partial-collective", "two-atoms"])
    args = parser.parse_args()

    start, client = timed(lambda: Coherent(jar=args.jar))
    print(json.dumps({"what": "server start (Coherent(): JVM, Vert.x, presets, until it listens)",
                      "seconds": round(start, 4)}), flush=True)
    with client:
        for preset in args.presets:
            first, _ = timed(lambda: client.steady(preset))  # the first call of a preset warms its code path
            cold, warm = [], []
            for _ in range(args.rounds):
                seconds, out = timed(lambda: subprocess.run(["java", "-jar", args.jar, "steady", preset, "--json"],
                                                            capture_output=True, text=True, check=True).stdout)
                cold.append(seconds)
                for _ in range(args.warm):
                    seconds, answer = timed(lambda: client.steady(preset))
                    warm.append(seconds)
                if answer != json.loads(out):
                    sys.exit("%s: the client and the command line disagree" % preset)
            print(json.dumps({
                "preset": preset, "method": answer["method"], "solver": answer["solver"],
                "cold_cli_median_s": round(statistics.median(cold), 4), "cold_cli_min_s": round(min(cold), 4),
                "warm_client_median_s": round(statistics.median(warm), 5), "warm_client_min_s": round(min(warm), 5),
                "first_client_call_s": round(first, 4),
                "ratio_cold_over_warm": round(statistics.median(cold) / statistics.median(warm), 1),
                "cold_calls": len(cold), "warm_calls": len(warm)}), flush=True)


if __name__ == "__main__":
    main()
