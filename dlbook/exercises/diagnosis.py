"""Naming a wrong answer that no known mistake explains, for every exercise at once.

`diagnose(out, expected, args)` compares the answer with simple transforms of the right result on
the same inputs, and says what it looks like in one sentence that teaches: a shape that tells what
the code did (a lost axis, an extra axis of 1, flattened, one row off), the opposite sign, a
whole-number factor (often N), a constant added, an activation applied once too often or
forgotten, a log or exp too many, 1 - x, rounding, integer truncation, wrong only where an input
is exactly 0 or only at extreme inputs, one step behind. `diagnose_number` does the same for a
single number, `diagnose_error` for a common numpy or Python error message. Without `reveal`, nothing said gives an expected value away.
"""

import numpy as np

__all__ = ["diagnose", "diagnose_number", "diagnose_shape", "diagnose_error"]


def _sigmoid(x):
    return 0.5 * (1 + np.tanh(0.5 * x))  # overflow-free


def _softmax(x):
    if x.ndim == 0:
        return x
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _with_errors_ignored(f, x):
    with np.errstate(all="ignore"):
        return f(x)


# (what the answer is, as a function of the right result e, and what to say)
_OF_EXPECTED = [
    (lambda e: 1 - e, "your values are 1 minus the right ones: a term or a sign inside 1 - ... is off"),
    (_sigmoid, "your values are the sigmoid of the right ones: an activation is applied once too often "
               "(the result is already past its activation, or should be the raw score)"),
    (np.tanh, "your values are tanh of the right ones: an activation is applied once too often"),
    (lambda e: np.maximum(e, 0), "your values are the right ones with the negatives set to 0: a ReLU is "
                                 "applied where none belongs (on the output layer, or in a linear step)"),
    (_softmax, "your values are the softmax of the right ones: the result is already normalised, or should "
               "be the raw scores"),
    (np.exp, "your values are e to the power of the right ones: an exp too many (or a log missing)"),
    (np.log, "your values are the log of the right ones: a log too many (or an exp missing)"),
    (lambda e: e ** 2, "your values are the squares of the right ones: a square too many"),
    (np.sqrt, "your values are the square roots of the right ones: a square root too many (or a square missing)"),
    (lambda e: 1 / e, "your values are the reciprocals of the right ones: a division turned upside down"),
]
# (the right result as a function of the answer's values o: what the answer is missing)
_OF_ANSWER = [
    (_sigmoid, "applying a sigmoid to your values gives the right ones: the activation is missing"),
    (np.tanh, "applying tanh to your values gives the right ones: the activation is missing"),
    (_softmax, "a softmax of your values gives the right ones: the softmax is missing (you return raw scores)"),
    (np.exp, "the exp of your values gives the right ones: you return a log (log-probabilities?) where "
             "the values themselves are asked for"),
]


def _close(a, b, rtol=1e-6, atol=1e-9):
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=rtol, atol=atol))


def _whole_factor(k, n=None):
    """Whether k is a factor a slip makes: 2, the batch size n, or their inverses."""
    r = abs(k) if abs(k) >= 1 else 1 / abs(k)
    return abs(r - round(r)) <= 1e-6 * r and round(r) in {2} | ({n} if n and n > 1 else set())


def _arrays(args):
    """The numeric arrays among the inputs, with the shape of each."""
    found = []
    for a in args:
        if isinstance(a, dict):
            found += _arrays(list(a.values()))
        elif isinstance(a, np.ndarray) and a.dtype.kind in "biuf":
            found.append(a)
    return found


def _where_wrong(wrong, args, shape):
    """A sentence when the wrong entries are exactly where an input of the result's shape is 0."""
    for a in _arrays(args):
        if a.shape != shape or not wrong.any():
            continue
        zero = a == 0
        if zero.any() and not zero.all() and np.array_equal(wrong, zero & wrong):
            return ("only the entries where an input is exactly 0 are wrong: check what your code does at 0 "
                    "(a > that should be >=, a term that should vanish or stay, a division by the input)")
    return ""


def _where_extreme(wrong, args, shape):
    """A sentence when the wrong entries are exactly where an input of the result's shape is extreme."""
    for a in _arrays(args):
        if a.shape != shape:
            continue
        extreme = np.abs(a.astype(np.float64)) >= 30
        if extreme.any() and not extreme.all() and np.array_equal(wrong, extreme & wrong) and wrong.any():
            return ("only the entries at extreme inputs (|z| of 30 and more) are wrong: a clip, an epsilon or an "
                    "approximation that breaks there; the exact formula, written to avoid overflow, is right everywhere")
    return ""


def _batch_size(args):
    arrays = [a for a in _arrays(args) if a.ndim >= 1]
    return arrays[0].shape[0] if arrays else None


def diagnose(out, expected, args=(), atol=1e-9, reveal=True):
    """What `out` looks like next to the right `expected`, in one sentence, or ''. A relation is
    read only from several values: on one number it would be a coincidence."""
    if isinstance(expected, tuple):  # the first wrong part of a tuple answer
        if not isinstance(out, (tuple, list)) or len(out) != len(expected):
            return ""
        for o, e in zip(out, expected):
            if not _alike(o, e, atol):
                return diagnose(o, e, args, atol, reveal)
        return ""
    try:
        o = np.asarray(out, dtype=np.float64)
    except Exception:
        return ""
    e = np.asarray(expected, dtype=np.float64)
    if o.shape != e.shape:
        return diagnose_shape(o.shape, e.shape)
    if not np.isfinite(o).all() or _close(o, e, atol=atol):
        return ""
    wrong = ~np.isclose(o, e, rtol=1e-6, atol=atol)
    at_zero = _where_wrong(wrong, args, e.shape)
    if at_zero:
        return at_zero
    if _close(o, -e, atol=atol) and np.abs(e).max() > atol:
        return "every value has the opposite sign: look for a minus sign too many or too few"
    if e.size < 2:
        return ""
    big = np.abs(e) > max(atol, 1e-12)
    if big.sum() >= 2:
        ratio = o[big] / e[big]
        k = float(np.median(ratio))
        if k != 0 and np.allclose(ratio, k, rtol=1e-6) and np.allclose(o[~big], 0, atol=atol) and \
                _whole_factor(k, _batch_size(args)):
            times = f"{k:.6g} times the expected one" if reveal else "the expected one times the same whole number"
            return (f"every value is {times}: a constant factor is missing or extra (a factor of N, of 2, "
                    "a mean for a sum?)")
    if np.allclose(o - e, (o - e).flat[0], rtol=1e-6, atol=max(atol, 1e-9)):
        return "every value is off by the same amount: a constant term (a bias, a + 1) is missing or extra"
    if e.ndim == 2 and e.shape[0] == e.shape[1] and e.shape[0] > 1 and _close(o, e.T, atol=atol):
        return "your result is the transpose of the right one: check the order of your axes or your matrix product"
    for f, said in _OF_EXPECTED:
        if _close(o, _with_errors_ignored(f, e), atol=atol):
            return said
    for f, said in _OF_ANSWER:
        if _close(e, _with_errors_ignored(f, o), atol=atol):
            return said
    if not np.array_equal(e, np.round(e)) and (np.array_equal(o, np.trunc(e)) or np.array_equal(o, np.floor(e))):
        return ("your values are whole numbers where the right ones have fractions: an integer array truncated "
                "them (np.zeros_like of an integer input, //, or astype(x.dtype)); compute in floats")
    if _close(o, np.round(e, 2), atol=atol) or _close(o, np.round(e, 3), atol=atol):
        return "your values are the right ones rounded: return them exactly, without rounding"
    if e.ndim >= 1 and e.shape[0] > 2 and _close(o[1:], e[:-1], atol=atol):
        return "your values are one step behind the right ones: something is recorded before it is updated"
    return _where_extreme(wrong, args, e.shape)


def _alike(a, b, atol):
    try:
        a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    except Exception:
        return False
    return _close(a, b, atol=atol)


def diagnose_number(value, expected, rtol=1e-6):
    """What a wrong number looks like next to the right one (it says its relation, so only where
    expected values may be shown), or ''."""
    def near(x):
        return np.isclose(value, x, rtol=rtol, atol=1e-12)

    if expected == 0:
        return ""
    k = value / expected
    if near(100 * expected) or near(expected / 100):
        return "that looks like a percentage: give the fraction itself (0.25, not 25)" if near(100 * expected) \
            else "that is the value divided by 100: give the number itself"
    if near(-expected):
        return "check the sign"
    if near(1 - expected):
        return "that is 1 minus the answer: you computed the complement"
    if near(1 / expected):
        return "that is the reciprocal of the answer: a division is upside down"
    if _whole_factor(k):
        what = "too large" if abs(k) > 1 else "too small"
        return (f"it is {abs(k) if abs(k) > 1 else 1 / abs(k):.6g} times {what}: a factor (a layer, a step, "
                "N, 2) too many or too few")
    for digits in range(1, 8):
        rounded = round(expected, digits)
        if rounded != 0 and rounded != expected and near(rounded):
            return "that is the answer rounded: give it exactly (a Python expression like 0.25 ** 10 is fine)"
    return ""


def diagnose_shape(got, expected):
    """What a result of shape `got` where `expected` was asked says about the code, or ''."""
    got, expected = tuple(got), tuple(expected)
    size = int(np.prod(got)) if got else 1
    want = int(np.prod(expected)) if expected else 1
    if tuple(d for d in got if d != 1) == tuple(d for d in expected if d != 1):
        return ("your result has an extra or a missing axis of length 1: a batch of one squeezed (np.squeeze, "
                "[0]), keepdims=True where none belongs, or a reshape to a column")
    if expected == () and len(got) == 1:
        return "you returned one value per example: the loss is their mean over the batch, one number"
    if got == () and len(expected) >= 1:
        return "you reduced everything to one number: the answer has one value per entry (no sum or mean at the end)"
    if size == want and len(got) != len(expected):
        return "your result holds the right number of values in another shape: keep the input's shape (no flatten or ravel)"
    if len(got) == len(expected) - 1 and any(got == expected[:i] + expected[i + 1:] for i in range(len(expected))):
        axis = next(i for i in range(len(expected)) if got == expected[:i] + expected[i + 1:])
        return (f"your result lost axis {axis} of the answer: a sum, mean or max over an axis that should stay, "
                f"or only one entry along axis {axis} returned where all of them are asked for")
    if len(got) == len(expected) and sum(g != e for g, e in zip(got, expected)) == 1:
        i = next(i for i in range(len(got)) if got[i] != expected[i])
        if abs(got[i] - expected[i]) == 1:
            return (f"your result has one {'row' if i == 0 else 'entry'} too {'many' if got[i] > expected[i] else 'few'} "
                    f"along axis {i}: a loop or a slice that is off by one")
    if size < want and len(got) == 1:
        return "your result has fewer values than the input: indexing with a mask (z[z > 0]) drops entries; use np.where"
    return ""


_ERRORS = [
    ("truth value of an array", "an `if`, `and`/`or`, or Python's max/min met a whole array: use numpy's "
                                "element-wise np.maximum, np.where, & and |"),
    ("could not be broadcast together", "two arrays' shapes do not line up in an element-wise operation: print "
                                        "them. A matrix product is @, not *; a sum or max without keepdims=True "
                                        "((N,) against (N, C)) and a transpose are other common causes"),
    ("mismatch in its core dimension", "the inner sizes of a matrix product differ: (N, D_in) @ (D_in, D_out); "
                                       "print both shapes, and check the order and the transposes"),
    ("not aligned", "the inner sizes of a matrix product differ: (N, D_in) @ (D_in, D_out); print both shapes"),
    ("math domain error", "math.log or math.sqrt met 0 or a negative number (and math works on one number only): "
                          "use numpy on the whole array, with the log clamped"),
    ("bitwise_xor", "^ is XOR in Python, not a power: write ** (z ** 2)"),
    ("is out of bounds for array of dimension", "an axis number is out of range: np.max(a, b)'s second argument is "
                                                "an axis; the element-wise maximum of two arrays is np.maximum(a, b)"),
    ("arrays used as indices must be of integer", "indexing with a float array: labels used as indices must be "
                                                  "integers (y.astype(int)), and one-hot rows are not indices"),
    ("division by zero", "a division by zero: an input can be 0 here; divide by something that cannot be"),
    ("can't multiply sequence by non-int", "a Python list was multiplied: turn it into an array first (np.asarray)"),
    ("unsupported operand type(s) for", "an operation between types that do not mix: is a value a list, None, or "
                                        "a Value where a number was expected?"),
]


def diagnose_error(message):
    """What a common numpy or Python error message means for the learner's code, or ''."""
    text = str(message)
    return next((said for words, said in _ERRORS if words in text), "")
