"""Grading submitted notebooks so that an instructor can trust every score.

    dlbook grade PATH... [--jobs N] [--json F] [--csv F] [--feedback DIR] [--seed N]

The learner's code never runs in the grader's process: each exercise's answer cells run in a
fresh, limited sandbox (sandbox.py, child.py) on inputs from a secret seed, and only plain data
comes back (wire.py); the comparison with the reference runs here (grade.py). Reports for
instructors and feedback for learners are in report.py.
"""

__all__ = ["Grade", "STATUSES", "grade_notebook", "grade_paths", "new_seed", "notebooks_in"]


def __getattr__(name):
    # lazy: the sandbox imports dlbook.grading.wire and must not pay for nbformat's import
    if name in __all__:
        from . import grade

        return getattr(grade, name)
    raise AttributeError(f"module 'dlbook.grading' has no attribute {name!r}")
