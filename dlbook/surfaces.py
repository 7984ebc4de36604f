"""Loss surfaces in two dimensions, to watch optimizers on: f(w) and its gradient for w = (x, y).

    bowl         (x^2 + y^2) / 2                      round: every direction equally curved
    valley       (x^2 + 20 y^2) / 2                   ill-conditioned: curvatures 1 and 20
    rosenbrock   (1 - x)^2 + 100 (y - x^2)^2          a curved, flat-bottomed banana valley
    two_minima   (x^2 - 1)^2 + 0.3 x + y^2 / 2        two valleys, the left one deeper
    saddle       x^2 / 2 - y^2 / 2 + y^4 / 4          a saddle point at 0, minima at y = +-1

A real network's loss has millions of dimensions, but these show the same shapes in miniature.
"""

from dataclasses import dataclass
from typing import Callable

import numpy as np

from ._table import Table

__all__ = ["Surface", "bowl", "valley", "rosenbrock", "two_minima", "saddle", "get", "names"]


@dataclass(frozen=True)
class Surface:
    """f(x, y) on arrays of any shape, its gradient at a point w (2,), and where to look.

    extent: (x_min, x_max, y_min, y_max) of the plot. start: a default starting point.
    minima: the local minima, the global one first. curvatures: the Hessian's eigenvalues at the
    global minimum (for a quadratic, everywhere), which bound the learning rate of plain descent.
    """

    name: str
    formula: str
    f: Callable
    grad_xy: Callable
    extent: tuple
    start: tuple
    minima: tuple
    curvatures: tuple

    def __call__(self, w):
        """f at a point w = (x, y). Returns a float."""
        w = np.asarray(w, dtype=float)
        return float(self.f(w[0], w[1]))

    def grad(self, w):
        """The gradient (df/dx, df/dy) at w = (x, y). Returns an array of shape (2,)."""
        w = np.asarray(w, dtype=float)
        return np.array(self.grad_xy(w[0], w[1]), dtype=float)

    @property
    def f_min(self):
        """The global minimum's value."""
        return self(self.minima[0])

    def __repr__(self):
        return f"<surface {self.name}: {self.formula}>"


bowl = Surface(
    "bowl", "(x² + y²) / 2",
    lambda x, y: (x * x + y * y) / 2,
    lambda x, y: (x, y),
    (-3.0, 3.0, -3.0, 3.0), (-2.5, 2.0), ((0.0, 0.0),), (1.0, 1.0))

valley = Surface(
    "valley", "(x² + 20 y²) / 2",
    lambda x, y: (x * x + 20 * y * y) / 2,
    lambda x, y: (x, 20 * y),
    (-4.0, 4.0, -2.0, 2.0), (-3.5, 1.5), ((0.0, 0.0),), (1.0, 20.0))

rosenbrock = Surface(
    "rosenbrock", "(1 − x)² + 100 (y − x²)²",
    lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    lambda x, y: (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)),
    (-2.0, 2.0, -1.0, 3.0), (-1.5, 2.5), ((1.0, 1.0),), (0.3994, 1001.6))

# the minima of (x^2 - 1)^2 + 0.3 x solve 4x^3 - 4x + 0.3 = 0
_wells = sorted(r.real for r in np.roots([4.0, 0.0, -4.0, 0.3]) if abs(r.imag) < 1e-12 and abs(r.real) > 0.5)

two_minima = Surface(
    "two_minima", "(x² − 1)² + 0.3 x + y² / 2",
    lambda x, y: (x * x - 1) ** 2 + 0.3 * x + y * y / 2,
    lambda x, y: (4 * x * (x * x - 1) + 0.3, y),
    (-2.0, 2.0, -1.5, 1.5), (1.8, 1.2), ((_wells[0], 0.0), (_wells[1], 0.0)),
    (12 * _wells[0] ** 2 - 4, 1.0))

saddle = Surface(
    "saddle", "x² / 2 − y² / 2 + y⁴ / 4",
    lambda x, y: x * x / 2 - y * y / 2 + y ** 4 / 4,
    lambda x, y: (x, -y + y ** 3),
    (-2.0, 2.0, -2.0, 2.0), (1.8, 0.01), ((0.0, 1.0), (0.0, -1.0)), (1.0, 2.0))

_TABLE = Table("surface", (bowl, valley, rosenbrock, two_minima, saddle))
names, get = _TABLE.names, _TABLE.get
