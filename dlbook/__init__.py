"""dlbook: the reference package of an interactive textbook on deep networks and backprop.

    activations   sigmoid, tanh, relu, leaky_relu, softplus, softmax: forward, derivative, backward
    nn            dense layers, activation layers and Sequential networks: the forward pass
    init          initial weights: Xavier/Glorot and He, with an explicit rng
    losses        mse and the cross-entropies, from probabilities or logits: value and gradient
    autodiff      Value, a scalar autodiff engine: each operation's backward beside its forward
    gradcheck     numerical gradients by central differences, and gradient-check reports
    optim         SGD (momentum, Nesterov), RMSProp, Adam and learning-rate schedules, as torch.optim
    data          datasets (moons, circles, xor, spirals, digits on a fixed split) and mini-batches
    train         fit(model, X, y, ...): the training loop, with history, progress and early stopping
    exercises     the checked exercises of every chapter
    progress()    your progress through the book (see dlbook.progress)
    grading       `dlbook grade`: sandboxed grading of submitted notebooks
    widgets       the interactive figures (imports matplotlib and ipywidgets when used)

Importing dlbook imports numpy only; plotting and widget libraries load when first used.
"""

from . import activations, autodiff, data, gradcheck, init, losses, nn, optim, train
from .progress import progress  # dlbook.progress() is the table; the module is dlbook.progress's record etc.

__version__ = "0.1.0"
__all__ = ["activations", "nn", "init", "losses", "autodiff", "gradcheck", "optim", "data", "train", "exercises", "widgets",
           "grading", "progress", "__version__"]


def __getattr__(name):
    # exercises and widgets load on first use, keeping `import dlbook` as light as numpy
    if name in ("exercises", "widgets", "grading"):
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'dlbook' has no attribute {name!r}")
