"""Input checks shared by the reference functions.

They turn a bad argument into an error that names it and says what was wrong, instead of a
broadcasting surprise three calls later.
"""

import numpy as np

__all__ = ["as_float_array", "first_index"]


def first_index(mask):
    """The index of the first True element of a boolean array, as a tuple (or () for 0-d)."""
    flat = int(np.argmax(mask))
    return tuple(int(i) for i in np.unravel_index(flat, mask.shape))


def as_float_array(x, name, *, finite=True):
    """Return `x` as a float32 or float64 array, without copying when it already is one.

    Integers and booleans become float64 (as in numpy); float16 becomes float32, so the
    stable formulas have the range they need. The caller must not write into the result:
    it may be the caller's own array.

    Raises TypeError naming `name` for non-numeric input, and ValueError for NaN or inf
    when `finite` is set.
    """
    try:
        a = np.asarray(x)
    except Exception as err:  # ragged lists and the like
        raise TypeError(f"{name} must be an array of numbers; np.asarray failed: {err}") from None
    kind = a.dtype.kind
    if kind in "biu":
        a = a.astype(np.float64)
    elif kind == "f":
        if a.dtype == np.float16:
            a = a.astype(np.float32)
        elif a.dtype not in (np.float32, np.float64):
            a = a.astype(np.float64)  # longdouble: keep to the two dtypes the book uses
    else:
        what = type(x).__name__ if kind == "O" else f"dtype {a.dtype}"
        raise TypeError(f"{name} must be an array of real numbers, got {what}")
    if finite:
        bad = ~np.isfinite(a)
        if bad.any():
            where = first_index(bad)
            value = a[where]
            raise ValueError(
                f"{name} contains {value} at index {where}: expected finite numbers"
            )
    return a
