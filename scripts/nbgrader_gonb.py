"""nbgrader preprocessors for gdkit's Go notebooks (GoNB kernel).

nbgrader decides whether an autograded test cell passed from its outputs
after execution (nbgrader.utils.determine_grade): an "error" output, or in
nbgrader 0.9 any stderr stream, gives the cell 0 points; otherwise it gets
full marks. GoNB reports a cell that does not compile as an error output,
but a cell whose program panics or exits with a non-zero status only as
text on stderr ("panic: ...", then "exit status N") while it answers the
execute request with status "ok". GoNBFailures, run right after Execute,
turns those signals into a proper error output, so a failing Go check cell
reads as failed to nbgrader (and in the feedback), whatever nbgrader's
stderr rule.

The other two serve generate_assignment: the student edition keeps the
stored outputs of the lesson cells (figures and tables, so it reads without
running Go), with the outputs of answer and check cells cleared, and drops
the markdown cells that explain a solution (tagged "solucion").
"""
import re

from nbformat.notebooknode import NotebookNode
from nbgrader import utils
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode

# GoNB prints "exit status N" on stderr when a cell's program ends with a
# non-zero status; the Go runtime prints "panic: ..." on stderr.
EXIT_RE = re.compile(r"^exit status ([1-9][0-9]*)\s*$", re.M)
PANIC_RE = re.compile(r"^panic: (.*)$", re.M)
ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def gonb_failure(cell):
    """Returns (ename, evalue, stderr text) when the executed Go cell failed
    without an error output, or None."""
    if cell.cell_type != "code":
        return None
    if any(o.output_type == "error" for o in cell.outputs):
        return None
    err = "".join(o.get("text", "") for o in cell.outputs
                  if o.output_type == "stream" and o.get("name") == "stderr")
    err = ANSI_RE.sub("", err)
    exit_m = EXIT_RE.search(err)
    panic_m = PANIC_RE.search(err)
    if not exit_m and not panic_m:
        return None
    if panic_m:
        return "GoPanic", panic_m.group(1).strip(), err
    # A clean failure (exercise.MustPass, os.Exit): the last line before
    # "exit status" says why.
    lines = [l for l in err[:exit_m.start()].splitlines() if l.strip()]
    why = lines[-1].strip() if lines else ""
    value = exit_m.group(0).strip() + (": " + why if why else "")
    return "GoExit", value, err


class GoNBFailures(NbGraderPreprocessor):
    """Adds an error output to every executed Go cell that panicked or
    exited with a non-zero status (GoNB only prints those on stderr)."""

    def preprocess_cell(self, cell, resources, cell_index):
        failure = gonb_failure(cell)
        if failure:
            ename, evalue, text = failure
            cell.outputs.append(NotebookNode(
                output_type="error", ename=ename, evalue=evalue,
                traceback=[l for l in text.rstrip("\n").split("\n")]))
        return cell, resources


class ClearExerciseOutputs(NbGraderPreprocessor):
    """Clears the outputs of answer (solution) and check (grade) cells and
    keeps the other cells' stored outputs; replaces nbgrader's ClearOutput
    in generate_assignment."""

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type == "code":
            if utils.is_solution(cell) or utils.is_grade(cell):
                cell.outputs = []
                cell.execution_count = None
            cell.metadata.pop("execution", None)
        return cell, resources


class RemoveTeacherNotes(NbGraderPreprocessor):
    """Removes the cells tagged `tag` (the markdown that explains a
    solution) from the student edition."""

    tag = Unicode("solucion", help="cell tag of teacher-only cells").tag(config=True)

    def preprocess(self, nb, resources):
        nb.cells = [c for c in nb.cells
                    if self.tag not in c.get("metadata", {}).get("tags", [])]
        return nb, resources
