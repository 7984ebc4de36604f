"""Calling a learner's function so that nothing it does can crash the check.

`call` runs the answer on copies of the inputs with numpy's floating-point warnings
recorded, the exercise's reference refused, and any exception caught, and reports what
happened: the value, the exception with the learner's line, the warnings, and whether the
inputs were modified.
"""

import copy
import os
import traceback
import warnings
from dataclasses import dataclass, field

import numpy as np

from .. import _guard

__all__ = ["Run", "call", "describe", "RemoteAnswer", "RemoteError", "error_type", "is_error"]

# frames in these folders are dlbook's or numpy's, not the learner's
_LIBRARY_DIRS = tuple(
    os.path.dirname(os.path.abspath(f)) + os.sep for f in (_guard.__file__, np.__file__)
)


@dataclass
class Run:
    value: object = None
    error: BaseException | None = None
    error_line: str = ""  # the learner's line that raised, when it can be found
    warnings: list = field(default_factory=list)  # numpy's messages, e.g. "overflow encountered in exp"
    mutated: list = field(default_factory=list)  # indices of the arguments that were modified

    not_attempted: bool = False  # the answer's own body raised NotImplementedError: a stub


class RemoteError(Exception):
    """An exception raised in the grader's sandbox, carried back as its type's name and message."""

    def __init__(self, remote_type, message, **attributes):
        super().__init__(message)
        self.remote_type = remote_type
        self.__dict__.update(attributes)  # e.g. ReferenceUsed's `name`


def error_type(err):
    """'module.QualifiedName' of an exception, also for one that happened in the sandbox."""
    return getattr(err, "remote_type", None) or f"{type(err).__module__}.{type(err).__qualname__}"


def is_error(err, cls):
    """isinstance(err, cls), also for an exception of class cls that happened in the sandbox."""
    return isinstance(err, cls) or getattr(err, "remote_type", None) == f"{cls.__module__}.{cls.__qualname__}"


@dataclass
class RemoteAnswer:
    """A function answer that was run elsewhere (the grader's sandbox) on every case, in order.

    callable: whether the answer was a function; description: what it was, if not; runs: one
    Run per case of the exercise, made with the same seed as the checker's inputs.
    """

    callable: bool
    description: str
    runs: list


def _same(a, b):
    if isinstance(a, np.random.Generator):  # drawing from an rng is what it is for
        return True
    if isinstance(a, dict) and isinstance(b, dict):  # e.g. parameters by name
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):  # e.g. a list of (W, b)
        return type(a) is type(b) and len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        if a.shape != b.shape or a.dtype != b.dtype:
            return False
        return bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
    try:
        return bool(a == b)
    except Exception:
        return False


def _learner_line(err):
    """The last line of the traceback that is not inside dlbook or numpy."""
    frames = traceback.extract_tb(err.__traceback__)
    for frame in reversed(frames):
        if not frame.filename.startswith(_LIBRARY_DIRS) and frame.line:
            return frame.line.strip()
    return ""


def _own_code(code):
    """A function's code and the code of the functions defined inside it (a stub may sit in
    a closure, like a Value operation's _backward)."""
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_consts"):
            yield from _own_code(const)


def _raised_by(fn, err):
    """Whether err was raised in fn's own body or a function defined in it (not one it called)."""
    code = getattr(fn, "__code__", None)
    tb = err.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    return code is None or any(tb.tb_frame.f_code is c for c in _own_code(code))


def call(fn, args, forbid=(), adapt=None):
    """Run fn(*copies of args) and report what happened in a Run. Never raises an Exception.

    adapt: for answers that are not plain functions of arrays (a Value operation), turns fn
    into one; a stub is still recognised in fn's own code.
    """
    copies = copy.deepcopy(args)
    run = Run()
    # underflow to 0 is what stable formulas rely on (exp(-1e4) == 0): only the rest warns
    errstate = np.errstate(over="warn", invalid="warn", divide="warn", under="ignore")
    with warnings.catch_warnings(record=True) as caught, errstate:
        warnings.simplefilter("always")
        try:
            with _guard.refuse(forbid):
                run.value = (adapt(fn) if adapt else fn)(*copies)
        except Exception as err:  # the learner's bug is the result here, not a crash
            run.error = err
            run.error_line = _learner_line(err)
            run.not_attempted = isinstance(err, NotImplementedError) and _raised_by(fn, err)
    run.warnings = [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]
    run.mutated = [i for i, (a, c) in enumerate(zip(args, copies)) if not _same(a, c)]
    return run


def describe(value, limit=12):
    """A short description of an input for feedback: dtype and shape, and values if few."""
    if isinstance(value, np.ndarray):
        text = f"{value.dtype} array of shape {value.shape}"
        if value.size <= limit:
            numbers = np.array2string(value, separator=", ", threshold=limit,
                                      formatter={"float_kind": lambda x: f"{x:.4g}"})
            text += " " + numbers
        return text.replace("\n", "")
    if isinstance(value, np.random.Generator):
        return "a numpy Generator"
    if isinstance(value, dict) and all(isinstance(v, np.ndarray) for v in value.values()):
        return "{" + ", ".join(f"{k!r}: {_shapes(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        if len(value) <= 8 and any(isinstance(v, (np.ndarray, list, tuple)) for v in value):
            return _shapes(value)  # e.g. a network's layers [(W, b), ...]
        if len(value) > limit:
            return f"{type(value).__name__} of length {len(value)}"
    return repr(value)


def _shapes(value):
    """Arrays by dtype and shape, inside their lists and tuples: [(float64 (3, 4), ...), ...]."""
    if isinstance(value, np.ndarray):
        return f"{value.dtype} {value.shape}"
    if isinstance(value, (list, tuple)):
        inner = ", ".join(_shapes(v) for v in value)
        return f"[{inner}]" if isinstance(value, list) else f"({inner})"
    return repr(value)
