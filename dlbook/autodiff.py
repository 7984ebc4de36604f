"""A scalar autodiff engine: every operation's backward rule beside its forward.

Each `Value` holds a number `data`, its gradient `grad` = dL/d(this value) after
`L.backward()`, and the Values it was computed from. An operation builds a new node and a
closure `_backward` that applies the chain rule locally:

    out = a * b        a.grad += b * out.grad      b.grad += a * out.grad

`backward()` visits the graph in reverse topological order, so every node has received the
gradient from all of its uses (summed: a node used twice gets both contributions) before it
passes gradient on. The sort is iterative: a chain of 10,000 nodes needs no recursion.
"""

import math


__all__ = ["Value"]


def _as_value(x):
    return x if isinstance(x, Value) else Value(x)


class Value:
    """A number in a computational graph. Value(2.0) * Value(3.0) + 1 builds a graph."""

    __slots__ = ("data", "grad", "_prev", "_op", "_backward", "label")

    def __init__(self, data, _prev=(), _op="", label=""):
        if isinstance(data, bool) or not isinstance(data, (int, float)) or not math.isfinite(data):
            raise TypeError(f"Value needs a finite real number, got {data!r}")
        self.data = float(data)
        self.grad = 0.0
        self._prev = tuple(_prev)
        self._op = _op
        self._backward = lambda: None
        self.label = label

    # ---- arithmetic: forward and backward side by side -------------------------------------

    def __add__(self, other):
        other = _as_value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():  # d(a + b)/da = d(a + b)/db = 1
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = _as_value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():  # d(ab)/da = b, d(ab)/db = a
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __pow__(self, k):
        if isinstance(k, Value) or isinstance(k, bool) or not isinstance(k, (int, float)):
            raise TypeError(f"Value ** k needs a plain number k, got {k!r}")
        if self.data == 0 and k < 1:
            raise ZeroDivisionError(f"0 ** {k} has no finite value or derivative")
        out = Value(self.data ** k, (self,), f"**{k:g}")

        def _backward():  # d(a^k)/da = k a^(k-1)
            self.grad += k * self.data ** (k - 1) * out.grad
        out._backward = _backward
        return out

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-_as_value(other))

    def __truediv__(self, other):
        return self * _as_value(other) ** -1

    def __radd__(self, other):
        return self + other

    def __rsub__(self, other):
        return _as_value(other) - self

    def __rmul__(self, other):
        return self * other

    def __rtruediv__(self, other):
        return _as_value(other) / self

    # ---- functions --------------------------------------------------------------------------

    def _unary(self, value, local_grad, op):
        """A node for f(self) with value f(a) and local derivative f'(a)."""
        out = Value(value, (self,), op)

        def _backward():
            self.grad += local_grad * out.grad
        out._backward = _backward
        return out

    def exp(self):
        if self.data > 709.0:  # e^709.8 is the largest float64
            raise OverflowError(f"exp({self.data:g}) overflows a float64")
        e = math.exp(self.data)
        return self._unary(e, e, "exp")  # (e^a)' = e^a

    def log(self):
        if self.data <= 0:
            raise ValueError(f"log needs a positive number, got {self.data:g}")
        return self._unary(math.log(self.data), 1 / self.data, "log")  # (log a)' = 1/a

    def tanh(self):
        t = math.tanh(self.data)
        return self._unary(t, 1 - t * t, "tanh")  # tanh' = 1 - tanh^2

    def sigmoid(self):
        e = math.exp(-abs(self.data))  # never overflows, as in dlbook.activations
        s = 1 / (1 + e) if self.data >= 0 else e / (1 + e)
        return self._unary(s, s * (1 - s), "sigmoid")  # sigma' = sigma (1 - sigma)

    def relu(self):
        return self._unary(max(self.data, 0.0), float(self.data > 0), "relu")  # relu'(0) = 0

    # ---- the backward pass ------------------------------------------------------------------

    def topological_order(self):
        """Every node of the graph ending here, each after all the nodes it was computed from."""
        order, seen = [], set()
        stack = [(self, False)]
        while stack:  # depth-first, without recursion
            node, children_done = stack.pop()
            if children_done:
                order.append(node)
                continue
            if id(node) in seen:
                continue
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in node._prev if id(child) not in seen)
        return order

    def backward(self):
        """Fill in `grad` = d(self)/d(node) for every node of the graph, from scratch.

        Gradients start at 0 and each use of a node adds its contribution (the multivariable
        chain rule sums over paths). Unlike PyTorch, a second call recomputes rather than adds.
        """
        order = self.topological_order()
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):
            node._backward()

    def __repr__(self):
        name = f"{self.label}: " if self.label else ""
        return f"Value({name}data={self.data:.6g}, grad={self.grad:.6g})"
