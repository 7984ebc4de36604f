"""Functions given to answers as inputs: f for a numerical gradient, grad for a descent loop.

They travel to the grading sandbox by name, so each lives here, in the catalogue below, and
nowhere holds a reference answer. A `Named` function says what it is in feedback, and copies of
the inputs share it: nothing in it can change.
"""

import numpy as np

__all__ = ["Named", "FUNCTIONS", "named"]


class Named:
    """A function input with a name (for the wire) and a text (for feedback)."""

    def __init__(self, name, text, fn):
        self.name, self.text, self.fn = name, text, fn

    def __call__(self, x):
        return self.fn(x)

    def __repr__(self):
        return self.text

    def __deepcopy__(self, memo):
        return self


_V = np.array([1.0, -2.0])

FUNCTIONS = {f.name: f for f in [
    Named("cube", "sum(x ** 3)", lambda x: np.sum(x ** 3)),
    Named("tanh_layer", "sum(tanh(v @ W)) with v = [1, -2]", lambda W: np.sum(np.tanh(_V @ W))),
    Named("log_sum_exp", "log(sum(exp(3 * x)))", lambda x: np.log(np.sum(np.exp(3 * x)))),
    Named("bowl_gradient", "the gradient of (x² + y²) / 2, (x, y)", lambda x: x.copy()),
    Named("valley_gradient", "the gradient of (x² + 20 y²) / 2, (x, 20 y)", lambda x: x * np.array([1.0, 20.0])),
    Named("parabola_gradient", "the gradient of 3 x², 6 x", lambda x: 6 * x),
]}


def named(name):
    """The catalogue's function called `name`."""
    return FUNCTIONS[name]
