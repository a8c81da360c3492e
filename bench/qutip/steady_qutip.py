#!/usr/bin/python3
"""QuTiP side of the direct steady-state benchmark (docs/benchmarks.md, "Direct steady state at large d").

Same model as io.coherent.bench.SteadyStateSideBySide and IterativeSteadyStateTest.qubitOscillator: a qubit and an
oscillator with Fock cut-off n (d = 2 (n + 1)), H = 0.55 sz + a^+a + 0.05 sx (a + a^+), Ohmic baths
J = 0.01 w e^{-w/5} on sx (T = 1) and on a + a^+ (T = 0.3), non-secular Bloch-Redfield with real rates.
The Redfield Liouvillian is built from QuTiP superoperators by the fixture script's hermitian_dissipator (checked
there against brmesolve to 1e-15); timed: building it plus qutip.steadystate(L) (sparse direct LU, QuTiP's default).
Prints one JSON line per case with the ground-state population (population.1) for the cross-check.
"""
import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import qutip as qt

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "sim-core/src/test/resources/fixtures/master"))
from make_master_fixtures import hermitian_dissipator  # noqa: E402
from make_redfield_fixture import ohmic  # noqa: E402


def model(cutoff):
    n = cutoff + 1
    a = qt.tensor(qt.qeye(2), qt.destroy(n))
    sx = qt.tensor(qt.sigmax(), qt.qeye(n))
    sz = qt.tensor(qt.sigmaz(), qt.qeye(n))
    x = a + a.dag()
    h = 0.55 * sz + a.dag() * a + 0.05 * sx * x
    return h, [(sx, ohmic(0.01, 5.0, 1.0)), (x, ohmic(0.01, 5.0, 0.3))]


def solve(h, baths):
    L = qt.liouvillian(h) + sum(hermitian_dissipator(h, op, spectrum) for op, spectrum in baths)
    return qt.steadystate(L)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("cutoffs", type=int, nargs="*", default=[14, 29, 49])
    args = parser.parse_args()
    for cutoff in args.cutoffs:
        h, baths = model(cutoff)
        rho = solve(h, baths)  # warm-up and the value
        walls, cpus = [], []
        for _ in range(args.rounds):
            c0, w0 = time.process_time(), time.perf_counter()
            solve(h, baths)
            walls.append((time.perf_counter() - w0) * 1e3)
            cpus.append((time.process_time() - c0) * 1e3)
        e, v = np.linalg.eigh(h.full())
        p1 = float(np.real(v[:, 0].conj() @ rho.full() @ v[:, 0]))
        print(json.dumps({"solver": "qutip-steadystate", "d": h.shape[0], "rounds": args.rounds,
                          "wall_ms": float(np.median(walls)), "cpu_ms": float(np.median(cpus)),
                          "population_1": p1, "qutip": qt.__version__}), flush=True)


if __name__ == "__main__":
    main()
