# nbgrader's configuration for gdkit's notebooks (Go, on the GoNB kernel).
# make student and make autograde run nbgrader from the repository root, so
# nbgrader reads this file; scripts/grading.py drives them.
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "scripts"))

from nbconvert.preprocessors import ClearMetadataPreprocessor  # noqa: E402
from nbgrader.preprocessors import (  # noqa: E402
    AssignLatePenalties, CheckCellMetadata, ClearHiddenTests, ClearMarkScheme,
    ClearSolutions, ComputeChecksums, Execute, IgnorePattern, IncludeHeaderFooter,
    LimitOutput, LockCells, SaveAutoGrades, SaveCells)

from nbgrader_gonb import ClearExerciseOutputs, GoNBFailures, RemoveTeacherNotes  # noqa: E402

c = get_config()  # noqa: F821

# The course folder nbgrader works in (source/, release/, submitted/,
# autograded/, gradebook.db): git-ignored, rebuilt by scripts/grading.py.
c.CourseDirectory.root = os.path.join(here, "out", "nbgrader")
c.CourseDirectory.course_id = "gdkit"

# The notebooks' kernelspec language is "go". Solutions sit between
# "// BEGIN SOLUTION" and "// END SOLUTION" inside a function body; the
# student edition gets a stub that compiles there (panic is a terminating
# statement) and that exercise.Grade reads as "todavía no respondiste"
# (exercise.Unanswered).
c.ClearSolutions.code_stub = {
    "go": '// TODO: escribí tu respuesta acá, en lugar del panic.\n'
          'panic("ejercicio sin responder")',
}
c.ClearSolutions.begin_solution_delimeter = "// BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "// END SOLUTION"
c.ClearSolutions.text_stub = "TU RESPUESTA ACÁ"

# The student edition keeps the lesson cells' stored outputs (it reads
# without Go, on GitHub or as HTML) and drops the solutions' explanations.
c.GenerateAssignment.preprocessors = [
    IncludeHeaderFooter, LockCells, ClearSolutions, RemoveTeacherNotes,
    ClearExerciseOutputs, CheckCellMetadata, ComputeChecksums, SaveCells,
    ClearHiddenTests, ClearMarkScheme, ComputeChecksums, CheckCellMetadata,
]

# Grading: GoNBFailures right after Execute turns GoNB's failure signals
# (stderr "panic: ..." / "exit status N") into error outputs.
c.Autograde.autograde_preprocessors = [
    Execute, GoNBFailures, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
    SaveAutoGrades, AssignLatePenalties, CheckCellMetadata,
]
# The first cell of a notebook may compile gonum/plot on a cold cache, and
# 08_resumen trains on a million rows: allow minutes, not nbgrader's 30 s.
c.Execute.timeout = 900
