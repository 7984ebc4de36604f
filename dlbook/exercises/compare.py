"""Comparing an answer's output with the expected one, and saying what is wrong with it.

`output_problem` returns the first problem, in the order a learner should fix them: no
value, wrong type, wrong shape (naming a transpose), NaN or inf, wrong values, numpy
warnings, wrong dtype. What a wrong value looks like is said by diagnosis.py.
"""

import numpy as np

from .._validate import first_index

__all__ = ["tolerances", "output_problem", "parts_problem", "alike"]


def _has_float32(a):
    if isinstance(a, (list, tuple)):
        return any(map(_has_float32, a))
    return isinstance(a, np.ndarray) and a.dtype == np.float32


def tolerances(rtol, atol, *arrays):
    """float32 carries ~7 digits: loosen the exercise's tolerances when float32 is involved."""
    if any(map(_has_float32, arrays)):
        return max(rtol, 1e-4), max(atol, 1e-7)
    return rtol, atol


def _type_name(value):
    # a value from the grader's sandbox that was not plain data keeps its own type's name
    return getattr(value, "type_name", None) or type(value).__name__


def _fmt(x):
    return f"{float(x):.6g}"


def _warned(warnings):
    return f' (numpy warned "{warnings[0]}")' if warnings else ""


def output_problem(out, expected, *, rtol, atol, input_dtype=None, warnings=(), reveal=True):
    """What is wrong with `out` as an answer `expected`, or None when it is right.

    input_dtype: when float32 or float64, `out` must have that dtype (float32 in, float32 out);
        when "float", any floating dtype.
    warnings: numpy's floating-point warnings raised while computing `out`.
    reveal: whether the message may show expected values (not in grading reports).
    """
    expected = np.asarray(expected)
    if out is None:
        return "your code returned None, which is what a function without a `return` statement gives"
    if expected.ndim > 0 and not isinstance(out, np.ndarray):
        if isinstance(out, (list, tuple)):
            return (f"your code returned a Python {_type_name(out)}, not a numpy array: "
                    "compute the result with numpy operations (or wrap it in np.array)")
        return f"your code returned {_type_name(out)}, expected a numpy array of shape {expected.shape}"
    try:
        o = np.asarray(out)
    except Exception:
        return f"your code returned {_type_name(out)}, which is not a number or an array"
    if o.dtype.kind == "b":
        return ("your code returned booleans (True/False), the result of a comparison: the answer is numbers. "
                "If you meant a 0/1 mask, turn it into numbers with .astype(z.dtype); if you compared a "
                "probability with a threshold, return the probability itself")
    if o.dtype.kind not in "iuf":
        return f"your code returned values of dtype {o.dtype}, expected real numbers"
    if o.shape != expected.shape:
        if o.ndim == 2 and o.shape == expected.shape[::-1]:
            return (f"your result has shape {o.shape}, the transpose of the expected "
                    f"{expected.shape}: check the order of your axes or your matrix product")
        return f"your result has shape {o.shape}, expected {expected.shape}"
    o64, e64 = o.astype(np.float64), expected.astype(np.float64)
    bad = ~np.isfinite(o64) & np.isfinite(e64)
    if bad.any():
        i = first_index(bad)
        at = f" at index {i}" if i else ""
        should = f", where the answer is {_fmt(e64[i])}" if reveal else ", where the answer is finite"
        return f"your result has {o64[i]}{at}{should}{_warned(warnings)}"
    wrong = ~np.isclose(o64, e64, rtol=rtol, atol=atol, equal_nan=True)
    if wrong.any():
        i = first_index(wrong)
        at = f" at index {i}" if i else ""
        count = f" ({int(wrong.sum())} of {wrong.size} values are off)" if wrong.size > 1 else ""
        if reveal:
            return f"wrong value{at}: expected {_fmt(e64[i])}, got {_fmt(o64[i])}{count}{_warned(warnings)}"
        return f"wrong value{at}{count}{_warned(warnings)}"
    if warnings:
        return (f'numpy warned "{warnings[0]}" while running your code: the values came out '
                "right here, but only by luck")
    if input_dtype == "int" and not (o.dtype.kind in "iu" and not isinstance(out, float)):
        return (f"your result is {_type_name(out)} {_fmt(o.reshape(-1)[0]) if o.size else ''}: a count is a whole "
                "number; return an int (sum of ints, or int(...))")
    if input_dtype == "float" and o.dtype.kind != "f":
        return (f"your result has dtype {o.dtype}, which holds integers only: the result must be real "
                "numbers. Start from a float array (np.zeros(x.shape), or x.astype(float)), not one that "
                "keeps the input's integers (np.zeros_like(x) of an integer x)")
    if input_dtype in (np.float32, np.float64) and o.dtype != input_dtype:
        return (f"your result is {o.dtype} for {np.dtype(input_dtype)} input: float32 in must "
                "give float32 out (as in PyTorch); numpy keeps float32 unless a float64 array "
                "or a np.float64 constant joins the computation")
    return None


def parts_problem(out, expected, names, **options):
    """What is wrong with a tuple answer `out` = (part, ...), named `names`, or None.

    Each part is compared with `output_problem(**options)`; the first wrong one is named.
    """
    listing = ", ".join(names)
    if out is None:
        return f"your code returned None; return the tuple ({listing})"
    if not isinstance(out, (tuple, list)) or len(out) != len(names):
        got = f"{len(out)} values" if isinstance(out, (tuple, list)) else _type_name(out)
        return f"your function must return {len(names)} values, ({listing}); it returned {got}"
    for name, o, e in zip(names, out, expected):
        problem = output_problem(o, e, **options)
        if problem:
            return f"{name} is wrong: {problem.replace('your result', name)}"
    return None


def alike(a, b, rtol, atol):
    """Whether two outputs agree in shape and value (NaN matching NaN), part by part for tuples."""
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) and len(a) == len(b):
        return all(alike(x, y, rtol, atol) for x, y in zip(a, b))
    try:
        a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    except Exception:
        return False
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=True))
