"""The widgets: their pure computations, and their controls driving the figures in place."""

import numpy as np
import pytest

from dlbook import nn
from dlbook.widgets import (ActivationExplorer, BatchLossExplorer, LossExplorer, NetworkExplorer,
                            activation_curves, decision_grid, loss_curves, network_values)
from dlbook.widgets.network_drawing import edge_list, layout


def test_curves_by_hand():
    c = activation_curves("sigmoid", -4.0, 4.0, z0=0.0, n=9)
    np.testing.assert_allclose(c.z, np.arange(-4.0, 5.0))
    assert c.a0 == 0.5 and c.slope == 0.25
    np.testing.assert_allclose(c.tangent_a, 0.5 + 0.25 * (c.tangent_z - 0.0))
    relu = activation_curves("relu", -5.0, 5.0, z0=2.0, n=1001)
    assert relu.fraction_vanishing == pytest.approx(0.5, abs=1e-2)  # the whole negative half
    assert relu.slope == 1.0 and np.isnan(relu.da_vanishing[relu.z > 0]).all()
    wide = activation_curves("sigmoid", -20.0, 20.0)
    narrow = activation_curves("sigmoid", -2.0, 2.0)
    assert wide.fraction_vanishing > 0.6 > narrow.fraction_vanishing == 0.0


def test_curves_refuse_bad_arguments():
    with pytest.raises(ValueError, match="name must be one of"):
        activation_curves("softmax")
    with pytest.raises(ValueError, match="z_min must be below z_max"):
        activation_curves("tanh", 1.0, 1.0)


def test_controls_move_the_artists_in_place():
    ex = ActivationExplorer("sigmoid")
    f_line, fig = ex.f_line, ex.fig
    before = f_line.get_ydata().copy()
    ex.activation.value = "tanh"
    assert ex.f_line is f_line and ex.fig is fig  # updated, not rebuilt
    np.testing.assert_allclose(f_line.get_ydata(), np.tanh(f_line.get_xdata()))
    assert not np.allclose(before, f_line.get_ydata())
    ex.z0.value = -1.5
    assert ex.point.get_xdata()[0] == -1.5
    assert ex.df_point.get_ydata()[0] == pytest.approx(1 - np.tanh(-1.5) ** 2)
    ex.z_range.value = (-10.0, 3.0)
    assert ex.ax_f.get_xlim() == (-10.0, 3.0)
    assert "tanh(-1.50)" in ex.readout.value


def test_callback_errors_show_in_the_widget():
    ex = ActivationExplorer("relu")
    ex.curves = lambda: activation_curves("relu", 2.0, 2.0)  # an empty range: the computation refuses it
    ex.update()
    assert "Could not update" in ex.readout.value and "z_min must be below z_max" in ex.readout.value
    del ex.curves
    ex.update()
    assert "Could not update" not in ex.readout.value


def test_the_range_handles_cannot_meet():
    ex = ActivationExplorer("relu")
    ex.z_range.value = (6.0, 6.0)  # what pressing End on the lower handle does in the browser
    assert ex.z_range.value == (6.0, 7.0) and "Could not update" not in ex.readout.value
    ex.z_range.value = (20.0, 20.0)
    assert ex.z_range.value == (19.0, 20.0)
    assert ex.ax_f.get_xlim() == (19.0, 20.0)


def test_the_widget_is_one_box_made_once():
    ex = ActivationExplorer()
    assert ex.widget is ex.widget
    assert "application/vnd.jupyter.widget-view+json" in ex._repr_mimebundle_()


def test_sliding_z0_blits_without_a_full_redraw_and_matches_one():
    ex = ActivationExplorer("tanh")
    ex.fig.canvas.draw()
    full_draws = []
    ex.fig.canvas.mpl_connect("draw_event", lambda event: full_draws.append(event))
    ex.z0.value = 2.5
    assert full_draws == []  # only the tangent and the points were repainted
    blitted = np.asarray(ex.fig.canvas.buffer_rgba()).copy()
    ex.fig.canvas.draw()
    np.testing.assert_array_equal(blitted, np.asarray(ex.fig.canvas.buffer_rgba()))
    ex.activation.value = "relu"
    assert len(full_draws) == 2  # ours above, and the one a new activation needs


# ---- the network explorer (chapter 1) -------------------------------------------------------


def test_layout_and_edges_by_hand():
    pos = layout([2, 3, 1])
    np.testing.assert_allclose(pos[1], [[1, 0.5], [1, 0.0], [1, -0.5]])  # node 0 on top, centred
    np.testing.assert_allclose(pos[0][:, 1], [0.25, -0.25])
    assert edge_list([2, 3, 1])[:4] == [(0, 0, 0), (0, 0, 1), (0, 0, 2), (0, 1, 0)]
    assert len(edge_list([2, 3, 1])) == 2 * 3 + 3 * 1


def test_network_values_follow_the_forward_pass():
    model = nn.mlp([2, 4, 4, 1], activation="tanh", output="sigmoid", rng=3)
    x = np.array([0.5, -1.0])
    values = network_values(model, x)
    assert [v.shape for v in values] == [(2,), (4,), (4,), (1,)]
    p = model.params
    a1 = np.tanh(x @ p["0.W"] + p["0.b"])
    np.testing.assert_allclose(values[1], a1)
    xs, ys, P = decision_grid(model, extent=2.0, n=5)
    assert P.shape == (5, 5) and xs[0] == -2.0
    np.testing.assert_allclose(P[1, 3], model(np.array([[xs[3], ys[1]]]))[0, 0])  # row is y, column x


def test_network_controls_update_drawing_and_boundary():
    ex = NetworkExplorer("tanh", seed=1)
    fig, image = ex.fig, ex.image
    colours = ex.drawing.nodes.get_array().copy()
    ex.x1.value = -2.0
    assert ex.point.get_xdata()[0] == -2.0
    assert not np.allclose(colours, ex.drawing.nodes.get_array())
    hidden = network_values(ex.model, (-2.0, ex.x2.value))[1]
    assert ex.drawing.texts[0].get_text() == f"{hidden[0]:.2f}"  # the first hidden neuron
    grid = np.asarray(image.get_array()).copy()
    ex.parameter.value = "W1[1, 2]"
    assert ex.value.value == ex.model.layers[0].params["W"][1, 2]  # the slider shows it, unchanged
    ex.value.value = 3.5
    assert ex.model.layers[0].params["W"][1, 2] == 3.5
    assert not np.allclose(grid, image.get_array())
    assert ex.fig is fig and ex.image is image  # updated, not rebuilt
    ex.activation.value = "relu"
    assert ex.model.layers[0].params["W"][1, 2] == 3.5  # weights kept
    assert [layer.name for layer in ex.model.layers[1::2]] == ["relu", "relu", "sigmoid"]
    ex.seed.value = 7
    assert ex.model.layers[0].params["W"][1, 2] != 3.5 and ex.value.value == ex.model.layers[0].params["W"][1, 2]
    assert "p(class 1 | x)" in ex.readout.value


def test_moving_the_input_blits_and_matches_a_full_draw():
    ex = NetworkExplorer()
    ex.fig.canvas.draw()
    full_draws = []
    ex.fig.canvas.mpl_connect("draw_event", full_draws.append)
    ex.x2.value = 1.5
    assert full_draws == []
    blitted = np.asarray(ex.fig.canvas.buffer_rgba()).copy()
    ex.fig.canvas.draw()
    np.testing.assert_array_equal(blitted, np.asarray(ex.fig.canvas.buffer_rgba()))


# ---- the loss explorers (chapter 3) ---------------------------------------------------------


def test_loss_curves_by_hand():
    c = loss_curves("probability", y=1, at=0.5)
    assert c.ce_at == pytest.approx(np.log(2)) and c.mse_at == pytest.approx(0.25)
    assert c.dce_at == pytest.approx(-2.0) and c.dmse_at == pytest.approx(-1.0)
    z = loss_curves("logit", y=1, at=-8.0)
    s = 1 / (1 + np.exp(8.0))
    assert z.dce_at == pytest.approx(s - 1)  # cross-entropy's gradient stays near -1 ...
    assert z.dmse_at == pytest.approx(2 * (s - 1) * s * (1 - s))  # ... MSE's vanishes
    assert abs(z.dmse_at) < 1e-3 < 0.99 < abs(z.dce_at)
    assert np.isfinite(loss_curves("logit", 0, at=10.0, z_max=1e4).ce).all()
    with pytest.raises(ValueError, match="mode must be one of"):
        loss_curves("odds")
    with pytest.raises(ValueError, match="y must be 0 or 1"):
        loss_curves(y=2)


def test_loss_explorer_controls():
    ex = LossExplorer()
    ex.p.value = 0.9
    assert ex.lines["ce_at"].get_ydata()[0] == pytest.approx(-np.log(0.9))
    ex.y.value = 0
    assert ex.lines["ce_at"].get_ydata()[0] == pytest.approx(-np.log(0.1))
    ex.mode.value = "logit"
    assert ex.p.layout.display == "none" and ex.z.layout.display == ""
    assert ex.lines["ce"].get_xdata()[0] == -10.0
    ex.z.value = 3.0
    assert ex.lines["dce_at"].get_ydata()[0] == pytest.approx(1 / (1 + np.exp(-3.0)))
    assert "z = 3.000" in ex.readout.value


def test_batch_explorer_loss_explodes_toward_the_wrong_label():
    ex = BatchLossExplorer(n=6, seed=1)
    assert ex.y[0] == 1
    start = float(ex.mean_line.get_ydata()[0])
    ex.p.value = 0.001  # example 0 has label 1: predict it almost surely 0
    loss = -np.log(0.001)
    assert ex.loss_bars[0].get_height() == pytest.approx(min(loss, 10.0))
    assert ex.mean_line.get_ydata()[0] > start + loss / 6 - 0.5
    ex.example.value = 3
    assert ex.p.value == pytest.approx(ex.predictions[3])
    assert ex.predictions[0] == 0.001  # the dragged prediction stays where it was left
    assert "batch loss (the mean)" in ex.readout.value


def test_frames_to_the_browser_are_paced_and_the_latest_always_goes_out():
    import asyncio

    from dlbook.widgets._figure import _paced_frames

    class Canvas:
        _force_full = False

        def __init__(self):
            self.encoded, self.manager = 0, self

        def get_diff_image(self):
            self.encoded += 1
            return b"png"

        def refresh_all(self):
            self.get_diff_image()

    canvas = Canvas()
    _paced_frames(canvas, interval=0.05)
    assert canvas.get_diff_image() == b"png" and canvas.get_diff_image() == b"png"  # no loop: never held

    async def burst():
        sent = [canvas.get_diff_image() for _ in range(10)]  # ten frames asked for at once
        await asyncio.sleep(0.12)
        return sent

    before = canvas.encoded
    sent = asyncio.run(burst())
    assert sent[0] is None or sent[0] == b"png"
    assert sent[1:] == [None] * 9  # held back...
    assert canvas.encoded - before == (1 if sent[0] else 0) + 1  # ...and the latest sent once, later


@pytest.mark.filterwarnings("ignore:Passing unrecognized arguments to super\\(Toolbar\\)")  # ipympl's own
def test_a_live_figure_has_its_size_before_the_browser_asks():
    import matplotlib.pyplot as plt

    from dlbook.widgets._figure import new_figure

    backend = plt.get_backend()
    plt.switch_backend("module://ipympl.backend_nbagg")
    try:
        fig, _ = new_figure(figsize=(8, 3.2))
        # a view made before the kernel answers its first message takes this size (else 0 x 0)
        assert tuple(fig.canvas._size) == (800.0, 320.0)
    finally:
        plt.close("all")
        plt.switch_backend(backend)
