"""The network playground: train a small network on a 2-D dataset and watch it learn, live.

`PlaygroundState` is the computing part, tested headlessly: a dataset split in half (training
and test), a dlbook.nn model, a dlbook.optim optimizer, `train(steps)`, the decision boundary
on a grid and the loss curves. `Playground` is the view: the controls of TensorFlow
Playground (dataset, noise, layers, width, activation, learning rate, batch size, optimizer;
Play, Pause, Step, Reset), a heat map of p(class 1) with the points, and the training and test
losses. Play runs as an asyncio task in the kernel's own event loop, so the kernel stays
responsive: Pause, or any control, works while it trains.
"""

import asyncio
from functools import cached_property

import ipywidgets as widgets
import numpy as np

from .. import data, nn, optim
from .. import losses as _losses
from ..activations import Softmax
from ._figure import Blitter, Shown, error_text, figure_widget, new_figure

__all__ = ["PlaygroundState", "Playground", "playground", "OPTIMIZERS"]

_CE = _losses.softmax_cross_entropy

OPTIMIZERS = ("SGD", "momentum", "Adam")
EXTENT = 1.6  # the view is [-EXTENT, EXTENT]^2
GRID = 64  # heat-map resolution


class PlaygroundState:
    """Everything the playground computes. Reset whenever the data or the architecture change."""

    def __init__(self, dataset="circles", noise=0.1, n=400, layers=2, width=6, activation="tanh",
                 lr=0.1, batch_size=10, optimizer="SGD", seed=0):
        self.settings = dict(dataset=dataset, noise=noise, n=n, layers=layers, width=width,
                             activation=activation, lr=lr, batch_size=batch_size, optimizer=optimizer, seed=seed)
        self.reset()

    def reset(self, **changes):
        """New data, weights and curves, with `changes` applied to the settings."""
        self.settings.update(changes)
        s = self.settings
        if s["dataset"] not in data.DATASETS:
            raise ValueError(f"dataset must be one of {list(data.DATASETS)}, got {s['dataset']!r}")
        rng = np.random.default_rng(s["seed"])
        X, y = data.DATASETS[s["dataset"]](s["n"], noise=s["noise"], rng=rng)
        X = X / np.abs(X).max() * (EXTENT * 0.8)  # every dataset fills the same view
        half = len(X) // 2
        self.X_train, self.y_train, self.X_test, self.y_test = X[:half], y[:half], X[half:], y[half:]
        self._Y = {"train": np.eye(2)[self.y_train], "test": np.eye(2)[self.y_test]}  # one-hot, once
        self.model = nn.mlp([2] + [int(s["width"])] * int(s["layers"]) + [2], activation=s["activation"],
                            rng=rng)
        self.optimizer = self._make_optimizer()
        self.batch_rng = np.random.default_rng(s["seed"] + 1)
        self.epoch, self.steps = 0.0, 0
        self.history = {"epoch": [], "train": [], "test": []}
        self._record()

    def _make_optimizer(self):
        s = self.settings
        if s["optimizer"] == "SGD":
            return optim.SGD(self.model, lr=s["lr"])
        if s["optimizer"] == "momentum":
            return optim.SGD(self.model, lr=s["lr"], momentum=0.9)
        if s["optimizer"] == "Adam":
            return optim.Adam(self.model, lr=s["lr"])
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {s['optimizer']!r}")

    def set(self, **changes):
        """Change the learning rate, batch size or optimizer mid-run, keeping the weights."""
        unknown = set(changes) - {"lr", "batch_size", "optimizer"}
        if unknown:
            raise ValueError(f"{sorted(unknown)} change the data or the network: use reset(...)")
        self.settings.update(changes)
        if "optimizer" in changes:
            self.optimizer = self._make_optimizer()
        self.optimizer.lr = float(self.settings["lr"])

    def train(self, steps=1):
        """`steps` mini-batch steps of the optimizer on the training half."""
        N, B = len(self.X_train), int(self.settings["batch_size"])
        for _ in range(steps):
            rows = self.batch_rng.integers(0, N, size=B)  # sampled batches: an epoch is N / B steps
            # the kernels, unchecked, as in dlbook.train.fit: a NaN shows in the recorded loss
            logits = self.model._forward(self.X_train[rows])
            _, grad = _CE._mean_value_and_grad(self._Y["train"][rows], logits)
            self.model._backward(grad, input_grad=False)
            self.optimizer._apply(self.model.grads)
        self.steps += steps
        self.epoch = self.steps * B / N
        self._record()

    def _record(self):
        self.history["epoch"].append(self.epoch)
        self.history["train"].append(self.loss("train"))
        self.history["test"].append(self.loss("test"))

    def loss(self, part):
        """The mean softmax cross-entropy on the "train" or "test" half (NaN once diverged)."""
        X = self.X_train if part == "train" else self.X_test
        return float(_CE._loss(self._Y[part], self.model._forward(X)).mean())

    @property
    def diverged(self):
        """The loss is NaN or inf: nothing more can be learned."""
        return not np.isfinite(self.history["train"][-1])

    @property
    def exploding(self):
        """The training loss has grown to over twice where it started: the steps overshoot."""
        return self.history["train"][-1] > 2 * self.history["train"][0]

    def boundary(self, resolution=GRID):
        """p(class 1) on a resolution x resolution grid over the view, rows from the bottom."""
        axis = np.linspace(-EXTENT, EXTENT, resolution)
        xx, yy = np.meshgrid(axis, axis)
        with np.errstate(over="ignore", invalid="ignore"):
            P = Softmax._f(self.model._forward(np.column_stack([xx.ravel(), yy.ravel()])))
        return P[:, 1].reshape(resolution, resolution)


class Playground(Shown):
    """The playground's controls and figure around a PlaygroundState."""

    def __init__(self, steps_per_frame=5, **settings):
        self.state = PlaygroundState(**settings)
        self.steps_per_frame = steps_per_frame
        s = self.state.settings
        self.dataset = widgets.Dropdown(options=list(data.DATASETS), value=s["dataset"], description="data")
        self.noise = widgets.FloatSlider(s["noise"], min=0.0, max=0.5, step=0.05, description="noise",
                                         continuous_update=False)
        self.layers = widgets.IntSlider(s["layers"], min=1, max=4, description="layers")
        self.width = widgets.IntSlider(s["width"], min=1, max=16, description="width")
        self.activation = widgets.Dropdown(options=["tanh", "relu", "sigmoid"], value=s["activation"],
                                           description="activation")
        self.lr = widgets.FloatLogSlider(s["lr"], base=10, min=-3, max=0.5, step=0.1, description="lr",
                                         readout_format=".3g")
        self.batch_size = widgets.IntSlider(s["batch_size"], min=1, max=64, description="batch")
        self.optimizer = widgets.Dropdown(options=OPTIMIZERS, value=s["optimizer"], description="optimizer")
        self.play = widgets.ToggleButton(False, description="▶ Play", layout=widgets.Layout(width="100px"))
        self.step_button = widgets.Button(description="Step", layout=widgets.Layout(width="80px"))
        self.reset_button = widgets.Button(description="Reset", layout=widgets.Layout(width="80px"))
        self.readout = widgets.HTML()
        self._build_figure()
        for control in (self.dataset, self.noise, self.layers, self.width, self.activation):
            control.observe(self._reset, names="value")
        for control in (self.lr, self.batch_size, self.optimizer):
            control.observe(self._set, names="value")
        self.play.observe(self._toggle, names="value")
        self.step_button.on_click(lambda _: self.advance())
        self.reset_button.on_click(lambda _: self._reset())
        self.task = None
        self._show(full=True)

    def _build_figure(self):
        self.fig, (self.ax_map, self.ax_loss) = new_figure(1, 2, figsize=(8.6, 3.9),
                                                           gridspec_kw={"width_ratios": [1, 1.15]})
        self.fig.subplots_adjust(left=0.05, right=0.98, bottom=0.13, top=0.9, wspace=0.22)
        self.image = self.ax_map.imshow(self.state.boundary(), origin="lower", cmap="RdBu", vmin=0, vmax=1,
                                        extent=(-EXTENT, EXTENT, -EXTENT, EXTENT), alpha=0.55)
        self.points = {}
        for part, marker, fill in (("train", "o", True), ("test", "o", False)):
            self.points[part] = self.ax_map.scatter(np.zeros(0), np.zeros(0), c=np.zeros(0), s=16, marker=marker,
                                                    linewidths=0.9, cmap="RdBu", vmin=-0.15, vmax=1.15, zorder=3)
        self.ax_map.set_xticks([])
        self.ax_map.set_yticks([])
        (self.train_line,) = self.ax_loss.plot([], [], color="#1565c0", lw=1.5, label="training loss")
        (self.test_line,) = self.ax_loss.plot([], [], color="#e65100", lw=1.5, label="test loss")
        self.ax_loss.set_yscale("log")
        self.ax_loss.set_ylim(1e-3, 3)
        self.ax_loss.set_xlabel("epoch")
        self.ax_loss.legend(loc="upper right", fontsize=8)
        self.ax_loss.grid(True, which="major", alpha=0.3)
        # the points are drawn over the heat map, so they are redrawn with it
        self.blitter = Blitter(self.fig, [self.image, self.points["train"], self.points["test"],
                                          self.train_line, self.test_line])

    def _place_points(self):
        st = self.state
        for part, X, y in (("train", st.X_train, st.y_train), ("test", st.X_test, st.y_test)):
            dots = self.points[part]
            dots.set_offsets(X)
            dots.set_array(y.astype(float))
            if part == "test":  # hollow rings, coloured by class
                dots.set_facecolors("none")
                dots.set_edgecolors(dots.cmap(dots.norm(y.astype(float))))
                dots.set_linewidths(1.2)
            else:
                dots.set_edgecolors("white")

    def advance(self, steps=None):
        """Train `steps` (default: one frame's worth) and show the result."""
        try:
            if not self.state.diverged:
                with np.errstate(over="ignore", invalid="ignore"):
                    self.state.train(self.steps_per_frame if steps is None else steps)
            self._show()
        except Exception as err:
            self.play.value = False
            self.readout.value = error_text(err)

    def _show(self, full=False):
        st, h = self.state, self.state.history
        self.image.set_data(st.boundary())
        self.train_line.set_data(h["epoch"], h["train"])
        self.test_line.set_data(h["epoch"], h["test"])
        right = max(1.0, h["epoch"][-1])
        if full or right > self.ax_loss.get_xlim()[1]:  # the axis grows in steps: a full draw now and then
            self.ax_loss.set_xlim(0, 2 ** np.ceil(np.log2(right)))
            full = True
        if st.diverged:
            self.readout.value = ('<b style="color:#c62828">The loss diverged</b> (NaN or inf): the learning '
                                  "rate is too high for this network. Lower it and press Reset.")
            self.play.value = False
        else:
            self.readout.value = (f"epoch {st.epoch:.1f} ({st.steps} steps): training loss {h['train'][-1]:.3f}, "
                                  f"test loss {h['test'][-1]:.3f}")
            if st.exploding:
                self.readout.value += (f'. <b style="color:#c62828">The training loss grew from {h["train"][0]:.2f} '
                                       f'to {h["train"][-1]:.2f}</b>: the steps overshoot. Lower the learning rate.')
        if full:
            self._place_points()
            self.blitter.full()
        else:
            self.blitter.fast()

    def _reset(self, _=None):
        self.state.reset(dataset=self.dataset.value, noise=self.noise.value, layers=self.layers.value,
                         width=self.width.value, activation=self.activation.value, lr=self.lr.value,
                         batch_size=self.batch_size.value, optimizer=self.optimizer.value)
        self._show(full=True)

    def _set(self, _=None):
        self.state.set(lr=self.lr.value, batch_size=self.batch_size.value, optimizer=self.optimizer.value)

    def _toggle(self, change):
        self.play.description = "⏸ Pause" if change["new"] else "▶ Play"
        if change["new"] and (self.task is None or self.task.done()):
            try:
                loop = asyncio.get_running_loop()  # the kernel's; absent only outside Jupyter
            except RuntimeError:
                self.readout.value = "Play needs a running event loop (Jupyter's): use Step, or await run()."
                return
            self.task = loop.create_task(self.run())

    async def run(self, frames=None, fps=25):
        """Train and draw frame after frame until Pause (or `frames` frames), at most `fps` frames
        a second, yielding to the event loop between frames so that the controls keep working."""
        count, loop = 0, asyncio.get_running_loop()
        while (self.play.value or frames is not None) and (frames is None or count < frames):
            start = loop.time()
            self.advance()
            count += 1
            # sleep out the rest of the frame (at least a moment: the controls' messages get in)
            await asyncio.sleep(max(0.002, 1 / fps - (loop.time() - start)))

    @cached_property
    def widget(self):
        data_box = widgets.VBox([self.dataset, self.noise, self.layers, self.width, self.activation])
        train_box = widgets.VBox([self.lr, self.batch_size, self.optimizer,
                                  widgets.HBox([self.play, self.step_button, self.reset_button])])
        return widgets.VBox([widgets.HBox([data_box, train_box]), self.readout, figure_widget(self.fig)])


def playground(**settings):
    """The network playground (see PlaygroundState for the settings)."""
    return Playground(**settings)
