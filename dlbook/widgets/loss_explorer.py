"""The loss explorers: one example's loss and gradient as its prediction moves, and a batch
where dragging one prediction toward the wrong label makes the mean loss explode.

`loss_curves` and `batch_losses` compute what is drawn, with dlbook.losses; the two widgets
wire sliders to them and move the artists in place.
"""

from dataclasses import dataclass
from functools import cached_property

import ipywidgets as widgets
import numpy as np

from .. import losses
from ..activations import Sigmoid
from ._figure import Blitter, Shown, error_text, figure_widget, new_figure

__all__ = ["LossCurves", "loss_curves", "batch_losses", "LossExplorer", "BatchLossExplorer",
           "explore_loss", "explore_batch_loss", "MODES"]

MODES = ("probability", "logit")


@dataclass
class LossCurves:
    """Cross-entropy and MSE for one example with label y, over a range of predictions.

    In "probability" mode the prediction is p and the gradients are d/dp; in "logit" mode it
    is z, with p = sigmoid(z), and the gradients are d/dz, which is what reaches the network.
    Arrays have shape (n,); the `*_at` numbers are at the current prediction.
    """

    mode: str
    y: float
    grid: np.ndarray
    ce: np.ndarray
    mse: np.ndarray
    dce: np.ndarray
    dmse: np.ndarray
    at: float
    ce_at: float
    mse_at: float
    dce_at: float
    dmse_at: float


def _one_example(mode, y, v):
    """(ce, mse, dce, dmse) at predictions v (n,), each a vector of per-example values."""
    yy = np.full(v.shape, float(y))
    if mode == "probability":
        ce = losses.binary_cross_entropy(yy, v, reduction="none")
        dce = losses.binary_cross_entropy.backward(yy, v, reduction="sum")
        mse = losses.mse(yy, v, reduction="none")
        dmse = losses.mse.backward(yy, v, reduction="sum")
        return ce, mse, dce, dmse
    p = Sigmoid._f(v)
    ce = losses.binary_cross_entropy_with_logits(yy, v, reduction="none")
    dce = losses.binary_cross_entropy_with_logits.backward(yy, v, reduction="sum")
    mse = losses.mse(yy, p, reduction="none")
    dmse = losses.mse.backward(yy, p, reduction="sum") * p * (1 - p)  # chain rule through sigmoid
    return ce, mse, dce, dmse


def loss_curves(mode="probability", y=1, at=0.3, n=400, z_max=10.0):
    """LossCurves for label y in {0, 1}, with the current prediction `at` (p, or z in logit mode)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    if y not in (0, 1):
        raise ValueError(f"y must be 0 or 1, got {y!r}")
    # p stops short of 0 and 1, where cross-entropy would be the clamped 100 and its gradient 1e12
    grid = np.linspace(0.005, 0.995, n) if mode == "probability" else np.linspace(-z_max, z_max, n)
    ce, mse, dce, dmse = _one_example(mode, y, grid)
    here = _one_example(mode, y, np.array([float(at)]))
    return LossCurves(mode, float(y), grid, ce, mse, dce, dmse, float(at), *(float(h[0]) for h in here))


def batch_losses(y, p):
    """Per-example binary cross-entropy of the batch and its mean. y, p: (N,). Returns ((N,), float)."""
    per_example = losses.binary_cross_entropy(y, p, reduction="none")
    return per_example, float(per_example.mean())


class LossExplorer(Shown):
    """One example: choose its label and slide its prediction; see each loss and its gradient."""

    def __init__(self, mode="probability", y=1, at=None):
        self.mode = widgets.ToggleButtons(options=MODES, value=mode, description="prediction")
        self.y = widgets.ToggleButtons(options=[0, 1], value=y, description="label y")
        self.p = widgets.FloatSlider(value=0.3, min=0.005, max=0.995, step=0.005, description="p",
                                     readout_format=".3f")
        self.z = widgets.FloatSlider(value=-1.0, min=-10, max=10, step=0.1, description="z")
        if at is not None:
            (self.p if mode == "probability" else self.z).value = at
        self.readout = widgets.HTML()
        self.fig, (self.ax_loss, self.ax_grad) = new_figure(1, 2, figsize=(9, 3.4))
        self._draw_once()
        self._blitter = Blitter(self.fig, self.points)
        for control in (self.mode, self.y):
            control.observe(self.update, names="value")
        for slider in (self.p, self.z):
            slider.observe(self.move, names="value")
        self.update()

    def _draw_once(self):
        colours = {"ce": "#1565c0", "mse": "#ef6c00"}
        self.lines, self.points = {}, []
        for ax, kind in ((self.ax_loss, ""), (self.ax_grad, "d")):
            for name, label in (("ce", "cross-entropy"), ("mse", "MSE")):
                (self.lines[kind + name],) = ax.plot([], [], lw=2, color=colours[name], label=label)
                (point,) = ax.plot([], [], "o", color=colours[name])
                self.lines[kind + name + "_at"] = point
                self.points.append(point)
            ax.axhline(0, color="#9e9e9e", lw=0.8)
            ax.legend(loc="upper center", fontsize=8)
            ax.set_title("loss against p" if not kind else "gradient d loss / dp")
            ax.set_xlabel("p")  # titles and labels change with the mode; room is made for them now
        self.fig.tight_layout()

    def curves(self):
        """The LossCurves for the controls' current values."""
        at = self.p.value if self.mode.value == "probability" else self.z.value
        return loss_curves(self.mode.value, self.y.value, at)

    def update(self, change=None):
        """The mode or the label changed: redraw everything."""
        self._redraw(full=True)

    def move(self, change=None):
        """The prediction moved: move the points (blitted)."""
        self._redraw(full=False)

    def _redraw(self, full):
        try:
            c = self.curves()
            for name in ("ce", "mse", "dce", "dmse"):
                self.lines[name + "_at"].set_data([c.at], [getattr(c, name + "_at")])
            v = "p" if c.mode == "probability" else "z"
            self.readout.value = (
                f"y = {c.y:g}, {v} = {c.at:.3f}: cross-entropy <b>{c.ce_at:.4g}</b> (d/d{v} {c.dce_at:.4g}), "
                f"MSE <b>{c.mse_at:.4g}</b> (d/d{v} {c.dmse_at:.4g})")
            if not full:
                return self._blitter.fast()
            self.p.layout.display = "" if c.mode == "probability" else "none"
            self.z.layout.display = "none" if c.mode == "probability" else ""
            for name in ("ce", "mse", "dce", "dmse"):
                self.lines[name].set_data(c.grid, getattr(c, name))
            self.ax_loss.set_title(f"loss against {v}")
            self.ax_grad.set_title(f"gradient d loss / d{v}")
            for ax, names in ((self.ax_loss, ("ce", "mse")), (self.ax_grad, ("dce", "dmse"))):
                values = np.concatenate([getattr(c, n) for n in names])
                lo, hi = np.percentile(values, [1, 99]) if c.mode == "probability" else (values.min(), values.max())
                pad = 0.08 * max(hi - lo, 1e-3)
                ax.set_xlim(c.grid[0], c.grid[-1])
                ax.set_ylim(min(lo, 0) - pad, max(hi, 0) + pad)
                ax.set_xlabel(v)
            self._blitter.full()
        except Exception as err:  # a callback's traceback would go to JupyterLab's log only
            self.readout.value = error_text(err)

    @cached_property
    def widget(self):
        controls = widgets.VBox([widgets.HBox([self.mode, self.y]), widgets.HBox([self.p, self.z])])
        return widgets.VBox([controls, self.readout, figure_widget(self.fig)])


class BatchLossExplorer(Shown):
    """A batch of labelled predictions: pick one and drag it; watch its loss and the mean."""

    def __init__(self, n=8, seed=0):
        rng = np.random.default_rng(seed)
        self.y = np.tile([1.0, 0.0], n // 2 + 1)[:n]
        # reasonable predictions: each one leans toward its own label
        self.predictions = np.round(np.where(self.y == 1, rng.uniform(0.6, 0.95, n), rng.uniform(0.05, 0.4, n)), 3)
        self.example = widgets.Dropdown(options=[(f"example {i} (y = {self.y[i]:g})", i) for i in range(n)],
                                        value=0, description="example")
        self.p = widgets.FloatSlider(value=self.predictions[0], min=0.0, max=1.0, step=0.001,
                                     description="its p", readout_format=".3f")
        self.readout = widgets.HTML()
        self.fig, (self.ax_p, self.ax_loss) = new_figure(1, 2, figsize=(9, 3.4))
        self._draw_once(n)
        self._blitter = Blitter(self.fig, [*self.p_bars, *self.loss_bars, self.mean_line])
        self._syncing = False
        self.example.observe(self.choose, names="value")
        self.p.observe(self.move, names="value")
        self.move()

    def _draw_once(self, n):
        idx = np.arange(n)
        colours = np.where(self.y == 1, "#2e7d32", "#6a1b9a")
        self.p_bars = list(self.ax_p.bar(idx, self.predictions, color=colours))
        self.ax_p.scatter(idx, self.y, marker="_", s=300, color="black", zorder=3, label="label y")
        self.ax_p.set_ylim(0, 1.05)
        self.ax_p.set_title("predicted p (bars) and label y (dashes)")
        self.ax_p.legend(loc="upper right", fontsize=8)
        self.loss_bars = list(self.ax_loss.bar(idx, np.zeros(n), color=colours))
        self.mean_line = self.ax_loss.axhline(0, color="#c62828", lw=2, label="mean: the batch loss")
        # p = 0 or 1 on the wrong label costs the clamped maximum, 100
        self.ax_loss.set_ylim(0, 10.5)
        self.ax_loss.set_title("each example's cross-entropy (clipped at 10)")
        self.ax_loss.legend(loc="upper right", fontsize=8)
        for ax in (self.ax_p, self.ax_loss):
            ax.set_xticks(idx)
            ax.set_xlabel("example")
        self.fig.tight_layout()

    def choose(self, change=None):
        """Another example: put its prediction on the slider."""
        self._syncing = True
        try:
            self.p.value = float(self.predictions[self.example.value])
        finally:
            self._syncing = False
        self.move()

    def move(self, change=None):
        """The chosen prediction moved: update its bar, every loss and the mean (blitted)."""
        if self._syncing:
            return
        try:
            i = self.example.value
            self.predictions[i] = self.p.value
            per_example, mean = batch_losses(self.y, self.predictions)
            for bar, p in zip(self.p_bars, self.predictions):
                bar.set_height(p)
            for bar, loss in zip(self.loss_bars, per_example):
                bar.set_height(min(loss, 10.0))
            self.mean_line.set_ydata([min(mean, 10.0)] * 2)
            self.readout.value = (f"example {i}: y = {self.y[i]:g}, p = {self.p.value:.3f}, its loss "
                                  f"<b>{per_example[i]:.3f}</b>; batch loss (the mean) <b>{mean:.3f}</b>")
            self._blitter.fast()
        except Exception as err:  # a callback's traceback would go to JupyterLab's log only
            self.readout.value = error_text(err)

    @cached_property
    def widget(self):
        return widgets.VBox([widgets.HBox([self.example, self.p]), self.readout, figure_widget(self.fig)])


def explore_loss(mode="probability", y=1, at=None):
    """A LossExplorer, ready to show as a cell's last expression."""
    return LossExplorer(mode, y, at)


def explore_batch_loss(n=8, seed=0):
    """A BatchLossExplorer, ready to show as a cell's last expression."""
    return BatchLossExplorer(n, seed)
