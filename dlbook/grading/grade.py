"""Grading: every exercise of every submitted notebook, on inputs the submission cannot foresee.

For each notebook, the grader builds each exercise's inputs from a secret seed and sends them,
with the notebook's answer cells, to sandboxes (sandbox.py) that hold no reference (isolation.py).
What comes back is plain data, which the grader compares with the reference here, with the same
checks the notebooks use, showing no expected values. Every notebook gets its rows, whatever its
answers do: passed, failed, not attempted, error, timeout or crashed.
"""

import os
import re
import secrets
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from ..exercises import registry
from ..exercises.checking import check
from ..exercises.running import RemoteAnswer, RemoteError, Run
from ..sandbox.wire import WireError, decode, encode, printable
from . import isolation
from .notebook import read_submission
from .sandbox import MEMORY_MB, TIMEOUT, run_sandbox

__all__ = ["Grade", "STATUSES", "grade_notebook", "grade_paths", "notebooks_in", "new_seed", "Sandboxes"]

STATUSES = ("passed", "failed", "not attempted", "error", "timeout", "crashed")
NOTEBOOK_EXERCISES = 8  # a notebook's time: this many exercises' time limits (a chapter has at most 8)


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


class Sandboxes:
    """The staged packages of one grading run, one per Plan, and the isolation they run under."""

    def __init__(self, isolation_name="bwrap"):
        isolation.available(isolation_name)
        self.isolation = isolation_name
        self._folder = tempfile.TemporaryDirectory(prefix="dlbook-stage-")
        self._staged = {}
        self._lock = threading.Lock()  # notebooks are graded on several threads

    def staged(self, the_plan):
        with self._lock:
            if the_plan not in self._staged:
                folder = Path(self._folder.name) / f"plan{len(self._staged)}"
                self._staged[the_plan] = isolation.stage(the_plan, folder)
            return self._staged[the_plan]

    def close(self):
        self._folder.cleanup()


def _row(path, ex, status, feedback, points=0.0, seconds=0.0):
    return Grade(printable(str(path), 500), ex.id, ex.title, status, points, ex.points, printable(feedback, 4000),
                 round(seconds, 3))


_NAMES = re.compile(r"\b(" + "|".join(isolation.MODULES) + r")\b")


def _plans(exercises, cells):
    """{Plan: [exercise, ...]}: exercises that forbid nothing join a sandbox whose modules their
    cells do not name, else one that holds everything."""
    groups = {}
    for ex in exercises:
        if ex.forbid:
            groups.setdefault(isolation.plan(ex.forbid), []).append(ex)
    for ex in exercises:
        if ex.forbid:
            continue
        named = set(_NAMES.findall("\n".join(cells[ex.id])))
        fits = [p for p in groups if not p.cut and named <= set(p.modules)]
        groups.setdefault(fits[0] if fits else isolation.plan(), []).append(ex)
    return groups


def _job(ex, own, others, seed):
    inputs = []
    if ex.kind == "function":
        rng = np.random.default_rng(seed)
        inputs = [encode(case.make(rng)) for case in ex.cases]
    return {"id": ex.id, "kind": ex.kind, "name": ex.name, "collect": ex.collect,
            "cells": own, "others": others, "inputs": inputs}


def _run_from(data):
    """A Run rebuilt from the sandbox's plain data; an exception becomes a RemoteError."""
    if not isinstance(data, dict):
        raise WireError("a run is not plain data")
    error = None
    if data.get("error") is not None:
        e = data["error"]
        if not isinstance(e, dict):
            raise WireError("an error is not plain data")
        error = RemoteError(printable(e.get("type", "Exception"), 200), printable(e.get("message", ""), 2000))
    warnings = data.get("warnings", [])
    after = decode(data["after"]) if "after" in data else ()
    return Run(value=decode(data.get("value", {"t": "none"})), error=error, error_line=printable(data.get("line", ""), 500),
               warnings=[printable(w, 300) for w in (warnings if isinstance(warnings, list) else [])[:5]],
               not_attempted=data.get("not_attempted") is True, after=after if isinstance(after, tuple) else ())


def _answer_from(ex, report):
    if "runs" in report:
        runs = report["runs"]
        if not isinstance(runs, list) or len(runs) != len(ex.cases):
            raise WireError("the sandbox reported a different number of inputs")
        return RemoteAnswer(True, "", [_run_from(r) for r in runs])
    if "not_callable" in report:
        return RemoteAnswer(False, printable(report["not_callable"], 100), [])
    return decode(report.get("value", {"t": "ellipsis"}))


def _graded(path, ex, outcome, seed):
    if outcome.status != "ok":
        return _row(path, ex, outcome.status, outcome.detail + ".", seconds=outcome.seconds)
    report = outcome.report
    if "cell_error" in report:
        e = report["cell_error"] if isinstance(report["cell_error"], dict) else {}
        return _row(path, ex, "error", f"Your answer cell raised {printable(e.get('type'), 100)}: "
                    f"{printable(e.get('message'), 500)}", seconds=outcome.seconds)
    try:
        answer = _answer_from(ex, report)
    except (WireError, KeyError, TypeError, ValueError, RecursionError) as err:
        return _row(path, ex, "crashed", f"The sandbox's report could not be read ({type(err).__name__}).",
                    seconds=outcome.seconds)
    checked = check(ex, answer, seed=seed, reveal=False, record=False)
    return _row(path, ex, checked.status, checked.feedback, checked.points, outcome.seconds)


def grade_notebook(path, seed, timeout=TIMEOUT, memory_mb=MEMORY_MB, only=None, sandboxes=None):
    """The Grades of one notebook: a row per exercise of each chapter it answers (or of the
    exercise ids in `only`). `sandboxes`: a Sandboxes of the run (a bwrap one by default)."""
    own_sandboxes = sandboxes is None
    sandboxes = sandboxes or Sandboxes()
    try:
        return _grade_notebook(path, seed, timeout, memory_mb, only, sandboxes)
    finally:
        if own_sandboxes:
            sandboxes.close()


def _grade_notebook(path, seed, timeout, memory_mb, only, sandboxes):
    submission = read_submission(path)
    if submission.problem:
        return [Grade(printable(str(path), 500), "", "", "error", 0.0, 0,
                      f"This file cannot be graded: {submission.problem}.")]
    rows, todo, cells = {}, [], {}
    for chapter in submission.chapters:
        mine = [(i, code) for i, code in submission.cells if registry.get(i).chapter == chapter]
        for exercise_id in registry.ids(chapter):
            if only is not None and exercise_id not in only:
                continue
            ex = registry.get(exercise_id)
            own = [code for i, code in mine if i == exercise_id]
            if not own:
                rows[ex.id] = _row(path, ex, "not attempted", "No answer cell for this exercise was found "
                                   "(was it deleted, or turned into Markdown?).")
                continue
            todo.append(ex)
            cells[ex.id] = own
            cells[ex.id + " others"] = [code for i, code in mine if i != exercise_id]
    # a notebook gets the time of one chapter, however many exercises it claims to answer
    deadline = time.monotonic() + NOTEBOOK_EXERCISES * timeout
    for the_plan, exercises in _plans(todo, cells).items():
        left = deadline - time.monotonic()
        if left <= 0:
            for ex in exercises:
                rows[ex.id] = _row(path, ex, "timeout", f"This notebook used up its grading time "
                                   f"({NOTEBOOK_EXERCISES * timeout:g} s) before this answer ran.")
            continue
        jobs = [_job(ex, cells[ex.id], cells[ex.id + " others"], seed) for ex in exercises]
        outcomes = run_sandbox(sandboxes.staged(the_plan), jobs, sandboxes.isolation, timeout, memory_mb, left)
        for ex in exercises:
            rows[ex.id] = _graded(path, ex, outcomes[ex.id], seed)
    order = [i for c in submission.chapters for i in registry.ids(c)]
    return [rows[i] for i in order if i in rows]


def notebooks_in(paths):
    """The files to grade: each path as given, and every .ipynb under each folder (links not
    followed), sorted."""
    found = []
    for p in map(Path, paths):
        if p.is_dir() and not p.is_symlink():
            found.extend(sorted(q for q in p.rglob("*.ipynb") if ".ipynb_checkpoints" not in q.parts))
        else:
            found.append(p)
    return list(dict.fromkeys(found))


def grade_paths(paths, seed=None, jobs=1, timeout=TIMEOUT, memory_mb=MEMORY_MB, progress=False, isolation_name="bwrap"):
    """Grade every notebook under `paths`, `jobs` at a time. Returns (seed, [Grade, ...]) in
    the order of the notebooks."""
    seed = new_seed() if seed is None else int(seed)
    files = notebooks_in(paths)
    sandboxes = Sandboxes(isolation_name)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(files), desc="grading", unit="notebook")

    def one(path):
        try:
            return grade_notebook(path, seed, timeout, memory_mb, sandboxes=sandboxes)
        except Exception as err:  # a bug in the grader must not lose the other submissions
            return [Grade(printable(str(path), 500), "", "", "error", 0.0, 0, f"The grader failed on this file "
                          f"({type(err).__name__}: {printable(err, 300)}); please report it.")]
        finally:
            if bar is not None:
                bar.update(1)

    try:
        with ThreadPoolExecutor(max_workers=max(1, int(jobs))) as pool:
            results = list(pool.map(one, files))
    finally:
        sandboxes.close()
        if bar is not None:
            bar.close()
    twins = _same_files(files)
    return seed, [row for path, rows in zip(files, results) for row in rows + twins.get(path, [])]


def _same_files(files):
    """{path: [a row saying so]} for submissions that are the same file on disk (hard links): one
    student's work cannot be submitted twice unnoticed."""
    by_inode = {}
    for path in files:
        try:
            info = os.lstat(path)
        except OSError:
            continue
        by_inode.setdefault((info.st_dev, info.st_ino), []).append(path)
    rows = {}
    for same in (group for group in by_inode.values() if len(group) > 1):
        for path in same:
            others = ", ".join(printable(str(p), 300) for p in same if p != path)
            rows[path] = [Grade(printable(str(path), 500), "", "", "error", 0.0, 0, "This file is the same file on "
                                f"disk as {others} (a hard link): the same work was submitted twice; check who wrote it.")]
    return rows
