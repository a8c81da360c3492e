#!/usr/bin/python3
"""Steady-state thermal coherence Jx of the partial-collective model, Fig. 1(a), with scipy.integrate.quad.

A straightforward implementation of the closed form (omega1 = omega2 = omega0):

    Jx = int_{-inf}^{inf} dw J(w) n(w) [B_c(w) + B_i(w)],   x = omega1 - w, c = cos^4 theta, s = sin^4 theta
    J(w) = (Gamma / 2 pi) gamma^2 / ((w - omega0)^2 + gamma^2),   n(w) = 1 / (exp(w/T) - 1) on the whole line
    B_c  = 2c (x^2 + gamma^2) / ((Gamma gamma (c + s/2) - x^2)^2 + gamma^2 x^2)
    B_i  = -2 Gamma gamma c s (x^2 + gamma^2)(Gamma gamma (s + c)/2 - x^2)
           / ((gamma^2 x^2 + (Gamma gamma s/2 - x^2)^2)(gamma^2 x^2 + (Gamma gamma (s/2 + c) - x^2)^2))

(the thermal part; for theta != 0 the vacuum part vanishes). Three ways of integrating it:

  quad        the baseline, timed. The 1/w pole of n at w = 0 is a principal value with
              quad(weight='cauchy') (QUADPACK QAWC) on [-A, A]; the rest is two semi-infinite quad calls (QAGI)
              on (-inf, -A] and [A, inf). epsabs = epsrel = 1e-9, limit = 10000. quad is not told where the
              peaks are.
  quad+poles  timed: the same, but the outer pieces are cut at w = c +- h 4^j around every pole w = c - i h of
              the integrand (as the Java engine does), epsabs = 1e-9 / (number of pieces).
  reference   untimed, accuracy only: pole-aware as above but at epsabs 1e-14, epsrel 1e-13, and for w > A
              integrated in x = omega1 - w, so that the quadrature nodes resolve a peak of width ~1e-10 at
              w = omega1 exactly (in w, double precision cannot place nodes closer than 1.1e-16 to 1).

The narrow peak: at small theta, |x^2 + i gamma x - Gamma gamma s/2|^2 has a zero at x ~ -i Gamma sin^4(theta)/2,
a Lorentzian of width 1.9e-9 at theta = pi/400 that carries a finite (theta-independent, ~ -0.58) weight.

Times the single points theta = pi/8, pi/400 and the 401-point scan theta_i = (pi/2) i/400 in-process with
time.perf_counter after one warm-up, and compares everything, including the Java values written by
io.coherent.bench.ScanDump, against the reference.

usage: steady_state_scipy.py [--java java-scan.tsv] [--json out.json] [--repeats-point N] [--repeats-scan N]
"""
import argparse
import cmath
import json
import math
import statistics
import sys
import time
import warnings

import numpy
import scipy
from scipy.integrate import IntegrationWarning, quad

OMEGA1, OMEGA0, GAMMA_BIG, GAMMA, T = 1.0, 1.0, 1.0, 0.1, 1.0
EPS = 1e-9
LIMIT = 10000
A = 0.5  # half-width of the principal-value interval around w = 0
SCAN_STEPS = 400
POINTS = {"pi/8": math.pi / 8, "pi/400": math.pi / 400}
REF_EPSABS, REF_EPSREL = 1e-14, 1e-13


def make_integrand(theta):
    """Returns gx(x) = J [B_c + B_i] as a function of x = omega1 - w (everything but the Bose factor)."""
    c = math.cos(theta) ** 4
    s = math.sin(theta) ** 4
    gg = GAMMA_BIG * GAMMA
    g2 = GAMMA * GAMMA
    pref = GAMMA_BIG / (2 * math.pi) * g2
    shift = OMEGA1 - OMEGA0

    def gx(x):
        x2 = x * x
        d = shift - x  # w - omega0
        j = pref / (d * d + g2)
        kc = (gg * (c + s / 2) - x2) ** 2 + g2 * x2
        ks = g2 * x2 + (gg * s / 2 - x2) ** 2
        bc = 2 * c * (x2 + g2) / kc
        bi = -2 * gg * c * s * (x2 + g2) * (gg * (s + c) / 2 - x2) / (ks * kc)
        return j * (bc + bi)

    return gx


def bose(w):
    return 0.0 if w > 700 * T else 1.0 / math.expm1(w / T)


def poles(theta):
    """Poles w = c - i h of the integrand in the lower half plane, as (c, h)."""
    c = math.cos(theta) ** 4
    s = math.sin(theta) ** 4
    gg = GAMMA_BIG * GAMMA
    out = [(OMEGA0, GAMMA)]
    for q in (gg * s / 2, gg * (c + s / 2)):  # zeros of x^2 + i gamma x - q
        if c * q == 0:  # that kernel does not enter the integrand
            continue
        disc = cmath.sqrt(-GAMMA * GAMMA + 4 * q)
        for x in ((-1j * GAMMA + disc) / 2, (-1j * GAMMA - disc) / 2):
            out.append((OMEGA1 - x.real, abs(x.imag)))
    return out


def breakpoints(theta):
    """c +- h 4^j (j = 0, 1, ... while h 4^j <= 4) around every pole, outside [-A, A]."""
    pts = set()
    for centre, h in poles(theta):
        pts.add(centre)
        x = max(h, 1e-300)
        while x <= 4:
            pts.update((centre - x, centre + x))
            x *= 4
    return sorted(p for p in pts if abs(p) > A)


def jx(theta, method="quad"):
    """Returns (value, summed quad error estimate, number of IntegrationWarnings)."""
    gx = make_integrand(theta)

    def f(w):  # J n B, regular away from w = 0
        return gx(OMEGA1 - w) * bose(w)

    def f_pv(w):  # J n B * w, regular at 0; quad(weight='cauchy', wvar=0) divides by w
        return gx(OMEGA1 - w) * (T if w == 0 else w / math.expm1(w / T))

    def f_x(x):  # the upper part as a function of x = omega1 - w
        return gx(x) * bose(OMEGA1 - x)

    x_intervals = []
    if method == "quad":
        w_intervals = [(-math.inf, -A), (A, math.inf)]
    else:
        pts = breakpoints(theta)
        lo = [-math.inf] + [p for p in pts if p < -A] + [-A]
        hi = [A] + [p for p in pts if p > A] + [math.inf]
        w_intervals = list(zip(lo[:-1], lo[1:]))
        if method == "quad+poles":
            w_intervals += list(zip(hi[:-1], hi[1:]))
        else:  # reference: w in [A, inf) <=> x in (-inf, omega1 - A], breakpoints exact in x
            xs = set([OMEGA1 - A])
            for centre, h in poles(theta):
                xc = OMEGA1 - centre
                xs.add(xc)
                step = max(h, 1e-300)
                while step <= 4:
                    xs.update((xc - step, xc + step))
                    step *= 4
            xs = [-math.inf] + sorted(x for x in xs if x <= OMEGA1 - A)
            x_intervals = list(zip(xs[:-1], xs[1:]))
    pieces = len(w_intervals) + len(x_intervals) + 1
    if method == "reference":
        eps_abs, eps_rel = REF_EPSABS, REF_EPSREL
    else:
        eps_abs, eps_rel = EPS / pieces, EPS
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", IntegrationWarning)
        results = [quad(f_pv, -A, A, weight="cauchy", wvar=0.0, epsabs=eps_abs, epsrel=eps_rel, limit=LIMIT)]
        results += [quad(f, a, b, epsabs=eps_abs, epsrel=eps_rel, limit=LIMIT) for a, b in w_intervals]
        results += [quad(f_x, a, b, epsabs=eps_abs, epsrel=eps_rel, limit=LIMIT) for a, b in x_intervals]
    return math.fsum(r[0] for r in results), sum(r[1] for r in results), len(caught)


def scan_thetas():
    return [math.pi / 2 * i / SCAN_STEPS for i in range(SCAN_STEPS + 1)]


def scan(method):
    return [jx(t, method) for t in scan_thetas()]


def timed(fn, repeats):
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return {
        "mean": statistics.fmean(times),
        "stdev": statistics.stdev(times) if len(times) > 1 else 0.0,
        "min": min(times),
        "repeats": repeats,
    }


def read_java(path):
    points, rows = {}, {}
    with open(path) as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for line in fh:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            rec = {
                "theta": float(r["theta"]),
                "Jx": float(r["Jx"]),
                "Jx_thermal": float(r["Jx_thermal"]),
                "Jx_error": float(r["Jx_error"]),
                "converged": r["converged"] == "true",
            }
            (points if r["kind"] == "point" else rows)[int(r["index"])] = rec
    return points, [rows[i] for i in range(len(rows))]


def compare(name, values, estimates, reference, threshold):
    """Error of one method over the scan against the reference; estimates = the method's own error claims."""
    thetas = scan_thetas()
    errs = [abs(v - r) for v, r in zip(values, reference)]
    imax = max(range(len(errs)), key=errs.__getitem__)
    bad = [i for i, e in enumerate(errs) if e > threshold]
    under = [i for i, e in enumerate(errs) if e > estimates[i]]
    worst_ratio = max(range(len(errs)), key=lambda i: errs[i] / estimates[i] if estimates[i] > 0 else math.inf)
    good = [e for e in errs if e <= threshold]
    print(f"\n[{name}] max |{name} - reference| over the scan = {errs[imax]:.3e} at i={imax} "
          f"(theta={thetas[imax]:.6g}); {len(bad)} of {len(errs)} points off by more than {threshold:g}; "
          f"max error among the others {max(good, default=float('nan')):.2e}")
    print(f"[{name}] own error estimate: max {max(estimates):.2e}; actual error exceeds it at {len(under)} points; "
          f"worst actual/estimate = {errs[worst_ratio] / estimates[worst_ratio]:.2g} at i={worst_ratio} "
          f"(actual {errs[worst_ratio]:.2e}, estimate {estimates[worst_ratio]:.2e})")
    if under and len(under) <= 20:
        print(f"[{name}] points where the actual error exceeds the own estimate: " + ", ".join(
            f"i={i} ({errs[i]:.1e} > {estimates[i]:.1e})" for i in under))
    if bad:
        print(f"[{name}]    i     theta      reference Jx       {name:>10} Jx      |error|   own estimate")
        for i in bad:
            print(f"[{name}] {i:4d}  {thetas[i]:.6f}  {reference[i]:+.12f}  {values[i]:+.12f}  {errs[i]:.3e}  "
                  f"{estimates[i]:.1e}")
    return {
        "max_abs_error": errs[imax],
        "max_abs_error_index": imax,
        "max_abs_error_theta": thetas[imax],
        "max_error_where_within_threshold": max(good, default=None),
        "threshold": threshold,
        "max_own_estimate": max(estimates),
        "points_error_above_estimate": len(under),
        "error_above_estimate": [{"index": i, "theta": thetas[i], "abs_error": errs[i], "own_estimate": estimates[i]}
                                 for i in under],
        "worst_error_over_estimate": {"index": worst_ratio, "error": errs[worst_ratio],
                                      "estimate": estimates[worst_ratio]},
        "wrong_points": [{"index": i, "theta": thetas[i], "reference": reference[i], "value": values[i],
                          "abs_error": errs[i], "own_estimate": estimates[i]} for i in bad],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--java", help="TSV written by io.coherent.bench.ScanDump")
    ap.add_argument("--json", help="write timings and the comparison here")
    ap.add_argument("--repeats-point", type=int, default=50)
    ap.add_argument("--repeats-scan", type=int, default=5)
    ap.add_argument("--threshold", type=float, default=1e-7, help="|error| above which a point counts as wrong")
    ap.add_argument("--print-scan", action="store_true", help="print all 401 values of every method")
    args = ap.parse_args()

    print(f"python {sys.version.split()[0]}, numpy {numpy.__version__}, scipy {scipy.__version__}")
    print(f"quad: epsabs=epsrel={EPS:g}, limit={LIMIT}, principal value on [-{A}, {A}] with weight='cauchy'; "
          f"reference: epsabs={REF_EPSABS:g}, epsrel={REF_EPSREL:g}, pole-aware, in x = omega1 - w")
    out = {"scipy": scipy.__version__, "numpy": numpy.__version__, "python": sys.version.split()[0],
           "epsabs": EPS, "epsrel": EPS, "limit": LIMIT, "point": {}, "scan": {}}

    methods = ("quad", "quad+poles")
    ref_points = {name: jx(theta, "reference") for name, theta in POINTS.items()}
    for name, theta in POINTS.items():
        for method in methods:
            value, err, warn = jx(theta, method)
            t = timed(lambda: jx(theta, method), args.repeats_point)
            out["point"].setdefault(method, {})[name] = {
                "Jx": value, "abserr": err, "warnings": warn, "error_vs_reference": abs(value - ref_points[name][0]),
                "time_s": t}
            print(f"[{method}] point theta={name}: Jx={value:.12f} abserr={err:.1e} "
                  f"|error|={abs(value - ref_points[name][0]):.1e} warnings={warn}  "
                  f"time mean {t['mean'] * 1e6:.1f} us (sd {t['stdev'] * 1e6:.1f}, min {t['min'] * 1e6:.1f}, "
                  f"n={t['repeats']})")
        print(f"[reference] point theta={name}: Jx={ref_points[name][0]:.15f} (quad abserr {ref_points[name][1]:.1e})")
    out["point"]["reference"] = {name: {"Jx": v[0], "abserr": v[1]} for name, v in ref_points.items()}

    scans = {}
    for method in methods:
        scans[method] = scan(method)
        t = timed(lambda: scan(method), args.repeats_scan)
        out["scan"][method] = {"time_s": t, "values": [v[0] for v in scans[method]],
                               "abserr": [v[1] for v in scans[method]],
                               "points_with_warnings": sum(1 for v in scans[method] if v[2])}
        print(f"[{method}] scan 401 points: time mean {t['mean'] * 1e3:.1f} ms (sd {t['stdev'] * 1e3:.1f}, "
              f"min {t['min'] * 1e3:.1f}, n={t['repeats']}); points with IntegrationWarning: "
              f"{out['scan'][method]['points_with_warnings']}")
    reference = scan("reference")
    out["scan"]["reference"] = {"values": [v[0] for v in reference], "abserr": [v[1] for v in reference]}
    ref = [v[0] for v in reference]

    out["comparison"] = {}
    for method in methods:
        out["comparison"][method] = compare(method, [v[0] for v in scans[method]], [v[1] for v in scans[method]],
                                            ref, args.threshold)
    if args.java:
        jpoints, jscan = read_java(args.java)
        # Java's Jx_thermal is the integral above (= Jx for theta != 0; at theta = 0 Jx also has a vacuum part)
        out["comparison"]["java"] = compare("java", [j["Jx_thermal"] for j in jscan], [j["Jx_error"] for j in jscan],
                                            ref, args.threshold)
        out["java_points"] = {}
        for k, name in enumerate(POINTS):
            d = abs(jpoints[k]["Jx_thermal"] - ref_points[name][0])
            out["java_points"][name] = {"Jx": jpoints[k]["Jx_thermal"], "error_estimate": jpoints[k]["Jx_error"],
                                        "error_vs_reference": d}
            print(f"[java] point theta={name}: Jx={jpoints[k]['Jx_thermal']:.12f} |error|={d:.1e} "
                  f"(own estimate {jpoints[k]['Jx_error']:.1e})")
        diffs = [abs(j["Jx_thermal"] - v[0]) for j, v in zip(jscan, scans["quad"])]
        i = max(range(len(diffs)), key=diffs.__getitem__)
        out["comparison"]["max_java_minus_quad"] = {"value": diffs[i], "index": i, "theta": jscan[i]["theta"]}
        print(f"\nmax |Java - quad| over the scan = {diffs[i]:.3e} at i={i} (theta={jscan[i]['theta']:.6g}); "
              f"at theta=0 Java's full Jx = {jscan[0]['Jx']:.12f} includes the decoherence-free (vacuum) part, "
              f"Jx_thermal = {jscan[0]['Jx_thermal']:.12f} is compared")
    if args.print_scan:
        print("\n  i    theta     reference Jx      quad Jx       quad+poles Jx")
        for i, theta in enumerate(scan_thetas()):
            print(f"{i:3d} {theta:.6f} {ref[i]:+.12f} {scans['quad'][i][0]:+.12f} {scans['quad+poles'][i][0]:+.12f}")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(out, fh, indent=1)


if __name__ == "__main__":
    main()
