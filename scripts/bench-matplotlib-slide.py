#!/usr/bin/python3
"""The slide "Diagramas de contorno y gradientes" drawn with matplotlib.

Same figure as gdplot's BenchmarkSlideFigure: left panel contour + quiver of
E = w1^2 + w2^2 on the 25x25 grid arange(-10, 10, 0.8); right panel
plot_surface + contourf.  One 12x5 in figure saved at dpi=150.
Usage: /usr/bin/python3 bench-matplotlib-slide.py [out.png]
Time it from a cold process (imports included): time python3 script.py
"""
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/slide-matplotlib.png"

W1 = np.arange(-10, 10, 0.8)
W2 = np.arange(-10, 10, 0.8)
W1, W2 = np.meshgrid(W1, W2)
E = W1**2 + W2**2

fig = plt.figure(figsize=(12, 5))
ax = fig.add_subplot(1, 2, 1)
ax.contour(W1, W2, E)
# np.gradient returns the derivative along axis 0 (rows = w2) first; the
# slide's "dEdW1, dEdW2 = np.gradient(E)" swaps them, we keep them right.
dEdW2, dEdW1 = np.gradient(E, 0.8)
ax.quiver(W1, W2, dEdW1, dEdW2)
ax.set_xlabel("w1")
ax.set_ylabel("w2")
ax.set_title("E = w1² + w2² y su gradiente")

ax3 = fig.add_subplot(1, 2, 2, projection="3d")
ax3.plot_surface(W1, W2, E)
ax3.contourf(W1, W2, E)
ax3.set_xlabel("w1")
ax3.set_ylabel("w2")
ax3.set_zlabel("E")
ax3.set_title("Superficie de error")

fig.savefig(out, dpi=150)
