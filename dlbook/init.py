"""Initial weights: random, with a scale chosen so signals neither die nor explode layer to layer.

For a weight matrix W of shape (fan_in, fan_out), as PyTorch's torch.nn.init:

    xavier_uniform   U(-a, a),   a = sqrt(6 / (fan_in + fan_out))     Glorot & Bengio, for tanh, sigmoid
    xavier_normal    N(0, s^2),  s = sqrt(2 / (fan_in + fan_out))
    he_uniform       U(-a, a),   a = sqrt(6 / fan_in)                  He et al., for ReLU
    he_normal        N(0, s^2),  s = sqrt(2 / fan_in)
    zeros            all 0: every neuron of a layer stays identical (the symmetry problem)

Each takes an explicit `rng` (a numpy Generator, or an int seed), so a notebook is reproducible.
"""

import numpy as np

from ._table import Table

__all__ = ["xavier_uniform", "xavier_normal", "he_uniform", "he_normal", "zeros", "get", "names", "as_rng"]


def as_rng(rng):
    """A numpy Generator from a Generator or an int seed; anything else is an error."""
    if isinstance(rng, np.random.Generator):
        return rng
    if isinstance(rng, (int, np.integer)) and not isinstance(rng, bool):
        return np.random.default_rng(int(rng))
    raise TypeError(
        f"rng must be a numpy Generator or an int seed, got {rng!r}: "
        "pass rng=np.random.default_rng(0) so that the weights are reproducible"
    )


def _fans(fan_in, fan_out):
    for name, n in (("fan_in", fan_in), ("fan_out", fan_out)):
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise ValueError(f"{name} must be a positive integer, got {n!r}")
    return int(fan_in), int(fan_out)


def xavier_uniform(fan_in, fan_out, rng):
    """W (fan_in, fan_out) ~ U(-a, a) with a = sqrt(6 / (fan_in + fan_out)): Var(W) = 2 / (fan_in + fan_out)."""
    fan_in, fan_out = _fans(fan_in, fan_out)
    a = np.sqrt(6.0 / (fan_in + fan_out))
    return as_rng(rng).uniform(-a, a, size=(fan_in, fan_out))


def xavier_normal(fan_in, fan_out, rng):
    """W (fan_in, fan_out) ~ N(0, 2 / (fan_in + fan_out))."""
    fan_in, fan_out = _fans(fan_in, fan_out)
    return as_rng(rng).normal(0.0, np.sqrt(2.0 / (fan_in + fan_out)), size=(fan_in, fan_out))


def he_uniform(fan_in, fan_out, rng):
    """W (fan_in, fan_out) ~ U(-a, a) with a = sqrt(6 / fan_in): Var(W) = 2 / fan_in."""
    fan_in, fan_out = _fans(fan_in, fan_out)
    a = np.sqrt(6.0 / fan_in)
    return as_rng(rng).uniform(-a, a, size=(fan_in, fan_out))


def he_normal(fan_in, fan_out, rng):
    """W (fan_in, fan_out) ~ N(0, 2 / fan_in): ReLU zeroes half its inputs, the 2 makes up for it."""
    fan_in, fan_out = _fans(fan_in, fan_out)
    return as_rng(rng).normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_in, fan_out))


def zeros(fan_in, fan_out, rng=None):
    """W (fan_in, fan_out) of zeros, to show why it fails."""
    fan_in, fan_out = _fans(fan_in, fan_out)
    return np.zeros((fan_in, fan_out))


_TABLE = Table("initialisation", (xavier_uniform, xavier_normal, he_uniform, he_normal, zeros),
               key=lambda f: f.__name__)
names, get = _TABLE.names, _TABLE.get  # e.g. get("he_normal")
