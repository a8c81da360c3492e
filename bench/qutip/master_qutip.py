#!/usr/bin/python3
"""QuTiP side of the master-equation benchmarks (docs/benchmarks.md, "Master equations").

Same models, times and tolerances as io.coherent.bench.MasterEquationBenchmark:
  two-qubits : the RedfieldFixtureTest model (two coupled qubits, hot and cold Ohmic baths), brmesolve
               use_secular=False, t = 0 .. 50/gamma with gamma = 2 pi J(w1), 101 output states, rtol 1e-8, atol 1e-10
  oscillators: two oscillators with 10 Fock levels each (n = 0..9, d = 100), H = w1 a^+a + w2 b^+b + g (a^+b + a b^+),
               hot bath on a + a^+, cold bath on b + b^+, t = 0 .. 20, 21 output states, rtol 1e-6, atol 1e-8;
               brmesolve with use_secular=False and with use_secular=True (sec_cutoff 0.1 QuTiP's default)
Each case: one warm-up call, then REPEATS timed calls (1 if the warm-up took over 10 s) (time.perf_counter), whole brmesolve call (tensor + ODE).
Prints JSON to stdout (and to --json FILE).
"""
import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import qutip as qt

# the two-qubit model and the Ohmic spectrum are the fixture script's, so benchmark and fixture cannot drift apart
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "sim-core/src/test/resources/fixtures/master"))
from make_redfield_fixture import LAMBDA as LAMBDA_Q, OMEGA as OMEGA_C, W1, ohmic, two_qubit_model  # noqa: E402


def two_qubits():
    h, a_ops, rho0 = two_qubit_model()
    gamma = 2 * np.pi * LAMBDA_Q * W1 * np.exp(-W1 / OMEGA_C)
    times = np.linspace(0, 50 / gamma, 101)
    opts = qt.Options(atol=1e-10, rtol=1e-8, nsteps=10**8)
    return lambda: qt.brmesolve(h, rho0, times, a_ops=a_ops, use_secular=False, options=opts)


def oscillators(secular):
    n = 10
    a = qt.tensor(qt.destroy(n), qt.qeye(n))
    b = qt.tensor(qt.qeye(n), qt.destroy(n))
    h = 1.0 * a.dag() * a + 1.1 * b.dag() * b + 0.05 * (a.dag() * b + a * b.dag())
    a_ops = [[a + a.dag(), ohmic(0.005, OMEGA_C, 1.0)], [b + b.dag(), ohmic(0.005, OMEGA_C, 0.3)]]
    rho0 = qt.ket2dm(qt.tensor(qt.basis(n, 1), qt.basis(n, 0)))
    times = np.linspace(0, 20, 21)
    opts = qt.Options(atol=1e-8, rtol=1e-6, nsteps=10**8)
    return lambda: qt.brmesolve(h, rho0, times, a_ops=a_ops, use_secular=secular, options=opts)


def timed(run, repeats):
    start = time.perf_counter()
    result = run()
    if time.perf_counter() - start > 10:
        repeats = 1  # slow cases (QuTiP's d = 100 Redfield): one timed call after the warm-up
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        samples.append(time.perf_counter() - start)
    return result, samples


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--json")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--cases", default="two-qubits,oscillators-secular,oscillators")
    args = parser.parse_args()
    out = {"qutip": qt.__version__}
    cases = {"two-qubits": two_qubits, "oscillators-secular": lambda: oscillators(True),
             "oscillators": lambda: oscillators(False)}
    for name in args.cases.split(","):
        result, samples = timed(cases[name](), args.repeats)
        final = result.states[-1].full()
        out[name] = {"mean_ms": 1e3 * float(np.mean(samples)), "std_ms": 1e3 * float(np.std(samples)),
                     "repeats": len(samples), "final_trace": float(np.real(np.trace(final))),
                     "final_rho00": float(np.real(final[0, 0]))}
        print(name, json.dumps(out[name]), flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
