"""Several starts on a non-convex E (Himmelblau's function): six starts, alpha =
0.01, until the gradient norm is below 1e-6 (at most 2000 steps), on its contours.

usage: python mpl_multistart.py OUT.png DPI   (prints render_seconds=...)
"""
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

t0 = time.perf_counter()


def E(w1, w2):
    return (w1**2 + w2 - 11) ** 2 + (w1 + w2**2 - 7) ** 2


def grad(w):
    p, q = w[0] ** 2 + w[1] - 11, w[0] + w[1] ** 2 - 7
    return np.array([4 * w[0] * p + 2 * q, 2 * p + 4 * w[1] * q])


W1, W2 = np.meshgrid(np.linspace(-5, 5, 101), np.linspace(-5, 5, 101))
fig = plt.figure(figsize=(6.4, 4.8))
plt.contour(W1, W2, E(W1, W2), levels=[0.5, 2, 5, 10, 20, 40, 80, 150, 250, 400])
starts = [(0, 0), (-1, 0), (-1, -1), (1, -1), (4, 4), (-4, -4)]
for k, w0 in enumerate(starts):
    path = [np.array(w0, dtype=float)]
    for _ in range(2000):
        g = grad(path[-1])
        if np.hypot(*g) <= 1e-6:
            break
        path.append(path[-1] - 0.01 * g)
    path = np.array(path)
    line, = plt.plot(path[:, 0], path[:, 1], ".-")
    plt.plot(*path[0], "s", color=line.get_color())
    plt.annotate(str(k + 1), path[0], textcoords="offset points", xytext=(6, 4))
plt.gca().set_aspect("equal")
plt.title("Himmelblau: 6 inicios, 4 mínimos")
plt.xlabel("$w_1$")
plt.ylabel("$w_2$")
fig.savefig(sys.argv[1], dpi=int(sys.argv[2]))
print(f"render_seconds={time.perf_counter() - t0:.4f}")
