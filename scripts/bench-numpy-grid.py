#!/usr/bin/python3
"""Time numpy's np.gradient on the 1000x1000 grid of BenchmarkGridGradient1000.

Run with /usr/bin/python3 (Debian, has numpy). Prints ns/op (best of 7
repeats of timeit) for np.gradient(E, ys, xs) and np.gradient(E).
"""
import timeit

import numpy as np

n = 1000
xs = np.linspace(-10, 10, n)
ys = xs.copy()
W1, W2 = np.meshgrid(xs, ys)
E = (W1**2 + W2 - 11) ** 2 + (W1 + W2**2 - 7) ** 2  # Himmelblau, as the Go benchmark

for label, stmt in [
    ("np.gradient(E, ys, xs)  [GridGradient]", lambda: np.gradient(E, ys, xs)),
    ("np.gradient(E)          [NumpyGradient]", lambda: np.gradient(E)),
]:
    t = timeit.Timer(stmt)
    number, _ = t.autorange()
    best = min(t.repeat(repeat=7, number=number)) / number
    print(f"{label}: {best * 1e9:.0f} ns/op ({number} loops, best of 7)")
