"""Times a student's first cells: run as the student by hub/cache-bench.sh.

usage: python cache_bench.py NOTEBOOK
Executes the notebook's code cells in order through the Go kernel, up to and
including the first cell that shows a figure, and prints one JSON object:
{"setup": s, "first_go": s, "first_figure": s, "cells": [...]}.
"""
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient

path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
client = NotebookClient(nb, timeout=600, kernel_name="gonb",
                        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
times = []
with client.setup_kernel():
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        t = time.perf_counter()
        client.execute_cell(cell, i)
        times.append(time.perf_counter() - t)
        for out in cell.outputs:
            text = out.get("text", "") + out.get("evalue", "")
            if out.get("output_type") == "error" or "panic:" in text:
                raise SystemExit(f"cell {i + 1} failed: {text[:300]}")
        if "nb.Show(" in cell.source:
            break
print(json.dumps({"setup": times[0], "first_go": times[1], "first_figure": times[-1], "cells": times}))
