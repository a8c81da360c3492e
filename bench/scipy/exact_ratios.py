#!/usr/bin/python3
"""Issue 13 summary: JMH results (residues and quadrature steady states, scans, whole runs) against scipy's quad
of the closed form measured in the same session, and the cold `coherent run` wall times.

usage: exact_ratios.py jmh.json scipy.json cold.tsv summary.md
"""
import json
import sys


def jmh(path):
    out = {}
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 2)
        key = name[-2] + "." + name[-1]
        if r.get("params"):
            key += "[" + ",".join(f"{v}" for _, v in sorted(r["params"].items())) + "]"
        m = r["primaryMetric"]
        out[key] = (m["score"], m["scoreError"], m["scoreUnit"])
    return out


def main():
    j = jmh(sys.argv[1])
    sp = json.load(open(sys.argv[2]))
    lines = ["| workload | Java residues (JMH) | Java quadrature (JMH) | scipy `quad`, same session: mean ± sd (min) | "
             "quad / residues: mean (min) | quadrature / residues |",
             "|---|---|---|---|---|---|"]
    for theta in ("pi/8", "pi/400"):
        r = j[f"SteadyStatePointBenchmark.point[residues,{theta}]"]
        q = j[f"SteadyStatePointBenchmark.point[quadrature,{theta}]"]
        s = sp["point"]["quad"][theta]["time_s"]
        lines.append(f"| one point, theta = {theta} | {r[0]:.1f} ± {r[1]:.1f} µs | {q[0]:.0f} ± {q[1]:.0f} µs | "
                     f"{s['mean'] * 1e6:.0f} ± {s['stdev'] * 1e6:.0f} ({s['min'] * 1e6:.0f}) µs | "
                     f"{s['mean'] * 1e6 / r[0]:.0f}x ({s['min'] * 1e6 / r[0]:.0f}x) | {q[0] / r[0]:.0f}x |")
    s = sp["scan"]["quad"]["time_s"]
    for mode in ("sequential", "parallel"):
        r = j[f"ThetaScanBenchmark.{mode}[residues]"]
        q = j[f"ThetaScanBenchmark.{mode}[quadrature]"]
        lines.append(f"| 401-point scan, {mode} | {r[0]:.1f} ± {r[1]:.1f} ms | {q[0]:.0f} ± {q[1]:.0f} ms | "
                     f"{s['mean'] * 1e3:.0f} ± {s['stdev'] * 1e3:.0f} ({s['min'] * 1e3:.0f}) ms, sequential | "
                     f"{s['mean'] * 1e3 / r[0]:.0f}x ({s['min'] * 1e3 / r[0]:.0f}x) | {q[0] / r[0]:.0f}x |")
    lines.append("")
    lines.append("| whole run, warm (JMH) | time per run |")
    lines.append("|---|---|")
    for model in ("partial-collective", "quickstart"):
        key = f"DefaultRunBenchmark.run[{model}]"
        if key in j:
            r = j[key]
            lines.append(f"| {model} | {r[0]:.1f} ± {r[1]:.1f} ms |")
    lines.append("")
    lines.append("| cold `run` (wall, s) | runs |")
    lines.append("|---|---|")
    rows = {}
    for line in open(sys.argv[3]):
        label, secs = line.rstrip("\n").split("\t")
        rows.setdefault(label, []).append(float(secs))
    for label, v in rows.items():
        lines.append(f"| {label} | " + ", ".join(f"{x:.2f}" for x in v) + " |")
    text = "\n".join(lines) + "\n"
    open(sys.argv[4], "w").write(text)
    print(text)


if __name__ == "__main__":
    main()
