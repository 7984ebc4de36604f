"""The graph drawing and the backprop stepper: layout, steps against Value.backward, controls."""

import math

import numpy as np
import pytest

from dlbook.autodiff import Value
from dlbook.widgets import BackpropStepper, backprop_steps, draw_graph, graph_layout, tiny_network
from dlbook.widgets.graph_drawing import expression


def _reused():
    a = Value(2.0, label="a")
    v = a * a
    v.label = "v"
    b = v + a
    b.label = "b"
    return a, v, b


def test_layout_puts_inputs_left_of_their_uses_and_the_output_right():
    a, v, b = _reused()
    layout = graph_layout(b)
    assert layout.nodes == [a, v, b]
    np.testing.assert_array_equal(layout.xy[:, 0], [0, 1, 2])
    assert layout.edges == [(0, 1), (0, 2), (1, 2)]  # a * a is one edge: one arrow
    names = {id(a): "a", id(v): "v"}
    assert expression(v, names) == "a * a" and expression(b, names) == "v + a"
    with pytest.raises(TypeError, match="root must be a dlbook.autodiff.Value"):
        graph_layout(3.0)


def test_layout_of_the_tiny_network_never_stacks_two_boxes():
    layout = graph_layout(tiny_network())
    assert len({tuple(p) for p in layout.xy}) == len(layout.nodes) == 22
    for i, j in layout.edges:
        assert layout.xy[i, 0] < layout.xy[j, 0]  # every arrow points right
    column = {n.label: x for n, (x, _) in zip(layout.nodes, layout.xy)}
    assert column["x"] == 0 and column["b1"] == column["z1"] - 1 and column["L"] == max(column.values())


def test_tiny_network_by_hand():
    L = tiny_network(x=1.5, y=1)
    h1, h2 = math.tanh(0.8 * 1.5 - 0.2), math.tanh(-0.5 * 1.5 + 0.4)
    p = 1 / (1 + math.exp(-(-1.2 * h1 + 0.9 * h2 + 0.3)))
    assert L.data == pytest.approx(-math.log(p), rel=1e-12)
    assert tiny_network(y=0).data == pytest.approx(-math.log(1 - p), rel=1e-12)
    with pytest.raises(ValueError, match="y must be 0 or 1"):
        tiny_network(y=2)


def test_steps_end_where_backward_ends():
    L = tiny_network()
    steps = backprop_steps(L)
    nodes = graph_layout(L).nodes
    final = [n.grad for n in nodes]
    L.backward()
    np.testing.assert_allclose(final, [n.grad for n in nodes], rtol=1e-15)
    assert len(steps) == 2 + sum(1 for n in nodes if n._prev)  # forward, seed, one per operation
    assert all(g is None for g in steps[0].grads) and steps[1].grads[-1] == 1.0
    assert steps[-1].state == ["complete"] * len(nodes)
    # dL/dx is the sum over both hidden neurons: analytic, by the chain rule
    x = nodes.index(next(n for n in nodes if n.label == "x"))
    h1, h2 = math.tanh(1.0), math.tanh(-0.35)
    p = 1 / (1 + math.exp(-(-1.2 * h1 + 0.9 * h2 + 0.3)))
    dx = (p - 1) * (-1.2 * (1 - h1 ** 2) * 0.8 + 0.9 * (1 - h2 ** 2) * -0.5)
    assert steps[-1].grads[x] == pytest.approx(dx, rel=1e-12)


def test_a_node_used_twice_is_partial_until_both_uses_have_passed_gradient():
    a, v, b = _reused()
    steps = backprop_steps(b)
    # b's rule gives a its first share (1) while v still owes 2a = 4
    after_b = steps[2]
    assert after_b.current == 2 and after_b.grads[0] == 1.0 and after_b.state[0] == "partial"
    assert set(after_b.flowing) == {(0, 2), (1, 2)}
    assert "more to come from its other uses" in after_b.text
    after_v = steps[3]
    assert after_v.grads[0] == 5.0 and after_v.state[0] == "complete"  # 1 + 2a = 5
    assert "a.grad += 4 × 1 = 4 (now 5, complete)" in after_v.text
    assert "d(a·b)/da = b" in after_v.text


def test_stepper_buttons_walk_the_steps_and_restyle_in_place():
    stepper = BackpropStepper()
    boxes, fig = list(stepper.drawing.boxes), stepper.fig
    assert stepper.back.disabled and not stepper.next.disabled
    assert all("grad ?" in box.get_text() for box in boxes)
    stepper.next.click()
    stepper.next.click()
    assert stepper.slider.value == 2 and "Step 2 of" in stepper.readout.value
    current = stepper.step.current
    assert boxes[current].get_bbox_patch().get_linewidth() == 2.5
    assert stepper.drawing.boxes == boxes and stepper.fig is fig  # restyled, not rebuilt
    stepper.back.click()
    assert stepper.slider.value == 1
    stepper.go(10_000)
    assert stepper.slider.value == len(stepper.steps) - 1 and stepper.next.disabled
    assert not any("grad ?" in box.get_text() for box in boxes)
    stepper.go(-5)
    assert stepper.slider.value == 0


def test_stepper_takes_any_graph_and_draw_graph_shows_the_gradients():
    a, v, b = _reused()
    stepper = BackpropStepper(b)
    assert len(stepper.steps) == 4
    b.backward()
    fig = draw_graph(b)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "a\nvalue 2\ngrad 5" in texts and "b = v + a\nvalue 6\ngrad 1" in texts
    assert stepper.widget is stepper.widget
