"""How an exercise's answer is called, when it is not simply answer(*inputs).

Each convention turns the answer and one case's inputs into plain data: what the answer
returned, or what it did to the objects it was given. It runs where the answer runs (the
learner's kernel, or the grading sandbox) and judges nothing: whether that data is right is
decided by the exercise, outside the sandbox.
"""

import copy

__all__ = ["CONVENTIONS", "SAME"]


class _Same:
    """Stands for "b is the Value a itself" in a case: a * a."""

    wire_name = "same"

    def __repr__(self):
        return "a itself (a * a)"

    def __deepcopy__(self, memo):
        return self


SAME = _Same()


def plain(answer, *args):
    return answer(*args)


def thrice(answer, *args):
    """The answer called on two copies of the inputs (the same rng state twice: is it repeatable?)
    and once with another rng (does it use the rng it is given?)."""
    import numpy as np

    again = copy.deepcopy(args)
    other = [np.random.default_rng(copy.deepcopy(a).integers(2 ** 63)) if isinstance(a, np.random.Generator) else a
             for a in copy.deepcopy(args)]
    return answer(*args), answer(*again), answer(*other)  # the first on the inputs, which must stay unchanged


def value_mul(answer, a, b, out_grad, a_grad, b_grad):
    """Build Values a and b holding gradients, call answer(a, b), give out its gradient, run out's
    backward rule. Returns (out.data, a.grad, b.grad), or says what form was wrong."""
    from ..autodiff import Value
    from .calling import BadAnswer

    A = Value(a)
    B = A if b is SAME else Value(b)
    A.grad, B.grad = a_grad, (a_grad if b is SAME else b_grad)
    called = []
    for node in {id(A): A, id(B): B}.values():  # their own rules belong to backward(), not to out's
        node._backward = lambda: called.append(True)
    out = answer(A, B)
    if not isinstance(out, Value):
        raise BadAnswer(f"value_mul must return a Value (the new node), it returned {type(out).__name__}")
    if {id(v) for v in out._prev} != {id(A), id(B)}:
        raise BadAnswer("out._prev must hold the two inputs (a, b): backward() follows _prev "
                        "to find the nodes to visit")
    out.grad = out_grad
    out._backward()
    if called:
        raise BadAnswer("out._backward called a._backward (or b's): a node's rule only adds to its own inputs' "
                        "grad; backward() then runs every node's rule once, in reverse topological order")
    return out.data, A.grad, B.grad


def trained_network(answer, X, y, rng):
    """Train with answer(X, y, rng), which returns a dlbook.nn network; returns its layers as
    data, [("dense", W, b) or (activation name,), ...], for the grader to test on images it
    keeps."""
    from .. import nn
    from .calling import BadAnswer

    try:
        model = answer(X, y, rng)
    except (ValueError, FloatingPointError) as err:
        if "nan" not in str(err).lower() and "inf" not in str(err).lower():
            raise
        raise BadAnswer(f"training diverged: NaN or inf appeared ({err}). The steps grew until they "
                        "overflowed: check the sign of the update (w - lr * grad, downhill) and lower the "
                        "learning rate.") from None
    layers = model.layers if isinstance(model, nn.Sequential) else [model]
    if not all(isinstance(layer, (nn.Dense, nn.Activation)) for layer in layers):
        raise BadAnswer(f"train_digits must return the trained network, a dlbook.nn model (nn.mlp(...) or "
                        f"nn.Sequential of Dense and activation layers), got {type(model).__name__}")
    return [("dense", layer.params["W"], layer.params["b"]) if isinstance(layer, nn.Dense) else (layer.name,)
            for layer in layers]


CONVENTIONS = {"plain": plain, "thrice": thrice, "value_mul": value_mul, "trained_network": trained_network}
