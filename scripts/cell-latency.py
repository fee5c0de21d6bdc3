#!/usr/bin/env python3
"""Times each code cell of a notebook executed through a Jupyter kernel.

usage: .venv/bin/python scripts/cell-latency.py NOTEBOOK [REPEAT]

Runs the notebook once (cells in order), then re-runs its last code cell
REPEAT times (default 7) unchanged, and REPEAT times edited (a different
constant each time, so Go must recompile and relink the cell), and prints
every cell's time and the medians: the warm latency a student sees when
re-running a cell and when running it after an edit.
"""
import statistics, sys, time, os
import nbformat
from nbclient import NotebookClient

path = sys.argv[1]
repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 7
nb = nbformat.read(path, as_version=4)
client = NotebookClient(nb, timeout=600, kernel_name="gonb",
                        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
with client.setup_kernel():
    code = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    for i, c in code:
        t = time.perf_counter()
        client.execute_cell(c, i)
        print(f"cell {i+1:3d}: {time.perf_counter()-t:6.2f}s  {c.source.splitlines()[0][:60]!r}")
    i, c = code[-1]
    source = c.source

    def runs(edit):
        ts = []
        for k in range(repeat):
            if edit:
                c.source = source + f"\n_ = {k + 1}.5 // edited"
            t = time.perf_counter()
            client.execute_cell(c, i)
            ts.append(time.perf_counter() - t)
        c.source = source
        return ts

    for label, edit in (("unchanged", False), ("edited", True)):
        ts = runs(edit)
        print(f"last cell {label}, {repeat} warm runs: median {statistics.median(ts):.2f}s, "
              f"min {min(ts):.2f}s, max {max(ts):.2f}s")
