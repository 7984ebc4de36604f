"""Drawing a Value graph with matplotlib: a box per node with its value and gradient.

`graph_layout` places the nodes (pure, tested): the output on the right, each operation one
column right of its deepest input, each leaf (an input or a weight) just left of its first
use, and each column ordered by where its nodes' uses sit, so that edges rarely cross.
`GraphDrawing` draws boxes and arrows once and then only restyles them, so stepping through
the backward pass does not rebuild the figure. `draw_graph(L)` draws a graph as it is, after
L.backward() or before. Only matplotlib is needed: no Graphviz.
"""

from dataclasses import dataclass

import numpy as np
from matplotlib.patches import FancyArrowPatch

from ..autodiff import Value
from ._figure import new_figure

__all__ = ["GraphLayout", "graph_layout", "node_name", "expression", "GraphDrawing", "draw_graph", "COLORS"]

COLORS = {"none": "#f4f4f4", "partial": "#ffe0b2", "complete": "#c8e6c9", "current": "#1565c0",
          "edge": "#9e9e9e", "flow": "#e65100"}


@dataclass
class GraphLayout:
    """nodes: the Values, inputs before outputs (topological order), root last.
    xy: (n, 2) positions, in node order. edges: (i, j) pairs, node i is an input of node j."""

    nodes: list
    xy: np.ndarray
    edges: list


def node_name(node, index):
    """The node's label, or v<index> for an unlabelled one."""
    return node.label or f"v{index}"


def graph_layout(root):
    """A GraphLayout of the graph that ends at `root` (a Value)."""
    if not isinstance(root, Value):
        raise TypeError(f"root must be a dlbook.autodiff.Value, got {type(root).__name__}")
    nodes = root.topological_order()
    index = {id(n): i for i, n in enumerate(nodes)}
    edges = sorted({(index[id(c)], index[id(n)]) for n in nodes for c in n._prev})
    users = {i: [j for k, j in edges if k == i] for i in range(len(nodes))}
    column = {}
    for i, n in enumerate(nodes):  # inputs first, so every operand has its column already
        column[i] = 1 + max((column[index[id(c)]] for c in n._prev), default=-1)
    for i, n in enumerate(nodes):  # then each leaf moves next to its first use
        if not n._prev and users[i]:
            column[i] = min(column[j] for j in users[i]) - 1
    shift = min(column.values())
    columns = {}
    for i in sorted(column):
        columns.setdefault(column[i], []).append(i)
    inputs = {j: [i for i, k in edges if k == j] for j in range(len(nodes))}
    rank = {i: r for members in columns.values() for r, i in enumerate(members)}
    # barycentre sweeps: order each column by the mean rank of its neighbours, from the output
    # leftwards (by uses), then rightwards (by inputs), then leftwards again
    sweeps = [(True, users), (False, inputs), (True, users)]
    for leftwards, neighbours in sweeps:
        for c in sorted(columns, reverse=leftwards):
            def key(i):
                near = [rank[j] for j in neighbours[i]]
                return (np.mean(near) if near else rank[i], rank[i])
            for r, i in enumerate(sorted(columns[c], key=key)):
                rank[i] = r
    row = {i: (len(columns[column[i]]) - 1) / 2 - rank[i] for i in column}
    xy = np.array([[column[i] - shift, row[i]] for i in range(len(nodes))], dtype=float)
    return GraphLayout(nodes, xy, edges)


def expression(node, names):
    """How a node was computed, in its inputs' names: "wx1 + b1", "tanh(z1)", "a**2"."""
    args = [names[id(c)] for c in node._prev]
    if node._op in ("+", "*"):
        return f" {node._op} ".join(args if len(args) == 2 else args * 2)
    if node._op.startswith("**"):
        return f"{args[0]}{node._op}"
    return f"{node._op}({args[0]})" if node._op else ""


def _box_text(name, node, grad, expr):
    head = f"{name} = {expr}" if expr else name
    grad_text = "?" if grad is None else f"{grad:.4g}"
    return f"{head}\nvalue {node.data:.4g}\ngrad {grad_text}"


class GraphDrawing:
    """A Value graph drawn on `ax`. `show(grads, state, current, flowing)` restyles it in place.

    grads: a gradient (or None, not arrived yet) per node, in layout order; state: "none",
    "partial" or "complete" per node; current: the index of the node whose backward rule
    runs, or None; flowing: the edges (i, j) that carry gradient in this step.
    """

    def __init__(self, ax, root, fontsize=7.5):
        self.ax, self.layout = ax, graph_layout(root)
        nodes, xy = self.layout.nodes, self.layout.xy
        self.names = [node_name(n, i) for i, n in enumerate(nodes)]
        by_id = {id(n): name for n, name in zip(nodes, self.names)}
        self.expressions = [expression(n, by_id) for n in nodes]
        ax.set_axis_off()
        ax.set_xlim(xy[:, 0].min() - 0.6, xy[:, 0].max() + 0.6)
        ax.set_ylim(xy[:, 1].min() - 0.8, xy[:, 1].max() + 0.8)
        self.boxes = [
            ax.text(x, y, _box_text(name, n, None, expr), ha="center", va="center", fontsize=fontsize,
                    family="monospace", zorder=2,
                    bbox=dict(boxstyle="round,pad=0.35", facecolor=COLORS["none"], edgecolor="#616161"))
            for (x, y), name, n, expr in zip(xy, self.names, nodes, self.expressions)
        ]
        half = self._half_widths()
        self.arrows = {}
        for i, j in self.layout.edges:  # from the right edge of the input to the left edge of its use
            start, end = xy[i] + (half[i], 0), xy[j] - (half[j], 0)
            bend = "arc3,rad=-0.45" if xy[j, 0] - xy[i, 0] > 1 else "arc3"  # around the boxes between
            arrow = FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=10, color=COLORS["edge"],
                                    lw=1.0, zorder=1, shrinkA=0, shrinkB=1, connectionstyle=bend)
            self.arrows[i, j] = ax.add_patch(arrow)

    def _half_widths(self):
        """Each box's half width in data units, measured with its widest text ("grad ?")."""
        renderer = self.ax.figure.canvas.get_renderer()
        to_data = self.ax.transData.inverted()
        half = []
        for box in self.boxes:
            box.update_bbox_position_size(renderer)
            (x0, _), (x1, _) = to_data.transform(box.get_bbox_patch().get_window_extent(renderer).get_points())
            half.append((x1 - x0) / 2)
        return np.array(half)

    def show(self, grads, state, current=None, flowing=()):
        for i, (box, node) in enumerate(zip(self.boxes, self.layout.nodes)):
            box.set_text(_box_text(self.names[i], node, grads[i], self.expressions[i]))
            patch = box.get_bbox_patch()
            patch.set_facecolor(COLORS[state[i]])
            patch.set_edgecolor(COLORS["current"] if i == current else "#616161")
            patch.set_linewidth(2.5 if i == current else 1.0)
        flowing = set(flowing)
        for edge, arrow in self.arrows.items():
            on = edge in flowing
            arrow.set_color(COLORS["flow"] if on else COLORS["edge"])
            arrow.set_arrowstyle("<|-" if on else "-|>")  # gradient flows backward
            arrow.set_linewidth(2.2 if on else 1.0)


def draw_graph(root, ax=None, figsize=None):
    """Draw the graph ending at `root` with every node's value and current gradient.

    Call root.backward() first to see the gradients. Returns the matplotlib Figure.
    """
    layout = graph_layout(root)
    if ax is None:
        width = 1.25 * (layout.xy[:, 0].max() + 1)
        height = 0.9 * (np.ptp(layout.xy[:, 1]) + 1.6)
        _, ax = new_figure(figsize=figsize or (max(4.0, width), max(2.2, height)))
    drawing = GraphDrawing(ax, root)
    n = len(layout.nodes)
    drawing.show([node.grad for node in layout.nodes], ["complete"] * n)
    return ax.figure
