"""Exercises of the chapter on gradient descent and optimizers."""

import numpy as np

from ..sandbox.functions import named
from .spec import BadAnswer, Case, Exercise, Mistake

__all__ = ["EXERCISES"]

_INTEGERS = ("the parameters are integer arrays, so the update was rounded back to integers "
             "(or numpy refused to write floats into them). Parameters must be floats: compute "
             "p - lr * g as a new array, or start from np.asarray(p, dtype=float).")

# ---- one step of the seed's rule on a dict of parameters -------------------------------------


def _as_parts(out, params, grads, lr):
    """gd_step's dict as a tuple in params' key order."""
    if not isinstance(out, dict) or set(out) != set(params):
        got = f"a dict with keys {sorted(out)}" if isinstance(out, dict) else _type_name(out)
        raise BadAnswer(f"gd_step must return a new dict with the keys of params, {sorted(params)}; "
                        f"it returned {got}")
    return tuple(out[k] for k in params)


def _type_name(value):
    # a value from the grading sandbox that was not plain data keeps its own type's name
    return getattr(value, "type_name", None) or type(value).__name__


def _gd(params, grads, lr):
    return tuple(p - lr * grads[k] for k, p in params.items())


def _gd_cases():
    def make(lr, dtype=float, integer=False, reordered=False):
        def inputs(rng):
            if integer:
                W, b = rng.integers(-3, 4, size=(3, 2)), rng.integers(-3, 4, size=2)
            else:
                W, b = rng.normal(size=(3, 2)).astype(dtype), rng.normal(size=2).astype(dtype)
            grads = {"W": rng.normal(size=(3, 2)).astype(dtype), "b": rng.normal(size=2).astype(dtype)}
            if reordered:  # a gradient belongs to its parameter by name, not by position
                grads = {"b": grads["b"], "W": grads["W"]}
            return {"W": W, "b": b}, grads, lr
        return inputs

    return [
        Case("W (3, 2) and b (2,) with lr = 0.1", make(0.1)),
        Case("a learning rate of 0.5", make(0.5)),
        Case("grads listing its keys in another order", make(0.1, reordered=True)),
        Case("integer parameters", make(0.1, integer=True)),
        Case("float32 parameters", make(0.01, np.float32)),
    ]


def _into_integers(params, grads, lr):
    out = {}
    for k, p in params.items():
        out[k] = np.zeros_like(p)
        out[k][...] = p - lr * grads[k]
    return out


def _in_place_copy(params, grads, lr):
    out = {k: p.copy() for k, p in params.items()}
    for k in out:
        out[k] -= lr * grads[k]
    return out


gd_step = Exercise(
    id="descent.gd_step",
    forbid=("dlbook.optim",),
    kind="function",
    title="One gradient-descent step on a dict of parameters",
    name="gd_step",
    signature="gd_step(params, grads, lr)",
    outputs=("W", "b"),
    judge=_as_parts,
    reference=_gd,
    cases=_gd_cases(),
    rtol=1e-5,
    mistakes=[
        Mistake("by position", lambda P, G, lr: {k: p - lr * g for (k, p), g in zip(P.items(), G.values())},
                "you paired each parameter with the gradient in the same position, but grads may list "
                "its keys in another order: look the gradient up by name, grads[k]."),
        Mistake("plus", lambda P, G, lr: {k: P[k] + lr * G[k] for k in P},
                "you stepped up the gradient: w + lr * dL/dw climbs the loss. The seed's rule "
                "goes downhill, w = w - lr * dL/dw."),
        Mistake("lr twice", lambda P, G, lr: {k: P[k] - lr * lr * G[k] for k in P},
                "the learning rate is applied twice (lr * lr): the step is lr * dL/dw."),
        Mistake("no lr", lambda P, G, lr: {k: P[k] - G[k] for k in P},
                "the learning rate is missing: w = w - lr * dL/dw."),
        Mistake("integers truncated", _into_integers, _INTEGERS),
        Mistake("integers refused", _in_place_copy, _INTEGERS),
    ],
    hints=[
        "Every parameter moves against its own gradient: the same rule for each key of the dict.",
        "A dict comprehension builds the new dict: {name: ... for name, p in params.items()}.",
        "return {name: p - lr * grads[name] for name, p in params.items()}",
    ],
    points=1,
)

# ---- a descent loop that returns its path --------------------------------------------------------


_BOWL, _VALLEY, _PARABOLA = named("bowl_gradient"), named("valley_gradient"), named("parabola_gradient")


def _minimize(grad, x0, lr, steps, sign=-1):
    x = np.array(x0, dtype=float)
    path = [x.copy()]
    for _ in range(steps):
        x = x + sign * lr * grad(x)
        path.append(x.copy())
    return np.array(path)


def _aliased(grad, x0, lr, steps):
    x = np.array(x0, dtype=float)
    path = [x]
    for _ in range(steps):
        x -= lr * grad(x)
        path.append(x)
    return np.array(path)


def _integer_copy(grad, x0, lr, steps):
    x = x0.copy()  # keeps x0's integer dtype
    path = [x.copy()]
    for _ in range(steps):
        x -= lr * grad(x)
        path.append(x.copy())
    return np.array(path)


minimize = Exercise(
    id="descent.minimize",
    forbid=("dlbook.optim",),
    kind="function",
    title="Gradient descent in a loop, returning its path",
    name="minimize",
    signature="minimize(grad, x0, lr, steps)",
    reference=_minimize,
    cases=[
        Case("a bowl from (3, -2), 5 steps", lambda rng: (_BOWL, np.array([3.0, -2.0]), 0.1, 5)),
        Case("an elongated valley, 8 steps", lambda rng: (_VALLEY, rng.normal(size=2), 0.05, 8)),
        Case("one step in one dimension", lambda rng: (_PARABOLA, np.array([1.5]), 0.1, 1)),
        Case("an integer start (4, -2)", lambda rng: (_BOWL, np.array([4, -2]), 0.25, 3)),
    ],
    dtype=None,
    mistakes=[
        Mistake("no start", lambda g, x0, lr, s: _minimize(g, x0, lr, s)[1:],
                "the path must start with x0: steps + 1 points, x0 first."),
        Mistake("aliased", _aliased,
                "every point of your path is the last one: you appended x itself and then changed "
                "it in place (x -= ...), which changes every reference to it. Append x.copy(), "
                "or write x = x - lr * grad(x), which makes a new array."),
        Mistake("plus", lambda g, x0, lr, s: _minimize(g, x0, lr, s, sign=1),
                "your path climbs: w + lr * gradient goes uphill. Step with w - lr * gradient."),
        Mistake("integers", _integer_copy, _INTEGERS),
    ],
    hints=[
        "Keep the current point x, starting at x0, and a list of points. Each step: x = x - lr * grad(x).",
        "Start the list with x0 and append after every step, so it holds steps + 1 points. Return "
        "np.array(path), of shape (steps + 1, D). Make x a float copy of x0 first.",
        "x = np.array(x0, dtype=float)\npath = [x]\nfor _ in range(steps):\n"
        "    x = x - lr * grad(x)\n    path.append(x)\nreturn np.array(path)",
    ],
    points=2,
)

# ---- the divergence threshold of a quadratic ------------------------------------------------

max_lr = Exercise(
    id="descent.max_lr",
    kind="number",
    title="Where gradient descent stops converging",
    name="lr_max",
    reference=1 / 3,
    rtol=1e-3,
    mistakes=[
        Mistake("flat direction", 2.0,
                "2 = 2 / 1 comes from the flat direction, w2. The steep one breaks first: its "
                "curvature is 6, so lr must stay below 2 / 6."),
        Mistake("no factor 2", 1 / 6,
                "1 / 6 = 1 / lambda_max is the learning rate that reaches the minimum of the steep "
                "direction in one step. Descent still converges, oscillating, up to 2 / lambda_max."),
        Mistake("coefficient", 2 / 3,
                "the curvature of 3 w1^2 is its second derivative, 6, not the coefficient 3."),
        Mistake("flat, no 2", 1.0, "the steep direction, curvature 6, sets the limit: 2 / 6."),
    ],
    hints=[
        "Each coordinate evolves on its own: for f = c w^2 / 2, one step gives w <- (1 - lr c) w.",
        "That converges when |1 - lr c| < 1, that is lr < 2 / c. Here the curvatures are the "
        "second derivatives 6 and 1. Which one breaks first?",
        "lr_max = 2 / 6",
    ],
    points=1,
)

# ---- one momentum step -------------------------------------------------------------------------


def _momentum(w, g, v, lr, mu):
    v = mu * v + g
    return w - lr * v, v


def _momentum_cases():
    def make(shape, fresh=False, dtype=float):
        def inputs(rng):
            w, g = rng.normal(size=shape).astype(dtype), rng.normal(size=shape).astype(dtype)
            v = np.zeros(shape, dtype) if fresh else rng.normal(size=shape).astype(dtype)
            return w, g, v, 0.05, 0.9  # lr != 1 - mu, so that no two mistakes coincide
        return inputs

    return [
        Case("the first step, v = 0", make((3,), fresh=True)),
        Case("a buffer carried from earlier steps", make((2, 3))),
        Case("float32", make((4,), dtype=np.float32)),
    ]


momentum_step = Exercise(
    id="descent.momentum_step",
    forbid=("dlbook.optim",),
    kind="function",
    title="One step of SGD with momentum, as PyTorch",
    name="momentum_step",
    signature="momentum_step(w, g, v, lr, mu)",
    outputs=("w", "v"),
    reference=_momentum,
    cases=_momentum_cases(),
    mistakes=[
        Mistake("buffer not kept", lambda w, g, v, lr, mu: (w - lr * g, g),
                "your buffer ignores the v it was given: the momentum buffer must carry over from "
                "step to step, v = mu * v + g, or momentum is plain gradient descent."),
        Mistake("lr twice", lambda w, g, v, lr, mu: (w - lr * (mu * v + lr * g), mu * v + lr * g),
                "the learning rate is applied twice: once inside v and again in the step. "
                "PyTorch keeps v = mu * v + g and steps w - lr * v."),
        Mistake("lr inside v", lambda w, g, v, lr, mu: (w - (mu * v + lr * g), mu * v + lr * g),
                "you folded lr into the buffer (v = mu v + lr g, w = w - v). That is the "
                "Sutskever form, which gives the same w while lr is constant, but PyTorch's buffer "
                "is v = mu * v + g, and its step w - lr * v."),
        Mistake("dampened", lambda w, g, v, lr, mu: (w - lr * (mu * v + (1 - mu) * g), mu * v + (1 - mu) * g),
                "v = mu v + (1 - mu) g is an exponential average (Adam's m). PyTorch's momentum "
                "adds the whole gradient: v = mu * v + g."),
        Mistake("plus", lambda w, g, v, lr, mu: (w + lr * (mu * v + g), mu * v + g),
                "the step climbs: w + lr * v goes uphill. Use w - lr * v."),
    ],
    hints=[
        "Momentum keeps a running buffer v of past gradients and steps along it instead of along g.",
        "First update the buffer, v = mu * v + g, then step, w = w - lr * v. Return both.",
        "v = mu * v + g\nreturn w - lr * v, v",
    ],
    points=2,
)

# ---- one Adam step ------------------------------------------------------------------------------


def _adam(w, g, m, v, t, lr, beta1, beta2, eps, correct=True, square=True, eps_inside=False):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * (g * g if square else g)
    m_hat, v_hat = (m / (1 - beta1 ** t), v / (1 - beta2 ** t)) if correct else (m, v)
    denom = np.sqrt(v_hat + eps) if eps_inside else np.sqrt(v_hat) + eps
    return w - lr * m_hat / denom, m, v


def _adam_cases():
    def make(shape, t, fresh=False, dtype=float):
        def inputs(rng):
            w, g = rng.normal(size=shape).astype(dtype), rng.normal(size=shape).astype(dtype)
            if fresh:
                m, v = np.zeros(shape, dtype), np.zeros(shape, dtype)
            else:
                m, v = rng.normal(0, 0.1, size=shape).astype(dtype), rng.uniform(0.01, 0.5, size=shape).astype(dtype)
            return w, g, m, v, t, 0.01, 0.9, 0.999, 1e-8
        return inputs

    return [
        Case("the first step, t = 1, m = v = 0", make((3,), 1, fresh=True)),
        Case("step t = 5 with averages from before", make((2, 3), 5)),
        Case("a gradient of exactly 0 at the first step", lambda rng: (np.ones(2), np.zeros(2), np.zeros(2),
                                                                      np.zeros(2), 1, 0.01, 0.9, 0.999, 1e-8)),
        Case("tiny gradients, where eps matters", lambda rng: (np.ones(3), np.array([1e-5, -2e-5, 3e-6]), np.zeros(3),
                                                               np.zeros(3), 1, 0.01, 0.9, 0.999, 1e-8)),
        Case("float32", make((4,), 3, dtype=np.float32)),
    ]


adam_step = Exercise(
    id="descent.adam_step",
    forbid=("dlbook.optim",),
    kind="function",
    title="One Adam step, with bias correction",
    name="adam_step",
    signature="adam_step(w, g, m, v, t, lr, beta1, beta2, eps)",
    outputs=("w", "m", "v"),
    reference=_adam,
    cases=_adam_cases(),
    rtol=1e-6,
    overflow=("0 / 0 at the first step: with t counted from 0, 1 - beta ** t is 0. The first step "
              "is t = 1, so 1 - beta1 ** 1 = 0.1."),
    mistakes=[
        Mistake("no bias correction", lambda *a: _adam(*a, correct=False),
                "without bias correction: m and v start at 0, so early on they are too small by "
                "factors 1 - beta1^t and 1 - beta2^t. Divide by those: m_hat = m / (1 - beta1 ** t), "
                "v_hat = v / (1 - beta2 ** t)."),
        Mistake("t + 1", lambda w, g, m, v, t, *r: _adam(w, g, m, v, t + 1, *r),
                "your bias correction uses t + 1: t is already the number of this step (1 for the "
                "first), as in PyTorch."),
        Mistake("g not squared", lambda *a: _adam(*a, square=False),
                "v averages the squared gradient, g * g: it measures the gradient's size whatever "
                "its sign, and its square root scales the step."),
        Mistake("eps inside", lambda *a: _adam(*a, eps_inside=True),
                "eps goes outside the square root: m_hat / (np.sqrt(v_hat) + eps), as in PyTorch."),
    ],
    hints=[
        "Adam keeps two averages: m of the gradient (momentum) and v of its square (as RMSProp). "
        "Update both, correct their bias, then step.",
        "m = beta1 m + (1 - beta1) g; v = beta2 v + (1 - beta2) g^2; m_hat = m / (1 - beta1^t); "
        "v_hat = v / (1 - beta2^t); w = w - lr m_hat / (sqrt(v_hat) + eps).",
        "m = beta1 * m + (1 - beta1) * g\nv = beta2 * v + (1 - beta2) * g * g\n"
        "m_hat = m / (1 - beta1 ** t)\nv_hat = v / (1 - beta2 ** t)\n"
        "return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v",
    ],
    points=2,
)

# ---- mini-batches, shuffled together -------------------------------------------------------------

_PROPERTIES = ("the batch sizes", "the examples seen (sorted)", "the number of misaligned (x, y) pairs",
               "whether the order was shuffled (not the data's own order, nor a rotation of it)",
               "whether the same rng gives the same batches",
               "whether another rng gives another order")


def _order(out, X):
    """The example ids (column 0 of X) in the order the batches give them."""
    if not isinstance(out, (list, tuple)):
        raise BadAnswer(f"minibatches must return a list of (X_batch, y_batch) pairs, got {_type_name(out)}")
    if not all(isinstance(p, (tuple, list)) and len(p) == 2 for p in out):
        raise BadAnswer("each batch must be a pair (X_batch, y_batch)")
    Xs = [np.asarray(Xb, dtype=float).reshape(-1, X.shape[1]) for Xb, _ in out]
    ys = [np.asarray(yb, dtype=float).reshape(-1) for _, yb in out]
    return Xs, ys


def _looks_shuffled(ids):
    """Whether an order of the ids 0..N-1 looks like a random permutation: few neighbours that
    follow each other as in the data (a random one has about 1; a rotation or a swap, N - 3 or more)."""
    N = len(ids)
    following = int(np.sum(np.diff(ids) == 1))
    return following < N - 1 if N < 20 else following < N // 2  # no random permutation comes near either


def _properties(three, X, y, batch_size, rng):
    """Summarise the learner's batches (from one rng, a copy of it, and another rng) by what a
    right answer must satisfy."""
    out, again, other = three
    Xs, ys = _order(out, X)
    sizes = np.array([len(b) for b in ys], dtype=float)
    ids = np.concatenate(ys) if ys else np.zeros(0)
    misaligned = sum(int((Xb[:, 0] != yb).sum()) if len(Xb) == len(yb) else len(yb) for Xb, yb in zip(Xs, ys))
    shuffled = float(len(ids) == len(y) and _looks_shuffled(ids))
    flat = [np.concatenate(_order(o, X)[1] or [np.zeros(0)]) for o in (again, other)]
    return (sizes, np.sort(ids), float(misaligned), shuffled, float(np.array_equal(ids, flat[0])),
            float(not np.array_equal(ids, flat[1])))


def _reference_properties(X, y, batch_size, rng):
    N = len(y)
    sizes = [batch_size] * (N // batch_size) + ([N % batch_size] if N % batch_size else [])
    return np.array(sizes, dtype=float), np.arange(N, dtype=float), 0.0, 1.0, 1.0, 1.0


def _dataset(N, D):
    def inputs(rng):
        X = np.column_stack([np.arange(N, dtype=float), rng.normal(size=(N, D - 1))])  # column 0: the id
        return X, np.arange(N), 4 if N > 4 else 2, np.random.default_rng(rng.integers(2 ** 32))
    return inputs


def _separately(X, y, batch_size, rng):
    X, y = X[rng.permutation(len(X))], y[rng.permutation(len(y))]
    return [(X[i:i + batch_size], y[i:i + batch_size]) for i in range(0, len(X), batch_size)]


def _in_order(X, y, batch_size, rng):
    return [(X[i:i + batch_size], y[i:i + batch_size]) for i in range(0, len(X), batch_size)]


def _full_only(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    return [(X[order[i:i + batch_size]], y[order[i:i + batch_size]])
            for i in range(0, len(X) - batch_size + 1, batch_size)]


def _global_rng(X, y, batch_size, rng):
    order = np.random.permutation(len(X))
    return [(X[order[i:i + batch_size]], y[order[i:i + batch_size]]) for i in range(0, len(X), batch_size)]


def _fixed_shift(X, y, batch_size, rng):
    order = np.roll(np.arange(len(X)), 3)
    return [(X[order[i:i + batch_size]], y[order[i:i + batch_size]]) for i in range(0, len(X), batch_size)]


def _rotated(X, y, batch_size, rng):
    order = np.roll(np.arange(len(X)), rng.integers(1, len(X)))
    return [(X[order[i:i + batch_size]], y[order[i:i + batch_size]]) for i in range(0, len(X), batch_size)]


def _with_replacement(X, y, batch_size, rng):
    order = rng.integers(0, len(X), size=len(X))
    return [(X[order[i:i + batch_size]], y[order[i:i + batch_size]]) for i in range(0, len(X), batch_size)]


minibatches = Exercise(
    id="descent.minibatches",
    forbid=("dlbook.data",),
    kind="function",
    title="Shuffled mini-batches, X and y together",
    name="minibatches",
    signature="minibatches(X, y, batch_size, rng)",
    outputs=_PROPERTIES,
    collect="thrice",
    judge=_properties,
    reference=_reference_properties,
    cases=[
        Case("10 examples in batches of 4", _dataset(10, 3)),
        Case("12 examples, batches of 4 that divide them", _dataset(12, 2)),
        Case("30 examples with 5 features", _dataset(30, 5)),
    ],
    dtype=None,
    mistakes=[
        Mistake("shuffled separately", _separately,
                "X and y were shuffled with two different permutations, so the examples lost their "
                "labels. Draw one permutation, order = rng.permutation(N), and index both with it."),
        Mistake("not shuffled", _in_order,
                "the batches come in the data's own order: shuffle with rng.permutation(N) each "
                "epoch, or the network sees the same batches every time."),
        Mistake("last batch dropped", _full_only,
                "the last, smaller batch is missing: when batch_size does not divide N, the "
                "remaining examples make a final batch of their own."),
        Mistake("global rng", _global_rng,
                "the same rng gave other batches: np.random.permutation draws from numpy's global "
                "generator. Draw from the rng you are given, rng.permutation(N), so a seed repeats an epoch."),
        Mistake("fixed order", _fixed_shift,
                "another rng gave the same order: the order must come from the rng you are given, "
                "order = rng.permutation(N), or every epoch sees the same batches."),
        Mistake("rotated", _rotated,
                "your order is the data's own order, rotated (or nearly so): most examples still come "
                "right after the one before them. A shuffle is a random permutation: rng.permutation(N)."),
        Mistake("with replacement", _with_replacement,
                "some examples came twice and others never: rng.integers (or rng.choice with "
                "replace=True) samples with replacement. A permutation visits each example once."),
    ],
    hints=[
        "Shuffle the indices, not the arrays: one permutation of 0..N-1 decides the order of both "
        "X and y.",
        "order = rng.permutation(len(X)); then for start in range(0, N, batch_size), the rows "
        "order[start:start + batch_size] of X and of y make one batch.",
        "order = rng.permutation(len(X))\nreturn [(X[order[i:i + batch_size]], y[order[i:i + batch_size]])\n"
        "        for i in range(0, len(X), batch_size)]",
    ],
    points=2,
)

EXERCISES = [gd_step, minimize, max_lr, momentum_step, adam_step, minibatches]
