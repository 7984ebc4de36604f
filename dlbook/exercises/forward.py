"""Exercises of the chapter on neurons, layers and the forward pass."""

import numpy as np

from ..activations import Sigmoid
from .spec import Case, Choice, Exercise, Mistake

__all__ = ["EXERCISES"]


def _sigmoid(z):
    return Sigmoid._f(np.asarray(z))[()]


def _neuron_cases():
    return [
        Case("a neuron with 3 inputs", lambda rng: (rng.normal(size=3), rng.normal(size=3), float(rng.normal()))),
        Case("a neuron with 1 input", lambda rng: (rng.normal(size=1), rng.normal(size=1), -0.5)),
        Case("a large negative bias", lambda rng: (rng.normal(size=4), rng.normal(size=4), -3.0)),
        Case("float32 inputs and weights", lambda rng: (rng.normal(size=5).astype(np.float32),
                                                       rng.normal(size=5).astype(np.float32), 0.25)),
        Case("integer inputs", lambda rng: (rng.integers(-3, 4, size=4), rng.normal(size=4), 1.0)),
    ]


neuron = Exercise(
    id="forward.neuron",
    forbid=("dlbook.nn",),
    kind="function",
    title="One neuron's output",
    name="neuron",
    signature="neuron(x, w, b)",
    reference=lambda x, w, b: _sigmoid(x @ w + b),
    cases=_neuron_cases(),
    mistakes=[
        Mistake("no activation", lambda x, w, b: x @ w + b,
                "that is the weighted sum z = x . w + b; the neuron's output is its activation "
                "a = sigmoid(z)."),
        Mistake("no bias", lambda x, w, b: _sigmoid(x @ w),
                "the bias is missing: z = x . w + b, then a = sigmoid(z)."),
        Mistake("no sum", lambda x, w, b: _sigmoid(x * w + b),
                "x * w multiplies element by element and gives one number per input. The "
                "weighted sum adds them up: x @ w (or np.dot(x, w), or (x * w).sum())."),
        Mistake("activation first", lambda x, w, b: _sigmoid(x) @ w + b,
                "you applied sigmoid to the inputs. The activation comes last, on the "
                "weighted sum: a = sigmoid(x @ w + b)."),
    ],
    hints=[
        "A neuron multiplies each input by its weight, adds them up with the bias, and passes "
        "the sum through its activation.",
        "z = x @ w + b is one number when x and w have shape (D,). Then apply sigmoid to z.",
        "return activations.sigmoid(x @ w + b)",
    ],
    points=1,
)


def _dense_cases():
    def make(N, D_in, D_out, dtype=np.float64):
        return lambda rng: (rng.normal(size=(N, D_in)).astype(dtype), rng.normal(size=(D_in, D_out)).astype(dtype),
                            rng.normal(size=D_out).astype(dtype))

    return [
        Case("a batch of 3 examples, 4 features, 2 neurons", make(3, 4, 2)),
        Case("as many examples as neurons (N = D_out = 3, D_in = 5)", make(3, 5, 3)),
        Case("a batch of one", make(1, 4, 3)),
        Case("one output neuron", make(4, 3, 1)),
        Case("float32 inputs and parameters", make(5, 3, 2, np.float32)),
        Case("integer inputs", lambda rng: (rng.integers(-3, 4, size=(3, 4)), rng.normal(size=(4, 2)),
                                            rng.normal(size=2))),
    ]


dense_forward = Exercise(
    id="forward.dense_forward",
    kind="function",
    title="A dense layer's forward pass on a batch",
    name="dense_forward",
    signature="dense_forward(X, W, b)",
    reference=lambda X, W, b: X @ W + b,
    cases=_dense_cases(),
    forbid=("dlbook.nn",),
    mistakes=[
        Mistake("transposed weights", lambda X, W, b: X @ W.T + b,
                "X @ W.T fails: W has shape (D_in, D_out), so X (N, D_in) @ W (D_in, D_out) is "
                "already (N, D_out). Transposing W mismatches the inner dimensions."),
        Mistake("weights first", lambda X, W, b: W @ X + b,
                "W @ X multiplies in the wrong order: with one example per row of X, the batch "
                "form is X @ W, giving (N, D_in) @ (D_in, D_out) = (N, D_out)."),
        Mistake("bias on the wrong axis", lambda X, W, b: X @ W + b[:, None],
                "b[:, None] (or b.reshape(-1, 1)) has shape (D_out, 1) and is added down the "
                "columns, one bias per example. There is one bias per neuron: b has shape "
                "(D_out,) and numpy adds it to every row of X @ W as it is."),
        Mistake("column convention", lambda X, W, b: W.T @ X.T + b[:, None],
                "you computed W^T X^T + b, the textbook's column-vector form, which gives shape "
                "(D_out, N). This book keeps examples in rows: Z = X @ W + b has shape (N, D_out)."),
        Mistake("no bias", lambda X, W, b: X @ W,
                "the bias is missing: Z = X @ W + b."),
        Mistake("activation", lambda X, W, b: _sigmoid(X @ W + b),
                "you applied an activation. A dense layer computes only Z = X @ W + b; the "
                "activation is a layer of its own, applied next."),
    ],
    hints=[
        "Each row of X is one example. Each column of W holds one neuron's weights.",
        "X (N, D_in) @ W (D_in, D_out) has shape (N, D_out); b (D_out,) broadcasts over the rows.",
        "return X @ W + b",
    ],
    points=2,
)


def _count(sizes):
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes, sizes[1:]))


def _sizes_cases():
    return [
        Case("the sizes [2, 4, 1]", lambda rng: ([2, 4, 1],)),
        Case("a digit classifier [64, 32, 16, 10]", lambda rng: ([64, 32, 16, 10],)),
        Case("one layer [4, 4]", lambda rng: ([4, 4],)),
        Case("a tuple (3, 5, 5, 2)", lambda rng: ((3, 5, 5, 2),)),
        Case("only an input layer [10]", lambda rng: ([10],)),
        # sizes drawn from the seed: no table of the fixed cases' counts can answer this one
        Case("random sizes", lambda rng: ([int(n) for n in rng.integers(1, 40, size=int(rng.integers(2, 6)))],)),
    ]


parameter_count = Exercise(
    id="forward.parameter_count",
    kind="function",
    title="Counting a network's parameters",
    name="parameter_count",
    signature="parameter_count(sizes)",
    reference=_count,
    cases=_sizes_cases(),
    forbid=("dlbook.nn",),
    dtype="int",
    mistakes=[
        Mistake("no biases", lambda s: sum(a * b for a, b in zip(s, s[1:])),
                "you counted the weights only. Each neuron of a layer also has a bias: a layer "
                "from n_in to n_out neurons has n_in * n_out + n_out parameters."),
        Mistake("biases of inputs", lambda s: sum(a * b + a for a, b in zip(s, s[1:])),
                "you gave one bias per input. Biases belong to the neurons that receive the "
                "sum: n_out per layer, not n_in."),
        Mistake("neurons", lambda s: sum(s),
                "that is the number of neurons. Parameters are the weights on the edges "
                "(n_in * n_out per layer) and one bias per non-input neuron."),
        Mistake("input biases", lambda s: sum(a * b + b for a, b in zip(s, s[1:])) + s[0],
                "the input layer has no parameters: it only holds the features."),
        Mistake("product", lambda s: int(np.prod(s)),
                "multiplying all the sizes counts paths through the network, not edges. Add "
                "up each layer's n_in * n_out weights and n_out biases."),
    ],
    hints=[
        "Go through consecutive pairs of sizes: each pair (n_in, n_out) is one dense layer.",
        "A dense layer has a weight matrix W (n_in, n_out) and a bias b (n_out,). "
        "zip(sizes, sizes[1:]) gives the pairs.",
        "return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes, sizes[1:]))",
    ],
    points=1,
)


def _forward(X, layers, hidden=lambda z: np.maximum(z, 0), output=lambda z: z):
    a = X
    for i, (W, b) in enumerate(layers):
        z = a @ W + b
        a = output(z) if i == len(layers) - 1 else hidden(z)
    return a


def _layers(rng, sizes, dtype=np.float64):
    return [(rng.normal(size=(n_in, n_out)).astype(dtype), rng.normal(size=n_out).astype(dtype))
            for n_in, n_out in zip(sizes, sizes[1:])]


def _forward_cases():
    def make(N, sizes, dtype=np.float64):
        return lambda rng: (rng.normal(size=(N, sizes[0])).astype(dtype), _layers(rng, sizes, dtype))

    return [
        Case("a 3-4-2 network on 5 examples", make(5, [3, 4, 2])),
        Case("a deeper 2-6-5-4-3 network", make(4, [2, 6, 5, 4, 3])),
        Case("a single layer, no hidden layer", make(3, [4, 2])),
        Case("a batch of one", make(1, [3, 5, 1])),
        Case("float32 data and parameters", make(4, [3, 4, 2], np.float32)),
    ]


forward = Exercise(
    id="forward.forward",
    forbid=("dlbook.nn",),
    kind="function",
    title="The forward pass through a list of layers",
    name="forward",
    signature="forward(X, layers)",
    reference=_forward,
    cases=_forward_cases(),
    mistakes=[
        Mistake("relu on the output", lambda X, layers: _forward(X, layers, output=lambda z: np.maximum(z, 0)),
                "you applied ReLU to the output layer too, so every negative score became 0. "
                "Hidden layers get ReLU; the output layer returns its scores z as they are "
                "(its own activation, sigmoid or softmax, is a separate step)."),
        Mistake("no activation", lambda X, layers: _forward(X, layers, hidden=lambda z: z),
                "no ReLU between the layers: the network collapses into one linear layer. "
                "Apply ReLU after every hidden layer."),
        Mistake("sigmoid hidden", lambda X, layers: _forward(X, layers, hidden=_sigmoid),
                "the hidden layers of this network use ReLU, max(0, z), not sigmoid."),
        Mistake("relu on the input", lambda X, layers: _forward(np.maximum(X, 0), layers),
                "you applied ReLU to the input X. Activations follow the dense layers, not the "
                "features."),
        Mistake("first layer only", lambda X, layers: _forward(X, layers[:1], output=lambda z: z),
                "only the first layer was applied: loop over every (W, b) in layers, feeding each "
                "layer's output to the next."),
    ],
    hints=[
        "Loop over the layers, keeping the current activation a (it starts as X).",
        "For each (W, b): z = a @ W + b. After every layer except the last, a = max(0, z). "
        "The last layer's z is the answer.",
        "a = X\nfor i, (W, b) in enumerate(layers):\n    z = a @ W + b\n"
        "    a = z if i == len(layers) - 1 else np.maximum(z, 0)\nreturn a",
    ],
    points=2,
)

# a 2-2-1 network small enough to compute with pencil and paper
_x = np.array([1.0, 2.0])
_W1, _b1 = np.array([[1.0, -1.0], [0.5, 1.0]]), np.array([0.0, -3.0])
_W2, _b2 = np.array([[1.5], [-2.0]]), np.array([-1.0])


def _by_hand(relu=True, W1=_W1, sigmoid=True, b2=_b2):
    z1 = _x @ W1 + _b1
    a1 = np.maximum(z1, 0) if relu else z1
    z2 = float((a1 @ _W2 + b2)[0])
    return float(_sigmoid(z2)) if sigmoid else z2


by_hand = Exercise(
    id="forward.by_hand",
    kind="number",
    title="A tiny network's output, by hand",
    name="p",
    reference=_by_hand(),
    rtol=1e-3,
    mistakes=[
        Mistake("no relu", _by_hand(relu=False),
                "you kept z1 = [2, -2] as it is. The hidden layer's ReLU turns -2 into 0, so "
                "a1 = [2, 0]."),
        Mistake("transposed", _by_hand(W1=_W1.T),
                "you multiplied by W1 transposed. z1_j = sum_i x_i W1[i, j]: the first hidden "
                "neuron uses the first column of W1, (1, 0.5)."),
        Mistake("no sigmoid", _by_hand(sigmoid=False),
                "2 is the output neuron's weighted sum z2. Its activation is sigmoid: "
                "p = sigmoid(z2) = 1 / (1 + e^(-z2))."),
        Mistake("no b2", _by_hand(b2=np.zeros(1)),
                "the output neuron's bias b2 = -1 is missing."),
    ],
    hints=[
        "Work layer by layer: z1 = x W1 + b1, a1 = relu(z1), z2 = a1 W2 + b2, p = sigmoid(z2).",
        "z1 = [1*1 + 2*0.5 + 0, 1*(-1) + 2*1 - 3] = [2, -2], so a1 = [2, 0].",
        "z2 = 2*1.5 + 0*(-2) - 1 = 2, and p = sigmoid(2) = 1 / (1 + e^-2), about 0.8808.",
    ],
    points=1,
)

output_layer = Exercise(
    id="forward.output_layer",
    kind="choice",
    title="The output layer of a spam filter",
    name="output_layer",
    reference="b",
    choices=[
        Choice("a", "one neuron with a ReLU",
               "ReLU's output is any number >= 0, so it cannot be read as a probability."),
        Choice("b", "one neuron with a sigmoid",
               "right: sigmoid squashes the score into (0, 1), the probability of spam; "
               "1 - p is the probability of not spam."),
        Choice("c", "one neuron with no activation, read as the probability",
               "a raw score z can be any real number, like -3.2 or 17, which is not a "
               "probability. It becomes one through a sigmoid."),
        Choice("d", "two neurons, each with its own sigmoid",
               "two independent sigmoids need not add up to 1, so 'spam' and 'not spam' could "
               "both get 0.9. One sigmoid neuron answers the yes-or-no question."),
    ],
    hints=[
        "Spam or not spam is a yes-or-no question: the network must output one probability.",
        "Which activation maps any real number into (0, 1)?",
        "output_layer = 'b'",
    ],
    points=1,
)

EXERCISES = [neuron, dense_forward, parameter_count, forward, by_hand, output_layer]
