"""Loss surfaces (gradient-checked), descent runs, and the two descent widgets driven from Python."""

import numpy as np
import pytest

from dlbook import surfaces
from dlbook.gradcheck import check_gradient
from dlbook.widgets import DescentExplorer, OptimizerComparison, descend


@pytest.mark.parametrize("name", surfaces.names())
def test_surface_gradients_are_right(name):
    s = surfaces.get(name)
    rng = np.random.default_rng(len(name))
    x0, x1, y0, y1 = s.extent
    for w in rng.uniform([x0, y0], [x1, y1], size=(5, 2)):
        report = check_gradient(s, w, s.grad(w), rtol=1e-6, atol=1e-7)
        assert report, f"{name} at {w}: {report}"


@pytest.mark.parametrize("name", surfaces.names())
def test_minima_are_stationary_with_the_stated_curvatures(name):
    s = surfaces.get(name)
    for m in s.minima:
        np.testing.assert_allclose(s.grad(m), 0.0, atol=1e-9)
    # the Hessian at the global minimum, by central differences of the gradient
    h = 1e-5
    H = np.array([(s.grad(np.add(s.minima[0], e)) - s.grad(np.subtract(s.minima[0], e))) / (2 * h)
                  for e in np.eye(2) * h])
    np.testing.assert_allclose(sorted(np.linalg.eigvalsh((H + H.T) / 2)), sorted(s.curvatures), rtol=1e-3)
    assert s.f_min == min(s(m) for m in s.minima)


def test_descend_matches_the_update_rule_by_hand():
    run = descend("valley", "SGD", lr=0.05, steps=3, start=(2.0, 1.0))
    # valley: grad = (x, 20 y), so x *= 0.95 and y *= (1 - 20 * 0.05) = 0 each step
    np.testing.assert_allclose(run.points, [[2.0, 1.0], [1.9, 0.0], [1.805, 0.0], [1.71475, 0.0]])
    np.testing.assert_allclose(run.gaps[0], (4 + 20) / 2)
    assert run.diverged_at is None


@pytest.mark.parametrize("lr, diverges", [(0.099, False), (0.101, True)])
def test_descend_reports_divergence_past_two_over_lambda_max(lr, diverges):
    run = descend("valley", "SGD", lr=lr, steps=2000, start=(1.0, 1.0))
    assert (run.diverged_at is not None) is diverges
    if diverges:
        assert len(run.points) == run.diverged_at  # stopped there, every point finite
        assert np.isfinite(run.points).all() and np.isfinite(run.gaps).all()


def test_momentum_crosses_into_the_deeper_well():
    plain = descend("two_minima", "SGD", lr=0.02, steps=400)
    heavy = descend("two_minima", "momentum", lr=0.02, momentum=0.9, steps=400)
    deep, shallow = surfaces.two_minima.minima
    np.testing.assert_allclose(plain.points[-1], shallow, atol=1e-3)  # stuck in the nearer, shallower one
    np.testing.assert_allclose(heavy.points[-1], deep, atol=1e-3)


def test_descend_refuses_bad_arguments():
    with pytest.raises(ValueError, match="optimizer must be one of"):
        descend("bowl", "LBFGS")
    with pytest.raises(ValueError, match="unknown surface 'cone'"):
        descend("cone")
    with pytest.raises(ValueError, match="start must be a finite point"):
        descend("bowl", start=(1.0, np.nan))


def test_explorer_controls_move_the_path_in_place():
    ex = DescentExplorer("valley", "SGD", lr=0.05, steps=10)
    path, fig = ex.path, ex.fig
    before = path.get_xydata().copy()
    ex.lr.value = 0.02
    assert ex.path is path and ex.fig is fig
    assert not np.allclose(before, path.get_xydata())
    np.testing.assert_allclose(path.get_xydata(), ex.run().points)
    assert "lr &lt; 2 / λ_max = 2 / 20 = 0.1" in ex.readout.value
    ex.lr.value = 0.3
    assert "Diverged at step" in ex.readout.value
    ex.optimizer.value = "Adam"
    assert "Diverged" not in ex.readout.value and ex.momentum.disabled
    ex.surface.value = "rosenbrock"  # new contours, start moved to the surface's own
    assert (ex.x0.value, ex.y0.value) == surfaces.rosenbrock.start
    np.testing.assert_allclose(ex.path.get_xydata()[0], surfaces.rosenbrock.start)


def test_clicking_the_contours_moves_the_start():
    ex = DescentExplorer("bowl", steps=5)

    class Click:
        inaxes, xdata, ydata = ex.ax_path, 1.0, -2.0

    ex._on_click(Click())
    np.testing.assert_allclose(ex.path.get_xydata()[0], [1.0, -2.0])


def test_comparison_runs_four_optimizers_from_one_start():
    cmp = OptimizerComparison("two_minima", steps=300)
    runs = cmp.runs()
    assert list(runs) == ["SGD", "momentum", "RMSProp", "Adam"]
    assert all(np.allclose(r.points[0], surfaces.two_minima.start) for r in runs.values())
    for name, line in cmp.paths.items():
        np.testing.assert_allclose(line.get_xydata(), runs[name].points)
    assert "closest to the minimum: <b>momentum</b>" in cmp.readout.value
    cmp.surface.value = "bowl"
    assert all(np.allclose(line.get_xydata()[0], surfaces.bowl.start) for line in cmp.paths.values())
