#!/usr/bin/env python3
"""Peer of OhmicSteadyBenchmark: the steady state of the same two-mode model with an Ohmic bath by scipy's quad,
the self-energy in closed form: Sigma(w) = pi J(w) - i lambda Omega P int u^s e^-u/(u - y) du, y = w/Omega, with
P = 1 - y e^-y Ei(y) (s = 1), 1 + y - y^2 e^-y Ei(y) (s = 2), sqrt(pi) (1 - 2 sqrt(y) D(sqrt(y))) (s = 1/2, D Dawson's).
Prints n1, n2, Jx and the time per point (best of several repetitions, warm)."""
import argparse, json, math, time
import numpy as np
from scipy import integrate, special

LAM, OM, T = 0.05, 2.0, 0.5
H = np.array([[1.0, 0.3], [0.3, 1.5]])
V = np.array([1.0, 0.5])
P = np.outer(V, V)


def pv(s, y):
    if s == 1:
        return 1 - y * math.exp(-y) * special.expi(y)
    if s == 2:
        return 1 + y - y * y * math.exp(-y) * special.expi(y)
    return math.sqrt(math.pi) * (1 - 2 * math.sqrt(y) * special.dawsn(math.sqrt(y)))


def response(s, w):
    j = LAM * w ** s * OM ** (1 - s) * math.exp(-w / OM)
    sigma = math.pi * j - 1j * LAM * OM * pv(s, w / OM)
    m = -1j * H + 1j * w * np.eye(2) - sigma * P
    return np.linalg.solve(m, 1j * V), j


def integrand(s, w, part):
    if w <= 0:
        return 0.0
    x, j = response(s, w)
    jn = j / math.expm1(w / T)
    if part == 0:
        return jn * abs(x[0]) ** 2
    if part == 1:
        return jn * abs(x[1]) ** 2
    return jn * 2 * (np.conj(x[0]) * x[1]).real


def point(s):
    out = []
    for part in range(3):
        # split at the modes' frequencies (eigenvalues of H) so quad sees the peaks
        pts = [0, 0.5, 1.0, 1.6, 3, 8, 40]
        total = 0.0
        for a, b in zip(pts[:-1], pts[1:]):
            total += integrate.quad(lambda w: integrand(s, w, part), a, b, epsabs=1e-13, epsrel=1e-11, limit=400)[0]
        total += integrate.quad(lambda w: integrand(s, w, part), 40, np.inf, epsabs=1e-13, limit=200)[0]
        out.append(total)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--json")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    results = {}
    for s in (0.5, 1.0, 2.0):
        v = point(s)  # warm-up
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            v = point(s)
            best = min(best, time.perf_counter() - t0)
        results[str(s)] = {"n1": v[0], "n2": v[1], "Jx": v[2], "ms": 1e3 * best}
        print(f"s={s}: n1={v[0]:.15g} n2={v[1]:.15g} Jx={v[2]:.15g}  {1e3 * best:.1f} ms per point (best of {args.repeat})")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
