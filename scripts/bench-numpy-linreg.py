#!/usr/bin/env python3
"""One full-batch epoch of linear-regression gradient descent in numpy.

Same sizes as gdkit's BenchmarkLinRegEpoch: N = 10**6 rows, 4 features plus
bias (a column of ones, the usual vectorised form), float64:

    g = (2/N) * X.T @ (X @ w - y);  w -= alpha * g

Prints the best-of-timeit time as "numpy-linreg-epoch <ns> ns/op".
Run with /usr/bin/python3 (Debian, has numpy).
"""
import sys
import timeit

import numpy as np

N, D = 1_000_000, 4
rng = np.random.default_rng(1)
X = np.hstack([rng.standard_normal((N, D)), np.ones((N, 1))])
y = X @ np.array([1.0, -2.0, 0.5, 3.0, 0.25]) + 0.1 * rng.standard_normal(N)
w = np.array([0.1, 0.2, 0.3, 0.4, 0.5])
alpha = 1e-9


def epoch():
    global w
    g = (2.0 / N) * X.T @ (X @ w - y)
    w = w - alpha * g


number = int(sys.argv[1]) if len(sys.argv) > 1 else 20
repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 7
best = min(timeit.repeat(epoch, number=number, repeat=repeat)) / number
print(f"numpy-linreg-epoch {best * 1e9:.0f} ns/op (numpy {np.__version__}, best of {repeat}x{number})")
