"""Activation functions: each one's forward, derivative and backward pass side by side.

The seed's four activations, plus leaky ReLU and softplus:

    sigmoid(z)    = 1 / (1 + e^{-z})                 sigmoid'(z) = sigmoid(z) (1 - sigmoid(z))
    tanh(z)       = (e^z - e^{-z}) / (e^z + e^{-z})  tanh'(z)    = 1 - tanh(z)^2
    relu(z)       = max(0, z)                        relu'(z)    = 1 if z > 0 else 0
    leaky_relu(z) = z if z > 0 else slope * z        leaky'(z)   = 1 if z > 0 else slope
    softplus(z)   = log(1 + e^z)                     softplus'(z) = sigmoid(z)
    softmax(z)_i  = e^{z_i} / sum_j e^{z_j}          (along the last axis; see Softmax)

Conventions are PyTorch's: relu'(0) = 0, leaky ReLU's slope 0.01. Every function takes an
array of any shape, returns the same shape, keeps float32 as float32 (integers become
float64) and never writes into its input. All are stable for finite |z| up to 1e4 and
beyond: no overflow warnings, no NaN, no inf.

`f.backward(z, grad_output)` is the vector-Jacobian product dL/dz given dL/da, the step
backpropagation takes through an activation layer.
"""

import numpy as np

from ._table import Table
from ._validate import as_float_array

__all__ = [
    "Activation", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "Softplus", "Softmax",
    "sigmoid", "tanh", "relu", "leaky_relu", "softplus", "softmax", "get", "names",
]


def _scalar_or_array(a):
    # a 0-d input gives a numpy scalar back, as numpy's own functions do
    return a[()] if a.ndim == 0 else a


def _grad_like(grad_output, z):
    g = as_float_array(grad_output, "grad_output")
    if g.shape != z.shape:
        raise ValueError(
            f"grad_output has shape {g.shape} but z has shape {z.shape}: "
            "dL/da must have the shape of the activation a = f(z)"
        )
    return g


class Activation:
    """An element-wise activation a = f(z).

    Subclasses define `_f(z)` and `_df(z)` on a validated float array; the public methods
    validate their arguments first. Layers call the underscored kernels directly.
    """

    name = "activation"

    def __call__(self, z):
        """a = f(z), element-wise. z: any shape. Returns a with z's shape and float dtype."""
        return _scalar_or_array(self._f(as_float_array(z, "z")))

    def derivative(self, z):
        """f'(z), element-wise. z: any shape. Returns an array of z's shape."""
        return _scalar_or_array(self._df(as_float_array(z, "z")))

    def backward(self, z, grad_output):
        """dL/dz = dL/da * f'(z) (chain rule, element-wise).

        z: pre-activation, any shape. grad_output: dL/da, same shape as z.
        Returns dL/dz, same shape.
        """
        z = as_float_array(z, "z")
        return _scalar_or_array(self._vjp(z, _grad_like(grad_output, z)))

    def _vjp(self, z, g):
        return g * self._df(z)

    def __repr__(self):
        return f"<activation {self.name}>"


class Sigmoid(Activation):
    """sigmoid(z) = 1 / (1 + e^{-z}), computed without overflow for any finite z."""

    name = "sigmoid"

    @staticmethod
    def _f(z):
        # e^{-|z|} is in (0, 1], so neither branch can overflow; the z < 0 branch is the
        # same formula multiplied through by e^{z}
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1 / (1 + e), e / (1 + e))

    @staticmethod
    def _df(z):
        # sigmoid(z)(1 - sigmoid(z)) = e^{-|z|} / (1 + e^{-|z|})^2: no 1 - s cancellation,
        # so the tails keep their (tiny) value instead of rounding to 0 early
        e = np.exp(-np.abs(z))
        return e / (1 + e) ** 2


class Tanh(Activation):
    """tanh(z) = (e^z - e^{-z}) / (e^z + e^{-z}), numpy's stable implementation."""

    name = "tanh"

    @staticmethod
    def _f(z):
        return np.tanh(z)

    @staticmethod
    def _df(z):
        # 1 - tanh(z)^2 = 4 e^{-2|z|} / (1 + e^{-2|z|})^2, exact in the tails
        e = np.exp(-2 * np.abs(z))
        return 4 * e / (1 + e) ** 2


class ReLU(Activation):
    """relu(z) = max(0, z), with relu'(0) = 0 as in PyTorch."""

    name = "relu"

    @staticmethod
    def _f(z):
        return np.maximum(z, 0.0)

    @staticmethod
    def _df(z):
        return (z > 0).astype(z.dtype)


class LeakyReLU(Activation):
    """leaky_relu(z) = z for z > 0, negative_slope * z otherwise (PyTorch's default 0.01).

    Make one with another slope as `LeakyReLU(0.2)`.
    """

    name = "leaky_relu"

    def __init__(self, negative_slope=0.01):
        slope = float(negative_slope)
        if not np.isfinite(slope) or slope < 0:
            raise ValueError(f"negative_slope must be a finite number >= 0, got {negative_slope!r}")
        self.negative_slope = slope

    def _f(self, z):
        return np.where(z > 0, z, self.negative_slope * z)

    def _df(self, z):
        # at z = 0 the slope is negative_slope, as in PyTorch's leaky_relu backward
        return np.where(z > 0, 1.0, self.negative_slope).astype(z.dtype)

    def __repr__(self):
        return f"<activation leaky_relu, negative_slope={self.negative_slope}>"


class Softplus(Activation):
    """softplus(z) = log(1 + e^z), a smooth ReLU whose derivative is sigmoid(z)."""

    name = "softplus"

    @staticmethod
    def _f(z):
        # log(1 + e^z) = max(z, 0) + log(1 + e^{-|z|}): the exponent is never positive
        return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))

    @staticmethod
    def _df(z):
        return Sigmoid._f(z)


class Softmax:
    """softmax(z)_i = e^{z_i} / sum_j e^{z_j}, along the last axis.

    z has shape (..., C), usually (N, C): one row of C logits per example. Each row of the
    result is a probability vector. Softmax is not element-wise: each output depends on the
    whole row, so it has a Jacobian (`jacobian`) and a vector-Jacobian product (`backward`)
    instead of an element-wise derivative.
    """

    name = "softmax"

    @staticmethod
    def _f(z):
        # softmax(z) = softmax(z - c) for any c; with c the row max every exponent is <= 0,
        # so exp cannot overflow, and the row's largest term is exactly 1, so no 0 / 0
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)

    @staticmethod
    def _validate(z):
        z = as_float_array(z, "z")
        if z.ndim == 0 or z.shape[-1] == 0:
            raise ValueError(
                f"z has shape {z.shape}: softmax needs at least one class along the last axis"
            )
        return z

    def __call__(self, z):
        """Probabilities p = softmax(z) along the last axis. z: (..., C). Returns (..., C)."""
        return self._f(self._validate(z))

    def backward(self, z, grad_output):
        """dL/dz given dL/dp, without building the Jacobian.

        dL/dz_i = p_i (g_i - sum_j g_j p_j), with p = softmax(z) and g = dL/dp.
        z, grad_output: shape (..., C). Returns (..., C).
        """
        z = self._validate(z)
        return self._vjp(z, _grad_like(grad_output, z))

    def _vjp(self, z, g):
        p = self._f(z)
        return p * (g - (g * p).sum(axis=-1, keepdims=True))

    def jacobian(self, z):
        """dp_i/dz_j = p_i (delta_ij - p_j). z: (C,) or (..., C). Returns (C, C) or (..., C, C)."""
        p = self._f(self._validate(z))
        return p[..., :, None] * (np.eye(p.shape[-1], dtype=p.dtype) - p[..., None, :])

    def derivative(self, z):
        raise TypeError(
            "softmax is not element-wise, so it has no element-wise derivative: use "
            "softmax.backward(z, grad_output) for dL/dz, or softmax.jacobian(z) for dp/dz"
        )

    def __repr__(self):
        return "<activation softmax>"


sigmoid = Sigmoid()
tanh = Tanh()
relu = ReLU()
leaky_relu = LeakyReLU()
softplus = Softplus()
softmax = Softmax()

_TABLE = Table("activation", (sigmoid, tanh, relu, leaky_relu, softplus, softmax))
names, get = _TABLE.names, _TABLE.get  # e.g. get("relu")
