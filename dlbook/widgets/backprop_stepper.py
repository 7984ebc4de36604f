"""Step through backpropagation one node at a time, with Next and Back.

`tiny_network()` builds the graph the chapter uses: one input, two tanh hidden neurons, a
sigmoid output and the binary cross-entropy for the label y = 1. `backprop_steps(L)` runs
L's backward pass one node at a time (exactly what `Value.backward` does) and records after
each node what every gradient is, which are complete and which still wait for other uses,
and a sentence saying what happened. `BackpropStepper` shows the steps on the graph drawing.
"""

from dataclasses import dataclass
from functools import cached_property

import ipywidgets as widgets
import numpy as np

from ..autodiff import Value
from ._figure import Shown, error_text, figure_widget, new_figure, redraw
from .graph_drawing import GraphDrawing, expression, graph_layout, node_name

__all__ = ["tiny_network", "Step", "backprop_steps", "BackpropStepper", "step_backprop"]

# the local derivative of each operation, with respect to its input a (and b)
RULES = {
    "+": "d(a + b)/da = d(a + b)/db = 1",
    "*": "d(a·b)/da = b and d(a·b)/db = a",
    "exp": "d(e^a)/da = e^a",
    "log": "d(log a)/da = 1/a",
    "tanh": "d(tanh a)/da = 1 - tanh(a)²",
    "sigmoid": "dσ(a)/da = σ(a)(1 - σ(a))",
    "relu": "d relu(a)/da = 1 if a > 0 else 0",
}


def tiny_network(x=1.5, y=1):
    """L for a 1-2-1 network on one example (x, y): h_j = tanh(w_j x + b_j),
    p = sigmoid(v_1 h_1 + v_2 h_2 + c), L = -log p (y = 1) or -log(1 - p) (y = 0).

    The input x feeds both hidden neurons, so its gradient is the sum of two contributions.
    Returns the Value L; every node carries a label.
    """
    if y not in (0, 1):
        raise ValueError(f"y must be 0 or 1, got {y!r}")

    def leaf(value, label):
        return Value(value, label=label)

    def named(v, label):
        v.label = label
        return v

    xv = leaf(x, "x")
    hidden = []
    for j, (w, b) in enumerate([(0.8, -0.2), (-0.5, 0.4)], start=1):
        z = named(named(leaf(w, f"w{j}") * xv, f"wx{j}") + leaf(b, f"b{j}"), f"z{j}")
        hidden.append(named(z.tanh(), f"h{j}"))
    s = named(named(leaf(-1.2, "v1") * hidden[0], "vh1") + named(leaf(0.9, "v2") * hidden[1], "vh2"), "s")
    p = named(named(s + leaf(0.3, "c"), "z").sigmoid(), "p")
    q = p if y == 1 else named(1 - p, "1-p")
    return named(named(q.log(), "log") * leaf(-1.0, "-1"), "L")


@dataclass
class Step:
    """The state after one step. grads and state are per node, in `graph_layout` order.

    current: the node whose backward rule just ran (None before the backward pass).
    flowing: the edges (input, node) that carried gradient in this step.
    """

    number: int
    current: int | None
    grads: list
    state: list
    flowing: list
    text: str


def backprop_steps(L):
    """Every step of L.backward(): forward values only, then L's own gradient 1, then one
    step per operation in reverse topological order. Leaves L's graph as L.backward() does."""
    layout = graph_layout(L)
    nodes, n = layout.nodes, len(layout.nodes)
    names = [node_name(v, i) for i, v in enumerate(nodes)]
    by_id = {id(v): name for v, name in zip(nodes, names)}
    users = {i: {j for k, j in layout.edges if k == i} for i in range(n)}
    inputs = {j: [k for k, jj in layout.edges if jj == j] for j in range(n)}
    for v in nodes:
        v.grad = 0.0
    arrived, done = set(), set()  # nodes with some gradient; nodes whose rule has run

    def snapshot(number, current, flowing, text):
        grads = [v.grad if i in arrived else None for i, v in enumerate(nodes)]
        state = ["none" if i not in arrived else
                 "complete" if i == n - 1 or users[i] <= done else "partial" for i in range(n)]
        return Step(number, current, grads, state, list(flowing), text)

    steps = [snapshot(0, None, (), "The forward pass has run: every node holds its value. "
                      "No gradient has arrived yet. Press Next to start the backward pass.")]
    L.grad = 1.0
    arrived.add(n - 1)
    steps.append(snapshot(1, n - 1, (), f"{names[-1]} is the loss: dL/d{names[-1]} = 1. "
                          "From here every gradient flows right to left."))
    for j in reversed(range(n)):
        v = nodes[j]
        if not v._prev:
            continue  # a leaf has no rule: its gradient is an answer, not passed on
        before = {k: nodes[k].grad for k in inputs[j]}
        v._backward()
        done.add(j)
        arrived.update(inputs[j])
        parts = []
        for k in inputs[j]:
            delta = nodes[k].grad - before[k]
            local = f"{delta / v.grad:.4g} × {v.grad:.4g}" if v.grad else f"… × {v.grad:.4g}"
            status = "complete" if users[k] <= done else "more to come from its other uses"
            parts.append(f"{names[k]}.grad += {local} = {delta:.4g} (now {nodes[k].grad:.4g}, {status})")
        op = "**" if v._op.startswith("**") else v._op
        rule = RULES.get(op, f"d(a^k)/da = k a^(k-1), k = {v._op[2:]}")
        steps.append(snapshot(len(steps), j, [(k, j) for k in inputs[j]],
                              f"{names[j]} = {expression(v, by_id)}: its gradient {v.grad:.4g} is complete, so its "
                              f"rule passes it on ({rule}). " + "; ".join(parts) + "."))
    return steps


class BackpropStepper(Shown):
    """The graph of L with Back and Next buttons (and a slider) over `backprop_steps(L)`."""

    def __init__(self, L=None):
        self.L = tiny_network() if L is None else L
        self.steps = backprop_steps(self.L)
        xy = graph_layout(self.L).xy
        # at most 9.6 inches: JupyterLab's output area is about 1,000 pixels wide
        self.fig, ax = new_figure(figsize=(min(9.6, max(6.0, 1.05 * (xy[:, 0].max() + 1))), 0.85 * (np.ptp(xy[:, 1]) + 1.6)))
        self.fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.99)
        self.drawing = GraphDrawing(ax, self.L, fontsize=6.8)
        last = len(self.steps) - 1
        self.back = widgets.Button(description="◀ Back", layout=widgets.Layout(width="90px"))
        self.next = widgets.Button(description="Next ▶", layout=widgets.Layout(width="90px"))
        self.slider = widgets.IntSlider(0, min=0, max=last, description="step",
                                        layout=widgets.Layout(width="360px"))
        self.readout = widgets.HTML(layout=widgets.Layout(min_height="3.5em"))
        self.back.on_click(lambda _: self.go(self.slider.value - 1))
        self.next.on_click(lambda _: self.go(self.slider.value + 1))
        self.slider.observe(lambda _: self._redraw(), names="value")
        self._redraw()

    def go(self, number):
        """Show step `number` (clipped to the first and last)."""
        self.slider.value = max(0, min(int(number), self.slider.max))

    @property
    def step(self):
        return self.steps[self.slider.value]

    def _redraw(self):
        try:
            s = self.step
            self.drawing.show(s.grads, s.state, s.current, s.flowing)
            self.back.disabled = s.number == 0
            self.next.disabled = s.number == len(self.steps) - 1
            legend = ('<span style="background:#ffe0b2">&nbsp;partial&nbsp;</span> '
                      '<span style="background:#c8e6c9">&nbsp;complete&nbsp;</span>')
            self.readout.value = f"<b>Step {s.number} of {len(self.steps) - 1}.</b> {s.text}<br>{legend}"
            redraw(self.fig)
        except Exception as err:  # shown, since JupyterLab hides callback errors
            self.readout.value = error_text(err)

    @cached_property
    def widget(self):
        controls = widgets.HBox([self.back, self.next, self.slider])
        return widgets.VBox([controls, self.readout, figure_widget(self.fig)])


def step_backprop(L=None):
    """Step through the backward pass of L (a Value), by default `tiny_network()`."""
    return BackpropStepper(L)
