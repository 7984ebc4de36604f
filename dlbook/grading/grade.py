"""Grading: every exercise of every submitted notebook, each in its own sandbox.

For each exercise of the chapters a notebook answers, the chapter's other answer cells (for the
helpers they define) and then the exercise's own run in a fresh sandbox (see sandbox.py), on
inputs made from a secret seed; what
comes back is plain data, which the grader compares with the reference here, with the same
checks the notebooks use, showing no expected values. Every notebook gets its rows, whatever
its answers do: passed, failed, not attempted, error, timeout or crashed.
"""

import secrets
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from ..exercises import registry
from ..exercises.checking import check
from ..exercises.running import RemoteAnswer
from .notebook import read_submission
from .sandbox import MEMORY_MB, TIMEOUT, run_exercise
from .wire import decode, decode_run

__all__ = ["Grade", "STATUSES", "grade_notebook", "grade_paths", "notebooks_in", "new_seed"]

STATUSES = ("passed", "failed", "not attempted", "error", "timeout", "crashed")


@dataclass
class Grade:
    """One row: a notebook's exercise, its status, points and feedback (no expected values)."""

    notebook: str
    exercise: str
    title: str
    status: str
    points: float
    max_points: int
    feedback: str
    seconds: float = 0.0

    def as_dict(self):
        return asdict(self)


def new_seed():
    """A fresh secret seed: the learners' checks use each exercise's own, public seed."""
    return secrets.randbelow(2 ** 31)


def _row(path, ex, status, feedback, points=0.0, seconds=0.0):
    return Grade(str(path), ex.id, ex.title, status, points, ex.points, feedback, round(seconds, 3))


def _answer_from(ex, result, arrays):
    if "runs" in result:
        runs = [decode_run(r, arrays) for r in result["runs"]]
        if len(runs) != len(ex.cases):
            raise ValueError("the sandbox reported a different number of inputs")
        return RemoteAnswer(True, "", runs)
    if "not_callable" in result:
        return RemoteAnswer(False, str(result["not_callable"]), [])
    return decode(result.get("value", {"t": "ellipsis"}), arrays)


def grade_exercise(path, ex, cells, seed, timeout=TIMEOUT, memory_mb=MEMORY_MB, others=()):
    """The Grade of one exercise, given its answer cells and the chapter's other answer cells."""
    outcome = run_exercise(ex.id, cells, seed, timeout, memory_mb, others)
    if outcome.status != "ok":
        return _row(path, ex, outcome.status, outcome.detail + ".", seconds=outcome.seconds)
    result = outcome.result
    if "tampered" in result:
        return _row(path, ex, "failed", f"Your code replaced {str(result['tampered'])[:100]}, which grading "
                    "does not allow: this answer cannot be graded.", seconds=outcome.seconds)
    if "cell_error" in result:
        e = result["cell_error"]
        return _row(path, ex, "error", f"Your answer cell raised {str(e.get('type'))[:100]}: "
                    f"{str(e.get('message'))[:500]}", seconds=outcome.seconds)
    try:
        answer = _answer_from(ex, result, outcome.arrays)
    except Exception as err:
        return _row(path, ex, "crashed", f"The sandbox's report could not be read ({type(err).__name__}).",
                    seconds=outcome.seconds)
    checked = check(ex, answer, seed=seed, reveal=False, record=False)
    return _row(path, ex, checked.status, checked.feedback, checked.points, outcome.seconds)


def grade_notebook(path, seed, timeout=TIMEOUT, memory_mb=MEMORY_MB, only=None):
    """The Grades of one notebook: a row per exercise of each chapter it answers (or of the
    exercise ids in `only`)."""
    submission = read_submission(path)
    if submission.problem:
        return [Grade(str(path), "", "", "error", 0.0, 0, f"This file cannot be graded: {submission.problem}.")]
    rows = []
    for chapter in submission.chapters:
        mine = [(i, code) for i, code in submission.cells if registry.get(i).chapter == chapter]
        for exercise_id in registry.ids(chapter):
            if only is not None and exercise_id not in only:
                continue
            ex = registry.get(exercise_id)
            own = [code for i, code in mine if i == exercise_id]
            if not own:
                rows.append(_row(path, ex, "not attempted", "No answer cell for this exercise was found "
                                 "(was it deleted, or turned into Markdown?)."))
                continue
            others = [code for i, code in mine if i != exercise_id]
            rows.append(grade_exercise(path, ex, own, seed, timeout, memory_mb, others))
    return rows


def notebooks_in(paths):
    """The files to grade: each path as given, and every .ipynb under each folder, sorted."""
    found = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(q for q in p.rglob("*.ipynb") if ".ipynb_checkpoints" not in q.parts))
        else:
            found.append(p)
    return list(dict.fromkeys(found))


def grade_paths(paths, seed=None, jobs=1, timeout=TIMEOUT, memory_mb=MEMORY_MB, progress=False):
    """Grade every notebook under `paths`, `jobs` at a time. Returns (seed, [Grade, ...]) in
    the order of the notebooks."""
    seed = new_seed() if seed is None else int(seed)
    files = notebooks_in(paths)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(files), desc="grading", unit="notebook")

    def one(path):
        try:
            return grade_notebook(path, seed, timeout, memory_mb)
        except Exception as err:  # a bug in the grader must not lose the other submissions
            return [Grade(str(path), "", "", "error", 0.0, 0, f"The grader failed on this file "
                          f"({type(err).__name__}: {err}); please report it.")]
        finally:
            if bar is not None:
                bar.update(1)

    with ThreadPoolExecutor(max_workers=max(1, int(jobs))) as pool:
        results = list(pool.map(one, files))
    if bar is not None:
        bar.close()
    return seed, [row for rows in results for row in rows]
