"""The slides' figure sequence of the 1D descent: E(w) = (w-3)^2 + 1, alpha = 0.2,
w0 = -0.499 (gdkit.RandomW0 with seed 1), panel k showing the path up to step k.

usage: python mpl_sequence.py OUT.png DPI   (prints render_seconds=...)
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


ws = [-0.49907100141856109]
for _ in range(5):
    ws.append(ws[-1] - 0.2 * 2 * (ws[-1] - 3))
ws = np.array(ws)
x = np.linspace(-1, 7, 401)
fig, axs = plt.subplots(2, 3, figsize=(12, 6.4), sharex=True, sharey=True)
for k, ax in enumerate(axs.flat):
    ax.plot(x, E(x))
    ax.plot(ws[: k + 1], E(ws[: k + 1]), "o-", color="C1")
    for i in range(k):
        ax.annotate("", xy=(ws[i + 1], E(ws[i + 1])), xytext=(ws[i], E(ws[i])),
                    arrowprops=dict(arrowstyle="->", color="C1"))
    for i in range(k + 1):
        ax.annotate(str(i), (ws[i], E(ws[i])), textcoords="offset points", xytext=(6, 6))
    ax.set_title(f"Paso {k}")
    ax.set_xlabel("$w$")
    ax.set_ylabel("$E(w)$")
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=int(sys.argv[2]))
print(f"render_seconds={time.perf_counter() - t0:.4f}")
