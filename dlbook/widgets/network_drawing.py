"""A dense network drawn as nodes and edges: node colours follow the activations, edge colours
and widths the weights. The backprop chapter reuses it to show gradients.

`layout` and `edge_list` are pure (tested without a figure); `NetworkDrawing` owns the artists
and recolours them in place.
"""

import numpy as np

__all__ = ["layout", "edge_list", "NetworkDrawing"]


def layout(sizes, height=1.0):
    """Node positions, layer by layer: a list of (n, 2) arrays of (x, y), x = layer index.

    Each layer's nodes are spread evenly and centred, so layers of different sizes line up.
    """
    gap = height / max(max(sizes) - 1, 1)
    return [np.column_stack([np.full(n, float(i)), ((n - 1) / 2 - np.arange(n)) * gap])  # node 0 on top
            for i, n in enumerate(sizes)]


def edge_list(sizes):
    """Every edge as (layer, i, j): from node i of layer `layer` to node j of the next layer.

    The order is that of the weights W_layer[i, j] flattened row by row, layer by layer.
    """
    return [(l, i, j) for l, (n_in, n_out) in enumerate(zip(sizes, sizes[1:]))
            for i in range(n_in) for j in range(n_out)]


class NetworkDrawing:
    """Draw a dense network with these layer sizes on `ax`, then recolour it.

    `set_weights([W_1, ..., W_L])` colours edges (blue positive, red negative, width |w|);
    `set_values([a_0, ..., a_L])` colours nodes by value and writes the value inside each.
    """

    def __init__(self, ax, sizes, *, value_range=(-1.0, 1.0), weight_scale=2.0, labels=None,
                 input_values=True):
        from matplotlib.collections import LineCollection
        from matplotlib.colors import Normalize

        self.ax, self.sizes = ax, list(sizes)
        self.positions = layout(self.sizes)
        self.edges = edge_list(self.sizes)
        segments = [(self.positions[l][i], self.positions[l + 1][j]) for l, i, j in self.edges]
        self.edge_lines = LineCollection(segments, cmap="RdBu", norm=Normalize(-weight_scale, weight_scale),
                                         zorder=1)
        ax.add_collection(self.edge_lines)
        xy = np.vstack(self.positions)
        self.value_norm = Normalize(*value_range)
        self.nodes = ax.scatter(xy[:, 0], xy[:, 1], s=900, c=np.zeros(len(xy)), cmap="viridis",
                                norm=self.value_norm, edgecolors="#424242", linewidths=1.2, zorder=2)
        # input_values=False leaves the input nodes unlabelled when sliders already show them:
        # each text costs ~0.8 ms a frame, most of a blitted frame
        self._first_text = 0 if input_values else self.sizes[0]
        self.texts = [ax.text(x, y, "", ha="center", va="center", fontsize=8, zorder=3)
                      for x, y in xy[self._first_text:]]
        for l, name in enumerate(labels or self.default_labels()):
            ax.text(l, -0.68, name, ha="center", va="top", fontsize=9, color="#424242")
        ax.set_xlim(-0.5, len(self.sizes) - 0.5)
        ax.set_ylim(-0.8, 0.65)
        ax.set_axis_off()

    def default_labels(self):
        L = len(self.sizes) - 1
        return ["input"] + [f"hidden {l}" for l in range(1, L)] + ["output"]

    @property
    def artists(self):
        """The artists that change when the values change (for blitting)."""
        return [self.nodes, *self.texts]

    def set_weights(self, weights):
        """weights: [W_1 (n_0, n_1), ..., W_L]. Edge colour by sign and size, width by |w|."""
        w = np.concatenate([np.asarray(W).ravel() for W in weights])
        if w.size != len(self.edges):
            raise ValueError(f"expected {len(self.edges)} weights for sizes {self.sizes}, got {w.size}")
        self.edge_lines.set_array(w)
        self.edge_lines.set_linewidths(0.5 + 2.5 * np.minimum(np.abs(w), 2.0) / 2.0)

    def set_values(self, values):
        """values: [a_0 (n_0,), ..., a_L (n_L,)], one array per layer, for one example."""
        v = np.concatenate([np.asarray(a, dtype=float).ravel() for a in values])
        if v.size != sum(self.sizes):
            raise ValueError(f"expected {sum(self.sizes)} values for sizes {self.sizes}, got {v.size}")
        self.nodes.set_array(v)
        bright = self.value_norm(v) > 0.6  # dark text on viridis' light yellows
        first = self._first_text
        for text, value, light in zip(self.texts, v[first:], bright[first:]):
            text.set_text(f"{value:.2f}")
            text.set_color("black" if light else "white")
