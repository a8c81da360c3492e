#!/usr/bin/python3
"""QuTiP 4.7 side of the HEOM benchmark (docs/benchmarks.md, "Hierarchical equations of motion").

Issue 12's model (two qubits, sigma_x each to its own Drude-Lorentz bath, lambda = 0.1, gamma = 2, T1 = 1, T2 = 2;
the same as sim-core/src/test/resources/fixtures/heom/make_two_qubit_heom.py and bench/heom/two-qubits-dl.yaml),
Pade with Nk = 2 Bose poles per bath (3 exponents per bath, QuTiP's combine=True), no terminator.

  /usr/bin/python3 bench/heom/qutip_heom.py steady DEPTH      # HEOMSolver.steady_state (spsolve) and scipy ILU + GMRES
  /usr/bin/python3 bench/heom/qutip_heom.py run DEPTH TMAX    # HEOMSolver.run from |gg> to TMAX, 301 output times

Prints one JSON line.  Times are wall clock in seconds, single process, warm within Python (imports and the first
solver construction are excluded except where stated: `build` is HEOMSolver construction incl. the RHS matrix).
ILU + GMRES: QuTiP's own RHS matrix (solver.RHSmat) with its trace row, as steady_state builds it; scipy spilu
(drop_tol 1e-6, fill_factor 20) as right preconditioner, gmres to rtol 1e-10 (restart 40), checked against spsolve.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "sim-core", "src", "test",
                                "resources", "fixtures", "heom"))
import numpy as np  # noqa: E402
import qutip as qt  # noqa: E402
import scipy  # noqa: E402
import scipy.sparse as sp  # noqa: E402
import scipy.sparse.linalg as sla  # noqa: E402
from qutip.nonmarkov.heom import DrudeLorentzPadeBath, HEOMSolver  # noqa: E402

from make_two_qubit_heom import GAMMA, H, LAM, SX1, SX2, T1, T2  # noqa: E402
from heom_common import current  # noqa: E402

NK = 2


def solver(depth, options=None):
    b1 = DrudeLorentzPadeBath(SX1, lam=LAM, gamma=GAMMA, T=T1, Nk=NK, tag="1")
    b2 = DrudeLorentzPadeBath(SX2, lam=LAM, gamma=GAMMA, T=T2, Nk=NK, tag="2")
    return HEOMSolver(H, [b1, b2], max_depth=depth, options=options or qt.Options())


def bordered(s):
    """QuTiP's steady_state system: the RHS matrix with row 0 replaced by the trace condition."""
    n = 4
    N = s.RHSmat.shape[0]
    L = s.RHSmat.tolil()
    L[0, :] = 0.0
    for k in range(n):
        L[0, k * (n + 1)] = 1.0
    b = np.zeros(N, dtype=complex)
    b[0] = 1.0
    return L.tocsc(), b


def steady(depth):
    t0 = time.perf_counter()
    s = solver(depth)
    build = time.perf_counter() - t0
    t0 = time.perf_counter()
    rho, ados = s.steady_state()
    direct = time.perf_counter() - t0
    j2 = current(ados, "2", H)
    A, b = bordered(s)
    t0 = time.perf_counter()
    ilu = sla.spilu(A, drop_tol=1e-6, fill_factor=20)
    M = sla.LinearOperator(A.shape, ilu.solve, dtype=complex)
    iterations = []
    x, info = sla.gmres(A, b, M=M, tol=1e-10, restart=40, maxiter=200, callback=lambda r: iterations.append(r),
                        callback_type="pr_norm")
    gmres = time.perf_counter() - t0
    n = 4
    rho_g = x[:n * n].reshape((n, n)).T  # QuTiP's column-stacked vectorisation
    return dict(kind="steady", depth=depth, exponents=NK, ados=s._n_ados, unknowns=A.shape[0], nnz=s.RHSmat.nnz,
                build=build, steady_state=direct, ilu_gmres=gmres, gmres_info=int(info), gmres_iterations=len(iterations),
                ilu_vs_direct=float(abs(rho_g - rho.full()).max()), current_2=j2)


def run(depth, tmax):
    s = solver(depth)
    rho0 = qt.ket2dm(qt.tensor(qt.basis(2, 1), qt.basis(2, 1)))
    times = np.linspace(0, tmax, 301)
    t0 = time.perf_counter()
    result = s.run(rho0, times)
    seconds = time.perf_counter() - t0
    final = result.states[-1].full()
    return dict(kind="run", depth=depth, exponents=NK, ados=s._n_ados, tmax=tmax, run=seconds,
                atol=s.options.atol, rtol=s.options.rtol, rho_gg_final=float(final[3, 3].real))


def main():
    kind = sys.argv[1]
    depth = int(sys.argv[2])
    if kind == "steady":
        out = steady(depth)
    else:
        out = run(depth, float(sys.argv[3]))
    out.update(qutip=qt.__version__, scipy=scipy.__version__, numpy=np.__version__)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
