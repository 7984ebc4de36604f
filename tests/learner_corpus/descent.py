"""Learner corpus for chapter 05 (descent): answers real learners write for its exercises.

gd_step, minimize, minibatches, momentum_step, adam_step (functions) and max_lr (a number). Each
entry of ANSWERS is the code a learner pastes into the answer cell, whether it is right, and, for a
wrong answer, the mistake in plain words (for a right one, how it is written differently). Written
independently of the exercise checks, to measure how well they catch and name mistakes.
"""


def _wrong(exercise, mistake, code):
    return {"exercise": exercise, "code": code, "right": False, "mistake": mistake}


def _right(exercise, how, code):
    return {"exercise": exercise, "code": code, "right": True, "mistake": how}


ANSWERS = [
    # ---- descent.gd_step -----------------------------------------------------------------------
    _wrong("descent.gd_step", "updates params in place and returns the same dict", '''
def gd_step(params, grads, lr):
    for name in params:
        params[name] -= lr * grads[name]
    return params
'''),
    _wrong("descent.gd_step", "dict(params) is a shallow copy: -= still changes the caller's arrays", '''
def gd_step(params, grads, lr):
    new = dict(params)
    for name in new:
        new[name] -= lr * grads[name]
    return new
'''),
    _wrong("descent.gd_step", "params.copy() is a shallow copy: np.subtract(..., out=) changes the caller's arrays", '''
def gd_step(params, grads, lr):
    new = params.copy()
    for name, p in new.items():
        np.subtract(p, lr * grads[name], out=p)
    return new
'''),
    _wrong("descent.gd_step", "steps uphill: adds the gradient", '''
def gd_step(params, grads, lr):
    return {name: p + lr * grads[name] for name, p in params.items()}
'''),
    _wrong("descent.gd_step", "forgets the learning rate", '''
def gd_step(params, grads, lr):
    return {name: p - grads[name] for name, p in params.items()}
'''),
    _wrong("descent.gd_step", "divides the gradient by the learning rate", '''
def gd_step(params, grads, lr):
    return {name: p - grads[name] / lr for name, p in params.items()}
'''),
    _wrong("descent.gd_step", "returns a list of arrays instead of a dict", '''
def gd_step(params, grads, lr):
    return [params[name] - lr * grads[name] for name in params]
'''),
    _wrong("descent.gd_step", "pairs params and grads by position with zip(values): wrong when the dicts list their keys in another order", '''
def gd_step(params, grads, lr):
    return {name: p - lr * g for (name, p), g in zip(params.items(), grads.values())}
'''),
    _wrong("descent.gd_step", "only updates the weight matrices, skips the biases", '''
def gd_step(params, grads, lr):
    return {name: (p - lr * grads[name] if p.ndim > 1 else p) for name, p in params.items()}
'''),
    _wrong("descent.gd_step", "converts to float64: float32 parameters come back as float64", '''
def gd_step(params, grads, lr):
    return {name: np.asarray(p, dtype=np.float64) - lr * grads[name] for name, p in params.items()}
'''),
    _wrong("descent.gd_step", "swaps the roles of params and grads", '''
def gd_step(params, grads, lr):
    return {name: grads[name] - lr * params[name] for name in params}
'''),
    _wrong("descent.gd_step", "adds weight decay nobody asked for", '''
def gd_step(params, grads, lr):
    return {name: p - lr * (grads[name] + 1e-4 * p) for name, p in params.items()}
'''),
    _wrong("descent.gd_step", "returns inside the loop: only the first parameter is in the result", '''
def gd_step(params, grads, lr):
    new = {}
    for name, p in params.items():
        new[name] = p - lr * grads[name]
        return new
'''),
    _wrong("descent.gd_step", "steps along the sign of the gradient instead of the gradient", '''
def gd_step(params, grads, lr):
    return {name: p - lr * np.sign(grads[name]) for name, p in params.items()}
'''),
    _right("descent.gd_step", "a loop building a new dict", '''
def gd_step(params, grads, lr):
    new_params = {}
    for name in params:
        new_params[name] = params[name] - lr * grads[name]
    return new_params
'''),
    _wrong("descent.gd_step", "deep-copies params, then updates the copies in place: integer parameters cannot take the float update (the statement asks for floats)", '''
import copy

def gd_step(params, grads, lr):
    new = copy.deepcopy(params)
    for name in new:
        new[name] -= lr * grads[name]
    return new
'''),
    _wrong("descent.gd_step", "copies each array, then np.subtract into the copy: integer parameters cannot take the float update (the statement asks for floats)", '''
def gd_step(params, grads, lr):
    new = {name: p.copy() for name, p in params.items()}
    for name, p in new.items():
        np.subtract(p, lr * grads[name], out=p)
    return new
'''),
    _right("descent.gd_step", "dict(zip(...)) over the keys", '''
def gd_step(params, grads, lr):
    keys = list(params)
    return dict(zip(keys, [params[k] - lr * grads[k] for k in keys]))
'''),

    # ---- descent.minimize ----------------------------------------------------------------------
    _wrong("descent.minimize", "x -= ... updates the stored array in place: every row of the path is the last point", '''
def minimize(grad, x0, lr, steps):
    x = np.array(x0, dtype=float)
    path = [x]
    for _ in range(steps):
        x -= lr * grad(x)
        path.append(x)
    return np.array(path)
'''),
    _wrong("descent.minimize", "leaves x0 out of the path: steps rows instead of steps + 1", '''
def minimize(grad, x0, lr, steps):
    x = np.array(x0, dtype=float)
    path = []
    for _ in range(steps):
        x = x - lr * grad(x)
        path.append(x)
    return np.array(path)
'''),
    _wrong("descent.minimize", "the loop stops one step early", '''
def minimize(grad, x0, lr, steps):
    x = np.array(x0, dtype=float)
    path = [x]
    for _ in range(steps - 1):
        x = x - lr * grad(x)
        path.append(x)
    return np.array(path)
'''),
    _wrong("descent.minimize", "returns a list of points instead of an array", '''
def minimize(grad, x0, lr, steps):
    x = np.array(x0, dtype=float)
    path = [x]
    for _ in range(steps):
        x = x - lr * grad(x)
        path.append(x)
    return path
'''),
    _wrong("descent.minimize", "steps uphill: adds the gradient", '''
def minimize(grad, x0, lr, steps):
    x = np.array(x0, dtype=float)
    path = [x]
    for _ in range(steps):
        x = x + lr * grad(x)
        path.append(x)
    return np.array(path)
'''),
    _wrong("descent.minimize", "x = x0 and x -= ...: steps the caller's x0 in place", '''
def minimize(grad, x0, lr, steps):
    x = x0
    path = [x.copy()]
    for _ in range(steps):
        x -= lr * grad(x)
        path.append(x.copy())
    return np.array(path)
'''),
    _wrong("descent.minimize", "preallocates the path with x0's dtype: an integer x0 truncates every point", '''
def minimize(grad, x0, lr, steps):
    path = np.zeros((steps + 1, len(x0)), dtype=np.asarray(x0).dtype)
    path[0] = x0
    for t in range(steps):
        path[t + 1] = path[t] - lr * grad(path[t])
    return path
'''),
    _wrong("descent.minimize", "records each point before stepping: x0 twice, the last point missing", '''
def minimize(grad, x0, lr, steps):
    x = np.array(x0, dtype=float)
    path = [x]
    for _ in range(steps):
        path.append(x)
        x = x - lr * grad(x)
    return np.array(path)
'''),
    _wrong("descent.minimize", "evaluates the gradient at x0 every step", '''
def minimize(grad, x0, lr, steps):
    x = np.array(x0, dtype=float)
    path = [x]
    for _ in range(steps):
        x = x - lr * grad(x0)
        path.append(x)
    return np.array(path)
'''),
    _wrong("descent.minimize", "one step too many: steps + 2 rows", '''
def minimize(grad, x0, lr, steps):
    x = np.array(x0, dtype=float)
    path = [x]
    for _ in range(steps + 1):
        x = x - lr * grad(x)
        path.append(x)
    return np.array(path)
'''),
    _wrong("descent.minimize", "returns only the final point", '''
def minimize(grad, x0, lr, steps):
    x = np.array(x0, dtype=float)
    for _ in range(steps):
        x = x - lr * grad(x)
    return x
'''),
    _wrong("descent.minimize", "returns the path transposed, shape (D, steps + 1)", '''
def minimize(grad, x0, lr, steps):
    x = np.array(x0, dtype=float)
    path = [x]
    for _ in range(steps):
        x = x - lr * grad(x)
        path.append(x)
    return np.array(path).T
'''),
    _wrong("descent.minimize", "np.asarray(x0) does not copy: x -= steps the caller's x0 in place", '''
def minimize(grad, x0, lr, steps):
    x = np.asarray(x0)
    path = [x.copy()]
    for _ in range(steps):
        x -= lr * grad(x)
        path.append(x.copy())
    return np.array(path)
'''),
    _wrong("descent.minimize", "multiplies the learning rate into x instead of into the gradient", '''
def minimize(grad, x0, lr, steps):
    x = np.array(x0, dtype=float)
    path = [x]
    for _ in range(steps):
        x = lr * x - grad(x)
        path.append(x)
    return np.array(path)
'''),
    _right("descent.minimize", "preallocates a float array and fills row by row", '''
def minimize(grad, x0, lr, steps):
    path = np.empty((steps + 1, len(x0)))
    path[0] = x0
    for t in range(steps):
        path[t + 1] = path[t] - lr * grad(path[t])
    return path
'''),
    _right("descent.minimize", "in-place steps on a float copy, storing a copy of each point", '''
def minimize(grad, x0, lr, steps):
    x = np.array(x0, dtype=np.float64)
    path = [x.copy()]
    for _ in range(steps):
        x -= lr * grad(x)
        path.append(x.copy())
    return np.stack(path)
'''),
    _right("descent.minimize", "np.copy(x0).astype(float), np.vstack at the end", '''
def minimize(grad, x0, lr, steps):
    x = np.copy(x0).astype(float)
    points = [x]
    for _ in range(steps):
        x = x - lr * grad(x)
        points.append(x)
    return np.vstack(points)
'''),
    _right("descent.minimize", "a while loop counting the steps", '''
def minimize(grad, x0, lr, steps):
    x = x0.astype(float)
    path = [x]
    t = 0
    while t < steps:
        x = x - lr * grad(x)
        path.append(x)
        t += 1
    return np.array(path)
'''),

    # ---- descent.max_lr ------------------------------------------------------------------------
    _wrong("descent.max_lr", "takes the coefficient 3 as the curvature: 2/3", '''
lr_max = 2 / 3
'''),
    _wrong("descent.max_lr", "uses the flattest direction: 2/1", '''
lr_max = 2.0
'''),
    _wrong("descent.max_lr", "gives 1/curvature (one-step convergence) instead of 2/curvature", '''
lr_max = 1 / 6
'''),
    _wrong("descent.max_lr", "takes the coefficient 0.5 as the curvature: 2/0.5", '''
lr_max = 4.0
'''),
    _wrong("descent.max_lr", "adds the curvatures: 2 / (6 + 1)", '''
lr_max = 2 / 7
'''),
    _wrong("descent.max_lr", "rounds 1/3 to 0.3", '''
lr_max = 0.3
'''),
    _right("descent.max_lr", "2 / lambda_max with the curvatures computed", '''
curvatures = [2 * 3, 2 * 0.5]
lr_max = 2 / max(curvatures)
'''),
    _right("descent.max_lr", "1/3", '''
lr_max = 1 / 3
'''),
    _right("descent.max_lr", "from the Hessian's eigenvalues", '''
H = np.array([[6.0, 0.0], [0.0, 1.0]])
lr_max = 2 / np.linalg.eigvalsh(H).max()
'''),

    # ---- descent.minibatches -------------------------------------------------------------------
    _wrong("descent.minibatches", "shuffles X and y separately: every example gets another example's label", '''
def minibatches(X, y, batch_size, rng):
    X, y = X.copy(), y.copy()
    rng.shuffle(X)
    rng.shuffle(y)
    return [(X[i:i + batch_size], y[i:i + batch_size]) for i in range(0, len(X), batch_size)]
'''),
    _wrong("descent.minibatches", "does not shuffle at all", '''
def minibatches(X, y, batch_size, rng):
    return [(X[i:i + batch_size], y[i:i + batch_size]) for i in range(0, len(X), batch_size)]
'''),
    _wrong("descent.minibatches", "ignores rng and shuffles with np.random: not reproducible", '''
def minibatches(X, y, batch_size, rng):
    order = np.random.permutation(len(X))
    return [(X[order[i:i + batch_size]], y[order[i:i + batch_size]]) for i in range(0, len(X), batch_size)]
'''),
    _wrong("descent.minibatches", "drops the last, smaller batch", '''
def minibatches(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    return [(X[order[i:i + batch_size]], y[order[i:i + batch_size]])
            for i in range(0, len(X) - batch_size + 1, batch_size)]
'''),
    _wrong("descent.minibatches", "rng.shuffle(X) shuffles the caller's X in place (and y separately)", '''
def minibatches(X, y, batch_size, rng):
    rng.shuffle(X)
    rng.shuffle(y)
    return [(X[i:i + batch_size], y[i:i + batch_size]) for i in range(0, len(X), batch_size)]
'''),
    _wrong("descent.minibatches", "permutes X but slices y in its original order", '''
def minibatches(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    Xs = X[order]
    return [(Xs[i:i + batch_size], y[i:i + batch_size]) for i in range(0, len(X), batch_size)]
'''),
    _wrong("descent.minibatches", "N // batch_size + 1 batches: an empty last batch when batch_size divides N", '''
def minibatches(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    out = []
    for k in range(len(X) // batch_size + 1):
        idx = order[k * batch_size:(k + 1) * batch_size]
        out.append((X[idx], y[idx]))
    return out
'''),
    _wrong("descent.minibatches", "samples each batch with replacement: some examples twice, some never", '''
def minibatches(X, y, batch_size, rng):
    out = []
    for i in range(0, len(X), batch_size):
        idx = rng.integers(0, len(X), size=min(batch_size, len(X) - i))
        out.append((X[idx], y[idx]))
    return out
'''),
    _wrong("descent.minibatches", "returns a generator, not a list", '''
def minibatches(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    return ((X[order[i:i + batch_size]], y[order[i:i + batch_size]]) for i in range(0, len(X), batch_size))
'''),
    _wrong("descent.minibatches", "np.array_split into N // batch_size parts: batches of uneven size, not batch_size", '''
def minibatches(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    parts = np.array_split(order, max(1, len(X) // batch_size))
    return [(X[p], y[p]) for p in parts]
'''),
    _wrong("descent.minibatches", "rng.permutation(X) and rng.permutation(y): two different permutations", '''
def minibatches(X, y, batch_size, rng):
    Xs = rng.permutation(X)
    ys = rng.permutation(y)
    return [(Xs[i:i + batch_size], ys[i:i + batch_size]) for i in range(0, len(X), batch_size)]
'''),
    _wrong("descent.minibatches", "off by one in the slice: each batch loses its last example", '''
def minibatches(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    return [(X[order[i:i + batch_size - 1]], y[order[i:i + batch_size - 1]]) for i in range(0, len(X), batch_size)]
'''),
    _wrong("descent.minibatches", "makes a fresh generator with a fixed seed: the same order every epoch", '''
def minibatches(X, y, batch_size, rng):
    order = np.random.default_rng(0).permutation(len(X))
    return [(X[order[i:i + batch_size]], y[order[i:i + batch_size]]) for i in range(0, len(X), batch_size)]
'''),
    _wrong("descent.minibatches", "draws the order with rng.integers: repeated and missing examples", '''
def minibatches(X, y, batch_size, rng):
    order = rng.integers(0, len(X), size=len(X))
    return [(X[order[i:i + batch_size]], y[order[i:i + batch_size]]) for i in range(0, len(X), batch_size)]
'''),
    _right("descent.minibatches", "shuffles an index array with rng.shuffle", '''
def minibatches(X, y, batch_size, rng):
    idx = np.arange(len(X))
    rng.shuffle(idx)
    return [(X[idx[s:s + batch_size]], y[idx[s:s + batch_size]]) for s in range(0, len(idx), batch_size)]
'''),
    _right("descent.minibatches", "permutes X and y with one permutation, then slices", '''
def minibatches(X, y, batch_size, rng):
    perm = rng.permutation(X.shape[0])
    Xs, ys = X[perm], y[perm]
    batches = []
    for start in range(0, len(Xs), batch_size):
        batches.append((Xs[start:start + batch_size], ys[start:start + batch_size]))
    return batches
'''),
    _right("descent.minibatches", "np.split of the permutation at multiples of batch_size", '''
def minibatches(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    pieces = np.split(order, np.arange(batch_size, len(X), batch_size))
    return [(X[p], y[p]) for p in pieces]
'''),
    _right("descent.minibatches", "a while loop over start positions", '''
def minibatches(X, y, batch_size, rng):
    order = rng.permutation(len(y))
    out, start = [], 0
    while start < len(order):
        rows = order[start:start + batch_size]
        out.append((X[rows], y[rows]))
        start += batch_size
    return out
'''),

    # ---- descent.momentum_step -----------------------------------------------------------------
    _wrong("descent.momentum_step", "puts lr inside v (v = mu v + lr g): a different v than PyTorch's", '''
def momentum_step(w, g, v, lr, mu):
    v = mu * v + lr * g
    return w - v, v
'''),
    _wrong("descent.momentum_step", "an exponential average v = mu v + (1 - mu) g instead of PyTorch's v = mu v + g", '''
def momentum_step(w, g, v, lr, mu):
    v = mu * v + (1 - mu) * g
    return w - lr * v, v
'''),
    _wrong("descent.momentum_step", "steps with the gradient, not with v", '''
def momentum_step(w, g, v, lr, mu):
    v = mu * v + g
    return w - lr * g, v
'''),
    _wrong("descent.momentum_step", "steps with the old v before updating it", '''
def momentum_step(w, g, v, lr, mu):
    w_new = w - lr * v
    v_new = mu * v + g
    return w_new, v_new
'''),
    _wrong("descent.momentum_step", "updates v and w in place: modifies the caller's arrays", '''
def momentum_step(w, g, v, lr, mu):
    v *= mu
    v += g
    w -= lr * v
    return w, v
'''),
    _wrong("descent.momentum_step", "steps uphill: w + lr v", '''
def momentum_step(w, g, v, lr, mu):
    v = mu * v + g
    return w + lr * v, v
'''),
    _wrong("descent.momentum_step", "returns (v, w) instead of (w, v)", '''
def momentum_step(w, g, v, lr, mu):
    v = mu * v + g
    return v, w - lr * v
'''),
    _wrong("descent.momentum_step", "Nesterov's step g + mu v instead of plain momentum", '''
def momentum_step(w, g, v, lr, mu):
    v = mu * v + g
    return w - lr * (g + mu * v), v
'''),
    _wrong("descent.momentum_step", "v = mu (v + g): damps the new gradient too", '''
def momentum_step(w, g, v, lr, mu):
    v = mu * (v + g)
    return w - lr * v, v
'''),
    _wrong("descent.momentum_step", "Sutskever's form v = mu v - lr g, w + v: a different v", '''
def momentum_step(w, g, v, lr, mu):
    v = mu * v - lr * g
    return w + v, v
'''),
    _wrong("descent.momentum_step", "forgets mu: v = v + g", '''
def momentum_step(w, g, v, lr, mu):
    v = v + g
    return w - lr * v, v
'''),
    _wrong("descent.momentum_step", "returns only the new w", '''
def momentum_step(w, g, v, lr, mu):
    v = mu * v + g
    return w - lr * v
'''),
    _wrong("descent.momentum_step", "w -= lr * v: modifies the caller's w in place", '''
def momentum_step(w, g, v, lr, mu):
    v = mu * v + g
    w -= lr * v
    return w, v
'''),
    _wrong("descent.momentum_step", "multiplies the step by mu as well: w - lr mu v", '''
def momentum_step(w, g, v, lr, mu):
    v = mu * v + g
    return w - lr * mu * v, v
'''),
    _right("descent.momentum_step", "g + mu v, in new variables", '''
def momentum_step(w, g, v, lr, mu):
    v_new = g + mu * v
    w_new = w - lr * v_new
    return w_new, v_new
'''),
    _right("descent.momentum_step", "copies, then in-place updates on the copies", '''
def momentum_step(w, g, v, lr, mu):
    v = v.copy()
    v *= mu
    v += g
    w = w.copy()
    w -= lr * v
    return w, v
'''),
    _right("descent.momentum_step", "np.add and np.subtract", '''
def momentum_step(w, g, v, lr, mu):
    v = np.add(mu * v, g)
    return np.subtract(w, lr * v), v
'''),
    _right("descent.momentum_step", "returns a tuple built on one line", '''
def momentum_step(w, g, v, lr, mu):
    return w - lr * (mu * v + g), mu * v + g
'''),

    # ---- descent.adam_step ---------------------------------------------------------------------
    _wrong("descent.adam_step", "no bias correction", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    return w - lr * m / (np.sqrt(v) + eps), m, v
'''),
    _wrong("descent.adam_step", "bias correction with t - 1: divides by zero at the first step", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** (t - 1))
    v_hat = v / (1 - beta2 ** (t - 1))
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
'''),
    _wrong("descent.adam_step", "forgets to square the gradient in v", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
'''),
    _wrong("descent.adam_step", "puts eps inside the square root", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return w - lr * m_hat / np.sqrt(v_hat + eps), m, v
'''),
    _wrong("descent.adam_step", "returns the bias-corrected m_hat, v_hat as the new state", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m_hat, v_hat
'''),
    _wrong("descent.adam_step", "uses beta1 for both averages", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta1 * v + (1 - beta1) * g * g
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta1 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
'''),
    _wrong("descent.adam_step", "forgets the square root of v_hat", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return w - lr * m_hat / (v_hat + eps), m, v
'''),
    _wrong("descent.adam_step", "bias correction 1 - beta * t instead of 1 - beta^t", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1 * t)
    v_hat = v / (1 - beta2 * t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
'''),
    _wrong("descent.adam_step", "updates m, v and w in place: modifies the caller's arrays", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m *= beta1
    m += (1 - beta1) * g
    v *= beta2
    v += (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    w -= lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v
'''),
    _wrong("descent.adam_step", "steps uphill: w + ...", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return w + lr * m_hat / (np.sqrt(v_hat) + eps), m, v
'''),
    _wrong("descent.adam_step", "multiplies by the correction instead of dividing", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m * (1 - beta1 ** t)
    v_hat = v * (1 - beta2 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
'''),
    _wrong("descent.adam_step", "bias-corrects m only", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** t)
    return w - lr * m_hat / (np.sqrt(v) + eps), m, v
'''),
    _wrong("descent.adam_step", "returns (w, v, m): the state in the wrong order", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), v, m
'''),
    _wrong("descent.adam_step", "counts steps from 0: corrects with beta^(t + 1)", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** (t + 1))
    v_hat = v / (1 - beta2 ** (t + 1))
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
'''),
    _wrong("descent.adam_step", "writes g * 2 for the square of g", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * 2
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    with np.errstate(invalid="ignore"):
        return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
'''),
    _right("descent.adam_step", "PyTorch's arrangement: step size lr / (1 - beta1^t), denominator sqrt(v) / sqrt(1 - beta2^t) + eps", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g ** 2
    bias1 = 1 - beta1 ** t
    bias2 = 1 - beta2 ** t
    denom = np.sqrt(v) / math.sqrt(bias2) + eps
    return w - (lr / bias1) * m / denom, m, v
'''),
    _right("descent.adam_step", "np.square, and copies updated in place", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = m.copy()
    v = v.copy()
    m *= beta1
    m += (1 - beta1) * g
    v *= beta2
    v += (1 - beta2) * np.square(g)
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
'''),
    _right("descent.adam_step", "new names for every quantity", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m_new = beta1 * m + (1 - beta1) * g
    v_new = beta2 * v + (1 - beta2) * (g * g)
    m_hat = m_new / (1 - beta1 ** t)
    v_hat = v_new / (1 - beta2 ** t)
    w_new = w - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w_new, m_new, v_new
'''),
    _right("descent.adam_step", "math.pow for the corrections, one expression for the step", '''
def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    step = lr * (m / (1 - math.pow(beta1, t))) / (np.sqrt(v / (1 - math.pow(beta2, t))) + eps)
    return w - step, m, v
'''),
]
