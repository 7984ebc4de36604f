"""The network explorer: a small network drawn as nodes and edges beside its decision boundary.

Move the input point and watch the activations propagate layer by layer; change one weight or
bias and watch both the drawing and the boundary move. `network_values` and `decision_grid`
compute what is drawn; `NetworkExplorer` wires the controls to them.
"""

from functools import cached_property

import ipywidgets as widgets
import numpy as np

from .. import nn
from ._figure import Blitter, Shown, error_text, figure_widget, new_figure
from .network_drawing import NetworkDrawing

__all__ = ["SIZES", "ACTIVATIONS", "parameter_names", "network_values", "decision_grid",
           "NetworkExplorer", "explore_network"]

SIZES = (2, 4, 4, 1)  # two inputs (a point of the plane), two hidden layers, one sigmoid output
ACTIVATIONS = ("tanh", "relu", "sigmoid")


def parameter_names(model):
    """{"W1[0, 2]": (layer index, "W", (0, 2)), "b1[2]": ...} for every weight and bias.

    Layers are numbered from 1 as in the chapter: W1 maps the input to the first hidden layer.
    """
    names = {}
    dense = [i for i, layer in enumerate(model.layers) if isinstance(layer, nn.Dense)]
    for number, index in enumerate(dense, start=1):
        W = model.layers[index].params["W"]
        for i, j in np.ndindex(W.shape):
            names[f"W{number}[{i}, {j}]"] = (index, "W", (i, j))
        for j in range(W.shape[1]):
            names[f"b{number}[{j}]"] = (index, "b", (j,))
    return names


def network_values(model, x):
    """The value of every node for one input x (2,): [x, a_1, ..., p], one 1-D array per layer.

    Hidden layers show their activations a = f(z); the output shows p = sigmoid(z).
    """
    outputs = model.activations(np.asarray(x, dtype=float).reshape(1, -1))
    # outputs alternate [X, Z1, A1, Z2, A2, ...]: the nodes show X and each activation
    return [outputs[0][0]] + [a[0] for a in outputs[2::2]]


def decision_grid(model, extent=3.0, n=61):
    """p(class 1 | x) on an n x n grid of [-extent, extent]^2. Returns (xs (n,), ys (n,), P (n, n)).

    P[r, c] is the output at the point (xs[c], ys[r]), the layout imshow expects.
    """
    xs = ys = np.linspace(-extent, extent, n)
    gx, gy = np.meshgrid(xs, ys)
    P = model(np.column_stack([gx.ravel(), gy.ravel()]))
    return xs, ys, P.reshape(n, n)


class NetworkExplorer(Shown):
    """Sliders for the input point, one weight, the activation and the random seed.

    The figure is made once: moving the point recolours the nodes (blitted); changing a
    weight, the activation or the seed recolours the edges and recomputes the boundary.
    """

    def __init__(self, activation="tanh", seed=0, x=(1.0, -0.5), extent=3.0):
        self.extent = extent
        self.model = self._build(activation, seed)
        self.names = parameter_names(self.model)
        style = {"description_width": "initial"}
        self.x1 = widgets.FloatSlider(value=x[0], min=-extent, max=extent, step=0.05, description="x₁")
        self.x2 = widgets.FloatSlider(value=x[1], min=-extent, max=extent, step=0.05, description="x₂")
        self.activation = widgets.Dropdown(options=ACTIVATIONS, value=activation, description="hidden activation",
                                           style=style)
        self.seed = widgets.IntSlider(value=seed, min=0, max=50, description="seed", continuous_update=False)
        self.parameter = widgets.Dropdown(options=list(self.names), value="W1[0, 0]", description="parameter")
        self.value = widgets.FloatSlider(min=-4, max=4, step=0.05, description="value", continuous_update=False)
        self.readout = widgets.HTML()

        self.fig, (self.ax_net, self.ax_map) = new_figure(1, 2, figsize=(9.5, 3.5),
                                                          gridspec_kw={"width_ratios": [1.25, 1]})
        self.drawing = NetworkDrawing(self.ax_net, SIZES, input_values=False)  # the x sliders show them
        self._draw_map()
        self.fig.tight_layout()
        self._blitter = Blitter(self.fig, [*self.drawing.artists, self.point])
        self._syncing = False
        self._sync_value()
        self.x1.observe(self.move_point, names="value")
        self.x2.observe(self.move_point, names="value")
        self.activation.observe(self.change_activation, names="value")
        self.seed.observe(self.reseed, names="value")
        self.parameter.observe(self._sync_value, names="value")
        self.value.observe(self.set_parameter, names="value")
        self.update()

    @staticmethod
    def _build(activation, seed):
        rng = np.random.default_rng(seed)
        model = nn.mlp(SIZES, activation=activation, output="sigmoid", rng=rng, init="xavier_uniform")
        for layer in model.layers:
            if isinstance(layer, nn.Dense):
                # larger than a training init, and with biases, so that the boundary bends
                # within view instead of passing straight through the origin
                layer.params["W"] *= 2.5
                layer.params["b"] = rng.normal(0.0, 0.5, size=layer.params["b"].shape)
        return model

    def _draw_map(self):
        ax, e = self.ax_map, self.extent
        self.image = ax.imshow(np.zeros((2, 2)), origin="lower", extent=(-e, e, -e, e), cmap="coolwarm",
                               vmin=0, vmax=1, aspect="equal", interpolation="bilinear")
        self.boundary = None
        (self.point,) = ax.plot([], [], "o", ms=9, mfc="white", mec="black", mew=1.5)
        ax.set_title("p(class 1 | x), boundary at 0.5", fontsize=10)
        ax.set_xlabel("x₁")
        ax.set_ylabel("x₂")
        self.fig.colorbar(self.image, ax=ax, fraction=0.046, pad=0.04)

    # ---- callbacks --------------------------------------------------------------------------

    def move_point(self, change=None):
        """The input moved: recolour the nodes and move the point (blitted)."""
        self._redraw(full=False)

    def set_parameter(self, change=None):
        """The value slider moved: write it into the chosen weight or bias."""
        if self._syncing:
            return
        index, key, where = self.names[self.parameter.value]
        self.model.layers[index].params[key][where] = self.value.value
        self.update()

    def change_activation(self, change=None):
        """Swap the hidden activation, keeping every weight."""
        for i, layer in enumerate(self.model.layers[:-1]):
            if isinstance(layer, nn.Activation):
                self.model.layers[i] = nn.Activation(self.activation.value)
        self.update()

    def reseed(self, change=None):
        """New random weights from the seed."""
        self.model = self._build(self.activation.value, self.seed.value)
        self._sync_value()
        self.update()

    def _sync_value(self, change=None):
        # show the chosen parameter's current value without writing it back
        index, key, where = self.names[self.parameter.value]
        self._syncing = True
        try:
            self.value.value = float(self.model.layers[index].params[key][where])
        finally:
            self._syncing = False

    def update(self, change=None):
        """Recompute the boundary and every colour."""
        self._redraw(full=True)

    def _redraw(self, full):
        try:
            x = (self.x1.value, self.x2.value)
            values = network_values(self.model, x)
            self.drawing.set_values(values)
            self.point.set_data([x[0]], [x[1]])
            p = float(values[-1][0])
            self.readout.value = (f"p(class 1 | x) = <b>{p:.3f}</b>: the network says class "
                                  f"<b>{int(p >= 0.5)}</b>. {self.model.n_params} parameters.")
            if not full:
                return self._blitter.fast()
            weights = [layer.params["W"] for layer in self.model.layers if isinstance(layer, nn.Dense)]
            self.drawing.set_weights(weights)
            xs, ys, P = decision_grid(self.model, self.extent)
            self.image.set_data(P)
            if self.boundary is not None:
                self.boundary.remove()
            self.boundary = self.ax_map.contour(xs, ys, P, levels=[0.5], colors="black", linewidths=1.5) \
                if P.min() < 0.5 < P.max() else None
            self._blitter.full()
        except Exception as err:  # a callback's traceback would go to JupyterLab's log only
            self.readout.value = error_text(err)

    @cached_property
    def widget(self):
        """Controls, readout and figure in one box, made once."""
        rows = [widgets.HBox([self.x1, self.x2]), widgets.HBox([self.parameter, self.value]),
                widgets.HBox([self.activation, self.seed])]
        return widgets.VBox([*rows, self.readout, figure_widget(self.fig)])


def explore_network(activation="tanh", seed=0, x=(1.0, -0.5)):
    """A NetworkExplorer, ready to show as a cell's last expression."""
    return NetworkExplorer(activation, seed, x)
