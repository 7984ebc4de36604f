"""Loss functions: each one's value and its gradient with respect to the prediction, side by side.

With N examples, C classes, y the target and y_hat (p for probabilities, z for logits) the
prediction:

    mse                    (y_hat - y)^2                                 d/dy_hat = 2 (y_hat - y)
    binary_cross_entropy   -[y log p + (1 - y) log(1 - p)]               d/dp = (p - y) / (p (1 - p))
    ..._with_logits        the same with p = sigmoid(z), stably          d/dz = sigmoid(z) - y
    categorical_cross_entropy  -sum_j y_j log p_j   (per example)        d/dp_j = -y_j / p_j
    softmax_cross_entropy  -sum_j y_j log softmax(z)_j   (per example)   d/dz = softmax(z) - y

Every loss is called `loss(y_true, y_pred, reduction="mean")`. The mean is the seed's 1/N:
over every element for the element-wise losses (mse and the two binary ones, as in PyTorch),
over the examples for the two categorical ones, whose per-example loss sums over the C classes.
`reduction="sum"` adds instead, `"none"` returns the per-element (or per-example) losses.
`loss.backward(y_true, y_pred, reduction="mean")` is the gradient of that reduced loss with
respect to y_pred, of y_pred's shape ("none" gives the gradient of the sum).

PyTorch's conventions where the seed is silent: each log of a probability is clamped at -100,
so p = 0 or 1 gives a finite loss, and the probability losses' gradients divide by at least
1e-12. Categorical targets are one-hot (or any probabilities) of y_pred's shape (N, C), or
integer labels of shape (N,). The losses from logits are stable for any finite logits: no
overflow, NaN or inf for |z| up to 1e4 and beyond. float32 in gives float32 out.
"""

import numpy as np

from ._table import Table
from ._validate import as_float_array, first_index
from .activations import Sigmoid, Softmax

__all__ = [
    "Loss", "MSE", "BinaryCrossEntropy", "BinaryCrossEntropyWithLogits",
    "CategoricalCrossEntropy", "SoftmaxCrossEntropy", "mse", "binary_cross_entropy",
    "binary_cross_entropy_with_logits", "categorical_cross_entropy", "softmax_cross_entropy",
    "logsumexp", "log_softmax", "get", "names", "REDUCTIONS", "LOG_FLOOR",
]

REDUCTIONS = ("mean", "sum", "none")
LOG_FLOOR = -100.0  # PyTorch clamps log(p) here, so log(0) costs 100, not infinity
EPS = 1e-12  # the smallest denominator of the probability losses' gradients, as in PyTorch


def logsumexp(z):
    """log sum_j e^{z_j} along the last axis, without overflow. z: (..., C). Returns (...)."""
    return _logsumexp(_logits(z, "z"))


def log_softmax(z):
    """log softmax(z)_j = z_j - logsumexp(z), along the last axis. z: (..., C). Returns (..., C)."""
    z = _logits(z, "z")
    return z - _logsumexp(z)[..., None]


def _logsumexp(z):
    # log sum e^z = m + log sum e^{z - m} with m the row max: every exponent is <= 0 and the
    # largest term is exactly 1, so the sum is in [1, C] and its log is finite
    m = z.max(axis=-1, keepdims=True)
    return (m + np.log(np.exp(z - m).sum(axis=-1, keepdims=True)))[..., 0]


def _logits(z, name):
    z = as_float_array(z, name)
    if z.ndim == 0 or z.shape[-1] == 0:
        raise ValueError(f"{name} has shape {z.shape}: it needs one entry per class along its last axis")
    return z


def _clamped_log(p):
    # log(0) = -inf is expected here and clamped next, so numpy need not warn about it
    with np.errstate(divide="ignore"):
        return np.maximum(np.log(p), LOG_FLOOR)


def _in_unit_interval(a, name, hint=""):
    bad = (a < 0) | (a > 1)
    if bad.any():
        i = first_index(bad)
        raise ValueError(f"{name} must hold probabilities in [0, 1], found {a[i]} at index {i}{hint}")


class Loss:
    """A loss L(y_true, y_pred), reduced to one number, with its gradient dL/dy_pred.

    Subclasses define `_prepare(y, y_hat)`, returning validated arrays, `_loss(y, y_hat)`, the
    unreduced losses, and `_grad(y, y_hat)`, the gradient of their sum with respect to y_hat.
    """

    name = "loss"
    per_example = False  # True: one loss per example (row); False: one per element

    def __call__(self, y_true, y_pred, reduction="mean"):
        """The loss. y_true, y_pred: see the class. Returns a scalar of y_pred's float dtype
        ("mean", "sum"), or the unreduced losses ("none")."""
        y, y_hat = self._prepare(y_true, y_pred)
        losses = self._loss(y, y_hat)
        if reduction == "none":
            return losses
        return losses.mean() if _reduction(reduction) == "mean" else losses.sum()

    def backward(self, y_true, y_pred, reduction="mean"):
        """dL/dy_pred of the reduced loss, with y_pred's shape and dtype."""
        y, y_hat = self._prepare(y_true, y_pred)
        grad = self._grad(y, y_hat)
        if _reduction(reduction) == "mean":
            # the mean divides by the number of losses: N * ... elements, or N examples
            count = grad.size // grad.shape[-1] if self.per_example else grad.size
            grad = grad / grad.dtype.type(count)
        return grad

    def value_and_grad(self, y_true, y_pred):
        """(the mean loss, its gradient dL/dy_pred) in one pass: what a training step needs."""
        return self._mean_value_and_grad(*self._prepare(y_true, y_pred))

    def _mean_value_and_grad(self, y, y_hat):
        # on prepared targets: a training loop prepares its whole dataset's once
        losses, grad = self._loss_and_grad(y, y_hat)
        count = grad.size // grad.shape[-1] if self.per_example else grad.size
        return losses.mean(), grad / grad.dtype.type(count)

    def _loss_and_grad(self, y, y_hat):
        return self._loss(y, y_hat), self._grad(y, y_hat)

    def _prepare(self, y_true, y_pred):
        y_hat = as_float_array(y_pred, "y_pred")
        y = as_float_array(y_true, "y_true")
        if y.shape != y_hat.shape:
            raise ValueError(_shape_message(y.shape, y_hat.shape))
        if y_hat.size == 0:
            raise ValueError(f"y_pred has shape {y_hat.shape}: the batch is empty")
        return y.astype(y_hat.dtype, copy=False), y_hat

    def __repr__(self):
        return f"<loss {self.name}>"


def _reduction(reduction):
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be one of {REDUCTIONS}, got {reduction!r}")
    return reduction


def _shape_message(y_shape, p_shape):
    message = f"y_true has shape {y_shape} but y_pred has shape {p_shape}: they must match"
    if len(y_shape) + 1 == len(p_shape) == 2 and p_shape[1] == 1:
        message += (f". numpy would broadcast them to ({y_shape[0]}, {y_shape[0]}) and compare "
                    "every label with every prediction; use y_pred.reshape(-1) or "
                    "y_true.reshape(-1, 1)")
    elif len(y_shape) == len(p_shape) + 1 == 2 and y_shape[1] == 1:
        message += ". Use y_true.reshape(-1) or y_pred.reshape(-1, 1)"
    return message


class MSE(Loss):
    """Mean squared error: mean of (y_hat - y)^2 over every element, as PyTorch's MSELoss.

    y_true, y_pred: the same shape, any. Gradient: 2 (y_hat - y) / (number of elements).
    """

    name = "mse"

    def _loss(self, y, y_hat):
        return (y_hat - y) ** 2

    def _grad(self, y, y_hat):
        return 2 * (y_hat - y)


class BinaryCrossEntropy(Loss):
    """Binary cross-entropy from probabilities: -[y log p + (1 - y) log(1 - p)].

    y_true: targets in [0, 1]; y_pred: probabilities p in [0, 1]; the same shape, e.g. (N,).
    Each log is clamped at -100, so p = 0 or 1 gives a finite loss (at most 100), and the
    gradient (p - y) / (p (1 - p)) divides by at least 1e-12, both as in PyTorch's BCELoss.
    """

    name = "binary_cross_entropy"

    def _prepare(self, y_true, y_pred):
        y, p = super()._prepare(y_true, y_pred)
        _in_unit_interval(p, "y_pred", ": are these logits? Use binary_cross_entropy_with_logits")
        _in_unit_interval(y, "y_true")
        return y, p

    def _loss(self, y, p):
        # 0 - x, not -x: a perfect prediction costs 0.0, not -0.0
        return 0 - (y * _clamped_log(p) + (1 - y) * _clamped_log(1 - p))

    def _grad(self, y, p):
        return (p - y) / np.maximum(p * (1 - p), p.dtype.type(EPS))


class BinaryCrossEntropyWithLogits(Loss):
    """Binary cross-entropy of p = sigmoid(z), computed from the logit z without forming p.

    y_true: targets in [0, 1]; y_pred: logits z, any real numbers; the same shape.
    The loss is max(z, 0) - z y + log(1 + e^{-|z|}), which never overflows, and its gradient
    is sigmoid(z) - y: finite for any finite z, as in PyTorch's BCEWithLogitsLoss.
    """

    name = "binary_cross_entropy_with_logits"

    def _prepare(self, y_true, y_pred):
        y, z = super()._prepare(y_true, y_pred)
        _in_unit_interval(y, "y_true")
        return y, z

    def _loss(self, y, z):
        # -[y log s + (1 - y) log(1 - s)] with s = sigmoid(z), rewritten so exp sees only -|z|
        return np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))

    def _grad(self, y, z):
        return Sigmoid._f(z) - y


class _Categorical(Loss):
    """Shared by the two categorical losses: targets as one-hot rows or integer labels."""

    per_example = True

    def _prepare(self, y_true, y_pred):
        y_hat = _logits(y_pred, "y_pred")
        raw = np.asarray(y_true)
        if raw.dtype.kind in "iu" and raw.shape == y_hat.shape[:-1]:
            y = self._one_hot(raw, y_hat)
        else:
            y = as_float_array(y_true, "y_true")
            if y.shape != y_hat.shape:
                raise ValueError(
                    f"y_true has shape {y.shape} but y_pred has shape {y_hat.shape}: y_true must be "
                    f"one-hot rows of shape {y_hat.shape} or integer labels of shape {y_hat.shape[:-1]}"
                    + (" (these labels are floats: use y_true.astype(int))" if y.shape == y_hat.shape[:-1] else "")
                )
            _in_unit_interval(y, "y_true")
        if y_hat.size == 0:
            raise ValueError(f"y_pred has shape {y_hat.shape}: the batch is empty")
        return y.astype(y_hat.dtype, copy=False), y_hat

    @staticmethod
    def _one_hot(labels, y_hat):
        C = y_hat.shape[-1]
        bad = (labels < 0) | (labels >= C)
        if bad.any():
            i = first_index(bad)
            raise ValueError(f"y_true holds the label {labels[i]} at index {i}, but y_pred has "
                             f"C = {C} classes: labels must be in 0..{C - 1}")
        return (labels[..., None] == np.arange(C)).astype(y_hat.dtype)


class CategoricalCrossEntropy(_Categorical):
    """Categorical cross-entropy from probabilities: -sum_j y_j log p_j for each example.

    y_true: one-hot rows (N, C) or integer labels (N,); y_pred: probabilities p (N, C), each
    row summing to 1 (a softmax output). Each log is clamped at -100, and the gradient
    -y_j / p_j divides by at least 1e-12, as for binary cross-entropy.
    """

    name = "categorical_cross_entropy"

    def _prepare(self, y_true, y_pred):
        y, p = super()._prepare(y_true, y_pred)
        _in_unit_interval(p, "y_pred", ": are these logits? Use softmax_cross_entropy")
        return y, p

    def _loss(self, y, p):
        return 0 - (y * _clamped_log(p)).sum(axis=-1)

    def _grad(self, y, p):
        return -y / np.maximum(p, p.dtype.type(EPS))


class SoftmaxCrossEntropy(_Categorical):
    """Cross-entropy of softmax(z), from the logits z: PyTorch's CrossEntropyLoss.

    y_true: one-hot rows (N, C) or integer labels (N,); y_pred: logits z (N, C).
    Per example: logsumexp(z) - sum_j y_j z_j when the targets sum to 1. The gradient is the
    fused softmax(z) - y (in general softmax(z) sum_j y_j - y): no 1 / p, no overflow.
    """

    name = "softmax_cross_entropy"

    def _loss(self, y, z):
        return 0 - (y * (z - _logsumexp(z)[..., None])).sum(axis=-1)

    def _grad(self, y, z):
        return Softmax._f(z) * y.sum(axis=-1, keepdims=True) - y

    def _loss_and_grad(self, y, z):
        log_p = z - _logsumexp(z)[..., None]  # one softmax for both
        return 0 - (y * log_p).sum(axis=-1), np.exp(log_p) * y.sum(axis=-1, keepdims=True) - y


mse = MSE()
binary_cross_entropy = BinaryCrossEntropy()
binary_cross_entropy_with_logits = BinaryCrossEntropyWithLogits()
categorical_cross_entropy = CategoricalCrossEntropy()
softmax_cross_entropy = SoftmaxCrossEntropy()

_TABLE = Table("loss", (mse, binary_cross_entropy, binary_cross_entropy_with_logits,
                        categorical_cross_entropy, softmax_cross_entropy))
names, get = _TABLE.names, _TABLE.get  # e.g. get("softmax_cross_entropy")
