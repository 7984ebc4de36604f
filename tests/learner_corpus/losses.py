"""Learner corpus for chapter 03 (losses): answers real learners write for its exercises.

binary_cross_entropy, bce_gradient, categorical_cross_entropy, log_softmax,
softmax_cross_entropy_gradient (functions), batch_loss (a number) and why_cross_entropy (a letter).
Each entry of ANSWERS is the code a learner pastes into the answer cell, whether it is right, and,
for a wrong answer, the mistake in plain words (for a right one, how it is written differently).
Written independently of the exercise checks, to measure how well they catch and name mistakes.
"""


def _wrong(exercise, mistake, code):
    return {"exercise": exercise, "code": code, "right": False, "mistake": mistake}


def _right(exercise, how, code):
    return {"exercise": exercise, "code": code, "right": True, "mistake": how}


_SOFTMAX = '''
def _softmax(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
'''

ANSWERS = [
    # ---- losses.batch_loss ---------------------------------------------------------------------
    _wrong("losses.batch_loss", "sums the three costs instead of averaging them", '''
loss = -(np.log(0.9) + np.log(0.8) + np.log(0.6))
'''),
    _wrong("losses.batch_loss", "uses log base 10", '''
loss = -(np.log10(0.9) + np.log10(0.8) + np.log10(0.6)) / 3
'''),
    _wrong("losses.batch_loss", "uses log base 2", '''
loss = -(np.log2(0.9) + np.log2(0.8) + np.log2(0.6)) / 3
'''),
    _wrong("losses.batch_loss", "uses p = 0.2 for the label-0 example instead of 1 - p = 0.8", '''
loss = -(np.log(0.9) + np.log(0.2) + np.log(0.6)) / 3
'''),
    _wrong("losses.batch_loss", "forgets the minus sign: a negative loss", '''
loss = (np.log(0.9) + np.log(0.8) + np.log(0.6)) / 3
'''),
    _wrong("losses.batch_loss", "takes log(1 - p) for every example", '''
loss = -(np.log(0.1) + np.log(0.8) + np.log(0.4)) / 3
'''),
    _wrong("losses.batch_loss", "computes the squared error instead of the cross-entropy", '''
loss = ((1 - 0.9) ** 2 + (0 - 0.2) ** 2 + (1 - 0.6) ** 2) / 3
'''),
    _right("losses.batch_loss", "with arrays and the full formula", '''
y = np.array([1.0, 0.0, 1.0])
p = np.array([0.9, 0.2, 0.6])
loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
'''),
    _right("losses.batch_loss", "the log of the product of the probabilities of the true labels", '''
loss = -math.log(0.9 * 0.8 * 0.6) / 3
'''),
    _right("losses.batch_loss", "the value written out", '''
loss = 0.2797765
'''),

    # ---- losses.binary_cross_entropy -----------------------------------------------------------
    _wrong("losses.binary_cross_entropy", "no clamp: p = 0 or 1 gives inf or nan", '''
def binary_cross_entropy(y, p):
    p = p.reshape(y.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
'''),
    _wrong("losses.binary_cross_entropy", "clips p to [1e-7, 1 - 1e-7] (Keras style) instead of clamping the logs at -100", '''
def binary_cross_entropy(y, p):
    p = np.clip(p.reshape(y.shape), 1e-7, 1 - 1e-7)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
'''),
    _wrong("losses.binary_cross_entropy", "does not reshape p: (N, 1) against (N,) broadcasts to (N, N)", '''
def binary_cross_entropy(y, p):
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), -100)
        log_1mp = np.maximum(np.log(1 - p), -100)
    return -np.mean(y * log_p + (1 - y) * log_1mp)
'''),
    _wrong("losses.binary_cross_entropy", "sums over the batch instead of averaging", '''
def binary_cross_entropy(y, p):
    p = p.reshape(y.shape)
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), -100)
        log_1mp = np.maximum(np.log(1 - p), -100)
    return -np.sum(y * log_p + (1 - y) * log_1mp)
'''),
    _wrong("losses.binary_cross_entropy", "forgets the minus sign", '''
def binary_cross_entropy(y, p):
    p = p.reshape(y.shape)
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), -100)
        log_1mp = np.maximum(np.log(1 - p), -100)
    return np.mean(y * log_p + (1 - y) * log_1mp)
'''),
    _wrong("losses.binary_cross_entropy", "uses log base 10", '''
def binary_cross_entropy(y, p):
    p = p.reshape(y.shape)
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log10(p), -100)
        log_1mp = np.maximum(np.log10(1 - p), -100)
    return -np.mean(y * log_p + (1 - y) * log_1mp)
'''),
    _wrong("losses.binary_cross_entropy", "clamps after multiplying by the labels: 0 * log(0) is already nan", '''
def binary_cross_entropy(y, p):
    p = p.reshape(y.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = y * np.log(p) + (1 - y) * np.log(1 - p)
    return -np.mean(np.maximum(terms, -100))
'''),
    _wrong("losses.binary_cross_entropy", "nan_to_num(neginf=-100) only replaces -inf: a log of -115 (p = 1e-50) is not clamped", '''
def binary_cross_entropy(y, p):
    p = p.reshape(y.shape)
    with np.errstate(divide="ignore"):
        log_p = np.nan_to_num(np.log(p), neginf=-100)
        log_1mp = np.nan_to_num(np.log(1 - p), neginf=-100)
    return -np.mean(y * log_p + (1 - y) * log_1mp)
'''),
    _wrong("losses.binary_cross_entropy", "reshapes p to a column (N, 1): the labels broadcast to (N, N)", '''
def binary_cross_entropy(y, p):
    p = p.reshape(-1, 1)
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), -100)
        log_1mp = np.maximum(np.log(1 - p), -100)
    return -np.mean(y * log_p + (1 - y) * log_1mp)
'''),
    _wrong("losses.binary_cross_entropy", "divides by N twice: np.mean, then / len(y)", '''
def binary_cross_entropy(y, p):
    p = p.reshape(y.shape)
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), -100)
        log_1mp = np.maximum(np.log(1 - p), -100)
    return -np.mean(y * log_p + (1 - y) * log_1mp) / len(y)
'''),
    _wrong("losses.binary_cross_entropy", "no np.errstate: np.log(0) warns (divide by zero)", '''
def binary_cross_entropy(y, p):
    p = p.reshape(y.shape)
    log_p = np.maximum(np.log(p), -100)
    log_1mp = np.maximum(np.log(1 - p), -100)
    return -np.mean(y * log_p + (1 - y) * log_1mp)
'''),
    _wrong("losses.binary_cross_entropy", "clamps log(p) but not log(1 - p)", '''
def binary_cross_entropy(y, p):
    p = p.reshape(y.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_p = np.maximum(np.log(p), -100)
        log_1mp = np.log(1 - p)
    return -np.mean(y * log_p + (1 - y) * log_1mp)
'''),
    _wrong("losses.binary_cross_entropy", "adds 1e-12 inside the logs: p = 0 costs 27.6, not 100", '''
def binary_cross_entropy(y, p):
    p = p.reshape(y.shape)
    return -np.mean(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))
'''),
    _wrong("losses.binary_cross_entropy", "returns the per-example losses, not their mean", '''
def binary_cross_entropy(y, p):
    p = p.reshape(y.shape)
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), -100)
        log_1mp = np.maximum(np.log(1 - p), -100)
    return -(y * log_p + (1 - y) * log_1mp)
'''),
    _wrong("losses.binary_cross_entropy", "forgets the (1 - y) log(1 - p) term", '''
def binary_cross_entropy(y, p):
    p = p.reshape(y.shape)
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), -100)
    return -np.mean(y * log_p)
'''),
    _wrong("losses.binary_cross_entropy", "loops with math.log: math.log(0) raises ValueError", '''
def binary_cross_entropy(y, p):
    total = 0.0
    for yi, pi in zip(y, np.ravel(p)):
        total += -(yi * max(math.log(pi), -100) if yi == 1 else max(math.log(1 - pi), -100))
    return total / len(y)
'''),
    _right("losses.binary_cross_entropy", "np.clip on the logs, p flattened with ravel", '''
def binary_cross_entropy(y, p):
    p = np.ravel(p)
    with np.errstate(divide="ignore"):
        log_p = np.clip(np.log(p), -100, None)
        log_1mp = np.clip(np.log(1 - p), -100, None)
    return -np.mean(y * log_p + (1 - y) * log_1mp)
'''),
    _right("losses.binary_cross_entropy", "np.where picks the log of the probability of the true label", '''
def binary_cross_entropy(y, p):
    p = p.reshape(y.shape)
    with np.errstate(divide="ignore"):
        log_true = np.where(y == 1, np.log(p), np.log(1 - p))
    return -np.mean(np.maximum(log_true, -100))
'''),
    _right("losses.binary_cross_entropy", "reshapes p with squeeze(axis=-1) only when it is a column", '''
def binary_cross_entropy(y, p):
    if p.ndim == 2:
        p = p[:, 0]
    with np.errstate(divide="ignore"):
        cost = -(y * np.maximum(np.log(p), -100) + (1 - y) * np.maximum(np.log1p(-p), -100))
    return cost.sum() / len(y)
'''),
    _right("losses.binary_cross_entropy", "a loop with math.log guarded for p = 0", '''
def binary_cross_entropy(y, p):
    def clamped_log(q):
        return -100.0 if q <= 0 else max(math.log(q), -100.0)
    total = 0.0
    for yi, pi in zip(y, np.ravel(p)):
        total -= yi * clamped_log(pi) + (1 - yi) * clamped_log(1 - pi)
    return total / len(y)
'''),

    # ---- losses.bce_gradient -------------------------------------------------------------------
    _wrong("losses.bce_gradient", "forgets the 1/N of the mean", '''
def bce_gradient(y, p):
    return (p - y) / (p * (1 - p))
'''),
    _wrong("losses.bce_gradient", "gives the gradient with respect to the logit, (p - y) / N", '''
def bce_gradient(y, p):
    return (p - y) / len(y)
'''),
    _wrong("losses.bce_gradient", "sign flipped: (y - p) / (p (1 - p)) / N", '''
def bce_gradient(y, p):
    return (y - p) / (p * (1 - p)) / len(y)
'''),
    _wrong("losses.bce_gradient", "sign slip on the second term: -(y/p + (1-y)/(1-p)) / N", '''
def bce_gradient(y, p):
    return -(y / p + (1 - y) / (1 - p)) / len(y)
'''),
    _wrong("losses.bce_gradient", "divides by N twice", '''
def bce_gradient(y, p):
    N = len(y)
    return (p - y) / (p * (1 - p)) / N / N
'''),
    _wrong("losses.bce_gradient", "averages the gradient into one number", '''
def bce_gradient(y, p):
    return np.mean((p - y) / (p * (1 - p)))
'''),
    _wrong("losses.bce_gradient", "multiplies by p (1 - p) instead of dividing", '''
def bce_gradient(y, p):
    return (p - y) * p * (1 - p) / len(y)
'''),
    _wrong("losses.bce_gradient", "gives the MSE gradient 2 (p - y) / N", '''
def bce_gradient(y, p):
    return 2 * (p - y) / len(y)
'''),
    _wrong("losses.bce_gradient", "returns the per-example losses instead of the gradient", '''
def bce_gradient(y, p):
    return -(y * np.log(p) + (1 - y) * np.log(1 - p)) / len(y)
'''),
    _wrong("losses.bce_gradient", "forgets the (1 - y) term: -y / p / N", '''
def bce_gradient(y, p):
    return -y / p / len(y)
'''),
    _wrong("losses.bce_gradient", "converts p to float64: float32 input comes back as float64", '''
def bce_gradient(y, p):
    p = np.asarray(p, dtype=np.float64)
    return (p - y) / (p * (1 - p)) / len(y)
'''),
    _wrong("losses.bce_gradient", "g = p; g -= y: aliases p and modifies the caller's array", '''
def bce_gradient(y, p):
    g = p
    g -= y
    return g / (p * (1 - p)) / len(y)
'''),
    _wrong("losses.bce_gradient", "clips p to [1e-7, 1 - 1e-7] first: wrong for p closer to 0 or 1", '''
def bce_gradient(y, p):
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return (p - y) / (p * (1 - p)) / len(y)
'''),
    _wrong("losses.bce_gradient", "operator precedence: (p - y) / p * (1 - p) multiplies by (1 - p)", '''
def bce_gradient(y, p):
    return 1 / len(y) * (p - y) / p * (1 - p)
'''),
    _right("losses.bce_gradient", "the two terms of the derivative kept apart", '''
def bce_gradient(y, p):
    return (-(y / p) + (1 - y) / (1 - p)) / len(y)
'''),
    _right("losses.bce_gradient", "np.where on the label: -1/p for y = 1, 1/(1 - p) for y = 0", '''
def bce_gradient(y, p):
    return np.where(y == 1, -1 / p, 1 / (1 - p)) / y.shape[0]
'''),
    _right("losses.bce_gradient", "N folded into the denominator, p - p^2", '''
def bce_gradient(y, p):
    return (p - y) / ((p - p ** 2) * y.size)
'''),
    _right("losses.bce_gradient", "multiplies by 1 / N", '''
def bce_gradient(y, p):
    N = len(p)
    return (1 / N) * (p - y) / (p * (1 - p))
'''),

    # ---- losses.categorical_cross_entropy ------------------------------------------------------
    _wrong("losses.categorical_cross_entropy", "no clamp: a zero probability gives 0 * -inf = nan", '''
def categorical_cross_entropy(Y, P):
    with np.errstate(divide="ignore", invalid="ignore"):
        return -(Y * np.log(P)).sum(axis=1).mean()
'''),
    _wrong("losses.categorical_cross_entropy", "sums over the batch instead of averaging", '''
def categorical_cross_entropy(Y, P):
    with np.errstate(divide="ignore"):
        log_P = np.maximum(np.log(P), -100)
    return -(Y * log_P).sum()
'''),
    _wrong("losses.categorical_cross_entropy", "averages over all N * C entries instead of over the N examples", '''
def categorical_cross_entropy(Y, P):
    with np.errstate(divide="ignore"):
        log_P = np.maximum(np.log(P), -100)
    return -np.mean(Y * log_P)
'''),
    _wrong("losses.categorical_cross_entropy", "forgets the minus sign", '''
def categorical_cross_entropy(Y, P):
    with np.errstate(divide="ignore"):
        log_P = np.maximum(np.log(P), -100)
    return (Y * log_P).sum(axis=1).mean()
'''),
    _wrong("losses.categorical_cross_entropy", "clips P to [1e-7, 1] instead of clamping the log at -100", '''
def categorical_cross_entropy(Y, P):
    P = np.clip(P, 1e-7, 1.0)
    return -(Y * np.log(P)).sum(axis=1).mean()
'''),
    _wrong("losses.categorical_cross_entropy", "uses log base 10", '''
def categorical_cross_entropy(Y, P):
    with np.errstate(divide="ignore"):
        log_P = np.maximum(np.log10(P), -100)
    return -(Y * log_P).sum(axis=1).mean()
'''),
    _wrong("losses.categorical_cross_entropy", "sums over the examples (axis 0) and averages over the classes", '''
def categorical_cross_entropy(Y, P):
    with np.errstate(divide="ignore"):
        log_P = np.maximum(np.log(P), -100)
    return -(Y * log_P).sum(axis=0).mean()
'''),
    _wrong("losses.categorical_cross_entropy", "takes the predicted class (argmax of P) instead of the true one", '''
def categorical_cross_entropy(Y, P):
    with np.errstate(divide="ignore"):
        log_P = np.maximum(np.log(P), -100)
    return -np.mean(log_P[np.arange(len(P)), P.argmax(axis=1)])
'''),
    _wrong("losses.categorical_cross_entropy", "adds the binary (1 - y) log(1 - p) term for every class", '''
def categorical_cross_entropy(Y, P):
    with np.errstate(divide="ignore"):
        log_P = np.maximum(np.log(P), -100)
        log_1mP = np.maximum(np.log(1 - P), -100)
    return -(Y * log_P + (1 - Y) * log_1mP).sum(axis=1).mean()
'''),
    _wrong("losses.categorical_cross_entropy", "clamps P at -100 instead of the log (a no-op): log(0) stays -inf", '''
def categorical_cross_entropy(Y, P):
    with np.errstate(divide="ignore", invalid="ignore"):
        return -(Y * np.log(np.maximum(P, -100))).sum(axis=1).mean()
'''),
    _wrong("losses.categorical_cross_entropy", "nan_to_num(neginf=-100) only replaces -inf: a log of -115 (p = 1e-50) is not clamped", '''
def categorical_cross_entropy(Y, P):
    with np.errstate(divide="ignore"):
        log_P = np.nan_to_num(np.log(P), neginf=-100)
    return -(Y * log_P).sum(axis=1).mean()
'''),
    _wrong("losses.categorical_cross_entropy", "no np.errstate: np.log(0) warns (divide by zero)", '''
def categorical_cross_entropy(Y, P):
    log_P = np.maximum(np.log(P), -100)
    return -(Y * log_P).sum(axis=1).mean()
'''),
    _wrong("losses.categorical_cross_entropy", "adds 1e-9 inside the log: a zero probability costs 20.7, not 100", '''
def categorical_cross_entropy(Y, P):
    return -(Y * np.log(P + 1e-9)).sum(axis=1).mean()
'''),
    _wrong("losses.categorical_cross_entropy", "np.max(log_P, -100) instead of np.maximum: -100 is taken as an axis", '''
def categorical_cross_entropy(Y, P):
    with np.errstate(divide="ignore"):
        log_P = np.max(np.log(P), -100)
    return -(Y * log_P).sum(axis=1).mean()
'''),
    _wrong("losses.categorical_cross_entropy", "treats Y as integer labels and indexes P with it", '''
def categorical_cross_entropy(Y, P):
    with np.errstate(divide="ignore"):
        log_P = np.maximum(np.log(P), -100)
    return -np.mean(log_P[np.arange(len(P)), Y])
'''),
    _right("losses.categorical_cross_entropy", "np.clip on the log and einsum for the double sum", '''
def categorical_cross_entropy(Y, P):
    with np.errstate(divide="ignore"):
        log_P = np.clip(np.log(P), -100, None)
    return -np.einsum("nc,nc->", Y, log_P) / Y.shape[0]
'''),
    _right("losses.categorical_cross_entropy", "picks the true class with the one-hot mask", '''
def categorical_cross_entropy(Y, P):
    with np.errstate(divide="ignore"):
        log_true = np.maximum(np.log(P[Y == 1]), -100)
    return -log_true.sum() / len(Y)
'''),
    _right("losses.categorical_cross_entropy", "a loop over examples with np.dot", '''
def categorical_cross_entropy(Y, P):
    total = 0.0
    with np.errstate(divide="ignore"):
        for y_row, p_row in zip(Y, P):
            total -= np.dot(y_row, np.maximum(np.log(p_row), -100))
    return total / len(Y)
'''),
    _right("losses.categorical_cross_entropy", "indexes the true class with argmax of Y", '''
def categorical_cross_entropy(Y, P):
    labels = Y.argmax(axis=1)
    with np.errstate(divide="ignore"):
        picked = np.log(P[np.arange(len(P)), labels])
    return -np.mean(np.maximum(picked, -100))
'''),

    # ---- losses.log_softmax --------------------------------------------------------------------
    _wrong("losses.log_softmax", "log of a (stable) softmax: a far-behind logit underflows to log(0) = -inf", '''
def log_softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return np.log(e / e.sum(axis=-1, keepdims=True))
'''),
    _wrong("losses.log_softmax", "no max subtraction: e^1000 overflows", '''
def log_softmax(z):
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
'''),
    _wrong("losses.log_softmax", "subtracts the global max: a row far below it gives log(0)", '''
def log_softmax(z):
    m = z.max()
    return z - m - np.log(np.exp(z - m).sum(axis=-1, keepdims=True))
'''),
    _wrong("losses.log_softmax", "sums without keepdims: (N, C) - (N,) broadcasts wrongly", '''
def log_softmax(z):
    m = z.max(axis=-1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=-1))
'''),
    _wrong("losses.log_softmax", "forgets to subtract m outside the log (log-sum-exp without adding the max back)", '''
def log_softmax(z):
    m = z.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z - m).sum(axis=-1, keepdims=True))
'''),
    _wrong("losses.log_softmax", "shifts inside the log-sum-exp but uses the unshifted exponentials", '''
def log_softmax(z):
    m = z.max(axis=-1, keepdims=True)
    return z - m - np.log(np.exp(z).sum(axis=-1, keepdims=True))
'''),
    _wrong("losses.log_softmax", "hard-codes axis=1: fails on a single vector (C,)", '''
def log_softmax(z):
    m = z.max(axis=1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))
'''),
    _wrong("losses.log_softmax", "works along axis 0 (the batch) instead of the classes", '''
def log_softmax(z):
    m = z.max(axis=0, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=0, keepdims=True))
'''),
    _wrong("losses.log_softmax", "sign flipped: returns -log softmax", '''
def log_softmax(z):
    m = z.max(axis=-1, keepdims=True)
    return m + np.log(np.exp(z - m).sum(axis=-1, keepdims=True)) - z
'''),
    _wrong("losses.log_softmax", "uses log base 10 for the log-sum-exp", '''
def log_softmax(z):
    m = z.max(axis=-1, keepdims=True)
    return z - m - np.log10(np.exp(z - m).sum(axis=-1, keepdims=True))
'''),
    _wrong("losses.log_softmax", "subtracts the max in place: modifies the caller's array", '''
def log_softmax(z):
    z -= z.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
'''),
    _wrong("losses.log_softmax", "converts to float64: float32 input comes back as float64", '''
def log_softmax(z):
    z = np.array(z, dtype=np.float64)
    m = z.max(axis=-1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=-1, keepdims=True))
'''),
    _wrong("losses.log_softmax", "sums the exponentials over the whole array, not each row", '''
def log_softmax(z):
    m = z.max(axis=-1, keepdims=True)
    return z - m - np.log(np.sum(np.exp(z - m)))
'''),
    _wrong("losses.log_softmax", "log1p of the sum: log(1 + sum) instead of log(sum)", '''
def log_softmax(z):
    m = z.max(axis=-1, keepdims=True)
    return z - m - np.log1p(np.exp(z - m).sum(axis=-1, keepdims=True))
'''),
    _wrong("losses.log_softmax", "subtracts the row min instead of the max: a wide row overflows", '''
def log_softmax(z):
    m = z.min(axis=-1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=-1, keepdims=True))
'''),
    _right("losses.log_softmax", "z minus the log-sum-exp computed in one variable", '''
def log_softmax(z):
    m = np.max(z, axis=-1, keepdims=True)
    lse = m + np.log(np.sum(np.exp(z - m), axis=-1, keepdims=True))
    return z - lse
'''),
    _right("losses.log_softmax", "np.logaddexp.reduce for the log-sum-exp", '''
def log_softmax(z):
    return z - np.logaddexp.reduce(z, axis=-1, keepdims=True)
'''),
    _right("losses.log_softmax", "scipy.special.log_softmax along the last axis", '''
from scipy.special import log_softmax as _scipy_log_softmax

def log_softmax(z):
    return _scipy_log_softmax(z, axis=-1)
'''),
    _right("losses.log_softmax", "shifts first, then subtracts the log of the shifted sum, with [..., None]", '''
def log_softmax(z):
    shifted = z - z.max(axis=-1)[..., None]
    return shifted - np.log(np.exp(shifted).sum(axis=-1))[..., None]
'''),

    # ---- losses.why_cross_entropy --------------------------------------------------------------
    _wrong("losses.why_cross_entropy", "(a): MSE can be computed on probabilities", '''
why_cross_entropy = "a"
'''),
    _wrong("losses.why_cross_entropy", "(c): cross-entropy is not always smaller", '''
why_cross_entropy = "c"
'''),
    _wrong("losses.why_cross_entropy", "(d): MSE is differentiable everywhere", '''
why_cross_entropy = "d"
'''),
    _right("losses.why_cross_entropy", "the letter b", '''
why_cross_entropy = "b"
'''),
    _right("losses.why_cross_entropy", "the letter b, in single quotes", '''
why_cross_entropy = 'b'
'''),

    # ---- losses.softmax_cross_entropy_gradient -------------------------------------------------
    _wrong("losses.softmax_cross_entropy_gradient", "forgets the 1/N of the mean", '''
def softmax_cross_entropy_gradient(Y, Z):
    return activations.softmax(Z) - Y
'''),
    _wrong("losses.softmax_cross_entropy_gradient", "forgets the softmax: (Z - Y) / N", '''
def softmax_cross_entropy_gradient(Y, Z):
    return (Z - Y) / len(Z)
'''),
    _wrong("losses.softmax_cross_entropy_gradient", "sign flipped: (Y - P) / N", '''
def softmax_cross_entropy_gradient(Y, Z):
    return (Y - activations.softmax(Z)) / len(Z)
'''),
    _wrong("losses.softmax_cross_entropy_gradient", "divides by N * C (Y.size) instead of N", '''
def softmax_cross_entropy_gradient(Y, Z):
    return (activations.softmax(Z) - Y) / Y.size
'''),
    _wrong("losses.softmax_cross_entropy_gradient", "own softmax without the max subtraction: nan for large logits", '''
def softmax_cross_entropy_gradient(Y, Z):
    e = np.exp(Z)
    P = e / e.sum(axis=1, keepdims=True)
    return (P - Y) / len(Z)
'''),
    _wrong("losses.softmax_cross_entropy_gradient", "softmax over axis 0 (the batch) instead of the classes", '''
def softmax_cross_entropy_gradient(Y, Z):
    e = np.exp(Z - Z.max(axis=0, keepdims=True))
    P = e / e.sum(axis=0, keepdims=True)
    return (P - Y) / len(Z)
'''),
    _wrong("losses.softmax_cross_entropy_gradient", "applies softmax twice", '''
def softmax_cross_entropy_gradient(Y, Z):
    P = activations.softmax(activations.softmax(Z))
    return (P - Y) / len(Z)
'''),
    _wrong("losses.softmax_cross_entropy_gradient", "divides by C (Y.shape[1]) instead of N", '''
def softmax_cross_entropy_gradient(Y, Z):
    return (activations.softmax(Z) - Y) / Y.shape[1]
'''),
    _wrong("losses.softmax_cross_entropy_gradient", "multiplies by the diagonal of the softmax Jacobian, P (1 - P)", '''
def softmax_cross_entropy_gradient(Y, Z):
    P = activations.softmax(Z)
    return (P - Y) * P * (1 - P) / len(Z)
'''),
    _wrong("losses.softmax_cross_entropy_gradient", "stops at the gradient with respect to P: -Y / P / N", '''
def softmax_cross_entropy_gradient(Y, Z):
    P = activations.softmax(Z)
    return -Y / P / len(Z)
'''),
    _wrong("losses.softmax_cross_entropy_gradient", "uses a sigmoid on each logit instead of the softmax", '''
def softmax_cross_entropy_gradient(Y, Z):
    e = np.exp(-np.abs(Z))
    P = np.where(Z >= 0, 1 / (1 + e), e / (1 + e))
    return (P - Y) / len(Z)
'''),
    _wrong("losses.softmax_cross_entropy_gradient", "subtracts the global max: rows far below it give 0/0 = nan", '''
def softmax_cross_entropy_gradient(Y, Z):
    e = np.exp(Z - Z.max())
    P = e / e.sum(axis=1, keepdims=True)
    return (P - Y) / len(Z)
'''),
    _wrong("losses.softmax_cross_entropy_gradient", "sums without keepdims in its own softmax: wrong broadcast", '''
def softmax_cross_entropy_gradient(Y, Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    P = e / e.sum(axis=1)
    return (P - Y) / len(Z)
'''),
    _wrong("losses.softmax_cross_entropy_gradient", "shifts Z in place (Z -= max): modifies the caller's logits", '''
def softmax_cross_entropy_gradient(Y, Z):
    Z -= Z.max(axis=1, keepdims=True)
    e = np.exp(Z)
    return (e / e.sum(axis=1, keepdims=True) - Y) / len(Z)
'''),
    _wrong("losses.softmax_cross_entropy_gradient", "averages over the batch: returns shape (C,) instead of (N, C)", '''
def softmax_cross_entropy_gradient(Y, Z):
    return (activations.softmax(Z) - Y).mean(axis=0)
'''),
    _right("losses.softmax_cross_entropy_gradient", "its own stable softmax", _SOFTMAX + '''
def softmax_cross_entropy_gradient(Y, Z):
    return (_softmax(Z) - Y) / Z.shape[0]
'''),
    _right("losses.softmax_cross_entropy_gradient", "exp of a log-softmax", '''
def softmax_cross_entropy_gradient(Y, Z):
    m = Z.max(axis=1, keepdims=True)
    log_P = Z - m - np.log(np.exp(Z - m).sum(axis=1, keepdims=True))
    return (np.exp(log_P) - Y) / len(Y)
'''),
    _right("losses.softmax_cross_entropy_gradient", "np.subtract and a float division by the batch size", '''
def softmax_cross_entropy_gradient(Y, Z):
    P = activations.softmax(Z)
    return np.subtract(P, Y) / float(Y.shape[0])
'''),
    _right("losses.softmax_cross_entropy_gradient", "multiplies by 1 / N", _SOFTMAX + '''
def softmax_cross_entropy_gradient(Y, Z):
    return (1.0 / len(Z)) * (_softmax(Z) - Y)
'''),
]
