#!/usr/bin/python3
"""Ratio table for the master-equation benchmarks: python3 master_ratios.py jmh.json qutip.json summary.md"""
import json
import sys

PAIRS = [
    ("twoQubitRedfieldTrajectory", "two-qubits", "two qubits, Redfield, t = 50/gamma, rtol 1e-8"),
    ("oscillatorsRedfieldTrajectory", "oscillators", "two oscillators d = 100, Redfield, t = 20, rtol 1e-6"),
    ("oscillatorsSecularTrajectory", "oscillators-secular", "two oscillators d = 100, secular, t = 20, rtol 1e-6"),
    ("twoQubitSteadyState", None, "two qubits, direct steady state (null space)"),
]
UNIT_MS = {"ms/op": 1.0, "us/op": 1e-3, "s/op": 1e3}


def main():
    jmh = {r["benchmark"].rsplit(".", 1)[1]: r for r in json.load(open(sys.argv[1]))}
    qutip = json.load(open(sys.argv[2]))
    lines = ["| case | Java (ms) | QuTiP brmesolve (ms) | QuTiP / Java |", "|---|---|---|---|"]
    for bench, case, label in PAIRS:
        r = jmh.get(bench)
        if r is None:
            continue
        scale = UNIT_MS[r["primaryMetric"]["scoreUnit"]]
        java = r["primaryMetric"]["score"] * scale
        err = r["primaryMetric"]["scoreError"] * scale
        q = qutip.get(case) if case else None
        if q:
            lines.append(f"| {label} | {java:.4g} ± {err:.2g} | {q['mean_ms']:.4g} ± {q['std_ms']:.2g} | {q['mean_ms'] / java:.3g} |")
        else:
            lines.append(f"| {label} | {java:.4g} ± {err:.2g} | - | - |")
    text = "\n".join(lines) + "\n"
    open(sys.argv[3], "w").write(text)
    print(text)


if __name__ == "__main__":
    main()
