"""The slide "Efecto de alpha": E(w) = (w-3)^2 + 1 from w0 = 0, 15 steps of
alpha = 0.05 (too small), 0.3 (right) and 0.95 (too large), side by side.

usage: python mpl_alpha.py OUT.png DPI   (prints render_seconds=...)
"""
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

t0 = time.perf_counter()


def E(w):
    return (w - 3) ** 2 + 1


x = np.linspace(-1, 7, 401)
cases = [(0.05, "demasiado chico"), (0.3, "correcto"), (0.95, "demasiado grande")]
fig, axs = plt.subplots(1, 3, figsize=(12.6, 3.8), sharex=True, sharey=True)
for ax, (alpha, name) in zip(axs, cases):
    ws = [0.0]
    for _ in range(15):
        ws.append(ws[-1] - alpha * 2 * (ws[-1] - 3))
    ws = np.array(ws)
    ax.plot(x, E(x))
    ax.plot(ws, E(ws), "o-", color="C1")
    for i, w in enumerate(ws):
        ax.annotate(str(i), (w, E(w)), textcoords="offset points", xytext=(5, 5))
    ax.set_title(f"$\\alpha$ = {alpha}, {name}")
    ax.set_xlabel("$w$")
    ax.set_ylabel("$E(w)$")
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=int(sys.argv[2]))
print(f"render_seconds={time.perf_counter() - t0:.4f}")
