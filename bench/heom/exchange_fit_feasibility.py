"""How well can a ONE-SIDED rational J_N represent the Ohmic exchange bath of composite-qubit model 2?

docs/heom.md, "Exchange couplings: why the fit of J is not used there". lambda = 0.01, s = 1, Omega = 5, T = 0.5.
An exchange bath needs J_N ~ J at w > 0 and J_N ~ 0 at w < 0 (the Brownian form J_N(w) - J_N(-w) is the Hermitian
bath), J_N(0) = 0 (no undamped principal-value term) and no 1/w tail. Fixed poles clustered geometrically towards
w = 0, complex residues by linear least squares weighted by coth(|w|/2T) = |n| + |1 + n| under both constraints;
printed: the bounds int |J - J_N| |1 + n| dw (C_out) and int |J - J_N| |n| dw (C_in), and sum |eta| / C(0)
(a hierarchy needs <= 10, CorrelationFit.AMPLITUDE_BOUND). Run: python3 bench/heom/exchange_fit_feasibility.py
"""
import numpy as np
lam, Om, T = 0.01, 5.0, 0.5
J = lambda w: np.where(w > 0, lam * w * np.exp(-np.clip(w, 0, None) / Om), 0.0)
half = 200 * (np.expm1(12 * (np.arange(1, 6001) / 6000)) / np.expm1(12))
w = np.concatenate([-half[::-1], half])
dw = np.gradient(w)
n = 1 / np.expm1(w / T)
wo = np.abs(1 + n); wi = np.abs(n)
Cout0 = np.sum(J(w) * (1 + n) * dw); Cin0 = np.sum(J(w) * n * dw)
def fit(poles, reg=0.0):
    # basis: Re[r/(w-p)] with r complex -> two real functions per pole (+ conj pole implicit)
    cols = []
    for p in poles:
        z = 1 / (w - p)
        cols += [2 * z.real, -2 * z.imag]  # r = a + ib: 2 Re[(a+ib) z] = 2 a Re z - 2 b Im z
    A = np.array(cols).T
    # constraints: J_N(0)=0, sum Re r = 0 (no 1/w tail)
    c1 = []
    for p in poles:
        z = 1 / (0 - p)
        c1 += [2 * z.real, -2 * z.imag]
    c2 = []
    for p in poles:
        c2 += [2.0, 0.0]
    Cm = np.array([c1, c2])
    W = np.sqrt((wo + wi) * dw)
    # null space of constraints
    _, _, Vt = np.linalg.svd(Cm)
    N = Vt[2:].T
    AW = (A * W[:, None]) @ N
    b = J(w) * W
    if reg > 0:
        AW = np.vstack([AW, reg * np.eye(AW.shape[1])]); b = np.concatenate([b, np.zeros(AW.shape[1])])
    x = N @ np.linalg.lstsq(AW, b, rcond=1e-14)[0]
    JN = A @ x
    d = np.abs(J(w) - JN)
    eo = np.sum(d * wo * dw); ei = np.sum(d * wi * dw)
    r = x[0::2] + 1j * x[1::2]
    # |eta| of emission: 2 pi |r| |1+n(p)| for poles below axis (bounded proxy)
    eta = sum(2 * np.pi * abs(rr) * (abs(1 + 1 / np.expm1(p / T)) + abs(1 / np.expm1(p / T))) for rr, p in zip(r, poles))
    return eo, ei, eta / (Cout0 + Cin0), min(-p.imag for p in poles)
print("C_out(0) %.4g C_in(0) %.4g" % (Cout0, Cin0))
for M in [4, 6, 8, 10, 12, 16, 20]:
    best = None
    for rho in [0.3, 0.4, 0.5, 0.6]:
        for kap in [0.5, 1.0, 2.0]:
            # centres geometric towards 0 on the positive side, plus a few broad ones
            cs = Om * 2 * rho ** np.arange(M)
            poles = [c - 1j * kap * c for c in cs]
            eo, ei, amp, gmin = fit(poles)
            if amp < 10 and (best is None or eo + ei < best[0] + best[1]):
                best = (eo, ei, amp, gmin, rho, kap)
    print(M, "poles: e_out %.3g e_in %.3g sum|eta|/C0 %.3g min rate %.3g (rho %.2g kappa %.2g)" % best if best else (M, "none"))
print("poles also mirrored to w < 0 and on the imaginary axis (best within the amplitude bound, and best without it):")
for M in [6, 10, 16]:
    best = None; bestany = None
    for rho in [0.3, 0.5, 0.7]:
        for kap in [0.5, 1.0, 2.0]:
            cs = Om * 2 * rho ** np.arange(M)
            poles = [c - 1j * kap * c for c in cs] + [-c - 1j * kap * c for c in cs] + [-1j * c for c in cs]
            eo, ei, amp, gmin = fit(poles)
            if bestany is None or eo + ei < bestany[0] + bestany[1]:
                bestany = (eo, ei, amp, gmin, rho, kap)
            if amp < 10 and (best is None or eo + ei < best[0] + best[1]):
                best = (eo, ei, amp, gmin, rho, kap)
    print(3 * M, "poles, sum|eta| <= 10 C(0):", "e_out %.3g e_in %.3g amp %.3g min rate %.3g (rho %.2g kappa %.2g)" % best if best else "none",
          "| unbounded: e_out %.3g e_in %.3g amp %.3g" % bestany[:3])
