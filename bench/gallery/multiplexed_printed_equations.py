#!/usr/bin/env python3
"""The multiplexed-coherence paper's Eqs. (29) and (51)-(52) as printed and as corrected (docs/papers/multiplexed.md,
items 1-2), in the paper's reduced units (omega1 = 1, w = omega/omega1, b = beta omega1, omega_c = 10), by scipy's
quad: an implementation independent of the Java code. Prints the numbers quoted under Figs. 3 and 5 of
docs/gallery.md. Usage: python3 bench/gallery/multiplexed_printed_equations.py (numpy, scipy)."""
import numpy as np
from scipy.integrate import quad
from scipy.special import gamma

WC = 10.0


def integral(f, breaks):
    edges = [0.0, *breaks, np.inf]
    return sum(quad(f, a, b, limit=500)[0] for a, b in zip(edges[:-1], edges[1:]))


def ratio(s, b, w, printed):
    """Eq. (29): <sigma_2^x>/<sigma_1^x>; printed coth(b w/2) in the integrand, corrected coth(b x/2)."""
    def f(x):
        x = 1 + 1e-7 if abs(x - 1) < 1e-7 else x  # removable singularity at x = 1
        c = 1 / np.tanh(b * w / 2) if printed else 1 / np.tanh(b * x / 2)
        return x ** (s - 1) * np.exp(-x / WC) * (x * c - 1 / np.tanh(b / 2)) / (x * x - 1)
    return WC ** s * gamma(s) * np.tanh(b * w / 2) / w / integral(f, [1, 2])


def snr_over_eta(s, b, w, printed):
    """Eq. (51) over eta = 4 f1 M sqrt(lambda), with g(x) of Eq. (52): printed 4 w^3 coth(b w/2), corrected coth(b x/2)."""
    tw = np.tanh(b * w / 2)

    def g(x):
        if abs(x - w) < 1e-4 * w:  # the double poles cancel at x = w
            return 0.5 * (g(w * (1 - 2e-4)) + g(w * (1 + 2e-4)))
        c = 1 / np.tanh(b * w / 2) if printed else 1 / np.tanh(b * x / 2)
        return (tw * tw * (b * w * x * (w * w - x * x) + 4 * w ** 3 * c) + b * w * x * (x * x - w * w)
                + (2 * x ** 3 - 6 * w * w * x) * tw) / (w * w - x * x) ** 2
    i = integral(lambda x: x ** s * np.exp(-x / WC) * g(x), [w, 2 * w])
    return WC ** ((s + 1) / 2) * gamma(s) * np.tanh(b / 2) * tw / (np.sqrt(w) * np.sqrt(i))


if __name__ == "__main__":
    import warnings
    warnings.simplefilter("ignore")
    for s in (0.5, 1, 2):
        for b, w in ((2, 1), (5, 0.25), (1.1, 10), (5, 10), (0.1, 10)):
            print(f"s = {s}, b = {b}, w = {w}: ratio corrected {ratio(s, b, w, False):.4f} printed "
                  f"{ratio(s, b, w, True):.4f}; SNR/eta corrected {snr_over_eta(s, b, w, False):.4f} printed "
                  f"{snr_over_eta(s, b, w, True):.4f}")
