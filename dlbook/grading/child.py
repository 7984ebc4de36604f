"""The sandbox side of grading: run one exercise's answer cells and report plain data.

Started by the grader as `python -I -B` running `main()`, in an empty temporary
directory, with limits on time, memory and file size. It reads its job (the exercise id, the
secret seed, the answer cells) from standard input, then, before any learner code runs:

- builds the checker's inputs from the seed, and keeps the functions it needs;
- removes dlbook's exercise and grading modules (the references) and refuses their import;
- installs an audit hook: files may be read only where Python and its packages live and
  written only in the temporary directory; no processes, no network;
- notes every attribute of numpy, math, builtins and dlbook, so that a replaced one is found.

Then it runs the chapter's other answer cells (a few seconds each, errors ignored) and the
exercise's own cells, calls the answer on every input (or takes its value), and writes
result.json and arrays.npz. The comparison with the reference happens in the grader.
"""

import io
import json
import os
import signal
import sys

__all__ = ["main", "PREAMBLE"]

# names learners' answers use, as the chapters' first cells import them
PREAMBLE = """
import math
import numpy as np
from dlbook import activations, data, gradcheck, losses, nn, optim, surfaces, train
from dlbook.autodiff import Value
from dlbook.gradcheck import check_gradient, relative_error
rng = np.random.default_rng(0)
"""

OTHER_CELL_SECONDS = 5.0


def _too_long(signum, frame):
    raise TimeoutError("another exercise's cell ran too long")


_SEALED = ("dlbook.exercises", "dlbook.grading", "dlbook.build", "dlbook.cli")
_WATCHED = ("numpy", "numpy.linalg", "numpy.random", "math", "builtins", "json")
_BLOCKED_EVENTS = {"os.system", "subprocess.Popen", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
                   "os.forkpty", "pty.spawn", "socket.connect", "socket.bind", "os.kill", "os.killpg",
                   "sys.addaudithook"}
_PATH_EVENTS = {"os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.chmod", "os.chown", "os.link",
                "os.symlink", "os.truncate", "os.utime", "shutil.rmtree", "shutil.copyfile", "shutil.move"}


class _Sink(io.TextIOBase):
    """Standard output and error for the learner's code: printed, then dropped, however much."""

    def writable(self):
        return True

    def write(self, text):
        return len(text)


def _roots():
    import site
    import sysconfig

    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.__file__)}
    roots.update(sysconfig.get_paths().values())
    roots.update(site.getsitepackages())
    import dlbook

    roots.add(os.path.dirname(os.path.dirname(dlbook.__file__)))
    roots.update(("/proc", "/sys", "/dev"))  # what numerical libraries probe: cores, memory
    return tuple(os.path.realpath(r) for r in roots if r)


def _inside(path, roots):
    return any(path == r or path.startswith(r + os.sep) for r in roots)


def _audit(workdir, readable):
    realpath = os.path.realpath
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

    def hook(event, args):
        if event == "open":
            path, mode, flags = (list(args) + [None, None])[:3]
            if isinstance(path, int) or path is None:
                return
            where = realpath(os.fsdecode(path))
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or \
                      (isinstance(flags, int) and flags & write_flags)
            if writing and not _inside(where, (workdir,)):
                raise PermissionError(f"grading: writing {where} is not allowed (only in the working directory)")
            if not writing and not _inside(where, (workdir,) + readable):
                raise PermissionError(f"grading: reading {where} is not allowed")
        elif event in _BLOCKED_EVENTS:
            raise PermissionError(f"grading: {event} is not allowed")
        elif event in _PATH_EVENTS or event in ("os.listdir", "os.scandir"):
            for arg in args:
                if isinstance(arg, (str, bytes, os.PathLike)):
                    where = realpath(os.fsdecode(arg))
                    roots = (workdir,) + (readable if event in ("os.listdir", "os.scandir") else ())
                    if not _inside(where, roots):
                        raise PermissionError(f"grading: {event} on {where} is not allowed")
    return hook


class _Refuse:
    """A meta-path finder that refuses the sealed modules: the references stay out of reach."""

    def find_spec(self, name, path=None, target=None):
        if name.startswith(_SEALED):
            raise ImportError(f"{name} is not available while grading")
        return None


def _snapshot():
    import numpy  # noqa: F401  (the watched modules are imported by now)

    watched = [m for m in sys.modules if m in _WATCHED or (m.startswith("dlbook") and not m.startswith(_SEALED))]
    return {m: dict(vars(sys.modules[m])) for m in watched}


def _tampered(before):
    for module, names in before.items():
        now = vars(sys.modules[module]) if module in sys.modules else {}
        for name, value in names.items():
            if name.startswith("__") or now.get(name, None) is value:
                continue
            return f"{module}.{name}"
    return None


def main():
    job = json.loads(sys.stdin.read())
    workdir = os.path.realpath(os.getcwd())
    import numpy as np

    from dlbook.exercises import registry
    from dlbook.exercises.running import call
    from dlbook.grading.wire import encode, encode_run

    ex = registry.get(job["exercise"])
    kind, name, forbid, adapt = ex.kind, ex.name, ex.forbid, ex.adapt
    rng = np.random.default_rng(int(job["seed"]))
    inputs = [case.make(rng) for case in ex.cases] if kind == "function" else []
    dumps, savez, write_text = json.dumps, np.savez, open

    for module in [m for m in sys.modules if m.startswith(_SEALED)]:
        del sys.modules[module]
    sys.meta_path.insert(0, _Refuse())
    readable = _roots()
    sys.addaudithook(_audit(workdir, readable))
    sys.stdout, sys.stderr = _Sink(), _Sink()

    namespace = {"__name__": "__main__"}
    exec(PREAMBLE, namespace)
    before = _snapshot()
    result, arrays, cell_error = {}, {}, None
    # the chapter's other answer cells first (helpers an answer may use), each given a few
    # seconds; then this exercise's own cells, in notebook order, so the last one counts
    for i, code in enumerate(job["others"]):
        try:
            signal.signal(signal.SIGALRM, _too_long)
            signal.setitimer(signal.ITIMER_REAL, OTHER_CELL_SECONDS)
            exec(compile(code, f"<another answer cell {i + 1}>", "exec"), namespace)
        except BaseException:  # not this exercise's cell: its failure is graded with its own exercise
            pass
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    for i, code in enumerate(job["cells"]):
        try:
            exec(compile(code, f"<answer cell {i + 1}>", "exec"), namespace)
            cell_error = None
        except BaseException as err:  # the learner's cell failed: the answer may still be defined
            cell_error = err
    missing = name not in namespace
    answer = namespace.get(name, Ellipsis)
    if cell_error is not None and missing:
        result["cell_error"] = {"type": type(cell_error).__name__, "message": str(cell_error)[:2000]}
    elif kind == "function" and callable(answer):
        result["runs"] = [encode_run(call(answer, args, forbid, adapt), arrays) for args in inputs]
    elif kind == "function" and answer is not Ellipsis:
        result["not_callable"] = f"{type(answer).__name__}"
    else:
        result["value"] = encode(answer, arrays)
    changed = _tampered(before)
    if changed:
        result = {"tampered": changed}
        arrays = {}
    with write_text(os.path.join(workdir, "arrays.npz"), "wb") as f:
        savez(f, **arrays)
    with write_text(os.path.join(workdir, "result.json"), "w", encoding="utf-8") as f:
        f.write(dumps(result))


if __name__ == "__main__":
    main()
