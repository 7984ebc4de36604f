"""The activation explorer: f(z) and f'(z) side by side, a tangent you can slide along f,
and the stretches of z where the gradient has all but vanished.

`activation_curves` computes everything the figure shows; `ActivationExplorer` only wires
the controls to it and moves the artists.
"""

from dataclasses import dataclass
from functools import cached_property

import ipywidgets as widgets
import numpy as np

from .. import activations
from ._figure import Blitter, Shown, error_text, figure_widget, new_figure

__all__ = ["Curves", "activation_curves", "ActivationExplorer", "explore_activations", "CHOICES"]

CHOICES = ("sigmoid", "tanh", "relu", "leaky_relu", "softplus")  # the element-wise ones


@dataclass
class Curves:
    """What the explorer draws. Arrays have shape (n,) unless said otherwise."""

    z: np.ndarray
    a: np.ndarray  # f(z)
    da: np.ndarray  # f'(z)
    da_vanishing: np.ndarray  # f'(z) where f'(z) < threshold, NaN elsewhere (so it is not drawn)
    fraction_vanishing: float  # the share of the z range where f'(z) < threshold
    z0: float
    a0: float  # f(z0)
    slope: float  # f'(z0)
    tangent_z: np.ndarray  # shape (2,): the tangent's end points
    tangent_a: np.ndarray  # shape (2,)

    def summary(self, name):
        return (f"{name}({self.z0:.2f}) = {self.a0:.4g}, {name}'({self.z0:.2f}) = {self.slope:.4g}; "
                f"the gradient is below 1% on {100 * self.fraction_vanishing:.0f}% of this range")


def activation_curves(name="sigmoid", z_min=-6.0, z_max=6.0, z0=1.0, threshold=0.01, n=401):
    """Compute f, f', the vanishing region and the tangent at z0 for one activation.

    name: one of CHOICES. z_min < z_max: the range drawn. z0: where the tangent touches.
    threshold: f'(z) below it counts as vanished. n: points on each curve.
    """
    if name not in CHOICES:
        raise ValueError(f"name must be one of {CHOICES}, got {name!r}")
    if not z_min < z_max:
        raise ValueError(f"z_min must be below z_max, got z_min={z_min}, z_max={z_max}")
    f = activations.get(name)
    z = np.linspace(z_min, z_max, n)
    a, da = f._f(z), f._df(z)
    vanishing = np.abs(da) < threshold
    zz = np.array([float(z0)])
    a0, slope = float(f._f(zz)[0]), float(f._df(zz)[0])
    half = (z_max - z_min) / 8
    tangent_z = np.array([z0 - half, z0 + half])
    return Curves(
        z=z, a=a, da=da,
        da_vanishing=np.where(vanishing, da, np.nan),
        fraction_vanishing=float(vanishing.mean()),
        z0=float(z0), a0=a0, slope=slope,
        tangent_z=tangent_z, tangent_a=a0 + slope * (tangent_z - z0),
    )


def _limits(values, pad=0.08):
    lo, hi = float(np.nanmin(values)), float(np.nanmax(values))
    span = max(hi - lo, 1e-3)
    return lo - pad * span, hi + pad * span


class ActivationExplorer(Shown):
    """Choose an activation and a range; slide z0 to move the tangent along f.

    The figure is made once; each change moves its artists (`set_data`) and redraws.
    Show it by leaving it as the last expression of a cell, or with `display(explorer)`.
    """

    def __init__(self, name="sigmoid", z_range=(-6.0, 6.0), z0=1.0):
        self.activation = widgets.Dropdown(options=CHOICES, value=name, description="activation")
        self.z_range = widgets.FloatRangeSlider(value=z_range, min=-20, max=20, step=0.5,
                                                description="z range", continuous_update=False)
        self.z0 = widgets.FloatSlider(value=z0, min=-20, max=20, step=0.1, description="z₀")
        self.readout = widgets.HTML()
        self.fig, (self.ax_f, self.ax_df) = new_figure(1, 2, figsize=(9, 3.4))
        self._draw_once()
        # sliding z0 moves only the tangent and the two points: blit them, ~1 ms a frame
        self._blitter = Blitter(self.fig, [self.tangent, self.point, self.df_point])
        for control in (self.activation, self.z_range):
            control.observe(self.update, names="value")
        self.z0.observe(self.move_point, names="value")
        self.update()

    def _draw_once(self):
        from matplotlib.ticker import MaxNLocator

        self.ax_f.set_title("f(z) and its tangent at z₀")
        self.ax_df.set_title("f'(z): red where it is below 0.01")
        (self.f_line,) = self.ax_f.plot([], [], lw=2, color="#1565c0")
        (self.tangent,) = self.ax_f.plot([], [], lw=1.5, color="#ef6c00", ls="--")
        (self.point,) = self.ax_f.plot([], [], "o", color="#ef6c00")
        (self.df_line,) = self.ax_df.plot([], [], lw=2, color="#2e7d32")
        (self.vanishing,) = self.ax_df.plot([], [], lw=5, color="#c62828", alpha=0.6)
        (self.df_point,) = self.ax_df.plot([], [], "o", color="#ef6c00")
        for ax in (self.ax_f, self.ax_df):
            ax.xaxis.set_major_locator(MaxNLocator(6))  # fewer tick labels: text is most of a render
            ax.yaxis.set_major_locator(MaxNLocator(5))
            ax.axhline(0, color="#9e9e9e", lw=0.8)
            ax.axvline(0, color="#9e9e9e", lw=0.8)
            ax.set_xlabel("z")
        self.fig.tight_layout()

    def curves(self):
        """The Curves for the controls' current values."""
        z_min, z_max = self.z_range.value
        z0 = min(max(self.z0.value, z_min), z_max)  # keep the tangent on screen
        return activation_curves(self.activation.value, z_min, z_max, z0)

    def update(self, change=None):
        """Recompute everything and redraw; errors show in the readout, not in a hidden log."""
        lo, hi = self.z_range.value
        if hi - lo < 1:  # the range slider's two handles can meet: keep them a unit apart
            self.z_range.value = (lo, lo + 1) if lo + 1 <= self.z_range.max else (hi - 1, hi)
            return  # setting the value called update again
        self._redraw(full=True)

    def move_point(self, change=None):
        """z0 moved: recompute and repaint only the tangent and the points."""
        self._redraw(full=False)

    def _redraw(self, full):
        try:
            c = self.curves()
            self.tangent.set_data(c.tangent_z, c.tangent_a)
            self.point.set_data([c.z0], [c.a0])
            self.df_point.set_data([c.z0], [c.slope])
            self.readout.value = c.summary(self.activation.value)
            if not full:
                return self._blitter.fast()
            self.f_line.set_data(c.z, c.a)
            self.df_line.set_data(c.z, c.da)
            self.vanishing.set_data(c.z, c.da_vanishing)
            for ax in (self.ax_f, self.ax_df):
                ax.set_xlim(c.z[0], c.z[-1])
            self.ax_f.set_ylim(*_limits(c.a))
            self.ax_df.set_ylim(*_limits(np.append(c.da, 0.0)))
            self._blitter.full()
        except Exception as err:  # a callback's traceback would go to JupyterLab's log only
            self.readout.value = error_text(err)

    @cached_property
    def widget(self):
        """Controls, readout and figure in one box, made once."""
        controls = widgets.HBox([self.activation, self.z_range, self.z0])
        return widgets.VBox([controls, self.readout, figure_widget(self.fig)])


def explore_activations(name="sigmoid", z_range=(-6.0, 6.0), z0=1.0):
    """An ActivationExplorer, ready to show as a cell's last expression."""
    return ActivationExplorer(name, z_range, z0)
