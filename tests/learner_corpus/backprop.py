"""Learner corpus for chapter 04 (backprop): answers real learners write for its exercises.

numerical_gradient, value_mul, dense_backward, relu_backward, two_layer_gradients (functions),
chain_rule (a number) and order (a letter). Each entry of ANSWERS is the code a learner pastes into
the answer cell, whether it is right, and, for a wrong answer, the mistake in plain words (for a
right one, how it is written differently). Every answer is self-contained: where a learner would call
their own dense_backward or relu_backward, the cell writes the step out. Written independently of
the exercise checks, to measure how well they catch and name mistakes.
"""


def _wrong(exercise, mistake, code):
    return {"exercise": exercise, "code": code, "right": False, "mistake": mistake}


def _right(exercise, how, code):
    return {"exercise": exercise, "code": code, "right": True, "mistake": how}


def _mul(body):
    """A value_mul answer cell whose _backward has this body (indented by the caller)."""
    return '''
def value_mul(a, b):
    out = Value(a.data * b.data, (a, b), "*")

    def _backward():
''' + body + '''
    out._backward = _backward
    return out
'''


def _two_layer(forward_and_loss, backward):
    return '''
def two_layer_gradients(X, y, W1, b1, W2, b2):
''' + forward_and_loss + backward


_FWD = '''    N = len(X)
    Z1 = X @ W1 + b1
    A1 = np.maximum(Z1, 0)
    Z2 = A1 @ W2 + b2
    E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    P = E / E.sum(axis=1, keepdims=True)
    Y = np.zeros_like(P)
    Y[np.arange(N), y] = 1
'''

_BWD = '''    dZ2 = (P - Y) / N
    dW2 = A1.T @ dZ2
    db2 = dZ2.sum(axis=0)
    dA1 = dZ2 @ W2.T
    dZ1 = dA1 * (Z1 > 0)
    dW1 = X.T @ dZ1
    db1 = dZ1.sum(axis=0)
    return dW1, db1, dW2, db2
'''

ANSWERS = [
    # ---- backprop.chain_rule -------------------------------------------------------------------
    _wrong("backprop.chain_rule", "forgets the last factor dz1/dw1 = x", '''
z1 = 0.8 * 1.5 - 0.2
h = np.tanh(z1)
p = 1 / (1 + np.exp(-(-1.2 * h + 0.3)))
dL_dw1 = (p - 1) * (-1.2) * (1 - h ** 2)
'''),
    _wrong("backprop.chain_rule", "uses y - p instead of p - y: the sign is flipped", '''
z1 = 0.8 * 1.5 - 0.2
h = np.tanh(z1)
p = 1 / (1 + np.exp(-(-1.2 * h + 0.3)))
dL_dw1 = (1 - p) * (-1.2) * (1 - h ** 2) * 1.5
'''),
    _wrong("backprop.chain_rule", "uses tanh'(z) = 1 - tanh(z) (forgets the square)", '''
z1 = 0.8 * 1.5 - 0.2
h = np.tanh(z1)
p = 1 / (1 + np.exp(-(-1.2 * h + 0.3)))
dL_dw1 = (p - 1) * (-1.2) * (1 - h) * 1.5
'''),
    _wrong("backprop.chain_rule", "forgets the tanh derivative", '''
z1 = 0.8 * 1.5 - 0.2
h = np.tanh(z1)
p = 1 / (1 + np.exp(-(-1.2 * h + 0.3)))
dL_dw1 = (p - 1) * (-1.2) * 1.5
'''),
    _wrong("backprop.chain_rule", "uses dL/dp = -1/p without the sigmoid's derivative", '''
z1 = 0.8 * 1.5 - 0.2
h = np.tanh(z1)
p = 1 / (1 + np.exp(-(-1.2 * h + 0.3)))
dL_dw1 = (-1 / p) * (-1.2) * (1 - h ** 2) * 1.5
'''),
    _wrong("backprop.chain_rule", "multiplies by w1 instead of w2 for dz2/dh", '''
z1 = 0.8 * 1.5 - 0.2
h = np.tanh(z1)
p = 1 / (1 + np.exp(-(-1.2 * h + 0.3)))
dL_dw1 = (p - 1) * 0.8 * (1 - h ** 2) * 1.5
'''),
    _wrong("backprop.chain_rule", "forgets the bias b1 in z1 (z1 = 1.2)", '''
z1 = 0.8 * 1.5
h = np.tanh(z1)
p = 1 / (1 + np.exp(-(-1.2 * h + 0.3)))
dL_dw1 = (p - 1) * (-1.2) * (1 - h ** 2) * 1.5
'''),
    _wrong("backprop.chain_rule", "uses the sigmoid's derivative in place of tanh's", '''
z1 = 0.8 * 1.5 - 0.2
h = np.tanh(z1)
p = 1 / (1 + np.exp(-(-1.2 * h + 0.3)))
s = 1 / (1 + np.exp(-z1))
dL_dw1 = (p - 1) * (-1.2) * s * (1 - s) * 1.5
'''),
    _right("backprop.chain_rule", "with math, one named local derivative per link", '''
z1 = 0.8 * 1.5 - 0.2
h = math.tanh(z1)
z2 = -1.2 * h + 0.3
p = 1 / (1 + math.exp(-z2))
dL_dz2 = p - 1
dz2_dh = -1.2
dh_dz1 = 1 - h ** 2
dz1_dw1 = 1.5
dL_dw1 = dL_dz2 * dz2_dh * dh_dz1 * dz1_dw1
'''),
    _right("backprop.chain_rule", "dL/dp times the sigmoid's derivative instead of the fused p - y", '''
z1 = 0.8 * 1.5 - 0.2
h = np.tanh(z1)
p = 1 / (1 + np.exp(-(-1.2 * h + 0.3)))
dL_dw1 = (-1 / p) * p * (1 - p) * (-1.2) * (1 - h ** 2) * 1.5
'''),
    _right("backprop.chain_rule", "the number written out", '''
z1 = 1.0
h = 0.7615941559557649
p = 0.3511725
dL_dw1 = 0.4904877
'''),

    # ---- backprop.numerical_gradient -----------------------------------------------------------
    _wrong("backprop.numerical_gradient", "one-sided difference (f(x + h) - f(x)) / h: error of order h", '''
def numerical_gradient(f, x, h=1e-5):
    x = x.astype(np.float64)
    grad = np.zeros_like(x)
    fx = f(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        grad[i] = (f(x) - fx) / h
        x[i] = old
    return grad
'''),
    _wrong("backprop.numerical_gradient", "copies x without converting: an integer x rounds the nudge h away", '''
def numerical_gradient(f, x, h=1e-5):
    x = x.copy()
    grad = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad
'''),
    _wrong("backprop.numerical_gradient", "nudges the caller's x in place (+h, -2h, +h): modifies x and fails on integers", '''
def numerical_gradient(f, x, h=1e-5):
    grad = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        x[i] += h
        up = f(x)
        x[i] -= 2 * h
        down = f(x)
        x[i] += h
        grad[i] = (up - down) / (2 * h)
    return grad
'''),
    _wrong("backprop.numerical_gradient", "never restores x[i]: every later element is measured at a shifted point", '''
def numerical_gradient(f, x, h=1e-5):
    x = x.astype(np.float64)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        x[i] += h
        up = f(x)
        x[i] -= 2 * h
        down = f(x)
        grad[i] = (up - down) / (2 * h)
    return grad
'''),
    _wrong("backprop.numerical_gradient", "divides by h instead of 2h: twice the gradient", '''
def numerical_gradient(f, x, h=1e-5):
    x = x.astype(np.float64)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old
        grad[i] = (up - down) / h
    return grad
'''),
    _wrong("backprop.numerical_gradient", "nudges every element at once: a directional derivative, not the gradient", '''
def numerical_gradient(f, x, h=1e-5):
    x = x.astype(np.float64)
    return np.full(x.shape, (f(x + h) - f(x - h)) / (2 * h))
'''),
    _wrong("backprop.numerical_gradient", "loops over range(len(x)): on a matrix it nudges whole rows", '''
def numerical_gradient(f, x, h=1e-5):
    x = x.astype(np.float64)
    grad = np.zeros_like(x)
    for i in range(len(x)):
        old = x[i].copy()
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad
'''),
    _wrong("backprop.numerical_gradient", "returns a flat list of partial derivatives", '''
def numerical_gradient(f, x, h=1e-5):
    x = x.astype(np.float64)
    grad = []
    for i in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[i] = h
        grad.append((f(x + e) - f(x - e)) / (2 * h))
    return grad
'''),
    _wrong("backprop.numerical_gradient", "np.zeros_like(x) for the gradient: integer x gives an integer, truncated gradient", '''
def numerical_gradient(f, x, h=1e-5):
    grad = np.zeros_like(x)
    xf = x.astype(np.float64)
    for i in np.ndindex(x.shape):
        e = np.zeros_like(xf)
        e[i] = h
        grad[i] = (f(xf + e) - f(xf - e)) / (2 * h)
    return grad
'''),
    _wrong("backprop.numerical_gradient", "flat gradient np.zeros(x.size): a matrix x gets a 1-D gradient", '''
def numerical_gradient(f, x, h=1e-5):
    xf = x.astype(np.float64).ravel()
    grad = np.zeros(x.size)
    for k in range(x.size):
        e = np.zeros(x.size)
        e[k] = h
        grad[k] = (f((xf + e).reshape(x.shape)) - f((xf - e).reshape(x.shape))) / (2 * h)
    return grad
'''),
    _wrong("backprop.numerical_gradient", "relative nudge x (1 + h): no nudge at all where x = 0", '''
def numerical_gradient(f, x, h=1e-5):
    x = x.astype(np.float64)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        step = old * h
        x[i] = old + step
        up = f(x)
        x[i] = old - step
        down = f(x)
        x[i] = old
        grad[i] = (up - down) / (2 * step) if step != 0 else 0.0
    return grad
'''),
    _wrong("backprop.numerical_gradient", "keeps x's dtype: in float32 rounding swamps the difference, and the result is float32", '''
def numerical_gradient(f, x, h=1e-5):
    x = x.copy()
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad
'''),
    _wrong("backprop.numerical_gradient", "x_plus and x_minus are the same array (aliasing): both nudges cancel, the gradient is 0", '''
def numerical_gradient(f, x, h=1e-5):
    base = x.astype(np.float64)
    grad = np.zeros_like(base)
    for i in np.ndindex(x.shape):
        x_plus = base.copy()
        x_minus = x_plus
        x_plus[i] += h
        x_minus[i] -= h
        grad[i] = (f(x_plus) - f(x_minus)) / (2 * h)
    return grad
'''),
    _wrong("backprop.numerical_gradient", "operator precedence: / 2 * h multiplies by h instead of dividing", '''
def numerical_gradient(f, x, h=1e-5):
    x = x.astype(np.float64)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old
        grad[i] = (up - down) / 2 * h
    return grad
'''),
    _wrong("backprop.numerical_gradient", "sign flipped: (f(x - h) - f(x + h)) / 2h", '''
def numerical_gradient(f, x, h=1e-5):
    x = x.astype(np.float64)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[i] = h
        grad[i] = (f(x - e) - f(x + e)) / (2 * h)
    return grad
'''),
    _right("backprop.numerical_gradient", "a unit vector per element, no in-place nudging", '''
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=np.float64)
    grad = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        e = np.zeros(x.shape)
        e[i] = h
        grad[i] = (f(x + e) - f(x - e)) / (2 * h)
    return grad
'''),
    _right("backprop.numerical_gradient", "a flat float copy, an index k and reshape", '''
def numerical_gradient(f, x, h=1e-5):
    flat = x.astype(float).ravel()
    grad = np.empty(flat.size)
    for k in range(flat.size):
        old = flat[k]
        flat[k] = old + h
        up = f(flat.reshape(x.shape))
        flat[k] = old - h
        down = f(flat.reshape(x.shape))
        flat[k] = old
        grad[k] = (up - down) / (2 * h)
    return grad.reshape(x.shape)
'''),
    _right("backprop.numerical_gradient", "np.nditer with multi_index over a float copy", '''
def numerical_gradient(f, x, h=1e-5):
    xc = np.array(x, dtype=np.float64)
    grad = np.zeros_like(xc)
    it = np.nditer(xc, flags=["multi_index"])
    while not it.finished:
        i = it.multi_index
        old = xc[i]
        xc[i] = old + h
        up = f(xc)
        xc[i] = old - h
        down = f(xc)
        xc[i] = old
        grad[i] = (up - down) / (2 * h)
        it.iternext()
    return grad
'''),
    _right("backprop.numerical_gradient", "np.unravel_index over range(x.size), separate plus and minus copies", '''
def numerical_gradient(f, x, h=1e-5):
    x = x.astype(np.float64)
    grad = np.zeros(x.shape)
    for k in range(x.size):
        i = np.unravel_index(k, x.shape)
        xp, xm = x.copy(), x.copy()
        xp[i] += h
        xm[i] -= h
        grad[i] = (f(xp) - f(xm)) / (2 * h)
    return grad
'''),

    # ---- backprop.value_mul --------------------------------------------------------------------
    _wrong("backprop.value_mul", "assigns (=) instead of accumulating (+=): a * a and reused nodes lose a share", _mul('''        a.grad = b.data * out.grad
        b.grad = a.data * out.grad
''')),
    _wrong("backprop.value_mul", "swaps the factors: each input gets its own value, not the other's", _mul('''        a.grad += a.data * out.grad
        b.grad += b.data * out.grad
''')),
    _wrong("backprop.value_mul", "forgets out.grad: assumes the upstream gradient is 1", _mul('''        a.grad += b.data
        b.grad += a.data
''')),
    _wrong("backprop.value_mul", "multiplies by out.data (the product) instead of out.grad", _mul('''        a.grad += b.data * out.data
        b.grad += a.data * out.data
''')),
    _wrong("backprop.value_mul", "uses the other input's grad instead of its data", _mul('''        a.grad += b.grad * out.grad
        b.grad += a.grad * out.grad
''')),
    _wrong("backprop.value_mul", "only passes gradient to a, forgets b", _mul('''        a.grad += b.data * out.grad
''')),
    _wrong("backprop.value_mul", "adds to out.grad instead of to the inputs' grads", _mul('''        out.grad += a.data * b.data
''')),
    _wrong("backprop.value_mul", "adds the other input and out.grad instead of multiplying them", _mul('''        a.grad += b.data + out.grad
        b.grad += a.data + out.grad
''')),
    _wrong("backprop.value_mul", "calls the inputs' _backward itself: gradients are propagated twice", _mul('''        a.grad += b.data * out.grad
        b.grad += a.data * out.grad
        a._backward()
        b._backward()
''')),
    _wrong("backprop.value_mul", "leaves b out of the node's inputs: the engine never reaches b's own graph", '''
def value_mul(a, b):
    out = Value(a.data * b.data, (a,), "*")

    def _backward():
        a.grad += b.data * out.grad
        b.grad += a.data * out.grad

    out._backward = _backward
    return out
'''),
    _wrong("backprop.value_mul", "gets b as out.data / a.data: divides by zero when a = 0", _mul('''        a.grad += out.data / a.data * out.grad
        b.grad += out.data / b.data * out.grad
''')),
    _wrong("backprop.value_mul", "special-cases a * a to avoid 'double counting': a gets a, not 2a", _mul('''        a.grad += b.data * out.grad
        if a is not b:
            b.grad += a.data * out.grad
''')),
    _wrong("backprop.value_mul", "reads out.grad when the node is built (0), not when the rule runs", '''
def value_mul(a, b):
    out = Value(a.data * b.data, (a, b), "*")
    g = out.grad

    def _backward():
        a.grad += b.data * g
        b.grad += a.data * g

    out._backward = _backward
    return out
'''),
    _wrong("backprop.value_mul", "sets the grads to the local derivatives only (= and no out.grad)", _mul('''        a.grad = b.data
        b.grad = a.data
''')),
    _right("backprop.value_mul", "a.grad = a.grad + ... instead of +=", _mul('''        a.grad = a.grad + b.data * out.grad
        b.grad = b.grad + a.data * out.grad
''')),
    _right("backprop.value_mul", "keeps the input values from the forward pass in local variables", '''
def value_mul(a, b):
    a_val, b_val = a.data, b.data
    out = Value(a_val * b_val, (a, b), "*")

    def _backward():
        a.grad += b_val * out.grad
        b.grad += a_val * out.grad

    out._backward = _backward
    return out
'''),
    _right("backprop.value_mul", "a loop over (input, other input) pairs", _mul('''        for node, other in ((a, b), (b, a)):
            node.grad += other.data * out.grad
''')),
    _right("backprop.value_mul", "handles a * a explicitly with 2a", _mul('''        if a is b:
            a.grad += 2 * a.data * out.grad
        else:
            a.grad += b.data * out.grad
            b.grad += a.data * out.grad
''')),

    # ---- backprop.dense_backward ---------------------------------------------------------------
    _wrong("backprop.dense_backward", "dW = dZ^T X: the transpose, shape (D_out, D_in)", '''
def dense_backward(X, W, dZ):
    return dZ @ W.T, dZ.T @ X, dZ.sum(axis=0)
'''),
    _wrong("backprop.dense_backward", "dX = dZ W without the transpose", '''
def dense_backward(X, W, dZ):
    return dZ @ W, X.T @ dZ, dZ.sum(axis=0)
'''),
    _wrong("backprop.dense_backward", "db sums over axis 1 (the neurons) instead of the batch", '''
def dense_backward(X, W, dZ):
    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=1)
'''),
    _wrong("backprop.dense_backward", "db is the mean over the batch instead of the sum", '''
def dense_backward(X, W, dZ):
    return dZ @ W.T, X.T @ dZ, dZ.mean(axis=0)
'''),
    _wrong("backprop.dense_backward", "divides dW by N again: the 1/N is already inside dZ", '''
def dense_backward(X, W, dZ):
    N = X.shape[0]
    return dZ @ W.T, X.T @ dZ / N, dZ.sum(axis=0)
'''),
    _wrong("backprop.dense_backward", "returns the gradients in the order (dW, db, dX)", '''
def dense_backward(X, W, dZ):
    dX = dZ @ W.T
    dW = X.T @ dZ
    db = dZ.sum(axis=0)
    return dW, db, dX
'''),
    _wrong("backprop.dense_backward", "db = dZ.sum(): one number instead of one per neuron", '''
def dense_backward(X, W, dZ):
    return dZ @ W.T, X.T @ dZ, dZ.sum()
'''),
    _wrong("backprop.dense_backward", "db keeps the summed axis: shape (1, D_out)", '''
def dense_backward(X, W, dZ):
    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0, keepdims=True)
'''),
    _wrong("backprop.dense_backward", "dX = W dZ^T: the transpose, shape (D_in, N)", '''
def dense_backward(X, W, dZ):
    return W @ dZ.T, X.T @ dZ, dZ.sum(axis=0)
'''),
    _wrong("backprop.dense_backward", "sums X and dZ over the batch before the product: only right for a batch of one", '''
def dense_backward(X, W, dZ):
    dW = np.outer(X.sum(axis=0), dZ.sum(axis=0))
    return dZ @ W.T, dW, dZ.sum(axis=0)
'''),
    _wrong("backprop.dense_backward", "db = dZ[0]: takes the first example only", '''
def dense_backward(X, W, dZ):
    return dZ @ W.T, X.T @ dZ, dZ[0]
'''),
    _wrong("backprop.dense_backward", "returns only dW and db, no dX", '''
def dense_backward(X, W, dZ):
    return X.T @ dZ, dZ.sum(axis=0)
'''),
    _wrong("backprop.dense_backward", "converts dZ to float64: float32 gradients come back as float64", '''
def dense_backward(X, W, dZ):
    dZ = np.asarray(dZ, dtype=np.float64)
    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0)
'''),
    _wrong("backprop.dense_backward", "masks dX with X > 0, mixing in a ReLU that is not part of this layer", '''
def dense_backward(X, W, dZ):
    return (dZ @ W.T) * (X > 0), X.T @ dZ, dZ.sum(axis=0)
'''),
    _wrong("backprop.dense_backward", "dW = X^T dZ summed over the neurons with np.dot(X.T, dZ.sum(1)): a vector", '''
def dense_backward(X, W, dZ):
    return dZ @ W.T, np.dot(X.T, dZ.sum(axis=1)), dZ.sum(axis=0)
'''),
    _right("backprop.dense_backward", "np.dot and np.sum", '''
def dense_backward(X, W, dZ):
    dX = np.dot(dZ, W.T)
    dW = np.dot(X.T, dZ)
    db = np.sum(dZ, axis=0)
    return dX, dW, db
'''),
    _right("backprop.dense_backward", "einsum for each gradient", '''
def dense_backward(X, W, dZ):
    dX = np.einsum("nk,dk->nd", dZ, W)
    dW = np.einsum("nd,nk->dk", X, dZ)
    db = np.einsum("nk->k", dZ)
    return dX, dW, db
'''),
    _right("backprop.dense_backward", "dW as (dZ^T X)^T and db as a product with a ones vector of dZ's dtype", '''
def dense_backward(X, W, dZ):
    dX = dZ @ W.T
    dW = (dZ.T @ X).T
    db = np.ones(len(dZ), dtype=dZ.dtype) @ dZ
    return dX, dW, db
'''),
    _right("backprop.dense_backward", "dW as a sum of per-example outer products", '''
def dense_backward(X, W, dZ):
    dW = sum(np.outer(x, dz) for x, dz in zip(X, dZ))
    return dZ @ W.T, dW, dZ.sum(axis=0)
'''),

    # ---- backprop.relu_backward ----------------------------------------------------------------
    _wrong("backprop.relu_backward", "takes the mask from dA instead of Z", '''
def relu_backward(Z, dA):
    return dA * (dA > 0)
'''),
    _wrong("backprop.relu_backward", ">= instead of >: lets the gradient through at Z = 0", '''
def relu_backward(Z, dA):
    return dA * (Z >= 0)
'''),
    _wrong("backprop.relu_backward", "multiplies by relu(Z) instead of relu'(Z)", '''
def relu_backward(Z, dA):
    return dA * np.maximum(Z, 0)
'''),
    _wrong("backprop.relu_backward", "zeroes dA in place: modifies the caller's gradient", '''
def relu_backward(Z, dA):
    dA[Z <= 0] = 0
    return dA
'''),
    _wrong("backprop.relu_backward", "dZ = dA is an alias, not a copy: zeroing dZ modifies dA", '''
def relu_backward(Z, dA):
    dZ = dA
    dZ[Z <= 0] = 0
    return dZ
'''),
    _wrong("backprop.relu_backward", "clips the gradient at 0 instead of masking it with Z", '''
def relu_backward(Z, dA):
    return np.maximum(dA, 0)
'''),
    _wrong("backprop.relu_backward", "astype(float) mask: a float32 gradient comes back as float64", '''
def relu_backward(Z, dA):
    return dA * (Z > 0).astype(float)
'''),
    _wrong("backprop.relu_backward", "returns the mask only, forgets to multiply by dA", '''
def relu_backward(Z, dA):
    return (Z > 0).astype(dA.dtype)
'''),
    _wrong("backprop.relu_backward", "multiplies by sign(Z): flips the gradient where Z < 0 instead of stopping it", '''
def relu_backward(Z, dA):
    return dA * np.sign(Z)
'''),
    _wrong("backprop.relu_backward", "matrix product with the mask instead of an element-wise product", '''
def relu_backward(Z, dA):
    return dA @ (Z > 0).T
'''),
    _wrong("backprop.relu_backward", "transposes the mask: only works when Z is square", '''
def relu_backward(Z, dA):
    return dA * (Z > 0).T
'''),
    _wrong("backprop.relu_backward", "inverted mask: passes the gradient where Z < 0", '''
def relu_backward(Z, dA):
    return dA * (Z < 0)
'''),
    _wrong("backprop.relu_backward", "divides by N: the 1/N is already in dA", '''
def relu_backward(Z, dA):
    return dA * (Z > 0) / len(Z)
'''),
    _wrong("backprop.relu_backward", "leaky ReLU's derivative: lets 0.01 of the gradient through for Z < 0", '''
def relu_backward(Z, dA):
    return np.where(Z > 0, dA, 0.01 * dA)
'''),
    _right("backprop.relu_backward", "np.where(Z > 0, dA, 0)", '''
def relu_backward(Z, dA):
    return np.where(Z > 0, dA, 0)
'''),
    _right("backprop.relu_backward", "copies dA, then zeroes the copy where Z <= 0", '''
def relu_backward(Z, dA):
    dZ = dA.copy()
    dZ[Z <= 0] = 0
    return dZ
'''),
    _right("backprop.relu_backward", "the mask from the ReLU's output A = relu(Z)", '''
def relu_backward(Z, dA):
    A = np.maximum(Z, 0)
    return dA * (A > 0)
'''),
    _right("backprop.relu_backward", "np.greater for the mask", '''
def relu_backward(Z, dA):
    return dA * np.greater(Z, 0)
'''),

    # ---- backprop.two_layer_gradients ----------------------------------------------------------
    _wrong("backprop.two_layer_gradients", "forgets the 1/N of the mean loss", _two_layer(_FWD, _BWD.replace("(P - Y) / N", "P - Y"))),
    _wrong("backprop.two_layer_gradients", "ReLU mask Z1 >= 0: lets gradient through at exactly 0", _two_layer(_FWD, _BWD.replace("(Z1 > 0)", "(Z1 >= 0)"))),
    _wrong("backprop.two_layer_gradients", "softmax without the max subtraction: overflows for large logits",
           _two_layer(_FWD.replace("np.exp(Z2 - Z2.max(axis=1, keepdims=True))", "np.exp(Z2)"), _BWD)),
    _wrong("backprop.two_layer_gradients", "biases' gradients are means over the batch instead of sums",
           _two_layer(_FWD, _BWD.replace("dZ2.sum(axis=0)", "dZ2.mean(axis=0)").replace("dZ1.sum(axis=0)", "dZ1.mean(axis=0)"))),
    _wrong("backprop.two_layer_gradients", "takes the ReLU mask from dA1 instead of Z1", _two_layer(_FWD, _BWD.replace("(Z1 > 0)", "(dA1 > 0)"))),
    _wrong("backprop.two_layer_gradients", "forgets the ReLU in the backward pass", _two_layer(_FWD, _BWD.replace("dA1 * (Z1 > 0)", "dA1"))),
    _wrong("backprop.two_layer_gradients", "dW2 from Z1 (before the ReLU) instead of A1", _two_layer(_FWD, _BWD.replace("A1.T @ dZ2", "Z1.T @ dZ2"))),
    _wrong("backprop.two_layer_gradients", "builds the one-hot labels with y.max() + 1 classes: breaks when the batch lacks the last class",
           _two_layer(_FWD.replace("Y = np.zeros_like(P)\n    Y[np.arange(N), y] = 1\n", "Y = np.eye(y.max() + 1)[y]\n"), _BWD)),
    _wrong("backprop.two_layer_gradients", "subtracts 1 with P[:, y]: whole columns instead of one entry per row",
           _two_layer(_FWD, _BWD.replace("    dZ2 = (P - Y) / N\n", "    dZ2 = P.copy()\n    dZ2[:, y] -= 1\n    dZ2 = dZ2 / N\n"))),
    _wrong("backprop.two_layer_gradients", "returns the gradients in the order dW1, dW2, db1, db2",
           _two_layer(_FWD, _BWD.replace("return dW1, db1, dW2, db2", "return dW1, dW2, db1, db2"))),
    _wrong("backprop.two_layer_gradients", "sign flipped: dZ2 = (Y - P) / N", _two_layer(_FWD, _BWD.replace("(P - Y) / N", "(Y - P) / N"))),
    _wrong("backprop.two_layer_gradients", "softmax over axis 0 (the batch)",
           _two_layer(_FWD.replace("E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))\n    P = E / E.sum(axis=1, keepdims=True)",
                                   "E = np.exp(Z2 - Z2.max(axis=0, keepdims=True))\n    P = E / E.sum(axis=0, keepdims=True)"), _BWD)),
    _wrong("backprop.two_layer_gradients", "divides the weight gradients by N again",
           _two_layer(_FWD, _BWD.replace("dW2 = A1.T @ dZ2", "dW2 = A1.T @ dZ2 / N").replace("dW1 = X.T @ dZ1", "dW1 = X.T @ dZ1 / N"))),
    _wrong("backprop.two_layer_gradients", "dA1 = dZ2 W2 without the transpose", _two_layer(_FWD, _BWD.replace("dZ2 @ W2.T", "dZ2 @ W2"))),
    _wrong("backprop.two_layer_gradients", "uses the sigmoid's derivative for the hidden layer instead of ReLU's",
           _two_layer(_FWD, _BWD.replace("dA1 * (Z1 > 0)", "dA1 * A1 * (1 - A1)"))),
    _right("backprop.two_layer_gradients", "one-hot labels from np.eye(C)", _two_layer(
        _FWD.replace("Y = np.zeros_like(P)\n    Y[np.arange(N), y] = 1\n", "Y = np.eye(W2.shape[1])[y]\n"), _BWD)),
    _right("backprop.two_layer_gradients", "P from a log-softmax, 1 subtracted at the true class of a copy", '''
def two_layer_gradients(X, y, W1, b1, W2, b2):
    N = X.shape[0]
    Z1 = X @ W1 + b1
    A1 = np.maximum(Z1, 0)
    Z2 = A1 @ W2 + b2
    m = Z2.max(axis=1, keepdims=True)
    P = np.exp(Z2 - m - np.log(np.exp(Z2 - m).sum(axis=1, keepdims=True)))
    dZ2 = P.copy()
    dZ2[np.arange(N), y] -= 1
    dZ2 /= N
    dW2 = A1.T @ dZ2
    db2 = dZ2.sum(axis=0)
    dZ1 = np.where(Z1 > 0, dZ2 @ W2.T, 0.0)
    dW1 = X.T @ dZ1
    db1 = dZ1.sum(axis=0)
    return dW1, db1, dW2, db2
'''),
    _right("backprop.two_layer_gradients", "its own dense_backward and relu_backward helpers", '''
def _dense_backward(X, W, dZ):
    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0)

def _relu_backward(Z, dA):
    return dA * (Z > 0)

def two_layer_gradients(X, y, W1, b1, W2, b2):
    N = len(y)
    Z1 = X @ W1 + b1
    A1 = np.maximum(Z1, 0)
    Z2 = A1 @ W2 + b2
    E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    P = E / E.sum(axis=1, keepdims=True)
    Y = np.eye(Z2.shape[1])[y]
    dA1, dW2, db2 = _dense_backward(A1, W2, (P - Y) / N)
    _, dW1, db1 = _dense_backward(X, W1, _relu_backward(Z1, dA1))
    return dW1, db1, dW2, db2
'''),
    _right("backprop.two_layer_gradients", "einsum for the weight gradients, np.add.at for the one-hot subtraction", '''
def two_layer_gradients(X, y, W1, b1, W2, b2):
    N = len(X)
    Z1 = np.einsum("nd,dh->nh", X, W1) + b1
    A1 = Z1 * (Z1 > 0)
    Z2 = np.einsum("nh,hc->nc", A1, W2) + b2
    E = np.exp(Z2 - np.max(Z2, axis=1)[:, None])
    P = E / np.sum(E, axis=1)[:, None]
    G = P.copy()
    np.add.at(G, (np.arange(N), y), -1.0)
    dZ2 = G / N
    dW2 = np.einsum("nh,nc->hc", A1, dZ2)
    db2 = np.sum(dZ2, axis=0)
    dZ1 = np.einsum("nc,hc->nh", dZ2, W2) * (Z1 > 0)
    dW1 = np.einsum("nd,nh->dh", X, dZ1)
    db1 = np.sum(dZ1, axis=0)
    return dW1, db1, dW2, db2
'''),

    # ---- backprop.order ------------------------------------------------------------------------
    _wrong("backprop.order", "(a): the order does change the gradients", '''
order = "a"
'''),
    _wrong("backprop.order", "(c): the leaves come last, not first", '''
order = "c"
'''),
    _wrong("backprop.order", "(d): the sort is iterative; recursion is not the reason", '''
order = "d"
'''),
    _right("backprop.order", "the letter b", '''
order = "b"
'''),
    _right("backprop.order", "the letter b, in single quotes", '''
order = 'b'
'''),
]
