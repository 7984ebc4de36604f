"""Gradient descent on a 2-D loss surface: the path on the contours and the loss per step.

`descend` runs a dlbook.optim optimizer on one of dlbook.surfaces and records the path,
stopping (and saying when) if the run diverges. `DescentExplorer` wires a surface, a start
point (sliders, or a click on the contours), an optimizer, its learning rate and momentum, and
the number of steps to it; `OptimizerComparison` runs four optimizers from the same start.
"""

from dataclasses import dataclass
from functools import cached_property

import ipywidgets as widgets
import numpy as np

from .. import optim, surfaces
from ._figure import Shown, error_text, figure_widget, new_figure, redraw

__all__ = ["OPTIMIZERS", "Descent", "descend", "DescentExplorer", "OptimizerComparison",
           "explore_descent", "compare_optimizers"]

OPTIMIZERS = ("SGD", "momentum", "Nesterov", "RMSProp", "Adam")
ESCAPE = 1e6  # |w| beyond this counts as diverged: the path has left for infinity

# learning rates that show each optimizer at its best on each surface, for the comparison
TUNED = {
    "bowl": {"SGD": 0.1, "momentum": 0.05, "RMSProp": 0.05, "Adam": 0.2},
    "valley": {"SGD": 0.09, "momentum": 0.02, "RMSProp": 0.05, "Adam": 0.2},
    "rosenbrock": {"SGD": 0.001, "momentum": 0.001, "RMSProp": 0.01, "Adam": 0.1},
    "two_minima": {"SGD": 0.05, "momentum": 0.02, "RMSProp": 0.03, "Adam": 0.1},
    "saddle": {"SGD": 0.1, "momentum": 0.05, "RMSProp": 0.05, "Adam": 0.1},
}


def _optimizer(name, params, lr, momentum):
    if name == "SGD":
        return optim.SGD(params, lr=lr)
    if name in ("momentum", "Nesterov"):
        return optim.SGD(params, lr=lr, momentum=momentum, nesterov=name == "Nesterov")
    if name == "RMSProp":
        return optim.RMSProp(params, lr=lr)
    if name == "Adam":
        return optim.Adam(params, lr=lr)
    raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {name!r}")


@dataclass
class Descent:
    """A run: points (T + 1, 2) from the start, gaps (T + 1,) = f(w_t) - f(w*), and the step
    at which it diverged (None if it did not)."""

    surface: surfaces.Surface
    optimizer: str
    lr: float
    points: np.ndarray
    gaps: np.ndarray
    diverged_at: int | None


def descend(surface="bowl", optimizer="SGD", lr=0.1, momentum=0.9, steps=50, start=None):
    """Run `optimizer` for `steps` steps on `surface` (a name or a Surface) from `start` (x, y)."""
    s = surfaces.get(surface) if isinstance(surface, str) else surface
    w = np.array(s.start if start is None else start, dtype=float)
    if w.shape != (2,) or not np.isfinite(w).all():
        raise ValueError(f"start must be a finite point (x, y), got {start!r}")
    opt = _optimizer(optimizer, {"w": w}, lr, momentum)
    points, diverged_at = [w.copy()], None
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging run is reported, not warned
        for t in range(1, int(steps) + 1):
            g = s.grad(w)
            if not np.isfinite(g).all():
                diverged_at = t
                break
            opt.step({"w": g})
            if not np.isfinite(w).all() or np.abs(w).max() > ESCAPE:
                diverged_at = t
                break
            points.append(w.copy())
        points = np.array(points)
        gaps = np.array([s(p) for p in points]) - s.f_min
    return Descent(s, optimizer, float(lr), points, np.maximum(gaps, 1e-16), diverged_at)


def _draw_surface(ax, s):
    """Filled log-spaced contours of f - f*, the minima as stars."""
    ax.clear()
    x0, x1, y0, y1 = s.extent
    X, Y = np.meshgrid(np.linspace(x0, x1, 160), np.linspace(y0, y1, 160))
    gap = np.log10(np.maximum(s.f(X, Y) - s.f_min, 0) + 1e-3)
    ax.contourf(X, Y, gap, levels=24, cmap="Blues_r", alpha=0.9)
    ax.contour(X, Y, gap, levels=12, colors="white", linewidths=0.4, alpha=0.7)
    for i, (mx, my) in enumerate(s.minima):
        ax.plot(mx, my, "*", ms=13 if i == 0 else 10, color="gold", mec="black", mew=0.6, zorder=4)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_title(f"{s.name}: f = {s.formula}", fontsize=9)
    ax.set_xlabel("x")
    ax.set_ylabel("y")


def _gap_axes(ax, steps):
    ax.set_yscale("log")
    ax.set_xlim(0, steps)
    ax.set_xlabel("step")
    ax.set_ylabel("f(w) − f(w*)")
    ax.grid(True, which="major", alpha=0.3)


def _fit_gaps(ax, runs):
    finite = np.concatenate([r.gaps[np.isfinite(r.gaps)] for r in runs])
    low, high = max(finite.min(), 1e-16), max(finite.max(), 1e-15)
    ax.set_ylim(low / 3, high * 3)


def _verdict(run, steps):
    if run.diverged_at is not None:
        return (f'<b style="color:#c62828">Diverged at step {run.diverged_at}</b>: the steps grew '
                "until w left for infinity. Lower the learning rate.")
    x, y = run.points[-1]
    return f"After {steps} steps: w = ({x:.4g}, {y:.4g}), f(w) − f(w*) = {run.gaps[-1]:.3g}."


class DescentExplorer(Shown):
    """One optimizer on one surface. Click the contours to move the start point."""

    def __init__(self, surface="valley", optimizer="SGD", lr=0.09, momentum=0.9, steps=40):
        self.surface = widgets.Dropdown(options=surfaces.names(), value=surface, description="surface")
        self.optimizer = widgets.Dropdown(options=OPTIMIZERS, value=optimizer, description="optimizer")
        self.lr = widgets.FloatLogSlider(lr, base=10, min=-4, max=0.5, step=0.01, description="lr",
                                         readout_format=".3g", continuous_update=True)
        self.momentum = widgets.FloatSlider(momentum, min=0.0, max=0.99, step=0.01, description="momentum")
        self.steps = widgets.IntSlider(steps, min=1, max=300, description="steps")
        s = surfaces.get(surface)
        self.x0 = widgets.FloatSlider(s.start[0], min=s.extent[0], max=s.extent[1], step=0.05, description="start x")
        self.y0 = widgets.FloatSlider(s.start[1], min=s.extent[2], max=s.extent[3], step=0.05, description="start y")
        self.readout = widgets.HTML()
        self.fig, (self.ax_path, self.ax_gap) = new_figure(1, 2, figsize=(9.5, 3.8),
                                                           gridspec_kw={"width_ratios": [1.2, 1]})
        self.fig.subplots_adjust(left=0.07, right=0.98, bottom=0.14, top=0.9, wspace=0.28)
        self._drawn_surface = None
        self.fig.canvas.mpl_connect("button_press_event", self._on_click)
        self.surface.observe(self._surface_changed, names="value")
        for control in (self.optimizer, self.lr, self.momentum, self.steps, self.x0, self.y0):
            control.observe(lambda _: self._redraw(), names="value")
        self._redraw()

    def _surface_changed(self, change):
        s = surfaces.get(change["new"])
        with self.x0.hold_trait_notifications(), self.y0.hold_trait_notifications():
            self.x0.min, self.x0.max = -1e9, 1e9  # widen first, so the new value always fits
            self.y0.min, self.y0.max = -1e9, 1e9
            self.x0.value, self.y0.value = s.start
            self.x0.min, self.x0.max, self.y0.min, self.y0.max = s.extent
        self._redraw()

    def _on_click(self, event):
        if event.inaxes is self.ax_path and event.xdata is not None:
            with self.x0.hold_trait_notifications():  # one redraw for both coordinates
                self.x0.value = event.xdata
            self.y0.value = event.ydata

    def run(self):
        """The Descent the controls describe."""
        return descend(self.surface.value, self.optimizer.value, self.lr.value, self.momentum.value,
                       self.steps.value, (self.x0.value, self.y0.value))

    def _redraw(self):
        try:
            if self._drawn_surface != self.surface.value:
                _draw_surface(self.ax_path, surfaces.get(self.surface.value))
                (self.path,) = self.ax_path.plot([], [], "o-", color="#e65100", ms=3, lw=1.3, zorder=5)
                (self.start,) = self.ax_path.plot([], [], "o", color="white", mec="black", ms=7, zorder=6)
                self.ax_gap.clear()
                (self.gap_line,) = self.ax_gap.plot([], [], color="#e65100", lw=1.5)
                self._drawn_surface = self.surface.value
            run = self.run()
            self.path.set_data(run.points[:, 0], run.points[:, 1])
            self.start.set_data(run.points[:1, 0], run.points[:1, 1])
            self.gap_line.set_data(np.arange(len(run.gaps)), run.gaps)
            _gap_axes(self.ax_gap, self.steps.value)
            _fit_gaps(self.ax_gap, [run])
            self.ax_gap.set_title(f"{run.optimizer}, lr = {run.lr:.3g}", fontsize=9)
            self.momentum.disabled = self.optimizer.value not in ("momentum", "Nesterov")
            self.readout.value = _verdict(run, self.steps.value) + self._threshold(run.surface)
            redraw(self.fig)
        except Exception as err:  # shown, since JupyterLab hides callback errors
            self.readout.value = error_text(err)

    def _threshold(self, s):
        if s.name in ("bowl", "valley") and self.optimizer.value == "SGD":
            return (f" Plain gradient descent on this quadratic converges only for "
                    f"lr &lt; 2 / λ_max = 2 / {max(s.curvatures):g} = {2 / max(s.curvatures):.3g}.")
        return ""

    @cached_property
    def widget(self):
        left = widgets.VBox([self.surface, self.optimizer, self.lr, self.momentum])
        right = widgets.VBox([self.steps, self.x0, self.y0])
        return widgets.VBox([widgets.HBox([left, right]), self.readout, figure_widget(self.fig)])


class OptimizerComparison(Shown):
    """SGD, momentum, RMSProp and Adam from the same start, each with a learning rate tuned for
    the surface (see TUNED). Click the contours to move the start point."""

    COLORS = {"SGD": "#e65100", "momentum": "#6a1b9a", "RMSProp": "#2e7d32", "Adam": "#c2185b"}

    def __init__(self, surface="rosenbrock", steps=300):
        self.surface = widgets.Dropdown(options=surfaces.names(), value=surface, description="surface")
        self.steps = widgets.IntSlider(steps, min=1, max=500, description="steps")
        self.readout = widgets.HTML()
        self.fig, (self.ax_path, self.ax_gap) = new_figure(1, 2, figsize=(9.5, 3.8),
                                                           gridspec_kw={"width_ratios": [1.2, 1]})
        self.fig.subplots_adjust(left=0.07, right=0.98, bottom=0.14, top=0.9, wspace=0.28)
        self.start_point = None
        self.fig.canvas.mpl_connect("button_press_event", self._on_click)
        self.surface.observe(self._surface_changed, names="value")
        self.steps.observe(lambda _: self._redraw(), names="value")
        self._surface_changed()

    def _surface_changed(self, _=None):
        self.start_point = surfaces.get(self.surface.value).start
        _draw_surface(self.ax_path, surfaces.get(self.surface.value))
        self.paths = {name: self.ax_path.plot([], [], ".-", color=c, ms=2, lw=1.2, label=name, zorder=5)[0]
                      for name, c in self.COLORS.items()}
        self.ax_gap.clear()
        self.gap_lines = {name: self.ax_gap.plot([], [], color=c, lw=1.5, label=name)[0]
                          for name, c in self.COLORS.items()}
        self._redraw()

    def _on_click(self, event):
        if event.inaxes is self.ax_path and event.xdata is not None:
            self.start_point = (event.xdata, event.ydata)
            self._redraw()

    def runs(self):
        """{optimizer: Descent} for the current surface, start and steps."""
        tuned = TUNED[self.surface.value]
        return {name: descend(self.surface.value, name, tuned[name], 0.9, self.steps.value, self.start_point)
                for name in self.COLORS}

    def _redraw(self):
        try:
            runs = self.runs()
            for name, run in runs.items():
                label = f"{name}, lr {run.lr:g}" + (" (diverged)" if run.diverged_at else "")
                self.paths[name].set_data(run.points[:, 0], run.points[:, 1])
                self.paths[name].set_label(label)
                self.gap_lines[name].set_data(np.arange(len(run.gaps)), run.gaps)
            self.ax_path.legend(loc="upper right", fontsize=7, framealpha=0.85)
            _gap_axes(self.ax_gap, self.steps.value)
            _fit_gaps(self.ax_gap, list(runs.values()))
            best = min(runs.values(), key=lambda r: r.gaps[-1])
            self.readout.value = (f"From ({self.start_point[0]:.3g}, {self.start_point[1]:.3g}), after "
                                  f"{self.steps.value} steps, closest to the minimum: <b>{best.optimizer}</b> "
                                  f"(f − f* = {best.gaps[-1]:.3g}).")
            redraw(self.fig)
        except Exception as err:
            self.readout.value = error_text(err)

    @cached_property
    def widget(self):
        return widgets.VBox([widgets.HBox([self.surface, self.steps]), self.readout, figure_widget(self.fig)])


def explore_descent(surface="valley", optimizer="SGD", lr=0.09):
    """Gradient descent on a 2-D surface, with its learning rate, momentum and start to play with."""
    return DescentExplorer(surface, optimizer, lr)


def compare_optimizers(surface="rosenbrock"):
    """Four optimizers racing from the same start on a 2-D surface."""
    return OptimizerComparison(surface)
