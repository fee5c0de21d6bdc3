#!/usr/bin/env python3
"""Times the first figure cell of a notebook, as a newcomer meets it.

usage: .venv/bin/python scripts/first-cell.py [--cold] NOTEBOOK [RUNS]

Each run starts a fresh GoNB kernel (a new scratch module, as when a
student opens the notebook), executes the code cells in order up to the
first figure cell, and prints how long that cell took to answer. The
median of RUNS runs (default 5) closes the output.

A figure cell is a code cell whose stored outputs hold an image, or whose
body (after "%%") calls nb.Show, nb.ShowPlot, nb.ShowSVG, nb.Animate or
nb.Explore: the same rule as the browser test.

--cold gives every run a new, empty GOCACHE: the time without the warm
build cache that set-up leaves (each cold run compiles gonum/plot and
GoNB's packages again, so expect minutes).
"""
import os, re, statistics, sys, tempfile, time, shutil
import nbformat
from nbclient import NotebookClient

FIGURE_CALL = re.compile(r"\bnb\.(Show|ShowPlot|ShowSVG|Animate|Explore)\(")


def is_figure_cell(cell):
    if cell.cell_type != "code":
        return False
    for out in cell.get("outputs", []):
        if any(k.startswith("image/") for k in out.get("data", {})):
            return True
    _, sep, body = cell.source.partition("%%")
    return bool(sep) and bool(FIGURE_CALL.search(body))


def one_run(path, env_cache):
    nb = nbformat.read(path, as_version=4)
    target = next((i for i, c in enumerate(nb.cells) if is_figure_cell(c)), None)
    if target is None:
        sys.exit(f"first-cell: {path} has no figure cell")
    saved = os.environ.get("GOCACHE")
    if env_cache:
        os.environ["GOCACHE"] = env_cache
    try:
        client = NotebookClient(nb, timeout=900, kernel_name="gonb",
                                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        with client.setup_kernel():
            for i, c in enumerate(nb.cells[:target + 1]):
                if c.cell_type != "code":
                    continue
                t = time.perf_counter()
                client.execute_cell(c, i)
                dt = time.perf_counter() - t
            if not any(k.startswith("image/") for o in nb.cells[target].outputs for k in o.get("data", {})):
                sys.exit(f"first-cell: cell {target + 1} of {path} drew no figure")
            return target + 1, dt
    finally:
        if env_cache:
            if saved is None:
                del os.environ["GOCACHE"]
            else:
                os.environ["GOCACHE"] = saved


def main():
    args = sys.argv[1:]
    cold = "--cold" in args
    args = [a for a in args if a != "--cold"]
    if not args:
        sys.exit(__doc__)
    path = args[0]
    runs = int(args[1]) if len(args) > 1 else 5
    times = []
    for k in range(runs):
        cache = tempfile.mkdtemp(prefix="gocache-cold-") if cold else None
        try:
            cell, dt = one_run(path, cache)
        finally:
            if cache:
                shutil.rmtree(cache, ignore_errors=True)
        times.append(dt)
        print(f"run {k + 1}: cell {cell} answered in {dt:.2f}s", flush=True)
    kind = "cold GOCACHE" if cold else "current GOCACHE"
    print(f"first figure cell of {os.path.basename(path)} ({kind}), {runs} fresh kernels: "
          f"median {statistics.median(times):.2f}s, min {min(times):.2f}s, max {max(times):.2f}s")


if __name__ == "__main__":
    main()
