#!/usr/bin/env python3
"""One update of each rule of gdkit/optim on 10**6 parameters, in numpy.

The same updates as BenchmarkStep in gdkit/optim/bench_test.go, written as
a numpy user (or torch.optim's single-tensor code) would: in-place updates
of the state where numpy allows it (m *= b1; m += (1 - b1) * g), and the
temporaries numpy needs for the rest. float64, the gradient given (not
timed). Prints one line per rule: "numpy-<Name> <ns> ns/op" (best of
timeit.repeat). Usage: bench-numpy-optim.py [number] [repeat]
"""
import math
import sys
import timeit

import numpy as np

N = 1_000_000
i = np.arange(N)
g = (i % 97) / 97 - 0.5
w0 = (i % 89) / 89 - 0.5
alpha = 1e-3


def rules():
    """Yields (name, step(t)) pairs, each closing over its own state."""
    w = w0.copy()

    def gd(t):
        w[...] -= alpha * g
    yield "GD", gd

    w1 = w0.copy()
    b1 = np.zeros(N)
    mu = 0.9

    def momentum(t):
        if t > 1:
            b1[...] *= mu
            b1[...] += g
        else:
            b1[:] = g
        w1[...] -= alpha * b1
    yield "Momentum", momentum

    w2 = w0.copy()
    b2 = np.zeros(N)

    def nesterov(t):
        if t > 1:
            b2[...] *= mu
            b2[...] += g
        else:
            b2[:] = g
        w2[...] -= alpha * (g + mu * b2)
    yield "Nesterov", nesterov

    w3 = w0.copy()
    s3 = np.zeros(N)

    def adagrad(t):
        s3[...] += g * g
        w3[...] -= alpha * g / (np.sqrt(s3) + 1e-10)
    yield "AdaGrad", adagrad

    w4 = w0.copy()
    v4 = np.zeros(N)
    rho = 0.99

    def rmsprop(t):
        v4[...] *= rho
        v4[...] += (1 - rho) * g * g
        w4[...] -= alpha * g / (np.sqrt(v4) + 1e-8)
    yield "RMSProp", rmsprop

    w5 = w0.copy()
    v5, gb5, b5 = np.zeros(N), np.zeros(N), np.zeros(N)

    def rmsprop_centered_momentum(t):
        v5[...] *= rho
        v5[...] += (1 - rho) * g * g
        gb5[...] *= rho
        gb5[...] += (1 - rho) * g
        vt = v5 - gb5 * gb5
        np.maximum(vt, 0, out=vt)
        b5[...] *= mu
        b5[...] += g / (np.sqrt(vt) + 1e-8)
        w5[...] -= alpha * b5
    yield "RMSPropCenteredMomentum", rmsprop_centered_momentum

    w6 = w0.copy()
    v6, u6 = np.zeros(N), np.zeros(N)
    rd, eps6 = 0.9, 1e-6

    def adadelta(t):
        v6[...] *= rd
        v6[...] += (1 - rd) * g * g
        d = np.sqrt(u6 + eps6) / np.sqrt(v6 + eps6) * g
        u6[...] *= rd
        u6[...] += (1 - rd) * d * d
        w6[...] -= alpha * d
    yield "Adadelta", adadelta

    def adam_family(amsgrad, decoupled):
        w = w0.copy()
        m, v = np.zeros(N), np.zeros(N)
        vmax = np.zeros(N) if amsgrad else None
        b1_, b2_, eps, lam = 0.9, 0.999, 1e-8, (0.01 if decoupled else 0.0)

        def step(t):
            if decoupled:
                w[...] *= 1 - alpha * lam
            m[...] *= b1_
            m[...] += (1 - b1_) * g
            v[...] *= b2_
            v[...] += (1 - b2_) * g * g
            bc1 = 1 - b1_ ** t
            bc2 = 1 - b2_ ** t
            vv = v
            if amsgrad:
                np.maximum(vmax, v, out=vmax)
                vv = vmax
            denom = np.sqrt(vv) / math.sqrt(bc2) + eps
            w[...] -= (alpha / bc1) * m / denom
        return step
    yield "Adam", adam_family(False, False)
    yield "AMSGrad", adam_family(True, False)
    yield "AdamW", adam_family(False, True)


number = int(sys.argv[1]) if len(sys.argv) > 1 else 10
repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 5
for name, step in rules():
    t = [0]

    def one():
        t[0] += 1
        step(t[0])
    best = min(timeit.repeat(one, number=number, repeat=repeat)) / number
    print(f"numpy-{name} {best * 1e9:.0f} ns/op (numpy {np.__version__}, best of {repeat}x{number})")
