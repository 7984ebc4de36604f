"""The loss and accuracy curves of a training run, updated in place after every epoch.

Under ipympl `canvas.draw()` renders and sends the frame at once, so the curves move while a
cell is still training (draw_idle would wait for the cell to finish).
"""

import numpy as np

from ._figure import new_figure

__all__ = ["TrainingPlot"]


class TrainingPlot:
    """Two axes: loss (log scale) and accuracy, training and validation, against the epoch."""

    def __init__(self, epochs):
        self.fig, (self.ax_loss, self.ax_acc) = new_figure(1, 2, figsize=(8.5, 3))
        self.fig.subplots_adjust(left=0.08, right=0.98, bottom=0.16, top=0.9, wspace=0.25)
        style = {"train": dict(color="#1565c0"), "validation": dict(color="#e65100")}
        self.lines = {}
        for ax, what in ((self.ax_loss, "loss"), (self.ax_acc, "accuracy")):
            for part, kw in style.items():
                (self.lines[what, part],) = ax.plot([], [], "o-", ms=2.5, lw=1.3, label=part, **kw)
            ax.set_xlim(0, max(epochs, 1))
            ax.set_xlabel("epoch")
            ax.set_title(what, fontsize=10)
            ax.grid(True, alpha=0.3)
        self.ax_loss.set_yscale("log")
        self.ax_loss.set_ylim(1e-2, 3)  # until the first epoch's numbers arrive
        self.ax_acc.set_ylim(0, 1.02)
        self.ax_acc.legend(loc="lower right", fontsize=8)

    def update(self, history):
        """Show everything `history` has so far, and send the frame."""
        series = {("loss", "train"): history.train_loss, ("loss", "validation"): history.val_loss,
                  ("accuracy", "train"): history.train_accuracy, ("accuracy", "validation"): history.val_accuracy}
        for key, values in series.items():
            self.lines[key].set_data(np.arange(len(values)), values)
        finite = [v for v in history.train_loss + history.val_loss if np.isfinite(v) and v > 0]
        if finite:
            self.ax_loss.set_ylim(min(finite) / 1.5, max(finite) * 1.5)
        accuracies = history.train_accuracy + history.val_accuracy
        if accuracies:
            self.ax_acc.set_ylim(min(0.9 * min(accuracies), 0.9), 1.01)
        self.fig.canvas.draw()
