"""The activation explorer: its pure computation, and its controls driving the figure in place."""

import numpy as np
import pytest

from dlbook.widgets import ActivationExplorer, activation_curves


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
    ex.z_range.value = (2.0, 2.0)  # an empty range: the computation refuses it
    assert "Could not update" in ex.readout.value and "z_min must be below z_max" in ex.readout.value
    ex.z_range.value = (-2.0, 2.0)
    assert "Could not update" not in ex.readout.value


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
