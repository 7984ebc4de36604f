"""Exercises of the chapter on the chain rule and backpropagation."""

import math

import numpy as np

from ..activations import Softmax
from ..autodiff import Value
from ..gradcheck import _central_differences
from ..sandbox.conventions import SAME
from ..sandbox.functions import named
from .spec import BadAnswer, Case, Choice, Exercise, Mistake

__all__ = ["EXERCISES"]

# ---- the chain rule by hand: x -> tanh neuron -> sigmoid neuron -> L = -log p, y = 1 ------

_x, _w1, _b1, _w2, _b2 = 1.5, 0.8, -0.2, -1.2, 0.3


def _chain(x=_x, tanh_slope=True, with_w2=True, loss_slope=True):
    h = math.tanh(_w1 * x + _b1)  # z1 = 1.0
    p = 1 / (1 + math.exp(-(_w2 * h + _b2)))
    dz2 = (p - 1) if loss_slope else p * (1 - p)  # dL/dz2 = p - y for sigmoid + cross-entropy
    dh = dz2 * (_w2 if with_w2 else 1)
    dz1 = dh * ((1 - h * h) if tanh_slope else 1)
    return dz1 * x


chain_rule = Exercise(
    id="backprop.chain_rule",
    kind="number",
    title="dL/dw1 through two neurons, by hand",
    name="dL_dw1",
    reference=_chain(),
    rtol=1e-3,
    mistakes=[
        Mistake("no x", _chain() / _x,
                "that is dL/dz1 (and dL/db1): the last factor, dz1/dw1 = x = 1.5, is missing."),
        Mistake("no tanh slope", _chain(tanh_slope=False),
                "the factor dh/dz1 = 1 - tanh(z1)^2 = 1 - h^2 is missing: the gradient passes "
                "through the tanh on its way back."),
        Mistake("no w2", _chain(with_w2=False),
                "the factor dz2/dh = w2 = -1.2 is missing: z2 = w2 h + b2, so the gradient "
                "reaching h is dL/dz2 * w2."),
        Mistake("sigmoid slope only", _chain(loss_slope=False),
                "you used dp/dz2 = p(1 - p) but dropped dL/dp = -1/p. Together they give "
                "dL/dz2 = -(1 - p) = p - y."),
        Mistake("dL/dw2", (1 / (1 + math.exp(-(_w2 * math.tanh(1.0) + _b2))) - 1) * math.tanh(1.0),
                "that is dL/dw2 = (p - y) h, the gradient of the second weight. Go one layer "
                "further back, to w1."),
    ],
    hints=[
        "Write the forward pass first: z1 = w1 x + b1, h = tanh(z1), z2 = w2 h + b2, "
        "p = sigmoid(z2), L = -log p. Then multiply the local derivatives from L back to w1.",
        "dL/dw1 = dL/dz2 * dz2/dh * dh/dz1 * dz1/dw1 = (p - y) * w2 * (1 - h^2) * x.",
        "z1 = 1.0, h = tanh(1) = 0.7616, z2 = -0.6139, p = 0.3512, so "
        "dL/dw1 = (0.3512 - 1) * (-1.2) * (1 - 0.7616^2) * 1.5, about 0.4905.",
    ],
    points=2,
)

# ---- numerical_gradient(f, x): the learner's own gradient checker --------------------------


def _cube(rng):
    return named("cube", a=float(rng.uniform(0.5, 2)))  # numbers from the seed: no table of gradients answers


def _layer(rng):
    return named("tanh_layer", v1=float(rng.uniform(0.5, 1.5)), v2=float(rng.uniform(-2.5, -1.0)))


def _lse(rng):
    return named("log_sum_exp", s=float(rng.uniform(1.5, 3.5)))


def _numerical_cases():
    return [
        Case("a cube at 4 points", lambda rng: (_cube(rng), rng.uniform(0.5, 2, size=4))),
        Case("a matrix W of shape (2, 3)", lambda rng: (_layer(rng), rng.normal(0, 0.5, size=(2, 3)))),
        Case("a log-sum-exp", lambda rng: (_lse(rng), rng.normal(size=5))),
        Case("integer x", lambda rng: (_cube(rng), np.array([1, 2, -1]))),
        Case("x with a coordinate at exactly 0", lambda rng: (_lse(rng), np.array([0.0, 0.5, -0.5]))),
    ]


def _one_sided(f, x, h=1e-5):
    x, grad = x.astype(np.float64), np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old
        grad[i] = (up - f(x)) / h
    return grad


def _no_restore(f, x, h=1e-5):
    x, grad = x.astype(np.float64), np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        x[i] += h
        up = f(x)
        x[i] -= 2 * h
        grad[i] = (up - f(x)) / (2 * h)
    return grad


def _central_slip(f, x, h=1e-5, rows=False, cast=True):
    """Central differences with one slip: whole rows nudged at once, or x's integers kept."""
    x = x.astype(np.float64) if cast else x.copy()
    grad = np.zeros(x.shape)
    for i in (range(len(x)) if rows else np.ndindex(x.shape)):
        old = x[i].copy() if rows else x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad


numerical_gradient = Exercise(
    id="backprop.numerical_gradient",
    kind="function",
    title="A gradient by central differences",
    name="numerical_gradient",
    signature="numerical_gradient(f, x)",
    reference=lambda f, x: _central_differences(f, x, eps=1e-5),
    cases=_numerical_cases(),
    forbid=("dlbook.gradcheck",),
    dtype="float",
    rtol=1e-6,
    atol=1e-8,
    mistakes=[
        Mistake("one-sided", _one_sided,
                "that is the one-sided difference (f(x + h) - f(x)) / h, whose error shrinks "
                "like h. The central difference (f(x + h) - f(x - h)) / (2h) is exact up to h^2."),
        Mistake("divided by h", lambda f, x: 2 * _central_differences(f, x, eps=1e-5),
                "x + h and x - h are 2h apart: divide the difference by 2 * h."),
        Mistake("not restored", _no_restore,
                "you did not put x[i] back after nudging it, so every later element was "
                "measured at a shifted point. Keep old = x[i] and restore x[i] = old."),
        Mistake("whole rows", lambda f, x: _central_slip(f, x, rows=True),
                "x[i] with one index is a whole row of a matrix: you nudged every element of "
                "the row at once. Loop over each element: for i in np.ndindex(x.shape)."),
        Mistake("integers", lambda f, x: _central_slip(f, x, cast=False),
                "x holds integers, so x[i] + h is rounded back to the same integer and f "
                "never moves. Work on a float copy: x = x.astype(np.float64)."),
    ],
    hints=[
        "For each element x_i: nudge it up by h, evaluate f, nudge it down by h, evaluate f, "
        "put it back. The slope is the difference over 2h.",
        "x = x.astype(np.float64) makes a float copy you may change. np.ndindex(x.shape) gives "
        "every index of an array of any shape; grad = np.zeros_like(x) collects the slopes.",
        "x = x.astype(np.float64)\ngrad = np.zeros_like(x)\nfor i in np.ndindex(x.shape):\n"
        "    old = x[i]\n    x[i] = old + h\n    up = f(x)\n    x[i] = old - h\n"
        "    down = f(x)\n    x[i] = old\n    grad[i] = (up - down) / (2 * h)\nreturn grad",
    ],
    points=2,
)

# ---- a Value operation's backward rule -------------------------------------------------------


def _mul(a, b, out_grad, a_grad, b_grad):
    if b is SAME:  # d(a * a)/da = 2a: both uses add their share
        g = a_grad + 2 * a * out_grad
        return a * a, g, g
    return a * b, a_grad + b * out_grad, b_grad + a * out_grad


def _wrong_mul(rule):
    def value_mul(a, b):
        out = Value(a.data * b.data, (a, b), "*")
        out._backward = lambda: rule(a, b, out)
        return out
    return value_mul


def _overwrite(a, b, out):
    a.grad = b.data * out.grad
    b.grad = a.data * out.grad


def _no_out_grad(a, b, out):
    a.grad += b.data
    b.grad += a.data


def _own_value(a, b, out):
    a.grad += a.data * out.grad
    b.grad += b.data * out.grad


value_mul = Exercise(
    id="backprop.value_mul",
    kind="function",
    title="The backward rule of a Value multiplication",
    name="value_mul",
    signature="value_mul(a, b)",
    arguments=("a.data", "b", "out.grad", "a.grad before", "b.grad before"),
    outputs=("out.data", "a.grad after", "b.grad after"),
    collect="value_mul",
    reference=_mul,
    cases=[
        Case("2 * (-3) with out.grad = 1", lambda rng: (2.0, -3.0, 1.0, 0.0, 0.0)),
        Case("out.grad = -0.5 from the nodes above", lambda rng: (1.5, 4.0, -0.5, 0.0, 0.0)),
        Case("inputs already holding gradient from their other uses",
             lambda rng: (0.7, -2.0, 2.0, 0.3, -1.2)),
        Case("one Value used twice, a * a", lambda rng: (3.0, SAME, 0.5, 0.0, 0.0)),
        Case("a = 0", lambda rng: (0.0, 2.5, 1.0, 0.0, 0.0)),
    ],
    forbid=("dlbook.autodiff:Value.__mul__",),
    dtype=None,
    mistakes=[
        Mistake("overwritten", _wrong_mul(_overwrite),
                "you set a.grad = ... and so overwrote the gradient a already had from its other "
                "uses. A node used in several places gets a contribution from each: add with +=."),
        Mistake("no out.grad", _wrong_mul(_no_out_grad),
                "b.data is d(out)/da, the local derivative. The chain rule multiplies it by "
                "out.grad, the gradient arriving from above: a.grad += b.data * out.grad."),
        Mistake("own value", _wrong_mul(_own_value),
                "d(a * b)/da is b, not a: each input's gradient uses the other input's value."),
    ],
    hints=[
        "out = a * b. What is d(out)/da? And d(out)/db? Multiply each by out.grad.",
        "a.grad gets b.data * out.grad added, and b.grad gets a.data * out.grad. Add (+=), "
        "because a or b may be used elsewhere too, even twice in this very node.",
        "a.grad += b.data * out.grad\nb.grad += a.data * out.grad",
    ],
    points=2,
)

# ---- a dense layer's backward pass -------------------------------------------------------------


def _dense_back(X, W, dZ):
    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0)


def _dense_cases():
    def make(N, D_in, D_out, dtype=np.float64):
        return lambda rng: tuple(rng.normal(size=s).astype(dtype)
                                 for s in ((N, D_in), (D_in, D_out), (N, D_out)))

    return [
        Case("a batch of 5, 3 features, 2 neurons", make(5, 3, 2)),
        Case("as many examples as neurons (N = D_out = 3, D_in = 4)", make(3, 4, 3)),
        Case("a batch of one", make(1, 4, 2)),
        Case("float32", make(4, 3, 2, np.float32)),
    ]


dense_backward = Exercise(
    id="backprop.dense_backward",
    kind="function",
    title="A dense layer's backward pass: dX, dW, db",
    name="dense_backward",
    signature="dense_backward(X, W, dZ)",
    outputs=("dX", "dW", "db"),
    reference=_dense_back,
    cases=_dense_cases(),
    forbid=("dlbook.nn",),
    mistakes=[
        Mistake("transposed dW", lambda X, W, dZ: (dZ @ W.T, dZ.T @ X, dZ.sum(axis=0)),
                "dZ.T @ X has shape (D_out, D_in), the transpose of W. A gradient has the "
                "shape of what it differentiates: dW = X.T @ dZ, (D_in, N) @ (N, D_out)."),
        Mistake("dX not transposed", lambda X, W, dZ: (dZ @ W, X.T @ dZ, dZ.sum(axis=0)),
                "dZ @ W cannot work: dZ is (N, D_out) and W is (D_in, D_out). The gradient "
                "flows back through W transposed: dX = dZ @ W.T."),
        Mistake("db not summed", lambda X, W, dZ: (dZ @ W.T, X.T @ dZ, dZ),
                "db has one entry per neuron, shape (D_out,). The bias was added to every "
                "example's row, so its gradient sums dZ over the batch: dZ.sum(axis=0)."),
        Mistake("db wrong axis", lambda X, W, dZ: (dZ @ W.T, X.T @ dZ, dZ.sum(axis=1)),
                "dZ.sum(axis=1) adds across neurons, one number per example. db sums over the "
                "examples, axis 0."),
        Mistake("db mean", lambda X, W, dZ: (dZ @ W.T, X.T @ dZ, dZ.mean(axis=0)),
                "db is the sum of dZ over the batch, not the mean: the loss's 1/N is already "
                "inside dZ. A mean divides by N a second time."),
        Mistake("dW mean", lambda X, W, dZ: (dZ @ W.T, X.T @ dZ / len(X), dZ.sum(axis=0)),
                "dW = X.T @ dZ, without dividing by N: the loss's 1/N is already inside dZ."),
    ],
    hints=[
        "Z = X @ W + b. Each output gradient has the shape of its variable: dX (N, D_in), "
        "dW (D_in, D_out), db (D_out,). Find the product of X, W and dZ that gives each shape.",
        "dW = X.T @ dZ and dX = dZ @ W.T. The bias is added to every row, so db adds up the "
        "rows of dZ.",
        "return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0)",
    ],
    points=3,
)

# ---- ReLU's backward pass at the layer level ------------------------------------------------------


def _relu_back(Z, dA):
    return dA * (Z > 0)


def _relu_cases():
    def make(shape, dtype=np.float64):
        return lambda rng: (rng.normal(size=shape).astype(dtype), rng.normal(size=shape).astype(dtype))

    return [
        Case("a non-square batch", make((3, 5))),
        Case("positive inputs with negative gradients",
             lambda rng: (np.array([[1.0, 2.0, -1.0]]), np.array([[-0.5, 3.0, 2.0]]))),
        Case("exact zeros in Z", lambda rng: (np.array([[0.0, 1.0], [-1.0, 0.0]]), np.ones((2, 2)))),
        Case("a batch of one", make((1, 4))),
        Case("float32", make((4, 3), np.float32)),
    ]


relu_backward = Exercise(
    id="backprop.relu_backward",
    kind="function",
    title="ReLU's backward pass: dZ from dA",
    name="relu_backward",
    signature="relu_backward(Z, dA)",
    reference=_relu_back,
    cases=_relu_cases(),
    forbid=("dlbook.activations",),
    mistakes=[
        Mistake("mask from dA", lambda Z, dA: dA * (dA > 0),
                "you took the mask from dA, the gradient arriving from the output (so does "
                "np.maximum(dA, 0)). ReLU's slope depends on its input: it passes the gradient "
                "where Z > 0, whatever the gradient's sign. dZ = dA * (Z > 0)."),
        Mistake("mask only", lambda Z, dA: (Z > 0).astype(Z.dtype),
                "that is relu'(Z), the local derivative. The chain rule multiplies it by the "
                "gradient arriving from above: dZ = dA * relu'(Z)."),
        Mistake("z >= 0", lambda Z, dA: dA * (Z >= 0),
                "at Z = 0 exactly this book follows PyTorch: relu'(0) = 0, so the mask is Z > 0."),
        Mistake("times relu", lambda Z, dA: dA * np.maximum(Z, 0),
                "you multiplied by relu(Z), ReLU's output. The chain rule needs its slope: 1 "
                "where Z > 0, else 0."),
    ],
    hints=[
        "ReLU's slope is 1 where its input is positive and 0 elsewhere. The gradient passes "
        "through where the slope is 1 and stops where it is 0.",
        "dZ = dA * relu'(Z), with relu'(Z) = (Z > 0). Multiplying by a boolean array turns True "
        "into 1 and keeps dA's dtype.",
        "return dA * (Z > 0)",
    ],
    points=1,
)

# ---- every gradient of a two-layer network -----------------------------------------------------


def _two_layer(X, y, W1, b1, W2, b2, relu_mask="Z", scale=True, one_hot=True, dW_T=False,
               sum_db=True, stable=True):
    N, y = len(X), np.asarray(y).astype(np.intp)  # the checker hands labels over as floats
    Z1 = X @ W1 + b1
    A1 = np.maximum(Z1, 0)
    Z2 = A1 @ W2 + b2
    if stable:
        P = Softmax._f(Z2)
    else:
        E = np.exp(Z2)
        P = E / E.sum(axis=1, keepdims=True)
    dZ2 = P.copy()
    if one_hot:
        dZ2[np.arange(N), y] -= 1
    else:
        dZ2 = dZ2 - y[:, None]
    if scale:
        dZ2 /= N
    dA1 = dZ2 @ W2.T
    mask = {"Z": Z1 > 0, "Z>=": Z1 >= 0, "dA": dA1 > 0, None: 1}[relu_mask]
    dZ1 = dA1 * mask
    grad_W = (lambda A, dZ: dZ.T @ A) if dW_T else (lambda A, dZ: A.T @ dZ)
    db = (lambda dZ: dZ.sum(axis=0)) if sum_db else (lambda dZ: dZ)
    return grad_W(X, dZ1), db(dZ1), grad_W(A1, dZ2), db(dZ2)


def _network_cases():
    def make(N, D, H, C, dtype=np.float64, scale=1.0, shift=0.0, zeros=False):
        def inputs(rng):
            X = rng.normal(size=(N, D)).astype(dtype)
            y = rng.integers(0, C, size=N)
            y[: min(N, C)] = np.arange(min(N, C))  # every class, where N allows
            W1, W2 = rng.normal(size=(D, H)), rng.normal(size=(H, C)) * scale
            b1, b2 = rng.normal(0, 0.5, size=H), rng.normal(size=C) + shift
            if zeros:  # an example of zeros and two biases of 0: Z1 is exactly 0 there, where relu' is 0
                X[0], b1[:2] = 0.0, 0.0
            return (X, y) + tuple(p.astype(dtype) for p in (W1, b1, W2, b2))
        return inputs

    return [
        Case("6 examples, 3 features, 4 hidden units, 2 classes", make(6, 3, 4, 2)),
        Case("a batch of one, 5 features, 3 hidden units, 4 classes", make(1, 5, 3, 4)),
        Case("logits in the hundreds", make(4, 2, 5, 3, scale=300.0)),
        Case("logits near 1000", make(3, 2, 4, 3, shift=1000.0)),  # overflows exp for every seed
        Case("exact zeros in Z1", make(4, 3, 5, 2, zeros=True)),
        Case("float32", make(5, 4, 6, 3, np.float32)),
    ]


two_layer_gradients = Exercise(
    id="backprop.two_layer_gradients",
    kind="function",
    title="Every gradient of a two-layer network",
    name="two_layer_gradients",
    signature="two_layer_gradients(X, y, W1, b1, W2, b2)",
    outputs=("dW1", "db1", "dW2", "db2"),
    reference=_two_layer,
    cases=_network_cases(),
    rtol=1e-5,
    forbid=("dlbook.nn", "dlbook.losses", "dlbook.activations"),
    overflow=("np.exp overflowed on large logits: subtract each row's maximum before exp, "
              "Z2 - Z2.max(axis=1, keepdims=True), which leaves the softmax unchanged."),
    mistakes=[
        Mistake("mask at 0", lambda *a: _two_layer(*a, relu_mask="Z>="),
                "your ReLU mask lets the gradient through where Z1 is exactly 0: relu'(0) is 0 (as in "
                "PyTorch), so the mask is Z1 > 0, not Z1 >= 0."),
        Mistake("no 1/N", lambda *a: _two_layer(*a, scale=False),
                "every gradient is N times too large: the loss is the mean over the batch, so "
                "dL/dZ2 = (P - Y) / N."),
        Mistake("labels", lambda *a: _two_layer(*a, one_hot=False),
                "y holds class labels, not one-hot rows: P - y[:, None] subtracts the label "
                "from every column. Subtract 1 at each example's class: "
                "dZ2[np.arange(N), y] -= 1."),
        Mistake("mask from dA", lambda *a: _two_layer(*a, relu_mask="dA"),
                "you took ReLU's mask from dA1, the gradient arriving from the output. The "
                "mask comes from the layer's input: dZ1 = dA1 * (Z1 > 0)."),
        Mistake("no relu", lambda *a: _two_layer(*a, relu_mask=None),
                "the gradient went through the ReLU unchanged: multiply dA1 by its slope, "
                "dZ1 = dA1 * (Z1 > 0)."),
        Mistake("transposed dW", lambda *a: _two_layer(*a, dW_T=True),
                "dZ.T @ A is the transpose of W's shape. dW1 = X.T @ dZ1 and dW2 = A1.T @ dZ2."),
        Mistake("db not summed", lambda *a: _two_layer(*a, sum_db=False),
                "each db has one entry per neuron: sum dZ over the batch, dZ.sum(axis=0)."),
        Mistake("naive softmax", lambda *a: _two_layer(*a, stable=False),
                "np.exp overflowed on large logits: subtract each row's maximum before exp, "
                "which leaves the softmax unchanged."),
    ],
    hints=[
        "Run the forward pass and keep Z1, A1 and P. Then go backward: dZ2, then dW2 and db2, "
        "then dA1, dZ1, and dW1 and db1. Each gradient has its variable's shape.",
        "dZ2 = (P - Y) / N with Y one-hot (or P with 1 subtracted at [np.arange(N), y]). "
        "dW2 = A1.T @ dZ2, db2 = dZ2.sum(axis=0), dA1 = dZ2 @ W2.T, dZ1 = dA1 * (Z1 > 0).",
        "Your dense_backward and relu_backward from above do half of the work: "
        "dA1, dW2, db2 = dense_backward(A1, W2, dZ2) and dZ1 = relu_backward(Z1, dA1).",
    ],
    points=3,
)

# ---- why reverse topological order ----------------------------------------------------------

order = Exercise(
    id="backprop.order",
    kind="choice",
    title="Why backward() goes in reverse topological order",
    name="order",
    reference="b",
    choices=[
        Choice("a", "it is the fastest order, but any order gives the same gradients",
                "no: in another order a node can pass its gradient on before all of it has "
                "arrived, and the nodes below it get a partial gradient."),
        Choice("b", "so every node has received the gradient from all of its uses before it passes gradient on",
                "right: a node's gradient is a sum over its uses, and it must be complete before "
                "the node's own backward rule multiplies it by the local derivatives."),
        Choice("c", "so the leaves (inputs and weights) are visited first",
                "the reverse order visits the output first and the leaves last: a leaf's "
                "gradient is the last to be complete."),
        Choice("d", "because Python limits recursion to about 1,000 calls",
                "that is why the sort is written without recursion, not why the order matters: "
                "the recursive and the iterative sort give the same order."),
    ],
    hints=[
        "Think of a node used twice, like a in a * a + a. When is its gradient complete?",
        "A node may only pass its gradient on when it has all of it.",
        "order = 'b'",
    ],
    points=1,
)

EXERCISES = [chain_rule, numerical_gradient, value_mul, dense_backward, relu_backward,
             two_layer_gradients, order]
