"""Marks the exercise cells of gdkit's notebooks with nbgrader's cell metadata.

    python3 scripts/nbgrader-mark.py notebooks/NN_*.ipynb      (make mark)

The teacher's notebooks follow one shape per exercise (cmd/nblint checks it
in make test):

- the answer cell: a code cell with the solution between
  "// BEGIN SOLUTION" and "// END SOLUTION" inside a function body; it
  becomes an nbgrader "autograded answer" (solution) cell ejN-respuesta;
- the check cell: a code cell whose main body (after %%) calls
  exercise.Grade( or exercise.MustPass(; it becomes a locked "autograder
  tests" (grade) cell ejN-verificacion worth 1 point (or the number in a
  "// puntos: N" line);
- markdown cells that explain a solution (starting with "**Solución" or
  "*Solución*") get the tag "solucion", which make student removes.

Any other cell loses stale nbgrader metadata. The notebook is rewritten only
when something changed, in the same JSON layout as nbconvert (indent 1).
"""
import json
import re
import sys

POINTS_RE = re.compile(r"//\s*puntos:\s*([0-9.]+)")
SOLUTION_MD_RE = re.compile(r"^\s*(\*\*Soluci[oó]n|\*Soluci[oó]n\*)")


def meta(grade_id, solution, grade, points=None):
    m = {"grade": grade, "grade_id": grade_id, "locked": grade and not solution,
         "schema_version": 3, "solution": solution, "task": False}
    if grade:
        m["points"] = points
    return m


def is_check(src):
    _, sep, body = src.partition("%%")
    return bool(sep) and ("exercise.Grade(" in body or "exercise.MustPass(" in body)


def mark(nb, name):
    n, checks = 0, {}
    for c in nb["cells"]:
        src = "".join(c["source"])
        md = c.setdefault("metadata", {})
        old = json.dumps(md, sort_keys=True)
        md.pop("nbgrader", None)
        tags = [t for t in md.get("tags", []) if t != "solucion"]
        if c["cell_type"] == "code" and "// BEGIN SOLUTION" in src:
            n += 1
            md["nbgrader"] = meta(f"ej{n}-respuesta", True, False)
        elif c["cell_type"] == "code" and is_check(src):
            if n == 0:
                raise SystemExit(f"{name}: a check cell before any answer cell:\n{src}")
            checks[n] = checks.get(n, 0) + 1
            gid = f"ej{n}-verificacion" + ("" if checks[n] == 1 else f"-{checks[n]}")
            pts = POINTS_RE.search(src)
            md["nbgrader"] = meta(gid, False, True, float(pts.group(1)) if pts else 1.0)
        elif c["cell_type"] == "markdown" and SOLUTION_MD_RE.match(src):
            tags.append("solucion")
        if tags:
            md["tags"] = tags
        else:
            md.pop("tags", None)
        if json.dumps(md, sort_keys=True) != old:
            c["_changed"] = True
    for k in range(1, n + 1):
        if k not in checks:
            raise SystemExit(f"{name}: exercise {k} has an answer cell but no check cell")
    changed = any([c.pop("_changed", False) for c in nb["cells"]])  # pop them all
    return n, changed


def main(paths):
    for p in paths:
        with open(p) as f:
            nb = json.load(f)
        n, changed = mark(nb, p)
        if changed:
            with open(p, "w") as f:
                json.dump(nb, f, indent=1, ensure_ascii=False, sort_keys=True)
                f.write("\n")
        print(f"{p}: {n} exercises{' (marked)' if changed else ''}")


if __name__ == "__main__":
    main(sys.argv[1:])
