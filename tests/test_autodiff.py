"""The scalar autodiff engine against central differences: every operation, random graphs with
reused nodes, diamonds, and a chain of 10,000 nodes."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dlbook.autodiff import Value
from dlbook.gradcheck import check_gradient

UNARY = {
    "exp": (lambda v: v.exp(), math.exp),
    "log": (lambda v: v.log(), math.log),
    "tanh": (lambda v: v.tanh(), math.tanh),
    "sigmoid": (lambda v: v.sigmoid(), lambda x: 1 / (1 + math.exp(-x))),
    "relu": (lambda v: v.relu(), lambda x: max(x, 0.0)),
    "square": (lambda v: v ** 2, lambda x: x ** 2),
    "cube root": (lambda v: v ** (1 / 3), lambda x: x ** (1 / 3)),
    "reciprocal": (lambda v: 1 / v, lambda x: 1 / x),
    "neg": (lambda v: -v, lambda x: -x),
}


def _gradients(build, xs):
    """Autodiff gradients of build(*Values) at xs, and the function on floats for gradcheck."""
    leaves = [Value(x) for x in xs]
    out = build(*leaves)
    out.backward()
    return out.data, np.array([leaf.grad for leaf in leaves])


def _check(build, xs):
    value, grads = _gradients(build, xs)
    report = check_gradient(lambda v: build(*[Value(float(x)) for x in v]).data, np.array(xs, dtype=float), grads)
    assert report.passed, report
    return value, grads


@pytest.mark.parametrize("name", UNARY)
@pytest.mark.parametrize("x", [-1.7, 0.3, 2.5])
def test_unary_operations(name, x):
    build, f = UNARY[name]
    if name in ("log", "cube root") and x <= 0:
        x = -x
    value, _ = _check(build, [x])
    assert value == pytest.approx(f(x))


@pytest.mark.parametrize("build", [
    lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b, lambda a, b: a / b,
    lambda a, b: 3 - a * 2 + b / 4, lambda a, b: 2 / (a * b), lambda a, b: (a * b).tanh() + a.exp() / b,
], ids=["add", "sub", "mul", "div", "with numbers", "rtruediv", "mixed"])
def test_binary_operations(build):
    _check(build, [1.3, -0.7])


def test_hand_worked_chain_rule():
    # L = (w x + b)^2 with w = 3, x = 2, b = 1: z = 7, dL/dw = 2 z x = 28, dL/db = 2 z = 14
    w, x, b = Value(3.0), Value(2.0), Value(1.0)
    L = (w * x + b) ** 2
    L.backward()
    assert (L.data, w.grad, x.grad, b.grad) == (49.0, 28.0, 42.0, 14.0)


def test_a_node_used_twice_sums_its_gradients():
    a = Value(3.0)
    b = a * a  # d(a^2)/da = 2a, through two uses of a
    b.backward()
    assert a.grad == 6.0
    c = a + a
    c.backward()
    assert a.grad == 2.0  # backward starts from zero: no leftover 6 from before


def test_diamond():
    # a feeds b and c, which meet again in d: both paths contribute
    a = Value(0.5)
    b, c = a.tanh(), a.exp()
    d = b * c
    d.backward()
    t, e = math.tanh(0.5), math.exp(0.5)
    assert a.grad == pytest.approx((1 - t * t) * e + t * e)


def test_relu_derivative_at_zero_is_zero():
    x = Value(0.0)
    y = x.relu()
    y.backward()
    assert x.grad == 0.0


def test_a_chain_of_ten_thousand_nodes_needs_no_recursion():
    x = Value(1.0)
    y = x
    for _ in range(10_000):
        y = y * 1.0001 + 0.0
    y.backward()
    assert len(y.topological_order()) > 10_000 * 3
    assert x.grad == pytest.approx(1.0001 ** 10_000, rel=1e-9)


def test_topological_order_puts_inputs_first():
    a, b = Value(1.0, label="a"), Value(2.0, label="b")
    c = a * b
    d = c + a
    order = d.topological_order()
    index = {id(n): i for i, n in enumerate(order)}
    assert order[-1] is d
    assert index[id(a)] < index[id(c)] < index[id(d)] and index[id(b)] < index[id(c)]
    assert len(order) == 4


@pytest.mark.parametrize("make, error, words", [
    (lambda: Value("2"), TypeError, "finite real number"),
    (lambda: Value(float("nan")), TypeError, "finite real number"),
    (lambda: Value(1.0) ** Value(2.0), TypeError, "plain number"),
    (lambda: Value(-1.0).log(), ValueError, "log needs a positive number, got -1"),
    (lambda: Value(800.0).exp(), OverflowError, "exp(800) overflows"),
    (lambda: Value(0.0) ** -1, ZeroDivisionError, "0 ** -1"),
])
def test_clear_errors(make, error, words):
    with pytest.raises(error) as info:
        make()
    assert words in str(info.value)


def test_sigmoid_is_stable():
    assert Value(-1000.0).sigmoid().data == 0.0
    assert Value(1000.0).sigmoid().data == 1.0


# random expression graphs: each step combines two earlier nodes (so nodes are reused)
_OPS = [lambda a, b: a + b, lambda a, b: a * b, lambda a, b: a - b,
        lambda a, b: a * b.tanh(), lambda a, b: a + b.sigmoid(), lambda a, b: (a * 0.5).tanh() * b]


def _random_graph(steps):
    def build(*leaves):
        nodes = list(leaves)
        for op, i, j in steps:
            nodes.append(_OPS[op](nodes[i % len(nodes)], nodes[j % len(nodes)]))
        return nodes[-1]
    return build


@settings(max_examples=60)
@given(st.lists(st.tuples(st.integers(0, len(_OPS) - 1), st.integers(0, 50), st.integers(0, 50)), min_size=1, max_size=12),
       st.lists(st.floats(-2, 2), min_size=3, max_size=3))
def test_random_graphs_match_central_differences(steps, xs):
    build = _random_graph(steps)
    _, grads = _gradients(build, xs)
    numeric = check_gradient(lambda v: build(*[Value(float(x)) for x in v]).data, np.array(xs), grads,
                             rtol=1e-5, atol=1e-7)
    assert numeric.passed, numeric
