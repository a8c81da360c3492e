#!/usr/bin/env python3
"""The gallery's partial-collective Fig. 1(a) (docs/gallery.md) through the Python client: the steady-state
coherence Jx and its thermal part against the collectivity angle theta, gamma = 0.1 Gamma, 101 points.

The same sweep as
    coherent sweep partial-collective --param theta=0:pi/2:101 --steady --plot Jx_thermal,Jx
plotted with matplotlib. Run from the checkout (it starts the server from app/target/coherent.jar):
    python3 clients/python/examples/pc_fig1a.py --out pc-fig1a.png
"""

import argparse
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from coherent_client import Coherent  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="pc-fig1a.png", help="the PNG to write (default pc-fig1a.png)")
    parser.add_argument("--url", help="a running server (default: start one from the checkout's jar)")
    args = parser.parse_args()

    with Coherent(url=args.url) as c:
        df = c.sweep("partial-collective", params={"theta": (0, "pi/2", 101)})

    assert (df["status"] == "ok").all() and df["converged"].all(), "every point converged"
    worst = df[["Jx_error", "Jx_thermal_error"]].to_numpy().max()
    first, quarter = df.iloc[0], df.iloc[(df["theta"] - math.pi / 4).abs().idxmin()]
    print("theta = 0:      Jx_thermal = %.4f, Jx = %.4f (decoherence-free antisymmetric mode)"
          % (first["Jx_thermal"], first["Jx"]))
    print("theta = pi/200: Jx_thermal = %.4f" % df.iloc[1]["Jx_thermal"])
    print("theta = pi/4:   Jx_thermal = %.4f" % quarter["Jx_thermal"])
    print("largest error estimate %.1e; %d points in %.2f s on the server"
          % (worst, len(df), df.attrs["wall_seconds"]))

    # theta = 0 is a point of its own (a decoherence-free mode; theta -> 0+ is another limit): not joined to the curve
    fig, ax = plt.subplots(figsize=(7, 4.2))
    x = df["theta"] / math.pi
    rest = df["theta"] > 0
    # for theta > 0 the two coincide (the vacuum part has decayed): a broad pale line under a thin one
    for name, marker, width, label in (("Jx_thermal", "o", 4, r"$J_x^{\mathrm{thermal}}$"),
                                       ("Jx", "s", 1.2, r"$J_x$ (for $\theta > 0$ equal to $J_x^{\mathrm{thermal}}$)")):
        line, = ax.plot(x[rest], df[name][rest], "-", linewidth=width, alpha=0.45 if width > 2 else 1, label=label)
        ax.plot([0], [first[name]], marker, color=line.get_color(), markersize=6)
    ax.axhline(0, color="0.7", linewidth=0.6)
    ax.set_xlabel(r"collectivity angle $\theta$ / $\pi$")
    ax.set_ylabel("steady-state coherence")
    ax.set_xlim(-0.01, 0.51)
    ax.set_title(r"partial-collective, Fig. 1(a): $\gamma = 0.1\,\Gamma$, $T = 1$, $\kappa = -\pi/4$ (exact)",
                 fontsize=11)
    ax.legend(frameon=False)
    ax.annotate(r"$\theta = 0$: a decoherence-free mode keeps" "\n" r"the vacuum part $-1$ (an isolated point)",
                xy=(0.003, first["Jx"]), xytext=(0.06, -0.24), fontsize=8,
                arrowprops=dict(arrowstyle="->", color="0.4"))
    fig.tight_layout()
    fig.savefig(args.out, dpi=120)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
