"""Functions given to answers as inputs: f for a numerical gradient, grad for a descent loop.

They travel to the grading sandbox as a name and a few numbers, so each kind lives here, in the
catalogue below, and nowhere holds a reference answer. The numbers can come from the grader's
secret seed (the scale of a cube, the vector of a tanh layer), so no table of known functions'
gradients answers for a learner. A `Named` function says what it is in feedback, and copies of
the inputs share it: nothing in it can change.
"""

import math

import numpy as np

__all__ = ["Named", "KINDS", "named"]


class Named:
    """A function input: its kind (a key of KINDS), its numbers, and a text for feedback."""

    def __init__(self, name, params, text, fn):
        self.name, self.params, self.text, self.fn = name, dict(params), text, fn

    def __call__(self, x):
        return self.fn(x)

    def __repr__(self):
        return self.text

    def __deepcopy__(self, memo):
        return self

    def __eq__(self, other):  # the same kind with the same numbers: the same function
        return isinstance(other, Named) and (self.name, self.params) == (other.name, other.params)

    def __hash__(self):
        return hash((self.name, tuple(sorted(self.params.items()))))


def _cube(a=1.0):
    return f"sum({a:.4g} * x ** 3)", lambda x: a * np.sum(x ** 3)


def _tanh_layer(v1=1.0, v2=-2.0):
    v = np.array([v1, v2])
    return f"sum(tanh(v @ W)) with v = [{v1:.4g}, {v2:.4g}]", lambda W: np.sum(np.tanh(v @ W))


def _log_sum_exp(s=3.0):
    return f"log(sum(exp({s:.4g} * x)))", lambda x: np.log(np.sum(np.exp(s * x)))


# kind: a function of its numbers giving (text, function)
KINDS = {
    "cube": _cube,
    "tanh_layer": _tanh_layer,
    "log_sum_exp": _log_sum_exp,
    "bowl_gradient": lambda: ("the gradient of (x² + y²) / 2, (x, y)", lambda x: x.copy()),
    "valley_gradient": lambda: ("the gradient of (x² + 20 y²) / 2, (x, 20 y)", lambda x: x * np.array([1.0, 20.0])),
    "parabola_gradient": lambda: ("the gradient of 3 x², 6 x", lambda x: 6 * x),
}


def named(name, **params):
    """The catalogue's function of kind `name` with these numbers (finite floats)."""
    if name not in KINDS or not all(isinstance(v, (int, float)) and math.isfinite(v) and abs(v) < 1e6
                                    for v in params.values()):
        raise ValueError(f"no function {name!r} with {params!r}")
    text, fn = KINDS[name](**{k: float(v) for k, v in params.items()})
    return Named(name, params, text, fn)
