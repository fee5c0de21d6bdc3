"""The slide's contour + gradient arrows, as matplotlib draws them.

usage: python mpl_contour_quiver.py OUT.png DPI   (prints render_seconds=...)
The slide writes dEdW1, dEdW2 = np.gradient(E): numpy returns the axes in array
order (rows = w2 first) with unit spacing; here, as in gdkit's figure, the
gradient by variable: dEdW2, dEdW1 = np.gradient(E, 0.8).
"""
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

t0 = time.perf_counter()
W1 = np.arange(-10, 10, 0.8)
W2 = np.arange(-10, 10, 0.8)
W1, W2 = np.meshgrid(W1, W2)
E = W1**2 + W2**2
fig = plt.figure(figsize=(6.4, 4.8))
plt.contour(W1, W2, E, levels=[25, 50, 75, 100, 125, 150, 175])
dEdW2, dEdW1 = np.gradient(E, 0.8)
plt.quiver(W1, W2, dEdW1, dEdW2)
plt.gca().set_aspect("equal")
plt.title("Flechas: vectores gradiente")
plt.xlabel("$w_1$")
plt.ylabel("$w_2$")
fig.savefig(sys.argv[1], dpi=int(sys.argv[2]))
print(f"render_seconds={time.perf_counter() - t0:.4f}")
