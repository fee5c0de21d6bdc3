"""The error curve of the slide "Descenso de gradiente en ND": linear regression
y = w1 x + b on the slide's table, mean squared error, alpha = 0.001 and 0.008
from (0, 0); E over the first 30 iterations and E - E_min (log) over 10 000.

usage: python mpl_nd_error.py OUT.png DPI   (prints render_seconds=...)
"""
import pathlib
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

t0 = time.perf_counter()
table = pathlib.Path(__file__).resolve().parents[2] / "datasets" / "slide_nd.csv"
x, y = np.loadtxt(table, delimiter=",", skiprows=1, unpack=True)
X = np.column_stack([x, np.ones_like(x)])
w_ls = np.linalg.lstsq(X, y, rcond=None)[0]
e_min = np.mean((X @ w_ls - y) ** 2)
fig, (a1, a2) = plt.subplots(1, 2, figsize=(9.6, 4.2))
for alpha in (0.001, 0.008):
    w = np.zeros(2)
    es = []
    for _ in range(10001):
        r = X @ w - y
        es.append(np.mean(r**2))
        w = w - alpha * (2 / len(y)) * (X.T @ r)
    es = np.array(es)
    gap = es - e_min
    n = np.argmax(gap < 1e-14) if np.any(gap < 1e-14) else len(gap)
    a1.plot(es[:31], label=f"$\\alpha$ = {alpha}")
    a2.semilogy(gap[:n], label=f"$\\alpha$ = {alpha}")
a1.set_title("$E$, primeras 30 iteraciones")
a1.set_xlabel("iteración")
a1.set_ylabel("$E(w_1, b)$")
a1.legend()
a2.set_title("$E(w_1, b) - E_{min}$, escala log")
a2.set_xlabel("iteración")
a2.set_ylabel("$E - E_{min}$")
a2.legend()
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=int(sys.argv[2]))
print(f"render_seconds={time.perf_counter() - t0:.4f}")
