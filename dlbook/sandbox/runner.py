"""The grading sandbox's program: run one submission's answers, each in a process of its own.

    python -I -S -c "import sys; sys.path[:0] = [...]; from dlbook.sandbox.runner import main; main()"

The job (standard input) holds, for each exercise, its answer cells, the chapter's other answer
cells, the name the answer has, how to call it, and its inputs as plain data: no seed, no
reference, no known mistake. For each exercise this process forks a child, which drops every
file descriptor but its own pipe, limits its memory, file size and CPU time, installs a seccomp
filter (no processes, no programs), runs the cells and calls the answer. This process, which
never runs a learner's line, waits for the child with a time limit and writes one record per
exercise: a JSON header line, then the child's report, at most MAX_REPORT bytes.
"""

import json
import os
import resource
import select
import signal
import sys
import time

__all__ = ["main", "MAX_REPORT"]

MAX_REPORT = 16 * 2 ** 20
OTHER_CELL_SECONDS = 5.0
FILE_MB = 64
_DEVNULL = os.devnull

# names answers use, as the chapters' first cells import them; a module not in this sandbox
# (the reference an exercise asks you to write) is simply not there
_PREAMBLE = """
import math
import numpy as np
rng = np.random.default_rng(0)
"""
_MODULES = ("activations", "data", "gradcheck", "init", "losses", "nn", "optim", "surfaces", "train")


class _Sink:
    """Standard output and error for the learner's code: printed, then dropped, however much."""

    def write(self, text):
        return len(text)

    def flush(self):
        pass


def _too_long(signum, frame):
    raise TimeoutError("another exercise's cell ran too long")


def _namespace():
    namespace = {"__name__": "__main__"}
    exec(_PREAMBLE, namespace)
    for name in _MODULES:
        try:
            namespace[name] = __import__(f"dlbook.{name}", fromlist=["_"])
        except ImportError:
            pass
    for module, names in (("dlbook.autodiff", ("Value",)), ("dlbook.gradcheck", ("check_gradient", "relative_error"))):
        try:
            imported = __import__(module, fromlist=list(names))
            namespace.update({n: getattr(imported, n) for n in names})
        except (ImportError, AttributeError):
            pass
    return namespace


def _lower(which, limit):
    """Set a limit, never above the one this process already has (it may not be raised)."""
    _, hard = resource.getrlimit(which)
    limit = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
    resource.setrlimit(which, (limit, limit))


def _confine(exercise):
    """In the child, before any learner code: nothing open but the pipe, limits, seccomp."""
    from . import seccomp

    _lower(resource.RLIMIT_AS, int(exercise.get("memory_mb", 2048)) * 2 ** 20)
    _lower(resource.RLIMIT_FSIZE, FILE_MB * 2 ** 20)
    _lower(resource.RLIMIT_CORE, 0)
    _lower(resource.RLIMIT_CPU, int(exercise.get("timeout", 60)) + 1)
    if seccomp.SUPPORTED:
        seccomp.install()


def _report(exercise, namespace):
    from .calling import call
    from .wire import encode, printable

    cells_error = None
    for i, code in enumerate(exercise["others"]):  # helpers an answer may use, a few seconds each
        try:
            signal.signal(signal.SIGALRM, _too_long)
            signal.setitimer(signal.ITIMER_REAL, OTHER_CELL_SECONDS)
            exec(compile(code, f"<another answer cell {i + 1}>", "exec"), namespace)
        except BaseException:  # not this exercise's cell: its failure is graded with its own exercise
            pass
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    for i, code in enumerate(exercise["cells"]):  # in notebook order, so the last one counts
        try:
            exec(compile(code, f"<answer cell {i + 1}>", "exec"), namespace)
            cells_error = None
        except BaseException as err:  # the learner's cell failed: the answer may still be defined
            cells_error = err
    name, kind = exercise["name"], exercise["kind"]
    answer = namespace.get(name, Ellipsis)
    if cells_error is not None and name not in namespace:
        return {"cell_error": {"type": printable(type(cells_error).__name__, 100),
                               "message": printable(cells_error)}}
    if kind != "function":
        return {"value": encode(answer)}
    if not callable(answer):
        return {"value": encode(answer)} if answer is Ellipsis else {"not_callable": printable(type(answer).__name__, 100)}
    from .wire import decode

    runs = []
    for data in exercise["inputs"]:
        run = call(answer, decode(data), exercise.get("collect"))
        runs.append(encode_run(run))
    return {"runs": runs}


def encode_run(run):
    """JSON-able data for a Run of the learner's function on one input."""
    from .calling import error_type
    from .wire import encode, printable

    error = None
    if run.error is not None:
        error = {"type": printable(error_type(run.error), 200), "message": printable(_text(run.error))}
    return {"value": encode(run.value), "error": error, "line": printable(run.error_line, 500),
            "warnings": [printable(w, 300) for w in run.warnings[:5]],
            "not_attempted": bool(run.not_attempted), "after": encode(run.after)}


def _text(err):
    try:
        return str(err)
    except Exception:
        return "(no text)"


def _child(exercise, write_fd, namespace):
    """Run one exercise and write its report to write_fd; never returns."""
    try:
        devnull = os.open(_DEVNULL, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        os.closerange(3, write_fd)
        os.closerange(write_fd + 1, 1 << 16)
        sys.stdout = sys.stderr = _Sink()
        _confine(exercise)
        report = json.dumps(_report(exercise, namespace)).encode()
    except MemoryError:
        report = json.dumps({"cell_error": {"type": "MemoryError", "message": "out of memory"}}).encode()
    except BaseException as err:  # noqa: BLE001  the runner's own failure, said as such
        import traceback
        report = json.dumps({"runner_error": f"{type(err).__name__}", "where": traceback.format_exc()[-1500:]}).encode()
    view = memoryview(report)
    while view:
        view = view[os.write(write_fd, view[: 1 << 16]):]
    os._exit(0)


def _run_one(exercise, namespace, out):
    read_fd, write_fd = os.pipe()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _child(exercise, write_fd, namespace)
    os.close(write_fd)
    deadline = start + float(exercise.get("timeout", 60))
    pidfd = os.pidfd_open(pid)
    chunks, size, status = [], 0, "ok"
    while status == "ok":  # read the report until the child closes its pipe
        ready, _, _ = select.select([read_fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            status = "timeout"
            break
        chunk = os.read(read_fd, 1 << 16)
        if not chunk:
            break
        size += len(chunk)
        if size > MAX_REPORT:
            status = "too large"
        chunks.append(chunk)
    if status == "ok":  # then wait for it to end: it may have closed the pipe and gone on
        ready, _, _ = select.select([pidfd], [], [], max(0.0, deadline - time.monotonic()))
        status = "ok" if ready else "timeout"
    if status != "ok":
        try:
            signal.pidfd_send_signal(pidfd, signal.SIGKILL)
        except ProcessLookupError:
            pass
    _, wait_status = os.waitpid(pid, 0)
    os.close(read_fd)
    os.close(pidfd)
    code = os.waitstatus_to_exitcode(wait_status)
    if status == "ok" and code != 0:
        status = "crashed"
    payload = b"".join(chunks) if status == "ok" else b""
    header = {"id": exercise["id"], "status": status, "code": code, "seconds": round(time.monotonic() - start, 3),
              "size": len(payload)}
    out.write(json.dumps(header).encode() + b"\n" + payload + b"\n")
    out.flush()


def main():
    job = json.loads(sys.stdin.buffer.read())
    os.close(0)
    out = os.fdopen(os.dup(1), "wb")
    try:  # a child may not read this process's memory through /proc
        import ctypes

        ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE, 0
    except Exception:
        pass
    import numpy  # noqa: F401  imported once here, shared by every child

    namespace = _namespace()
    for exercise in job["exercises"]:
        _run_one(exercise, namespace, out)


if __name__ == "__main__":
    main()
