#!/usr/bin/python3
"""One cold scalar point, the scipy peer of a cold `coherent steady`: a fresh interpreter imports numpy and scipy,
computes the steady-state Jx of Fig. 1(a) (theta = pi/8) with scipy.integrate.quad (steady_state_scipy.jx, the
baseline 'quad' method) and prints it. bench/run-cold-start.sh times the whole process."""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from steady_state_scipy import jx  # noqa: E402  (imports numpy and scipy, as a user's script would)

value, abserr, _ = jx(math.pi / 8, "quad")
print(f"Jx = {value:.10f} +- {abserr:.1e}")
