"""Calling a learner's function (dlbook.sandbox.calling), and describing inputs in feedback.

`call` runs the answer on copies of the inputs and reports a Run: the value, the exception with
the learner's line, numpy's warnings, whether the inputs were changed. `RemoteAnswer` is an
answer that was run in the grading sandbox instead, as Runs rebuilt from plain data.
"""

from dataclasses import dataclass

import numpy as np

from ..sandbox.calling import RemoteError, Run, call, error_type, is_error, same

__all__ = ["Run", "call", "describe", "same", "RemoteAnswer", "RemoteError", "error_type", "is_error"]


@dataclass
class RemoteAnswer:
    """A function answer that was run elsewhere (the grader's sandbox) on every case, in order.

    callable: whether the answer was a function; description: what it was, if not; runs: one
    Run per case of the exercise, made with the same seed as the checker's inputs.
    """

    callable: bool
    description: str
    runs: list


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
