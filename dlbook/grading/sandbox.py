"""The grader's side of the sandbox: start the child with limits, read back plain data.

One exercise, one fresh `python -I -B` running dlbook.grading.child (isolated mode: no user site,
no PYTHON* variables, no bytecode written), in an empty temporary directory, in its own
session, with a time limit (the whole session is killed when it runs out), an address-space
limit (a memory bomb becomes a MemoryError) and a file-size limit. Standard output is
discarded; only result.json and arrays.npz, loaded without pickle, come back.
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass

import numpy as np

__all__ = ["Outcome", "run_exercise", "TIMEOUT", "MEMORY_MB"]

TIMEOUT = 60.0  # seconds for one exercise: imports, the cells, every input
MEMORY_MB = 2048  # address space; numpy and the answer fit in well under this
FILE_MB = 64


@dataclass
class Outcome:
    """What happened in the sandbox: status "ok" with the child's result and arrays, or
    "timeout" or "crashed" with an explanation."""

    status: str
    result: dict
    arrays: dict
    detail: str = ""
    seconds: float = 0.0


# isolated mode ignores PYTHONPATH: put this dlbook first, installed or not
_START = (f"import sys; sys.path.insert(0, {os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))!r}); "
          "from dlbook.grading.child import main; main()")


def _limits(memory_mb):
    def apply():
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2 ** 20,) * 2)
        resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_MB * 2 ** 20,) * 2)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def _environment(workdir):
    keep = {k: os.environ[k] for k in ("PATH", "LANG", "LC_ALL", "SYSTEMROOT") if k in os.environ}
    # one BLAS thread: several sandboxes run side by side, and threads reserve address space
    return {**keep, "HOME": workdir, "MPLCONFIGDIR": workdir, "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _crash_detail(code, stderr_tail):
    if code < 0:
        name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
        what = {"SIGSEGV": "a segmentation fault", "SIGKILL": "it was killed (out of memory?)",
                "SIGXFSZ": "it wrote more than the file-size limit", "SIGABRT": "it aborted"}.get(name, name)
        return f"the process running the answer died: {what}"
    last = stderr_tail.strip().splitlines()[-1:] or [""]
    return f"the process running the answer exited with status {code} before reporting" + \
           (f" ({last[0][:200]})" if last[0] else "")


def run_exercise(exercise_id, cells, seed, timeout=TIMEOUT, memory_mb=MEMORY_MB, others=()):
    """Run the answer cells of one exercise in a fresh sandbox; returns an Outcome.

    cells: the exercise's own answer cells, in notebook order. others: the chapter's other answer
    cells, run first for the helpers they define."""
    import time

    job = json.dumps({"exercise": exercise_id, "seed": int(seed), "cells": list(cells), "others": list(others)})
    with tempfile.TemporaryDirectory(prefix="dlbook-grade-") as workdir:
        workdir = os.path.realpath(workdir)
        stderr_path = os.path.join(workdir, ".stderr")
        start = time.perf_counter()
        with open(stderr_path, "wb") as stderr:
            process = subprocess.Popen(
                [sys.executable, "-I", "-B", "-c", _START], cwd=workdir,
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=stderr, env=_environment(workdir),
                preexec_fn=_limits(memory_mb), start_new_session=True)
            try:
                process.communicate(job.encode(), timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                return Outcome("timeout", {}, {}, f"the answer did not finish within {timeout:g} s "
                               "(an endless loop?)", time.perf_counter() - start)
        seconds = time.perf_counter() - start
        try:
            with open(stderr_path, "rb") as f:
                f.seek(max(0, os.path.getsize(stderr_path) - 2000))
                tail = f.read().decode("utf-8", "replace")
        except OSError:
            tail = ""
        if process.returncode != 0:
            return Outcome("crashed", {}, {}, _crash_detail(process.returncode, tail), seconds)
        try:
            with open(os.path.join(workdir, "result.json"), encoding="utf-8") as f:
                result = json.loads(f.read(1_000_000))
            with np.load(os.path.join(workdir, "arrays.npz"), allow_pickle=False) as npz:
                arrays = {k: npz[k] for k in npz.files}
        except FileNotFoundError:
            return Outcome("crashed", {}, {}, "the process running the answer stopped before reporting "
                           "(does the answer call os._exit or sys.exit?)", seconds)
        except Exception as err:  # malformed: whatever the answer did, it did not report
            return Outcome("crashed", {}, {}, f"the sandbox's report was unreadable ({type(err).__name__})", seconds)
        if not isinstance(result, dict):
            return Outcome("crashed", {}, {}, "the sandbox's report was malformed", seconds)
        return Outcome("ok", result, arrays, "", seconds)
