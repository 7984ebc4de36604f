"""Inputs that expose real bugs, shared by the exercises of every chapter.

Non-square shapes show transposes and wrong axes; a batch of one shows squeezed axes;
exact zeros show the convention at a kink; extreme values show overflow; float32 shows
dtype drift; integers show truncation.
"""

import numpy as np

from .spec import Case

__all__ = ["elementwise_cases", "batch_cases", "EXTREMES"]

EXTREMES = np.array([-1e4, -1000.0, -50.0, -1e-3, 0.0, 1e-3, 50.0, 1000.0, 1e4])
# float32 overflows in exp past 88.7, so these are extreme for float32
EXTREMES32 = np.array([-1e4, -100.0, -88.8, 0.0, 88.8, 100.0, 1e4], dtype=np.float32)


def elementwise_cases(scale=3.0):
    """Cases for a function applied element-wise to an array z of any shape."""
    return [
        Case("a non-square batch", lambda rng: (rng.normal(0, scale, size=(3, 5)),)),
        Case("a batch of one", lambda rng: (rng.normal(0, scale, size=(1, 4)),)),
        Case("exact zeros", lambda rng: (np.zeros((2, 3)),)),
        Case("extreme values", lambda rng: (EXTREMES.copy(),)),
        Case("float32 input", lambda rng: (rng.normal(0, scale, size=(4, 3)).astype(np.float32),)),
        Case("extreme float32 values", lambda rng: (EXTREMES32.copy(),)),
        Case("integers", lambda rng: (rng.integers(-4, 5, size=(2, 4)),)),
    ]


def batch_cases(scale=2.0):
    """Cases for a function of a batch X of shape (N, D), one example per row."""
    return [
        Case("a non-square batch", lambda rng: (rng.normal(0, scale, size=(3, 5)),)),
        Case("a batch of one", lambda rng: (rng.normal(0, scale, size=(1, 4)),)),
        Case("one feature per example", lambda rng: (rng.normal(0, scale, size=(4, 1)),)),
        Case("float32 input", lambda rng: (rng.normal(0, scale, size=(5, 3)).astype(np.float32),)),
        Case("integers", lambda rng: (rng.integers(-4, 5, size=(2, 6)),)),
    ]
