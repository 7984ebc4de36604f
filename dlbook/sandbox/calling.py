"""Calling a learner's function so that nothing it does can crash the caller.

`call` runs the answer on copies of the inputs, with numpy's floating-point warnings recorded
and any exception caught, and reports what happened in a `Run`: the value, the exception with
the learner's line, the warnings, and whether the inputs were changed. The notebooks' checks
call answers with it in the learner's kernel, and the grading sandbox in its own process.

`forbid` names the dlbook references an answer may not call ("dlbook.activations", or one
method, "dlbook.autodiff:Value.__mul__"). In a notebook a profiling hook notices such a call and
the check says so: feedback, not security. In grading, those modules are not in the sandbox at all.
"""

import copy
import importlib.util
import os
import sys
import traceback
import warnings
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

__all__ = ["Run", "call", "BadAnswer", "ReferenceUsed", "RemoteError", "error_type", "is_error", "same",
           "OTHER_LIBRARIES"]

# libraries whose functions would answer the exercises for you: a checked answer uses numpy
OTHER_LIBRARIES = ("scipy", "sklearn", "torch", "jax", "jaxlib", "tensorflow", "keras", "autograd")

# frames in these folders are dlbook's or numpy's, not the learner's
_LIBRARY_DIRS = tuple(os.path.dirname(os.path.dirname(os.path.abspath(f))) + os.sep for f in (__file__,)) + \
    (os.path.dirname(os.path.abspath(np.__file__)) + os.sep,)


class BadAnswer(Exception):
    """An answer of the wrong form (not a Value, not a list of pairs...); its message is the feedback."""


class ReferenceUsed(Exception):
    """Raised when an answer calls the reference implementation it is checked against."""

    def __init__(self, name):
        super().__init__(f"{name} is dlbook's reference implementation: the exercise asks you to "
                         "write it yourself with numpy")
        self.name = name


class RemoteError(Exception):
    """An exception raised in the grading sandbox, carried back as its type's name and message."""

    def __init__(self, remote_type, message, **attributes):
        super().__init__(message)
        self.remote_type = remote_type
        self.__dict__.update(attributes)


def error_type(err):
    """'module.QualifiedName' of an exception, also for one that happened in the sandbox."""
    return getattr(err, "remote_type", None) or f"{type(err).__module__}.{type(err).__qualname__}"


def is_error(err, cls):
    """isinstance(err, cls), also for an exception of class cls that happened in the sandbox."""
    return isinstance(err, cls) or getattr(err, "remote_type", None) == f"{cls.__module__}.{cls.__qualname__}"


@dataclass
class Run:
    value: object = None
    error: BaseException | None = None
    error_line: str = ""  # the learner's line that raised, when it can be found
    warnings: list = field(default_factory=list)  # numpy's messages, e.g. "overflow encountered in exp"
    mutated: list = field(default_factory=list)  # indices of the arguments that were modified
    not_attempted: bool = False  # the answer's own body raised NotImplementedError: a stub
    after: tuple = ()  # the arguments as the answer left them


def same(a, b):
    """Whether an input is unchanged: same type, shape, dtype and values (an rng may be drawn from)."""
    if isinstance(a, np.random.Generator):  # drawing from an rng is what it is for
        return True
    if isinstance(a, dict) and isinstance(b, dict):  # e.g. parameters by name
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):  # e.g. a list of (W, b)
        return type(a) is type(b) and len(a) == len(b) and all(map(same, a, b))
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
    """The last line of the traceback that is not inside dlbook, numpy or another library."""
    libraries = _LIBRARY_DIRS + tuple(_other_libraries())
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        if not frame.filename.startswith(libraries) and frame.line:
            return frame.line.strip()
    return ""


def _own_code(code):
    """A function's code and the code of the functions defined inside it (a stub may sit in a
    closure, like a Value operation's _backward)."""
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


@lru_cache(maxsize=None)
def _other_libraries():
    """{folder: name} of the OTHER_LIBRARIES installed here (found without importing them)."""
    folders = {}
    for name in OTHER_LIBRARIES:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        for folder in (spec.submodule_search_locations or []) if spec else []:
            folders[os.path.join(folder, "")] = name
    return folders


def _watch(forbid):
    """A profiling hook that raises ReferenceUsed when code of a forbidden reference, or of
    another library that would answer for you, starts running, and the list where it notes the
    name (an answer may catch the exception)."""
    files, codes = {}, {}
    folders = _other_libraries()
    prefixes = tuple(folders)
    for name in forbid:
        module, _, method = name.partition(":")
        spec = importlib.util.find_spec(module)
        if spec is None or not spec.origin:
            continue
        if not method:
            files.update({spec.origin: module, os.path.realpath(spec.origin): module})
            continue
        owner = importlib.import_module(module)
        for part in method.split("."):
            owner = getattr(owner, part)
        codes[owner.__code__] = f"{module}.{method}"
    seen = []

    def hook(frame, event, arg):
        if event == "call":
            filename = frame.f_code.co_filename
            name = codes.get(frame.f_code) or files.get(filename)
            if name is None and prefixes and filename.startswith(prefixes):
                name = next(n for f, n in folders.items() if filename.startswith(f))
            if name:
                seen.append(name)
                raise ReferenceUsed(name)
    return hook, seen


def call(fn, args, collect=None, forbid=()):
    """Run fn(*copies of args) and report what happened in a Run. Never raises an Exception.

    collect: how to call the answer when it is not a plain function of the case's arguments (a
    name from conventions.CONVENTIONS); a stub is still recognised in fn's own code.
    forbid: references the answer may not call (see the module's docstring).
    """
    from .conventions import CONVENTIONS

    copies = copy.deepcopy(args)
    run = Run()
    hook, seen = _watch(forbid) if forbid else (None, [])
    # underflow to 0 is what stable formulas rely on (exp(-1e4) == 0): only the rest warns
    errstate = np.errstate(over="warn", invalid="warn", divide="warn", under="ignore")
    with warnings.catch_warnings(record=True) as caught, errstate:
        warnings.simplefilter("always")
        before = sys.getprofile()
        try:
            if hook:
                sys.setprofile(hook)
            try:
                run.value = CONVENTIONS[collect or "plain"](fn, *copies)
            finally:
                sys.setprofile(before)
        except Exception as err:  # the learner's bug is the result here, not a crash
            run.error = err
            run.error_line = _learner_line(err)
            run.not_attempted = isinstance(err, NotImplementedError) and _raised_by(fn, err)
    if seen and not isinstance(run.error, ReferenceUsed):  # the answer caught it and went on
        run.error, run.value, run.error_line = ReferenceUsed(seen[0]), None, ""
    run.warnings = [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]
    run.mutated = [i for i, (a, c) in enumerate(zip(args, copies)) if not same(a, c)]
    run.after = tuple(copies)
    return run
