"""Gradient checking: compare an analytic gradient with central differences.

    df/dx_i  ~=  (f(x + eps e_i) - f(x - eps e_i)) / (2 eps)

The error of this estimate shrinks like eps^2, against eps for the one-sided difference.
Everything is computed in float64: in float32 the rounding error of f, divided by 2 eps,
swamps the answer.

    relative_error(a, b) = max_i |a_i - b_i| / max(|a_i| + |b_i|, 1e-12)

A relative error near 1e-7 or below means the gradient is right; near 1e-2 or above, wrong.
Gradients that are tiny everywhere make relative error meaningless, so `check_gradient`
also accepts an element whose absolute error is below `atol`.
"""

from dataclasses import dataclass, field

import numpy as np

from ._validate import as_float_array

__all__ = ["numerical_gradient", "relative_error", "check_gradient", "GradientReport"]

_TINY = 1e-12  # keeps 0 / 0 out of the relative error where both gradients are exactly 0


def _float64_input(x, name="x"):
    a = np.asarray(x)
    if a.dtype.kind in "biu":
        raise TypeError(
            f"{name} has integer dtype {a.dtype}: central differences move x by a small eps, "
            f"which an integer cannot hold; pass {name}.astype(np.float64)"
        )
    return as_float_array(a, name).astype(np.float64)  # a copy: we perturb it in place


def _scalar(value, what):
    v = np.asarray(value, dtype=np.float64)
    if v.size != 1:
        raise ValueError(
            f"{what} returned an array of shape {v.shape}; it must return one number "
            "(pass grad_output to check a vector-valued function)"
        )
    return float(v.reshape(()))


def numerical_gradient(f, x, eps=1e-6, grad_output=None):
    """The gradient of f at x by central differences, in float64.

    f: takes an array shaped like x and returns a number; or, with `grad_output`, an array
    shaped like `grad_output`, in which case the result is the vector-Jacobian product
    sum_k grad_output_k * d f(x)_k / dx (what a backward pass returns).
    x: float array of any shape; it is not modified (f sees a float64 copy).
    Returns an array of x's shape, float64.
    """
    return _central_differences(f, x, eps, grad_output)


def _central_differences(f, x, eps=1e-6, grad_output=None):
    x = _float64_input(x)
    if grad_output is None:
        loss = lambda v: _scalar(f(v), "f")  # noqa: E731
    else:
        g = as_float_array(grad_output, "grad_output").astype(np.float64)
        loss = lambda v: float(np.sum(np.asarray(f(v), dtype=np.float64) * g))  # noqa: E731
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        up = loss(x)
        x[i] = old - eps
        down = loss(x)
        x[i] = old
        grad[i] = (up - down) / (2 * eps)
    return grad


def _elementwise_relative_error(a, b):
    return np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), _TINY)


def relative_error(a, b):
    """max_i |a_i - b_i| / max(|a_i| + |b_i|, 1e-12), as a float. a, b: same shape."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"a has shape {a.shape} but b has shape {b.shape}")
    if a.size == 0:
        return 0.0
    return float(_elementwise_relative_error(a, b).max())


@dataclass
class GradientReport:
    """What `check_gradient` found. Truthy when the gradient passed."""

    passed: bool
    max_relative_error: float
    max_absolute_error: float
    rtol: float
    atol: float
    worst: list = field(default_factory=list)  # (index, analytic, numerical, relative error)

    def __bool__(self):
        return self.passed

    def __str__(self):
        verdict = "passed" if self.passed else "FAILED"
        lines = [
            f"gradient check {verdict}: max relative error {self.max_relative_error:.2e} "
            f"(rtol {self.rtol:.0e}), max absolute error {self.max_absolute_error:.2e} "
            f"(atol {self.atol:.0e})"
        ]
        for index, analytic, numeric, rel in self.worst:
            lines.append(
                f"  at {index}: analytic {analytic:.6g}, numerical {numeric:.6g}, "
                f"relative error {rel:.2e}"
            )
        return "\n".join(lines)

    __repr__ = __str__


def check_gradient(f, x, analytic, *, grad_output=None, eps=1e-6, rtol=1e-6, atol=1e-9, worst=3):
    """Compare an analytic gradient with the numerical one and report the largest errors.

    f, x, grad_output, eps: as in `numerical_gradient`.
    analytic: the gradient to check, same shape as x.
    An element passes when its relative error is at most rtol or its absolute error at most
    atol (the floor for gradients too small for relative error to mean anything).
    Returns a GradientReport listing the `worst` elements by relative error.
    """
    x64 = _float64_input(x)
    analytic = np.asarray(analytic, dtype=np.float64)
    if analytic.shape != x64.shape:
        raise ValueError(
            f"analytic has shape {analytic.shape} but x has shape {x64.shape}: "
            "a gradient has the shape of what it differentiates with respect to"
        )
    numeric = _central_differences(f, x64, eps, grad_output)
    abs_err = np.abs(analytic - numeric)
    rel_err = _elementwise_relative_error(analytic, numeric)
    ok = (rel_err <= rtol) | (abs_err <= atol)
    order = np.argsort(-rel_err, axis=None)[:worst]
    rows = []
    for flat in order:
        i = tuple(int(k) for k in np.unravel_index(flat, x64.shape))
        rows.append((i, float(analytic[i]), float(numeric[i]), float(rel_err[i])))
    return GradientReport(
        passed=bool(ok.all()),
        max_relative_error=float(rel_err.max()) if rel_err.size else 0.0,
        max_absolute_error=float(abs_err.max()) if abs_err.size else 0.0,
        rtol=rtol,
        atol=atol,
        worst=rows,
    )
