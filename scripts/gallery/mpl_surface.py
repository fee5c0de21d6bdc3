"""The slide's 3D surface with the filled contours on the floor z = 0.

usage: python mpl_surface.py OUT.png DPI   (prints render_seconds=...)
"""
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

t0 = time.perf_counter()
W1, W2 = np.meshgrid(np.arange(-10, 10, 0.8), np.arange(-10, 10, 0.8))
E = W1**2 + W2**2
fig = plt.figure(figsize=(6.4, 4.8))
ax = fig.add_subplot(projection="3d")
ax.plot_surface(W1, W2, E, cmap="viridis")
ax.contourf(W1, W2, E, zdir="z", offset=0, cmap="viridis")
ax.set_title("Superficie de $E = w_1^2 + w_2^2$")
ax.set_xlabel("$w_1$")
ax.set_ylabel("$w_2$")
ax.set_zlabel("$E$")
fig.savefig(sys.argv[1], dpi=int(sys.argv[2]))
print(f"render_seconds={time.perf_counter() - t0:.4f}")
