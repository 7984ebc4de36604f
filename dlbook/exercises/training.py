"""Exercises of the chapter on training a deep network end to end."""

from functools import lru_cache

import numpy as np

from .spec import BadAnswer, Case, Choice, Exercise, Mistake

__all__ = ["EXERCISES"]

# ---- He initialisation for a list of layer sizes -------------------------------------------------

_HE_PARTS = ("the shape of each W", "the shape of each b", "whether every b is zero",
             "each W's standard deviation divided by He's sqrt(2 / fan_in)",
             "whether the same rng seed gives the same weights", "whether another rng gives other weights",
             "whether the weights look like independent draws (many distinct values, columns uncorrelated)")


def _he_properties(three, sizes, rng):
    """What He initialisation promises, measured on he_init's layers from one rng, a copy of it,
    and another rng."""
    layers, again, other = three
    if not all(isinstance(out, (list, tuple)) and len(out) == len(sizes) - 1 and
               all(isinstance(layer, (list, tuple)) and len(layer) == 2 for layer in out) for out in three):
        raise BadAnswer(f"he_init must return a list of {len(sizes) - 1} pairs (W, b), one per layer")
    Ws = [np.asarray(W, dtype=float) for W, _ in layers]
    shapes = np.array([s for W in Ws for s in W.shape], dtype=float)
    b_shapes = np.array([s for _, b in layers for s in np.shape(b)], dtype=float)
    zero_b = float(all(np.all(np.asarray(b, dtype=float) == 0) for _, b in layers))
    ratio = np.array([W.std() / np.sqrt(2 / W.shape[0]) if W.ndim == 2 and W.size else 0.0 for W in Ws])
    same = float(all(np.array_equal(W, np.asarray(V, dtype=float)) for W, (V, _) in zip(Ws, again)))
    differs = float(not all(np.array_equal(W, np.asarray(V, dtype=float)) for W, (V, _) in zip(Ws, other)))
    return shapes, b_shapes, zero_b, ratio, same, differs, float(all(map(_independent, Ws)))


def _independent(W):
    """Whether W's entries look like independent random draws: mostly distinct values, and columns
    (the neurons) that are not copies of each other up to sign."""
    if W.ndim != 2 or min(W.shape) < 2:
        return True
    if np.unique(W).size < W.size / 2 or (W.std(axis=0) == 0).any():
        return False
    C = np.corrcoef(W.T)
    return float(np.abs(C[~np.eye(len(C), dtype=bool)]).mean()) < 0.3  # independent columns: about 0.1


def _he_reference(sizes, rng):
    shapes = np.array([s for pair in zip(sizes, sizes[1:]) for s in pair], dtype=float)
    return shapes, np.array(sizes[1:], dtype=float), 1.0, np.ones(len(sizes) - 1), 1.0, 1.0, 1.0


def _he_with(scale):
    def he_init(sizes, rng):
        return [(rng.normal(0, scale(a, b), size=(a, b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
    return he_init


def _one_coin(sizes, rng):
    layers = []
    for a, b in zip(sizes, sizes[1:]):
        signs = np.where(np.add.outer(np.arange(a), np.arange(b)) % 2 == 0, 1.0, -1.0)
        layers.append((rng.choice([-1.0, 1.0]) * np.sqrt(2 / a) * signs, np.zeros(b)))
    return layers


def _fixed_seed(sizes, rng):
    rng = np.random.default_rng(0)
    return [(rng.normal(0, np.sqrt(2 / a), size=(a, b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]


def _global_rng(sizes, rng):
    return [(np.random.normal(0, np.sqrt(2 / a), size=(a, b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]


he_init = Exercise(
    id="training.he_init",
    kind="function",
    title="He initialisation for a list of layer sizes",
    name="he_init",
    signature="he_init(sizes, rng)",
    outputs=_HE_PARTS,
    collect="thrice",
    judge=_he_properties,
    forbid=("dlbook.init",),
    reference=_he_reference,
    cases=[
        Case("the sizes [400, 300, 200]", lambda rng: ([400, 300, 200], np.random.default_rng(rng.integers(2 ** 32)))),
        Case("a deeper network [64, 256, 128, 40]",
             lambda rng: ([64, 256, 128, 40], np.random.default_rng(rng.integers(2 ** 32)))),
    ],
    dtype=None,
    rtol=0.06,
    atol=0.0,
    mistakes=[
        Mistake("variance as std", _he_with(lambda a, b: 2 / a),
                "rng.normal's second argument is the standard deviation, not the variance: He's "
                "variance 2 / fan_in means a standard deviation of np.sqrt(2 / fan_in)."),
        Mistake("xavier", _he_with(lambda a, b: np.sqrt(2 / (a + b))),
                "that is Xavier's sqrt(2 / (fan_in + fan_out)), made for tanh and sigmoid. He's is "
                "sqrt(2 / fan_in): ReLU zeroes half its inputs, and the 2 makes up for it."),
        Mistake("no 2", _he_with(lambda a, b: np.sqrt(1 / a)),
                "sqrt(1 / fan_in) is LeCun's scale; He's has a 2 in it: np.sqrt(2 / fan_in)."),
        Mistake("fan_out", _he_with(lambda a, b: np.sqrt(2 / b)),
                "fan_in is the number of inputs of each neuron, W.shape[0], the first size of the pair."),
        Mistake("fixed seed", _fixed_seed,
                "your weights are the same whatever rng you are given: a generator made inside he_init "
                "(np.random.default_rng(0)) ignores it. Draw from the rng argument: rng.normal(...)."),
        Mistake("not random", _one_coin,
                "your weights have the right scale but are not independent random draws: the entries take "
                "a few values, or the columns (the neurons) copy each other, so every neuron starts alike and "
                "learns alike. Draw every entry: rng.normal(0.0, np.sqrt(2 / fan_in), size=(fan_in, fan_out))."),
        Mistake("global rng", _global_rng,
                "you drew from np.random, the global generator, so the same seed does not give the same "
                "network. Draw from the rng you are given: rng.normal(...)."),
    ],
    hints=[
        "One (W, b) per consecutive pair of sizes: W of shape (fan_in, fan_out), b of fan_out zeros.",
        "He initialisation draws W from a normal distribution with mean 0 and standard deviation "
        "np.sqrt(2 / fan_in), with the rng you are given.",
        "return [(rng.normal(0.0, np.sqrt(2 / n_in), size=(n_in, n_out)), np.zeros(n_out))\n"
        "        for n_in, n_out in zip(sizes, sizes[1:])]",
    ],
    points=2,
)

# ---- accuracy from logits and labels ----------------------------------------------------------


def _logits_cases():
    def make(N, C):
        def inputs(rng):
            logits = rng.normal(size=(N, C))
            y = rng.integers(0, C, size=N)
            y[: N // 2] = logits[: N // 2].argmax(axis=1)  # about half right
            return logits, y
        return inputs

    return [
        Case("10 examples, 3 classes", make(10, 3)),
        Case("as many examples as classes (4)", make(4, 4)),
        Case("every prediction right", lambda rng: (np.eye(5) * 3, np.arange(5))),
        Case("one example", make(1, 10)),
        Case("three examples, one right", lambda rng: (np.eye(3)[[0, 0, 2]] * 2.0, np.array([0, 1, 1]))),
        Case("logits in the thousands", lambda rng: (np.array([[1000.0, 2000.0, -1000.0], [3000.0, -2000.0, 0.0]]),
                                                     np.array([1, 0]))),
        Case("tied logits: the first largest counts, as argmax", lambda rng: (np.array([[2.0, 2.0, 0.0], [1.0, 1.0, 1.0]]),
                                                                             np.array([0, 0]))),
    ]


accuracy = Exercise(
    id="training.accuracy",
    kind="function",
    title="Accuracy from logits and labels",
    name="accuracy",
    signature="accuracy(logits, y)",
    reference=lambda logits, y: float((logits.argmax(axis=1) == y).mean()),
    forbid=("dlbook.train",),
    cases=_logits_cases(),
    dtype=None,
    mistakes=[
        Mistake("count", lambda logits, y: float((logits.argmax(axis=1) == y).sum()),
                "that is the number of right predictions; accuracy is the fraction, divided by N "
                "(or .mean() of the comparison)."),
        Mistake("axis 0", lambda logits, y: float((logits.argmax(axis=0) == y).mean()),
                "argmax(axis=0) picks, for each class, the example with the largest score. The "
                "predicted class of each example is the largest entry of its row: argmax(axis=1)."),
        Mistake("argmin", lambda logits, y: float((logits.argmin(axis=1) == y).mean()),
                "the predicted class has the largest logit: argmax, not argmin."),
        Mistake("percent", lambda logits, y: 100 * float((logits.argmax(axis=1) == y).mean()),
                "return a fraction between 0 and 1, not a percentage."),
    ],
    hints=[
        "The network predicts, for each example, the class with the largest logit.",
        "logits.argmax(axis=1) gives the predicted classes (N,); compare them with y and take the mean.",
        "return float((logits.argmax(axis=1) == y).mean())",
    ],
    points=1,
)

# ---- a training loop, graded on the trained network ------------------------------------------------

THRESHOLD = 0.95


@lru_cache(maxsize=1)
def _digits():
    from ..data import digits

    return digits()


def _digits_cases():
    def inputs(rng):
        split = _digits()
        return split.X_train.copy(), split.y_train.copy(), np.random.default_rng(rng.integers(2 ** 32))
    return [Case("the digits' training set, tested on the held-out test set", inputs)]


def _network(layers):
    """The dlbook.nn network described by [("dense", W, b) or (activation name,), ...]."""
    from .. import nn

    parts = []
    for layer in layers if isinstance(layers, (list, tuple)) else ():
        if isinstance(layer, (list, tuple)) and len(layer) == 3 and layer[0] == "dense":
            W, b = np.asarray(layer[1], dtype=float), np.asarray(layer[2], dtype=float)
            if W.ndim != 2 or b.shape != (W.shape[1],):
                raise BadAnswer(f"a Dense layer has W of shape {W.shape} and b of shape {b.shape}")
            dense = nn.Dense(W.shape[0], W.shape[1], rng=0)
            dense.params = {"W": W, "b": b}
            parts.append(dense)
        elif isinstance(layer, (list, tuple)) and len(layer) == 1 and layer[0] in _ACTIVATIONS:
            parts.append(nn.Activation(layer[0]))
        else:
            raise BadAnswer("train_digits must return a dlbook.nn network of Dense and activation layers")
    if not parts:
        raise BadAnswer("train_digits must return the trained network; it has no layers")
    try:
        return nn.Sequential(*parts)
    except ValueError as err:
        raise BadAnswer(f"the layers of the returned network do not fit together: {err}") from None


_ACTIVATIONS = ("relu", "sigmoid", "tanh", "softmax", "leaky_relu", "softplus")


def _held_out_accuracy(layers, X, y, rng):
    """The returned network's accuracy on the held-out test digits, computed here."""
    split = _digits()
    network = _network(layers)
    try:
        with np.errstate(all="ignore"):
            scores = np.asarray(network(split.X_test), dtype=float)
    except ValueError as err:
        raise BadAnswer(f"the returned network cannot take the test images, 64 pixels each: {err}") from None
    y_test = split.y_test
    if scores.shape != (len(y_test), 10):
        raise BadAnswer(f"the model's output on the test images has shape {scores.shape}, expected "
                        f"{(len(y_test), 10)}: one score per digit")
    if not np.isfinite(scores).all():
        raise BadAnswer("the trained model outputs NaN or inf: training diverged. Lower the learning rate.")
    acc = float((scores.argmax(axis=1) == y_test).mean())
    if acc < THRESHOLD:
        raise BadAnswer(f"your trained network classifies {acc:.1%} of the held-out test digits "
                        f"correctly; it needs {THRESHOLD:.0%}. {_why_untrained(network, X, y, acc)}")
    return (1.0,)


def _why_untrained(network, X, y, acc):
    """What the returned network says about why training failed: its weights and its loss on the
    training set, read like a practitioner reads a failed run."""
    Ws = [layer.params["W"] for layer in network.layers if "W" in layer.params]
    hidden = Ws[:-1]
    if hidden and all(np.ptp(W, axis=1).max() < 1e-12 for W in hidden):
        return ("Every hidden unit has the same weights: all-zero (or constant) initialisation leaves them "
                "identical, so they get the same gradient and never differ. Initialise randomly, as nn.mlp does.")
    if max(np.abs(W).max() for W in Ws) < 1e-3:
        return ("Every weight is close to 0: something pulled them there, a weight decay far too strong, "
                "or a step that shrinks the weights. Check the update rule and the weight decay.")
    with np.errstate(all="ignore"):
        Z = network(X)
        Z = Z - Z.max(axis=1, keepdims=True)
        loss = float(np.mean(np.log(np.exp(Z).sum(axis=1)) - Z[np.arange(len(y)), np.asarray(y, dtype=int)]))
    if not np.isfinite(loss) or loss > np.log(10) + 0.5:
        return (f"Its loss on the training images is {loss:.3g}, worse than guessing (log 10 = 2.30): the steps "
                "went uphill or overshot. Check the sign of the update (w - lr * grad) and lower the learning rate.")
    A = X
    for layer in network.layers[:-1]:
        A = layer(A)
        if isinstance(layer, _activation_types()) and layer.name == "relu" and (A.max(axis=0) <= 0).mean() > 0.5:
            return ("Most hidden ReLU units output 0 for every training image (dead units). Steps far too large "
                    "throw them there, and so does a long run on labels that do not match the images: check the "
                    "learning rate, and that X and y are shuffled with one permutation.")
    train_acc = float((Z.argmax(axis=1) == np.asarray(y)).mean())
    if train_acc > acc + 0.15:
        return (f"It gets {train_acc:.0%} of its own training images right but only {acc:.0%} of new ones: it "
                "learned the training labels without learning digits. Were X and y shuffled with one permutation?")
    if acc < 0.2:
        return ("That is chance level, and the training loss did not go down: are the steps taken (model.backward "
                "with the loss's gradient, then optimizer.step, for every batch), and are they large and many "
                "enough (the learning rate, the number of epochs)? Is the network you return the one you trained?")
    return "Train longer, or with a better learning rate: the network learned something, not enough."


def _activation_types():
    from .. import nn

    return nn.Activation


train_digits = Exercise(
    id="training.train_digits",
    kind="function",
    title="A complete training loop on the digits",
    name="train_digits",
    signature="train_digits(X, y, rng)",
    arguments=("X", "y", "rng"),
    outputs=("the trained network reaches 95% on held-out digits",),
    collect="trained_network",
    judge=_held_out_accuracy,
    reference=lambda X, y, rng: (1.0,),
    cases=_digits_cases(),
    forbid=("dlbook.train",),
    dtype=None,
    hints=[
        "Build a model with nn.mlp([64, ..., 10], rng=rng) and an optimizer from dlbook.optim; then "
        "loop over epochs, and in each over shuffled mini-batches (dlbook.data.batches).",
        "For each batch: logits = model(Xb); model.backward(losses.softmax_cross_entropy.backward(yb, "
        "logits)); optimizer.step(). SGD with lr 0.05 and momentum 0.9, batch 32, 15 epochs does it.",
        "See the loop in the section 'Putting it together' above, and return the model at the end.",
    ],
    points=3,
)

# ---- read a broken run's loss curve -------------------------------------------------------------

diagnose = Exercise(
    id="training.diagnose",
    kind="choice",
    title="What broke this training run?",
    name="diagnosis",
    reference="b",
    choices=[
        Choice("a", "the learning rate is too high",
               "a too-high learning rate makes the loss jump around or grow, not sit still at one value."),
        Choice("b", "every weight was initialised to zero",
               "right: with all-zero weights every hidden unit computes the same thing (0 through the ReLU) "
               "and gets no gradient, so only the output biases learn: the loss settles at log(10) = 2.30, "
               "the loss of guessing each digit's frequency, and accuracy stays at one class's share."),
        Choice("c", "the data was not shuffled",
               "without shuffling the batches repeat each epoch, which can slow learning, but the loss "
               "would still go down."),
        Choice("d", "too few epochs",
               "more epochs of a run that does not move at all will not help: the loss is flat from the start."),
    ],
    hints=[
        "The loss sits at 2.30 = log(10) from the first epoch to the last: the network predicts the "
        "same thing for every image.",
        "What does a network compute when every hidden unit starts out identical?",
        "diagnosis = 'b'",
    ],
    points=1,
)

# ---- the memory of a deep network's parameters -------------------------------------------------

_SIZES = (784, 512, 512, 10)
_PARAMS = sum(a * b + b for a, b in zip(_SIZES, _SIZES[1:]))

memory = Exercise(
    id="training.memory",
    kind="number",
    title="The memory of a network's parameters",
    name="n_bytes",
    reference=_PARAMS * 4,
    rtol=1e-6,
    mistakes=[
        Mistake("float64", _PARAMS * 8, "that is the size in float64 (8 bytes a number); float32 takes 4."),
        Mistake("count", _PARAMS, "that is the number of parameters; each float32 takes 4 bytes."),
        Mistake("no biases", sum(a * b for a, b in zip(_SIZES, _SIZES[1:])) * 4,
                "the biases are missing: each layer has n_out of them besides its weights."),
        Mistake("megabytes", _PARAMS * 4 / 2 ** 20, "give the answer in bytes, not megabytes."),
    ],
    hints=[
        "Count the parameters first: a layer from n_in to n_out has n_in * n_out weights and n_out biases.",
        "784 * 512 + 512 + 512 * 512 + 512 + 512 * 10 + 10 parameters, 4 bytes each in float32.",
        f"n_bytes = {_PARAMS} * 4",
    ],
    points=1,
)

EXERCISES = [he_init, accuracy, train_digits, diagnose, memory]
