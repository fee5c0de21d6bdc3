"""Student edition and autograding of gdkit's notebooks with nbgrader.

    python scripts/grading.py student [DIR]      student edition into DIR (student/)
    python scripts/grading.py autograde DIR      score the filled-in notebooks in DIR
    python scripts/grading.py test               the four grading cases (make test)

Run with .venv's python from the repository root (the Makefile does), so
that nbgrader reads nbgrader_config.py. Every command rebuilds nbgrader's
course folder, out/nbgrader: source/curso holds the teacher's notebooks
(notebooks/NN_*.ipynb, with solutions and nbgrader cell metadata) and
setup.sh; `nbgrader generate_assignment` writes release/curso, the student
edition. autograde copies a student's notebooks into submitted/<id>/curso
and runs `nbgrader autograde`, which executes them on the GoNB kernel and
scores every check cell (see nbgrader_config.py and scripts/nbgrader_gonb.py
for how a Go cell's pass or fail is read). DIR may hold one student's
NN_*.ipynb (the student id is DIR's name) or one folder per student.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COURSE = os.path.join(ROOT, "out", "nbgrader")
ASSIGNMENT = "curso"
UNANSWERED = "completá la celda de tu respuesta"  # exercise.todo


def nbgrader(*args):
    """Runs nbgrader from the repository root (where nbgrader_config.py is)."""
    exe = os.path.join(os.path.dirname(sys.executable), "nbgrader")
    # nbgrader runs alembic from PATH; gdkit/nb skips the widgets headless.
    env = dict(os.environ, GDKIT_HEADLESS="1",
               PATH=os.path.dirname(exe) + os.pathsep + os.environ.get("PATH", ""))
    r = subprocess.run([exe, *args, "--CourseDirectory.root=" + COURSE],
                       cwd=ROOT, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout + r.stderr)
        raise SystemExit(f"grading: nbgrader {args[0]} failed (exit {r.returncode})")
    return r.stdout + r.stderr


def teacher_notebooks():
    return sorted(glob.glob(os.path.join(ROOT, "notebooks", "[0-9]*.ipynb")))


def generate():
    """Rebuilds the course folder and the student edition (release/curso)."""
    shutil.rmtree(COURSE, ignore_errors=True)
    src = os.path.join(COURSE, "source", ASSIGNMENT)
    os.makedirs(src)
    for nb in teacher_notebooks():
        shutil.copy(nb, src)
    shutil.copy(os.path.join(ROOT, "notebooks", "setup.sh"), src)
    nbgrader("generate_assignment", ASSIGNMENT, "--force")
    return os.path.join(COURSE, "release", ASSIGNMENT)


def student(out):
    release = generate()
    os.makedirs(out, exist_ok=True)
    for old in glob.glob(os.path.join(out, "*.ipynb")):
        os.remove(old)
    for f in sorted(os.listdir(release)):
        shutil.copy(os.path.join(release, f), out)
    n = len(glob.glob(os.path.join(out, "*.ipynb")))
    print(f"grading: student edition of {n} notebooks in {os.path.relpath(out, ROOT)}/")


def submissions(path):
    """{student id: [notebook paths]} from DIR."""
    path = os.path.abspath(path)
    own = sorted(glob.glob(os.path.join(path, "[0-9]*.ipynb")))
    if own:
        return {os.path.basename(path.rstrip("/")) or "alumno": own}
    subs = {}
    for d in sorted(os.listdir(path)):
        nbs = sorted(glob.glob(os.path.join(path, d, "[0-9]*.ipynb")))
        if nbs:
            subs[d] = nbs
    if not subs:
        raise SystemExit(f"grading: no NN_*.ipynb in {path} or its folders")
    return subs


def autograde(subs):
    """Scores {student: [notebooks]}: returns {student: {notebook: {cell: (score, max)}}}."""
    generate()
    for sid, nbs in subs.items():
        dst = os.path.join(COURSE, "submitted", sid, ASSIGNMENT)
        os.makedirs(dst)
        for nb in nbs:
            shutil.copy(nb, dst)
    nbgrader("autograde", ASSIGNMENT, "--create", "--force")
    from nbgrader.api import Gradebook
    scores = {}
    with Gradebook("sqlite:///" + os.path.join(COURSE, "gradebook.db"),
                   course_id="gdkit") as gb:
        for sid in subs:
            for nb in gb.find_assignment(ASSIGNMENT).notebooks:
                sub = gb.find_submission_notebook(nb.name, ASSIGNMENT, sid)
                scores.setdefault(sid, {})[nb.name] = {
                    g.name: (g.auto_score or 0.0, g.max_score) for g in sub.grades}
    with open(os.path.join(COURSE, "scores.json"), "w") as f:
        json.dump(scores, f, indent=1, ensure_ascii=False)
    return scores


def report(scores, subs):
    """Prints each submission's total and its marks, notebook by notebook; a
    notebook not handed in (not in subs[sid]) scores 0 and is named once."""
    for sid, nbs in scores.items():
        got = sum(s for cells in nbs.values() for s, _ in cells.values())
        top = sum(m for cells in nbs.values() for _, m in cells.values())
        handed = {os.path.splitext(os.path.basename(p))[0] for p in subs[sid]}
        missing = sorted(nb for nb, cells in nbs.items() if cells and nb not in handed)
        print(f"{sid}: {got:g} / {top:g} puntos")
        if missing:
            print(f"  sin entregar (0 puntos): {', '.join(missing)}")
        for nb, cells in nbs.items():
            if cells and nb in handed:
                marks = "  ".join(f"{c} {s:g}/{m:g}" for c, (s, m) in sorted(cells.items()))
                print(f"  {nb:22s} {marks}")
    print(f"grading: details in {os.path.relpath(COURSE, ROOT)}/autograded/, "
          f"scores in {os.path.relpath(COURSE, ROOT)}/scores.json")


def executed(sid, name):
    path = os.path.join(COURSE, "autograded", sid, ASSIGNMENT, name + ".ipynb")
    with open(path) as f:
        return json.load(f)


def cell_errors(nb):
    """[(index, nbgrader metadata, error text)] of the cells with an error output."""
    out = []
    for i, c in enumerate(nb["cells"]):
        errs = [o for o in c.get("outputs", []) if o["output_type"] == "error"]
        if errs:
            text = "".join("".join(o.get("text", "")) for o in c["outputs"]
                           if o["output_type"] == "stream")
            out.append((i, c["metadata"].get("nbgrader", {}),
                        errs[0]["ename"] + ": " + errs[0]["evalue"] + "\n" + text))
    return out


# The wrong answer of the third case: 04_gradiente_2d, exercise 1 forgets
# the 3 of δE/δw2 = w1² + 3.
WRONG_NB, WRONG_CELL = "04_gradiente_2d", "ej1-verificacion"
WRONG_FROM, WRONG_TO = "g[1] = w[0]*w[0] + 3", "g[1] = w[0] * w[0]"


def wrong_copy(dst):
    src = os.path.join(ROOT, "notebooks", WRONG_NB + ".ipynb")
    with open(src) as f:
        nb = json.load(f)
    hits = 0
    for c in nb["cells"]:
        if c["metadata"].get("nbgrader", {}).get("solution"):
            s = "".join(c["source"])
            if WRONG_FROM in s:
                c["source"] = s.replace(WRONG_FROM, WRONG_TO)
                hits += 1
    if hits != 1:
        raise SystemExit(f"grading test: {WRONG_FROM!r} found {hits} times in {WRONG_NB}")
    os.makedirs(dst)
    with open(os.path.join(dst, WRONG_NB + ".ipynb"), "w") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False, sort_keys=True)


def test():
    """The four cases of issue 12; exits 1 on the first that fails."""
    tmp = tempfile.mkdtemp(prefix="gdkit-grading-")
    try:
        student(os.path.join(tmp, "sin-responder"))
        wrong_copy(os.path.join(tmp, "una-mal"))
        subs = {"docente": teacher_notebooks(),
                "sin-responder": sorted(glob.glob(os.path.join(tmp, "sin-responder", "*.ipynb"))),
                "una-mal": sorted(glob.glob(os.path.join(tmp, "una-mal", "*.ipynb")))}
        scores = autograde(subs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report(scores, subs)
    fails = []
    graded = [(nb, cell) for nb, cells in scores["docente"].items() for cell in cells]
    if not graded:
        fails.append("no graded cells at all")
    for nb, cells in scores["docente"].items():
        for cell, (s, m) in cells.items():
            if s != m:
                fails.append(f"teacher's solutions: {nb} {cell} scored {s:g}/{m:g}")
        for i, meta, text in cell_errors(executed("docente", nb)):
            fails.append(f"teacher's notebook {nb} cell {i} failed: {text[:300]}")
    for nb, cells in scores["sin-responder"].items():
        for cell, (s, m) in cells.items():
            if s != 0:
                fails.append(f"untouched student copy: {nb} {cell} scored {s:g}/{m:g}, want 0")
        errs = cell_errors(executed("sin-responder", nb))
        failed = {meta.get("grade_id") for _, meta, _ in errs}
        for i, meta, text in errs:
            if not meta.get("grade"):
                fails.append(f"student edition {nb} cell {i} (not a check) failed: {text[:300]}")
            elif UNANSWERED not in text:
                fails.append(f"student edition {nb} {meta['grade_id']} failed for another reason: {text[:300]}")
        for cell in cells:
            if cell not in failed:
                fails.append(f"student edition {nb} {cell}: the unanswered check did not fail")
    for cell, (s, m) in scores["una-mal"][WRONG_NB].items():
        want = 0 if cell == WRONG_CELL else m
        if s != want:
            fails.append(f"one wrong answer: {WRONG_NB} {cell} scored {s:g}/{m:g}, want {want:g}")
    if WRONG_CELL not in scores["una-mal"][WRONG_NB]:
        fails.append(f"one wrong answer: no cell {WRONG_CELL} in {WRONG_NB}")
    n = len(graded)
    cases = [
        ("untouched student copy scores 0 on every graded cell", "untouched"),
        ("teacher's solutions score full marks", "teacher's"),
        ("one wrong answer loses exactly that exercise's points", "one wrong"),
        ("student edition runs with no errors but the unanswered checks", "student edition"),
    ]
    for title, key in cases:
        bad = [f for f in fails if f.startswith(key)]
        print(f"{'FAIL' if bad else 'ok  '} {title} ({n} graded cells)")
        for f in bad:
            print("     " + f)
    other = [f for f in fails if not any(f.startswith(k) for _, k in cases)]
    for f in other:
        print("FAIL " + f)
    print(f"grading: {len(cases) - sum(any(f.startswith(k) for f in fails) for _, k in cases)} passed, "
          f"{sum(any(f.startswith(k) for f in fails) for _, k in cases)} failed")
    if fails:
        raise SystemExit(1)


def main(argv):
    if len(argv) >= 1 and argv[0] == "student":
        student(os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(ROOT, "student")))
    elif len(argv) == 2 and argv[0] == "autograde":
        subs = submissions(argv[1])
        report(autograde(subs), subs)
    elif argv == ["test"]:
        test()
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
