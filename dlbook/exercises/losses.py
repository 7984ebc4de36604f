"""Exercises of the chapter on loss functions: cross-entropies, their gradients, log-sum-exp."""

import numpy as np

from ..activations import Softmax
from ..losses import LOG_FLOOR, _clamped_log as _log, _logsumexp
from .spec import Case, Choice, Exercise, Mistake

__all__ = ["EXERCISES"]



def _bce(y, p, log=_log, reduce=np.mean, shaped=True, second_term=True):
    if shaped:
        p = p.reshape(y.shape)
    terms = y * log(p) + ((1 - y) * log(1 - p) if second_term else 0)
    return -reduce(terms)


def _labels(rng, n):
    y = rng.integers(0, 2, size=n).astype(float)
    y[:2] = [1.0, 0.0]  # both classes, so a term that ignores one of them shows
    return y


def _bce_cases():
    return [
        Case("a batch of 6", lambda rng: (_labels(rng, 6), rng.uniform(0.05, 0.95, size=6))),
        Case("a batch of one", lambda rng: (np.array([1.0]), np.array([0.3]))),
        Case("a network's output of shape (N, 1) with labels of shape (N,)",
             lambda rng: (_labels(rng, 5), rng.uniform(0.05, 0.95, size=(5, 1)))),
        Case("confident predictions, right and wrong: p = 0 and p = 1",
             lambda rng: (np.array([1.0, 0.0, 1.0, 0.0]), np.array([1.0, 0.0, 0.0, 1.0]))),
        Case("float32 labels and probabilities", lambda rng: (_labels(rng, 4).astype(np.float32),
                                                              rng.uniform(0.05, 0.95, size=4).astype(np.float32))),
        Case("integer labels", lambda rng: (np.array([1, 0, 0, 1]), rng.uniform(0.05, 0.95, size=4))),
        # log(1e-50) = -115 is finite, and must still be clamped at -100, as PyTorch does
        Case("a probability of 1e-50", lambda rng: (np.array([1.0, 0.0]), np.array([1e-50, 1 - 1e-12]))),
    ]


_LOG_0 = ("np.log(0) is -inf, and then 0 * -inf is NaN (or the loss is inf). Do as PyTorch: "
          "clamp each log at -100, np.maximum(np.log(p), -100), so a confidently wrong "
          "prediction costs 100, not infinity, and a finite log below -100 (p = 1e-50 gives -115) is clamped too. Wrap the log in `with np.errstate(divide='ignore'):` "
          "since the -inf is expected and clamped.")
_EPSILON = ("you kept log(0) finite with a small epsilon, as Keras does, which changes the "
            "cost of a confident mistake (log(1e-7) is -16). This book follows PyTorch: clamp "
            "each log at -100, np.maximum(np.log(p), -100).")

binary_cross_entropy = Exercise(
    id="losses.binary_cross_entropy",
    kind="function",
    title="Binary cross-entropy, finite at p = 0 and 1",
    name="binary_cross_entropy",
    signature="binary_cross_entropy(y, p)",
    reference=_bce,
    cases=_bce_cases(),
    forbid=("dlbook.losses",),
    mistakes=[
        Mistake("broadcast", lambda y, p: _bce(y, p, shaped=False),
                "y has shape (N,) and p (N, 1), so numpy broadcast y * log(p) to (N, N): every "
                "label times every prediction. Reshape p to y's shape first: p = p.reshape(y.shape)."),
        Mistake("sum", lambda y, p: _bce(y, p, reduce=np.sum),
                "you summed over the batch. The seed's formula has a 1/N in front: take the mean, "
                "so the loss does not grow with the batch size."),
        Mistake("log10", lambda y, p: _bce(y, p, log=lambda q: np.maximum(np.log10(q), LOG_FLOOR)),
                "np.log10 is the base-10 logarithm. Cross-entropy uses the natural log, np.log."),
        Mistake("no clamp", lambda y, p: _bce(y, p, log=np.log), _LOG_0),
        Mistake("keras clip", lambda y, p: _bce(y, np.clip(p, 1e-7, 1 - 1e-7), log=np.log), _EPSILON),
        Mistake("epsilon", lambda y, p: _bce(y, p, log=lambda q: np.log(q + 1e-7)), _EPSILON),
        Mistake("one term", lambda y, p: _bce(y, p, second_term=False),
                "only the y log(p) term: for a label y = 0 it is 0 whatever p is. Add "
                "(1 - y) log(1 - p), which charges for a high p when the answer is 0."),
    ],
    overflow=_LOG_0,
    hints=[
        "L = -(1/N) sum_i [y_i log(p_i) + (1 - y_i) log(1 - p_i)]. Watch p = 0 and p = 1, and "
        "p of shape (N, 1).",
        "Reshape p to y's shape. Compute each log as np.maximum(np.log(...), -100) inside "
        "`with np.errstate(divide='ignore'):`, then take the mean of the negated sum of the two terms.",
        "p = p.reshape(y.shape)\nwith np.errstate(divide='ignore'):\n"
        "    log_p, log_1mp = np.maximum(np.log(p), -100), np.maximum(np.log(1 - p), -100)\n"
        "return -np.mean(y * log_p + (1 - y) * log_1mp)",
    ],
    points=2,
)


def _bce_grad(y, p):
    return (p - y) / (p * (1 - p)) / y.size


def _grad_cases():
    return [
        Case("a batch of 6", lambda rng: (_labels(rng, 6), rng.uniform(0.05, 0.95, size=6))),
        Case("a batch of one", lambda rng: (np.array([0.0]), np.array([0.8]))),
        Case("predictions close to 0 and 1", lambda rng: (np.array([1.0, 0.0, 1.0, 0.0]),
                                                          np.array([1e-6, 1e-6, 1 - 1e-6, 1 - 1e-6]))),
        Case("predictions within 1e-9 of 0 and 1", lambda rng: (np.array([1.0, 0.0]), np.array([1e-9, 1 - 1e-9]))),
        Case("float32", lambda rng: (_labels(rng, 5).astype(np.float32),
                                     rng.uniform(0.05, 0.95, size=5).astype(np.float32))),
    ]


bce_gradient = Exercise(
    id="losses.bce_gradient",
    kind="function",
    title="The gradient of binary cross-entropy with respect to p",
    name="bce_gradient",
    signature="bce_gradient(y, p)",
    reference=_bce_grad,
    cases=_grad_cases(),
    forbid=("dlbook.losses",),
    rtol=1e-5,
    mistakes=[
        Mistake("sum", lambda y, p: (p - y) / (p * (1 - p)),
                "that is the gradient of the sum. The loss is a mean, so each example's "
                "gradient carries its 1/N: divide by N = y.size."),
        Mistake("logit gradient", lambda y, p: (p - y) / y.size,
                "(p - y) / N is the gradient with respect to the logit z, where p = sigmoid(z): "
                "the sigmoid's derivative p (1 - p) cancels the denominator. With respect to p "
                "it is (p - y) / (p (1 - p)) / N."),
        Mistake("one term", lambda y, p: -y / p / y.size,
                "-y / p is the derivative of the y log(p) term only. The (1 - y) log(1 - p) term "
                "adds (1 - y) / (1 - p)."),
    ],
    hints=[
        "Differentiate one example's loss -[y log p + (1 - y) log(1 - p)] with respect to p, "
        "then remember the 1/N of the mean.",
        "d/dp = -y/p + (1 - y)/(1 - p) = (p - y) / (p (1 - p)). Every example's gradient is "
        "divided by N.",
        "return (p - y) / (p * (1 - p)) / y.size",
    ],
    points=2,
)


def _one_hot(rng, N, C, dtype=np.float64):
    labels = rng.integers(0, C, size=N)
    labels[: min(N, C)] = np.arange(min(N, C))  # several classes, so a wrong axis shows
    return np.eye(C, dtype=dtype)[labels]


def _probabilities(rng, N, C, dtype=np.float64):
    P = rng.uniform(0.05, 1, size=(N, C))
    return (P / P.sum(axis=1, keepdims=True)).astype(dtype)


def _cce(Y, P, log=_log, reduce=lambda per_row: per_row.mean()):
    return -reduce((Y * log(P)).sum(axis=1))


def _cce_cases():
    return [
        Case("a batch of 4 examples, 3 classes", lambda rng: (_one_hot(rng, 4, 3), _probabilities(rng, 4, 3))),
        Case("a batch of one", lambda rng: (np.array([[0.0, 1.0, 0.0, 0.0]]), np.array([[0.1, 0.6, 0.2, 0.1]]))),
        Case("exact zeros for the wrong classes", lambda rng: (np.eye(3), np.array([[1.0, 0.0, 0.0], [0.2, 0.8, 0.0],
                                                                                      [0.0, 0.5, 0.5]]))),
        Case("p = 0 for a true class", lambda rng: (np.eye(2), np.array([[0.0, 1.0], [0.5, 0.5]]))),
        Case("a probability of 1e-50 for a true class",
             lambda rng: (np.eye(2), np.array([[1e-50, 1.0 - 1e-50], [0.5, 0.5]]))),
        Case("float32", lambda rng: (_one_hot(rng, 5, 3, np.float32), _probabilities(rng, 5, 3, np.float32))),
    ]


categorical_cross_entropy = Exercise(
    id="losses.categorical_cross_entropy",
    kind="function",
    title="Categorical cross-entropy with one-hot labels",
    name="categorical_cross_entropy",
    signature="categorical_cross_entropy(Y, P)",
    reference=_cce,
    cases=_cce_cases(),
    forbid=("dlbook.losses",),
    mistakes=[
        Mistake("sum", lambda Y, P: _cce(Y, P, reduce=np.sum),
                "you summed over the batch. The seed's formula divides by N: sum over the C "
                "classes of each example, then average over the N examples."),
        Mistake("mean of everything", lambda Y, P: -(Y * _log(P)).mean(),
                "(Y * log P).mean() divides by N * C, the number of entries. Sum over the classes "
                "(axis=1) first, then average over the N examples."),
        Mistake("log10", lambda Y, P: _cce(Y, P, log=lambda q: np.maximum(np.log10(q), LOG_FLOOR)),
                "np.log10 is the base-10 logarithm. Cross-entropy uses the natural log, np.log."),
        Mistake("no clamp", lambda Y, P: _cce(Y, P, log=np.log), _LOG_0),
        Mistake("epsilon", lambda Y, P: _cce(Y, P, log=lambda q: np.log(q + 1e-7)), _EPSILON),
        Mistake("keras clip", lambda Y, P: _cce(Y, np.clip(P, 1e-7, 1 - 1e-7), log=np.log), _EPSILON),
    ],
    overflow=_LOG_0,
    hints=[
        "L = -(1/N) sum_i sum_j Y_ij log(P_ij). With one-hot rows only the true class's term "
        "is non-zero.",
        "Clamp the log as in binary cross-entropy. Sum Y * log P over axis 1 (the classes), "
        "then take the mean over the examples, and negate.",
        "with np.errstate(divide='ignore'):\n    log_P = np.maximum(np.log(P), -100)\n"
        "return -(Y * log_P).sum(axis=1).mean()",
    ],
    points=2,
)


def _log_softmax(z):
    return z - _logsumexp(z)[..., None]


def _logit_cases():
    return [
        Case("a non-square batch of logits", lambda rng: (rng.normal(0, 2, size=(3, 5)),)),
        Case("a batch of one", lambda rng: (rng.normal(0, 2, size=(1, 4)),)),
        Case("a single 1-D vector of logits", lambda rng: (rng.normal(0, 2, size=6),)),
        Case("large logits", lambda rng: (np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -1001.0, -1002.0]]),)),
        Case("logits of +-1e4", lambda rng: (np.array([[1e4, -1e4, 0.0], [0.0, 1e4, 1e4]]),)),
        Case("float32 logits", lambda rng: (rng.normal(0, 2, size=(4, 3)).astype(np.float32),)),
        Case("a 3-D batch", lambda rng: (rng.normal(0, 2, size=(2, 3, 4)),)),
    ]


log_softmax = Exercise(
    id="losses.log_softmax",
    kind="function",
    title="A stable log-softmax, by log-sum-exp",
    name="log_softmax",
    signature="log_softmax(z)",
    reference=_log_softmax,
    cases=_logit_cases(),
    forbid=("dlbook.losses",),
    rtol=1e-6,
    atol=1e-6,
    mistakes=[
        Mistake("log of softmax", lambda z: np.log(Softmax._f(z)),
                "np.log(softmax(z)) takes the log of a probability that underflowed to 0 for a "
                "far-behind logit, and log(0) = -inf. Never form the probabilities: "
                "log softmax(z) = z - m - log(sum(exp(z - m))) with m the row max."),
        Mistake("naive", lambda z: z - np.log(np.exp(z).sum(axis=-1, keepdims=True)),
                "np.exp(z) overflows for logits near 1000. Subtract the row max m first: "
                "log sum e^z = m + log sum e^(z - m)."),
        Mistake("axis 1", lambda z: z - z.max(axis=1, keepdims=True)
                - np.log(np.exp(z - z.max(axis=1, keepdims=True)).sum(axis=1, keepdims=True)),
                "axis=1 is the last axis only for a 2-D batch; use axis=-1 so a single vector "
                "and a (N, T, C) batch work too."),
        Mistake("axis 0", lambda z: z - z.max(axis=0, keepdims=True)
                - np.log(np.exp(z - z.max(axis=0, keepdims=True)).sum(axis=0, keepdims=True)),
                "you normalised over axis 0, down the batch. Each row is one example's logits: "
                "use axis=-1."),
        Mistake("forgot max", lambda z: z - np.log(np.exp(z - z.max(axis=-1, keepdims=True)).sum(axis=-1, keepdims=True)),
                "you subtracted m inside the exp but forgot it outside: "
                "log sum e^z = m + log sum e^(z - m), so log softmax = z - m - log sum e^(z - m)."),
    ],
    overflow="np.exp overflowed: subtract the row max m = z.max(axis=-1, keepdims=True) before "
             "exp, and add it back outside the log.",
    hints=[
        "log softmax(z)_j = z_j - log sum_k e^(z_k). The log-sum-exp is where overflow hides.",
        "With m the row max, log sum_k e^(z_k) = m + log sum_k e^(z_k - m): every exponent is "
        "<= 0 and the sum is at least 1. Keep dims so (N, C) - (N, 1) broadcasts.",
        "m = z.max(axis=-1, keepdims=True)\n"
        "return z - m - np.log(np.exp(z - m).sum(axis=-1, keepdims=True))",
    ],
    points=2,
)


def _softmax_ce_grad(Y, Z):
    return (Softmax._f(Z) - Y) / Y.shape[0]


def _grad_ce_cases():
    def make(N, C, scale=2.0, dtype=np.float64):
        return lambda rng: (_one_hot(rng, N, C, dtype), rng.normal(0, scale, size=(N, C)).astype(dtype))

    return [
        Case("a batch of 4 examples, 3 classes", make(4, 3)),
        Case("a batch of one", make(1, 5)),
        Case("as many examples as classes", make(3, 3)),
        Case("large logits", lambda rng: (np.eye(3)[[2, 0]], np.array([[1000.0, 1001.0, 1002.0],
                                                                        [-1000.0, 0.0, 1000.0]]))),
        Case("logits of +-1e4", lambda rng: (np.eye(3)[[1, 0]], np.array([[1e4, -1e4, 0.0], [0.0, 1e4, 1e4]]))),
        # each row must be shifted by its own maximum: by the array's, the second row is all 0 / 0
        Case("rows of logits far apart", lambda rng: (np.eye(3)[[0, 2]], np.array([[1000.0, 1001.0, 1002.0],
                                                                                  [-1000.0, -1001.0, -1002.0]]))),
        Case("float32", make(5, 4, dtype=np.float32)),
    ]


softmax_cross_entropy_gradient = Exercise(
    id="losses.softmax_cross_entropy_gradient",
    kind="function",
    title="The fused softmax cross-entropy gradient",
    name="softmax_cross_entropy_gradient",
    signature="softmax_cross_entropy_gradient(Y, Z)",
    reference=_softmax_ce_grad,
    cases=_grad_ce_cases(),
    forbid=("dlbook.losses",),
    mistakes=[
        Mistake("sum", lambda Y, Z: Softmax._f(Z) - Y,
                "softmax(Z) - Y is the gradient of the sum over the batch. The mean divides "
                "every example's gradient by N = Y.shape[0]."),
        Mistake("sign", lambda Y, Z: (Y - Softmax._f(Z)) / Y.shape[0],
                "the sign is flipped: the gradient is (P - Y) / N, positive for the classes the "
                "network over-predicts."),
        Mistake("no softmax", lambda Y, Z: (Z - Y) / Y.shape[0],
                "you subtracted Y from the logits. The gradient is P - Y with the probabilities "
                "P = softmax(Z)."),
        Mistake("per class", lambda Y, Z: (Softmax._f(Z) - Y) / Y.shape[1],
                "you divided by C, the number of classes (Y.shape[1]). The mean is over the N "
                "examples: divide by Y.shape[0]."),
        Mistake("everything", lambda Y, Z: (Softmax._f(Z) - Y) / Y.size,
                "you divided by N * C, the number of entries. The loss averages over the N "
                "examples only: divide by Y.shape[0]."),
        Mistake("naive softmax", lambda Y, Z: (np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True) - Y) / Y.shape[0],
                "your softmax overflows for large logits: subtract each row's max before exp."),
    ],
    overflow="np.exp overflowed in your softmax: subtract each row's max first.",
    hints=[
        "The chapter derived it: for softmax followed by cross-entropy, dL/dZ = (P - Y) / N.",
        "P = softmax(Z) along axis 1, computed stably (subtract the row max). N = Y.shape[0].",
        "return (softmax(Z) - Y) / Y.shape[0]",
    ],
    points=2,
)

_y, _p = np.array([1.0, 0.0, 1.0]), np.array([0.9, 0.2, 0.6])

batch_loss = Exercise(
    id="losses.batch_loss",
    kind="number",
    title="The loss of a small batch, by hand",
    name="loss",
    reference=float(_bce(_y, _p)),
    rtol=1e-3,
    mistakes=[
        Mistake("sum", float(_bce(_y, _p, reduce=np.sum)),
                "that is the sum over the three examples. The seed's formula divides by N = 3."),
        Mistake("log10", float(-np.mean(_y * np.log10(_p) + (1 - _y) * np.log10(1 - _p))),
                "you used base-10 logarithms. Cross-entropy uses the natural log, ln."),
        Mistake("log p for every label", float(-np.mean(np.log(_p))),
                "for the example with y = 0 the loss is -ln(1 - p) = -ln(0.8), not -ln(0.2): "
                "the probability the network gave to the true answer."),
        Mistake("one term", float(_bce(_y, _p, second_term=False)),
                "the example with y = 0 costs -ln(1 - 0.2) = -ln(0.8), not 0: keep the "
                "(1 - y) log(1 - p) term."),
    ],
    hints=[
        "Each example costs -ln(the probability the network gave to its true label).",
        "The three costs are -ln(0.9), -ln(1 - 0.2) = -ln(0.8) and -ln(0.6). Average them.",
        "loss = -(np.log(0.9) + np.log(0.8) + np.log(0.6)) / 3, about 0.2798",
    ],
    points=1,
)

why_cross_entropy = Exercise(
    id="losses.why_cross_entropy",
    kind="choice",
    title="Why cross-entropy, not MSE, after a sigmoid",
    name="why_cross_entropy",
    reference="b",
    choices=[
        Choice("a", "MSE cannot be computed on probabilities",
               "it can: (p - y)^2 is defined for any p. The problem is its gradient."),
        Choice("b", "when a sigmoid saturates on a wrong answer, MSE's gradient with respect to z "
                    "vanishes, while cross-entropy's stays near p - y",
               "right: through a sigmoid, MSE's gradient 2 (p - y) p (1 - p) has the factor "
               "p (1 - p), near 0 when the network is confidently wrong; cross-entropy's "
               "gradient with respect to z is p - y, largest exactly then."),
        Choice("c", "cross-entropy is always smaller than MSE, so training is faster",
               "the size of a loss does not set the speed of learning; its gradient does. "
               "And cross-entropy is often the larger of the two."),
        Choice("d", "MSE is not differentiable at p = y",
               "MSE is a parabola in p: smooth everywhere, with derivative 0 at p = y."),
    ],
    hints=[
        "Look at the widget in logit mode: set y = 1 and drag z far to the left.",
        "Multiply each loss's gradient with respect to p by the sigmoid's derivative p (1 - p).",
        "why_cross_entropy = 'b'",
    ],
    points=1,
)

EXERCISES = [
    binary_cross_entropy, bce_gradient, categorical_cross_entropy, log_softmax,
    softmax_cross_entropy_gradient, batch_loss, why_cross_entropy,
]
