"""The training loop: data, model, loss and optimizer together, epoch after epoch.

    for each epoch:
        for each shuffled mini-batch (X_b, y_b):
            logits = model(X_b)                          forward
            L, dlogits = loss.value_and_grad(y_b, logits)
            model.backward(dlogits)                      backward
            optimizer.step()                             w -= lr * (what the optimizer makes of dL/dw)
        measure the loss and accuracy on the training and validation sets

`fit` runs it, with a progress bar (tqdm: a widget in JupyterLab), an optional live plot,
early stopping on the validation loss, and clear errors: data that does not fit the model
(feature count, labels out of range, NaN) before the first step, and a diverging run (a NaN
or inf loss) at the step where it happens.
"""

from dataclasses import dataclass, field

import numpy as np

from . import nn
from . import losses as _losses
from ._validate import as_float_array, first_index
from .data import batch_indices

__all__ = ["History", "TrainingDiverged", "fit", "accuracy", "predict", "evaluate"]


class TrainingDiverged(FloatingPointError):
    """The loss became NaN or inf: the step where it happened and what to try."""


@dataclass
class History:
    """What `fit` measured in each epoch, lists of floats, one per epoch.

    train_loss, train_accuracy: over the epoch's batches, weighted by their size (the model
    changes during the epoch, as in Keras); val_loss, val_accuracy: on the validation set after
    the epoch (empty without validation data). Accuracy lists stay empty for regression."""

    train_loss: list = field(default_factory=list)
    train_accuracy: list = field(default_factory=list)
    val_loss: list = field(default_factory=list)
    val_accuracy: list = field(default_factory=list)
    lr: list = field(default_factory=list)
    steps: int = 0
    stopped_early: bool = False
    best_epoch: int | None = None

    @property
    def epochs(self):
        return len(self.train_loss)

    def plot(self):
        """Loss and accuracy against the epoch, training and validation. Returns the Figure."""
        from .widgets.training_plot import TrainingPlot

        view = TrainingPlot(self.epochs)
        view.update(self)
        return view.fig

    def __repr__(self):
        last = f"train loss {self.train_loss[-1]:.4f}" if self.train_loss else "not trained"
        if self.train_accuracy:
            last += f", accuracy {self.train_accuracy[-1]:.1%}"
        if self.val_loss:
            last += f"; validation loss {self.val_loss[-1]:.4f}"
        if self.val_accuracy:
            last += f", accuracy {self.val_accuracy[-1]:.1%}"
        stop = f", stopped early (best epoch {self.best_epoch})" if self.stopped_early else ""
        return f"History({self.epochs} epochs, {self.steps} steps: {last}{stop})"


def predict(model, X):
    """Class predictions (N,) from the model's outputs: the argmax of C > 1 scores, or
    score > 0 (logits) / > 0.5 (probabilities) for one output."""
    out = model(X)
    if out.shape[-1] > 1:
        return out.argmax(axis=-1)
    last = model.layers[-1] if isinstance(model, nn.Sequential) else model
    threshold = 0.5 if getattr(last, "name", None) == "sigmoid" else 0.0
    return (out[:, 0] > threshold).astype(np.int64)


def accuracy(model, X, y):
    """The fraction of examples whose predicted class is y. X: (N, D). y: (N,) int labels."""
    return float((predict(model, X) == np.asarray(y).reshape(-1)).mean())


def evaluate(model, X, y, loss):
    """(mean loss, accuracy) on a whole dataset; accuracy is None for regression losses."""
    loss = _losses.get(loss) if isinstance(loss, str) else loss
    out = model(X)
    return float(loss(y, out)), _accuracy_of(model, out, y, loss)


def _accuracy_of(model, out, y, loss):
    """Accuracy from outputs already computed (None for regression); one forward pass, not two."""
    if not _classifies(loss):
        return None
    if out.shape[-1] > 1:
        predicted = out.argmax(axis=-1)
    else:
        last = model.layers[-1] if isinstance(model, nn.Sequential) else model
        predicted = (out[:, 0] > (0.5 if getattr(last, "name", None) == "sigmoid" else 0.0)).astype(np.int64)
    return float((predicted == np.asarray(y).reshape(-1)).mean())


def _classifies(loss):
    return loss.name != "mse"


def _first_dense(model):
    layers = model.layers if isinstance(model, nn.Sequential) else [model]
    dense = [layer for layer in layers if isinstance(layer, nn.Dense)]
    return (dense[0], dense[-1]) if dense else (None, None)


def check_data(model, X, y, loss, name="X"):
    """Validate (X, y) against the model and the loss before any step; returns float X."""
    X = as_float_array(X, name)
    y_name = "y" if name == "X" else f"y{name[1:]}"
    if X.ndim != 2:
        raise ValueError(f"{name} has shape {X.shape}: it must be a batch (N, D), one example per row")
    y = np.asarray(y)
    if len(y) != len(X):
        raise ValueError(f"{name} has {len(X)} examples but {y_name} has {len(y)}: they must match row for row")
    first, last = _first_dense(model)
    if first is not None and X.shape[1] != first.in_features:
        raise ValueError(f"{name} has {X.shape[1]} features per example but the model's first layer, "
                         f"{first!r}, expects {first.in_features}")
    if loss.name in ("softmax_cross_entropy", "categorical_cross_entropy") and last is not None:
        C = last.out_features
        if y.dtype.kind not in "iu":
            raise ValueError(f"{y_name} has dtype {y.dtype}: class labels must be integers 0..{C - 1} "
                             f"(use {y_name}.astype(int))")
        bad = (y < 0) | (y >= C)
        if bad.any():
            i = first_index(bad)
            raise ValueError(f"{y_name} holds the label {y[i]} at index {i}, but the model's last layer "
                             f"has {C} outputs: labels must be in 0..{C - 1}")
    elif y.dtype.kind == "f" and not np.isfinite(y).all():
        raise ValueError(f"{y_name} contains NaN or inf at index {first_index(~np.isfinite(y))}")
    return X, y


def fit(model, X, y, *, optimizer, epochs=10, batch_size=32, rng, loss="softmax_cross_entropy",
        validation=None, schedule=None, patience=None, progress=True, plot=False):
    """Train `model` in place on (X, y) and return its History.

    model: a dlbook.nn model. X: (N, D). y: (N,) integer labels for the categorical losses, or
    targets of the model's output shape. optimizer: a dlbook.optim optimizer made from the model.
    epochs, batch_size: as usual. rng: shuffles the batches (a Generator or int seed).
    loss: a dlbook.losses loss or its name. validation: (X_val, y_val), measured every epoch.
    schedule: a dlbook.optim schedule, stepped after every epoch. patience: stop when the
    validation loss has not improved for this many epochs, and restore the best weights.
    progress: a progress bar over the epochs. plot: a live loss and accuracy plot.
    """
    loss = _losses.get(loss) if isinstance(loss, str) else loss
    X, y = check_data(model, X, y, loss)
    if validation is not None:
        validation = check_data(model, *validation, loss, name="X_val")
    if patience is not None and validation is None:
        raise ValueError("patience (early stopping) watches the validation loss: pass validation=(X_val, y_val)")
    rng = np.random.default_rng(rng) if not isinstance(rng, np.random.Generator) else rng
    history, best = History(), None
    view = _live_plot(epochs) if plot else None
    bar = _progress(epochs) if progress else None
    # everything was checked above, once: each step below calls the unchecked kernels of the
    # model, the loss and the optimizer, the same code as model(X), loss.value_and_grad(y, out),
    # model.backward(grad) and optimizer.step() without their checks
    Y = _targets(model, loss, X, y)
    right = _right_counter(model, loss, X, y)
    try:
        for epoch in range(1, epochs + 1):
            total, correct = 0.0, 0.0
            for step, rows in enumerate(batch_indices(len(X), batch_size, rng=rng), start=1):
                out = model._forward(X[rows])
                value, grad = loss._mean_value_and_grad(Y[rows], out)
                if not np.isfinite(value):
                    raise TrainingDiverged(
                        f"the loss became {value} at epoch {epoch}, batch {step} (step {history.steps + 1}) "
                        f"with learning rate {optimizer.lr:g}: the updates grew until they overflowed. "
                        "Try a learning rate 3 to 10 times smaller, or check the data's scale.")
                total += value * len(rows)
                correct += right(out, rows)
                model._backward(grad, input_grad=False)  # no one needs dL/dX of the data
                optimizer._apply(model.grads)
                history.steps += 1
            _record(history, model, total / len(X), correct / len(X), validation, loss, optimizer.lr)
            if schedule is not None:
                schedule.step()
            if bar is not None:
                bar.update(1)
                bar.set_postfix_str(_postfix(history))
            if view is not None:
                view.update(history)
            if patience is not None:
                if best is None or history.val_loss[-1] < best[0]:
                    best = (history.val_loss[-1], epoch, {k: p.copy() for k, p in model.params.items()})
                elif epoch - best[1] >= patience:
                    history.stopped_early = True
                    break
    finally:
        if bar is not None:
            bar.close()
    if best is not None:
        history.best_epoch = best[1]
        for key, p in model.params.items():  # the weights of the best epoch
            p[...] = best[2][key]
    return history


def _right_counter(model, loss, X, y):
    """A function (outputs, rows) -> how many of those rows the outputs classify right."""
    if not _classifies(loss):
        return lambda out, rows: 0
    labels = y.reshape(-1)
    if model(X[:1]).shape[-1] > 1:
        return lambda out, rows: np.count_nonzero(out.argmax(axis=1) == labels[rows])
    return lambda out, rows: _accuracy_of(model, out, labels[rows], loss) * len(rows)


def _targets(model, loss, X, y):
    """y as the loss's kernel takes it (one-hot rows for labels), for the whole set at once."""
    out = model(X[:1])  # one example: the output's shape and dtype
    return loss._prepare(y, np.broadcast_to(out, (len(y),) + out.shape[1:]))[0]


def _record(history, model, train_loss, train_accuracy, validation, loss, lr):
    history.train_loss.append(float(train_loss))
    if _classifies(loss):
        history.train_accuracy.append(float(train_accuracy))
    if validation is not None:
        value, acc = evaluate(model, *validation, loss)
        history.val_loss.append(value)
        if acc is not None:
            history.val_accuracy.append(acc)
    history.lr.append(lr)


def _postfix(history):
    text = f"loss {history.train_loss[-1]:.4f}"
    if history.val_accuracy:
        text += f", val accuracy {history.val_accuracy[-1]:.1%}"
    return text


def _progress(epochs):
    from tqdm.auto import tqdm  # imported here: `import dlbook` stays light

    return tqdm(total=epochs, desc="training", unit="epoch")


def _live_plot(epochs):
    from IPython.display import display

    from .widgets._figure import figure_widget
    from .widgets.training_plot import TrainingPlot

    view = TrainingPlot(epochs)
    display(figure_widget(view.fig))
    return view
