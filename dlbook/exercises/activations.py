"""Exercises of the Activations chapter: write each activation and derivative yourself."""

import numpy as np

from ..activations import Sigmoid, Softmax, Tanh, ReLU
from .inputs import elementwise_cases
from .spec import Case, Choice, Exercise, Mistake

__all__ = ["EXERCISES"]

# the activations, and Value's, whose own sigmoid, tanh and relu would answer these exercises too
_REFERENCES = ("dlbook.activations", "dlbook.autodiff:Value.sigmoid", "dlbook.autodiff:Value.tanh",
               "dlbook.autodiff:Value.relu")



def _naive_sigmoid(z):
    return 1 / (1 + np.exp(-z))


sigmoid = Exercise(
    id="activations.sigmoid",
    kind="function",
    title="A stable sigmoid",
    name="sigmoid",
    signature="sigmoid(z)",
    reference=Sigmoid._f,
    cases=elementwise_cases(),
    dtype="preserve",  # the exercise asks for it: float32 in, float32 out
    forbid=_REFERENCES,
    mistakes=[
        Mistake("sign", lambda z: 1 / (1 + np.exp(z)),
                "your sigmoid is decreasing: you computed sigmoid(-z) = 1 / (1 + e^z). Either the "
                "exponent lost its minus sign (sigmoid(z) = 1 / (1 + e^(-z)), near 1 for large z), or the "
                "two branches of np.where are swapped."),
        Mistake("naive", _naive_sigmoid,
                "1 / (1 + np.exp(-z)) overflows for large negative z: np.exp(1000) is inf. "
                "Use e = np.exp(-np.abs(z)), which is at most 1, and pick the branch with "
                "np.where: 1 / (1 + e) where z >= 0, e / (1 + e) where z < 0."),
        Mistake("naive positive", lambda z: np.exp(z) / (1 + np.exp(z)),
                "e^z / (1 + e^z) overflows for large positive z and gives inf / inf = NaN. "
                "Use e = np.exp(-np.abs(z)) on both branches: 1 / (1 + e) where z >= 0, "
                "e / (1 + e) where z < 0."),
    ],
    overflow="np.exp overflows past z = 709 (past 88 in float32). Only ever take exp of "
             "a number <= 0: e = np.exp(-np.abs(z)), then choose the formula by the sign of z.",
    hints=[
        "The textbook formula 1 / (1 + e^(-z)) is right, but np.exp(-z) overflows when z is "
        "a large negative number. Which exponent can never overflow?",
        "e = np.exp(-np.abs(z)) is always in (0, 1]. For z >= 0, sigmoid(z) = 1 / (1 + e). "
        "For z < 0, multiply the top and bottom of 1 / (1 + e^(-z)) by e^z.",
        "e = np.exp(-np.abs(z)); return np.where(z >= 0, 1 / (1 + e), e / (1 + e))",
    ],
    points=2,
)

sigmoid_derivative = Exercise(
    id="activations.sigmoid_derivative",
    kind="function",
    title="The derivative of sigmoid",
    name="sigmoid_derivative",
    signature="sigmoid_derivative(z)",
    reference=Sigmoid._df,
    cases=elementwise_cases(),
    forbid=_REFERENCES,
    mistakes=[
        Mistake("from activation", lambda z: z * (1 - z),
                "you computed z (1 - z): the formula sigma'(z) = a (1 - a) takes the "
                "activation a = sigmoid(z), not z. Compute a first."),
        Mistake("forgot", Sigmoid._f,
                "that is sigmoid itself. Its derivative is sigmoid(z) (1 - sigmoid(z))."),
        Mistake("plus", lambda z: Sigmoid._f(z) * (1 + Sigmoid._f(z)),
                "the derivative is s (1 - s), with a minus: it is largest (0.25) at z = 0 "
                "and vanishes at both ends."),
    ],
    overflow="np.exp overflowed inside your derivative. Compute it from a stable sigmoid: "
             "s = your stable sigmoid(z), then s * (1 - s).",
    hints=[
        "Differentiate 1 / (1 + e^(-z)) with the chain rule, then write the result in terms "
        "of sigmoid(z) itself.",
        "sigma'(z) = sigma(z) (1 - sigma(z)). Reuse the stable sigmoid you just wrote.",
        "s = sigmoid(z); return s * (1 - s)",
    ],
    points=1,
)

relu = Exercise(
    id="activations.relu",
    kind="function",
    title="ReLU",
    name="relu",
    signature="relu(z)",
    reference=ReLU._f,
    cases=elementwise_cases(),
    forbid=_REFERENCES,
    mistakes=[
        Mistake("np.max", lambda z: np.max(z, 0),
                "np.max(z, 0) is the largest value along axis 0, a reduction. The element-wise "
                "maximum of z and 0 is np.maximum(z, 0)."),
        Mistake("minimum", lambda z: np.minimum(z, 0),
                "that keeps the negative part. ReLU keeps the positive part: max(0, z)."),
        Mistake("abs", np.abs,
                "ReLU sets negative inputs to 0; it does not flip their sign."),
    ],
    hints=[
        "ReLU keeps positive numbers and replaces negative ones by 0, element by element.",
        "np.maximum (not np.max) compares two arrays, or an array and a number, element-wise.",
        "return np.maximum(z, 0)",
    ],
    points=1,
)

relu_derivative = Exercise(
    id="activations.relu_derivative",
    kind="function",
    title="The derivative of ReLU",
    name="relu_derivative",
    signature="relu_derivative(z)",
    reference=ReLU._df,
    cases=elementwise_cases(),
    forbid=_REFERENCES,
    mistakes=[
        Mistake("at zero", lambda z: (z >= 0).astype(np.float64),
                "at z = 0 your derivative is 1. ReLU has a kink there, so any value in [0, 1] "
                "is defensible; PyTorch (and this book) use relu'(0) = 0: test z > 0, not z >= 0."),
        Mistake("relu itself", ReLU._f,
                "that is ReLU itself. Its derivative is 1 where z > 0 and 0 elsewhere."),
    ],
    hints=[
        "ReLU is the line z for z > 0 and the constant 0 for z < 0. What are their slopes?",
        "The comparison z > 0 gives a boolean array; turn it into numbers of z's dtype.",
        "return (z > 0).astype(z.dtype)",
    ],
    points=1,
)

tanh_derivative = Exercise(
    id="activations.tanh_derivative",
    kind="function",
    title="The derivative of tanh",
    name="tanh_derivative",
    signature="tanh_derivative(z)",
    reference=Tanh._df,
    cases=elementwise_cases(),
    forbid=_REFERENCES,
    mistakes=[
        Mistake("from activation", lambda z: 1 - z ** 2,
                "you computed 1 - z^2: the formula 1 - a^2 takes the activation a = tanh(z), "
                "not z. Compute np.tanh(z) first."),
        Mistake("no square", lambda z: 1 - np.tanh(z),
                "the derivative is 1 - tanh(z)^2: you forgot the square."),
        Mistake("tanh itself", np.tanh, "that is tanh itself; its derivative is 1 - tanh(z)^2."),
    ],
    overflow="np.exp or np.cosh overflowed for large |z|. np.tanh is stable: "
             "compute 1 - np.tanh(z) ** 2.",
    hints=[
        "Differentiate tanh(z) = (e^z - e^(-z)) / (e^z + e^(-z)) with the quotient rule, "
        "then write the result in terms of tanh(z).",
        "tanh'(z) = 1 - tanh(z)^2. numpy's np.tanh is stable for any z.",
        "return 1 - np.tanh(z) ** 2",
    ],
    points=1,
)


def _softmax_cases():
    return [
        Case("a non-square batch of logits", lambda rng: (rng.normal(0, 2, size=(3, 5)),)),
        Case("a batch of one", lambda rng: (rng.normal(0, 2, size=(1, 4)),)),
        Case("a single 1-D vector of logits", lambda rng: (rng.normal(0, 2, size=6),)),
        Case("large logits", lambda rng: (np.array([[1000.0, 1001.0, 1002.0],
                                                    [-1000.0, -1001.0, -1002.0]]),)),
        Case("logits of +-1e4", lambda rng: (np.array([[1e4, -1e4, 0.0], [0.0, 1e4, 1e4]]),)),
        Case("float32 logits", lambda rng: (rng.normal(0, 2, size=(4, 3)).astype(np.float32),)),
        Case("a 3-D batch", lambda rng: (rng.normal(0, 2, size=(2, 3, 4)),)),
        Case("integer logits", lambda rng: (rng.integers(-3, 4, size=(2, 5)),)),
    ]


def _shifted_exp(z, axis=-1):
    return np.exp(z - z.max(axis=axis, keepdims=True))


softmax = Exercise(
    id="activations.softmax",
    kind="function",
    title="A stable, batched softmax",
    name="softmax",
    signature="softmax(z)",
    reference=Softmax._f,
    cases=_softmax_cases(),
    forbid=_REFERENCES,
    mistakes=[
        Mistake("axis 1", lambda z: _shifted_exp(z, 1) / _shifted_exp(z, 1).sum(axis=1, keepdims=True),
                "axis=1 is the last axis only when z is 2-D; a single vector has no axis 1, and a "
                "(N, T, C) batch's classes are on axis 2. axis=-1 always means the last axis."),
        Mistake("axis 0", lambda z: _shifted_exp(z, 0) / _shifted_exp(z, 0).sum(axis=0, keepdims=True),
                "you normalised over axis 0, so each column sums to 1. Each row holds one "
                "example's logits: use axis=-1, so that each row sums to 1."),
        Mistake("keepdims", lambda z: _shifted_exp(z) / _shifted_exp(z).sum(axis=-1),
                "a max or a sum over axis -1 without keepdims=True has shape (N,), which does not broadcast "
                "against (N, C). Keep the axis: z.max(axis=-1, keepdims=True) and e.sum(axis=-1, keepdims=True) "
                "have shape (N, 1)."),
        Mistake("everything", lambda z: np.exp(z - z.max()) / np.exp(z - z.max()).sum(),
                "you divided by the sum over the whole batch. Each example gets its own "
                "distribution: sum along the last axis, with keepdims=True."),
        Mistake("naive", lambda z: np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True),
                "your softmax overflows for logits near 1000: np.exp(1000) is inf, and "
                "inf / inf is NaN. Subtract each row's maximum first: softmax(z) = "
                "softmax(z - max(z)), and every exponent is then <= 0."),
        Mistake("global max", lambda z: np.exp(z - z.max()) / np.exp(z - z.max()).sum(axis=-1, keepdims=True),
                "you subtracted the maximum of the whole array, not of each row: a row far "
                "below it underflows to 0 / 0. Use z.max(axis=-1, keepdims=True)."),
    ],
    overflow="np.exp overflowed: subtract each row's maximum, z - z.max(axis=-1, keepdims=True), "
             "before taking exp, so every exponent is <= 0.",
    hints=[
        "softmax(z) = softmax(z - c) for any constant c added to a whole row. Which c makes "
        "every exponent <= 0?",
        "Subtract the row maximum (z.max(axis=-1, keepdims=True)), take np.exp, and divide by "
        "the row sums, keeping dims so that (N, C) / (N, 1) broadcasts.",
        "e = np.exp(z - z.max(axis=-1, keepdims=True)); return e / e.sum(axis=-1, keepdims=True)",
    ],
    points=2,
)

vanishing = Exercise(
    id="activations.vanishing",
    kind="number",
    title="How much gradient survives 10 sigmoid layers",
    name="surviving_fraction",
    reference=0.25 ** 10,
    rtol=1e-2,
    mistakes=[
        Mistake("one layer", 0.25,
                "0.25 is what one layer lets through. The chain rule multiplies one factor "
                "sigma'(z) <= 0.25 per layer, and there are 10 layers."),
        Mistake("added", 2.5, "you added the ten factors; the chain rule multiplies them."),
        Mistake("activation", 0.5 ** 10,
                "0.5 is sigmoid(0), the activation. The factor the chain rule multiplies is the "
                "derivative sigma'(0) = 0.25."),
        Mistake("one", 1.0, "1 is ReLU's derivative for z > 0. Sigmoid's is at most 0.25."),
    ],
    hints=[
        "Going back through one sigmoid layer multiplies the gradient by sigma'(z). What is "
        "the largest value sigma'(z) can take?",
        "sigma'(z) <= sigma'(0) = 0.25, and the chain rule multiplies one such factor per layer.",
        "surviving_fraction = 0.25 ** 10",
    ],
    points=1,
)

output_layer = Exercise(
    id="activations.output_layer",
    kind="choice",
    title="The output layer for ten classes",
    name="output_layer",
    reference="c",
    choices=[
        Choice("a", "one neuron with a sigmoid",
               "one sigmoid neuron gives one probability: right for a yes-or-no question, "
               "such as spam or not, but not for a choice among ten digits."),
        Choice("b", "ten neurons, each with a sigmoid",
               "each output would lie in (0, 1), but they need not sum to 1: that answers ten "
               "separate yes-or-no questions, not one choice among ten."),
        Choice("c", "ten neurons with a softmax over them",
               "right: softmax turns ten scores into ten probabilities that sum to 1, one "
               "distribution over the classes."),
        Choice("d", "ten neurons, each with a ReLU",
               "ReLU outputs are unbounded and do not sum to 1, so they are not probabilities."),
    ],
    hints=[
        "The network must give one probability per digit, and the digit is exactly one of ten.",
        "Probabilities of mutually exclusive classes sum to 1. Which option guarantees that?",
        "output_layer = 'c'",
    ],
    points=1,
)

EXERCISES = [
    sigmoid, sigmoid_derivative, relu, relu_derivative, tanh_derivative, softmax,
    vanishing, output_layer,
]
