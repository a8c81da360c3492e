#!/usr/bin/python3
"""Reads JMH's JSON result and steady_state_scipy.py's JSON from the same run, prints the comparison table,
the ratios (scipy time / Java time) and the targets' pass/fail, and writes them as markdown.

usage: ratios.py jmh.json scipy.json [summary.md]
"""
import json
import math
import sys


def jmh_results(path):
    out = {}
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 2)
        key = name[-2] + "." + name[-1]
        if r.get("params"):
            key += "[" + ",".join(f"{v}" for v in r["params"].values()) + "]"
        m = r["primaryMetric"]
        out[key] = {"score": m["score"], "error": m["scoreError"], "unit": m["scoreUnit"],
                    "raw": [x for fork in m["rawData"] for x in fork]}
    return out


def to_seconds(value, unit):
    return value * {"us/op": 1e-6, "ms/op": 1e-3, "s/op": 1.0, "ns/op": 1e-9}[unit]


def main():
    jmh = jmh_results(sys.argv[1])
    sp = json.load(open(sys.argv[2]))
    md_path = sys.argv[3] if len(sys.argv) > 3 else None
    rows = []

    def java(key):
        r = jmh[key]
        err = r["error"] if isinstance(r["error"], (int, float)) and not math.isnan(r["error"]) else 0.0  # "NaN" if 1 iteration
        return to_seconds(r["score"], r["unit"]), to_seconds(err, r["unit"])

    lines = ["| workload | Java (JMH, mean ± 99.9% CI) | scipy quad (mean ± sd) | quad / Java | scipy quad+poles (mean ± sd) | quad+poles / Java |",
             "|---|---|---|---|---|---|"]
    ratios = {}
    for theta in ("pi/8", "pi/400"):
        key = f"SteadyStatePointBenchmark.point[{theta}]"
        if key not in jmh:
            continue
        j, je = java(key)
        q = sp["point"]["quad"][theta]["time_s"]
        p = sp["point"]["quad+poles"][theta]["time_s"]
        ratios[f"point {theta}"] = (q["mean"] / j, p["mean"] / j)
        lines.append(f"| one point, theta = {theta} | {j * 1e6:.1f} ± {je * 1e6:.1f} µs | {q['mean'] * 1e6:.0f} ± "
                     f"{q['stdev'] * 1e6:.0f} µs | {q['mean'] / j:.1f}x | {p['mean'] * 1e6:.0f} ± {p['stdev'] * 1e6:.0f} µs | "
                     f"{p['mean'] / j:.1f}x |")
    for bench, label in (("sequential", "401-point scan, sequential"), ("parallel", "401-point scan, parallel (2 cores)")):
        key = f"ThetaScanBenchmark.{bench}"
        if key not in jmh:
            continue
        j, je = java(key)
        q = sp["scan"]["quad"]["time_s"]
        p = sp["scan"]["quad+poles"]["time_s"]
        ratios[f"scan {bench}"] = (q["mean"] / j, p["mean"] / j)
        lines.append(f"| {label} | {j * 1e3:.1f} ± {je * 1e3:.1f} ms | {q['mean'] * 1e3:.0f} ± {q['stdev'] * 1e3:.0f} ms "
                     f"(sequential) | {q['mean'] / j:.1f}x | {p['mean'] * 1e3:.0f} ± {p['stdev'] * 1e3:.0f} ms | "
                     f"{p['mean'] / j:.1f}x |")

    targets = []
    for theta in ("pi/8", "pi/400"):
        key = f"SteadyStatePointBenchmark.point[{theta}]"
        if key in jmh:
            j, je = java(key)
            ok = j + je < 10e-3
            targets.append(f"- one point (theta = {theta}) well under 10 ms: {j * 1e6:.0f} ± {je * 1e6:.0f} µs -> "
                           f"{'PASS' if ok else 'FAIL'}")
    for bench in ("sequential", "parallel"):
        key = f"ThetaScanBenchmark.{bench}"
        if key in jmh:
            j, je = java(key)
            targets.append(f"- 401-point scan under 1 s ({bench}): {j * 1e3:.0f} ± {je * 1e3:.0f} ms -> "
                           f"{'PASS' if j + je < 1.0 else 'FAIL'}")

    acc = []
    comp = sp.get("comparison", {})
    for name in ("java", "quad", "quad+poles"):
        c = comp.get(name)
        if not c:
            continue
        wrong = c["wrong_points"]
        desc = (f"{len(wrong)} points off by > {c['threshold']:g} (i = {', '.join(str(w['index']) for w in wrong)}, "
                f"theta = {wrong[0]['theta']:.4f} .. {wrong[-1]['theta']:.4f}, |error| "
                f"{min(w['abs_error'] for w in wrong):.3g} .. {max(w['abs_error'] for w in wrong):.3g}, "
                f"own estimate <= {max(w['own_estimate'] for w in wrong):.1e})") if wrong else f"no point off by > {c['threshold']:g}"
        w = c["worst_error_over_estimate"]
        acc.append(f"- {name}: max |error| vs reference {c['max_abs_error']:.2e} at i = {c['max_abs_error_index']} "
                   f"(theta = {c['max_abs_error_theta']:.5f}); {desc}; own error estimate max {c['max_own_estimate']:.1e}, "
                   f"exceeded at {c['points_error_above_estimate']} points (worst: {w['error']:.1e} vs estimate "
                   f"{w['estimate']:.1e} at i = {w['index']})")
    if "max_java_minus_quad" in comp:
        m = comp["max_java_minus_quad"]
        acc.append(f"- max |Java - quad| over the scan: {m['value']:.3e} at i = {m['index']} (theta = {m['theta']:.5f})")

    text = "\n".join(["### Timings (same run)", "", *lines, "", "Ratios are scipy time / Java time (> 1: Java faster).",
                      "", "### Targets", "", *targets, "", "### Accuracy over the 401-point scan", "", *acc, ""])
    print(text)
    if md_path:
        with open(md_path, "w") as fh:
            fh.write(text)


if __name__ == "__main__":
    main()
