"""Learner corpus for chapter 01 (forward): answers real learners write for its exercises.

neuron, dense_forward, parameter_count, forward (functions), by_hand (a number) and output_layer
(a letter). Each entry of ANSWERS is the code a learner pastes into the answer cell, whether it is
right, and, for a wrong answer, the mistake in plain words (for a right one, how it is written
differently). Written independently of the exercise checks, to measure how well they catch and name
mistakes.
"""


def _wrong(exercise, mistake, code):
    return {"exercise": exercise, "code": code, "right": False, "mistake": mistake}


def _right(exercise, how, code):
    return {"exercise": exercise, "code": code, "right": True, "mistake": how}


ANSWERS = [
    # ---- forward.neuron ------------------------------------------------------------------------
    _wrong("forward.neuron", "forgets the bias", '''
def neuron(x, w, b):
    return activations.sigmoid(x @ w)
'''),
    _wrong("forward.neuron", "subtracts the bias instead of adding it", '''
def neuron(x, w, b):
    return activations.sigmoid(x @ w - b)
'''),
    _wrong("forward.neuron", "forgets the activation: returns the pre-activation z", '''
def neuron(x, w, b):
    return x @ w + b
'''),
    _wrong("forward.neuron", "multiplies element-wise without summing: returns an array of D values", '''
def neuron(x, w, b):
    return activations.sigmoid(x * w + b)
'''),
    _wrong("forward.neuron", "uses ReLU instead of the sigmoid", '''
def neuron(x, w, b):
    return np.maximum(x @ w + b, 0)
'''),
    _wrong("forward.neuron", "sign slip in the sigmoid: 1 / (1 + e^z)", '''
def neuron(x, w, b):
    z = x @ w + b
    return 1 / (1 + np.exp(z))
'''),
    _wrong("forward.neuron", "uses tanh instead of the sigmoid", '''
def neuron(x, w, b):
    return np.tanh(np.dot(x, w) + b)
'''),
    _wrong("forward.neuron", "adds the bias after the activation", '''
def neuron(x, w, b):
    return activations.sigmoid(x @ w) + b
'''),
    _wrong("forward.neuron", "adds the bias to every product before summing: counts it D times", '''
def neuron(x, w, b):
    return activations.sigmoid(np.sum(x * w + b))
'''),
    _wrong("forward.neuron", "averages the products instead of summing them", '''
def neuron(x, w, b):
    return activations.sigmoid(np.mean(x * w) + b)
'''),
    _wrong("forward.neuron", "naive sigmoid with math.exp: OverflowError for a very negative z", '''
def neuron(x, w, b):
    z = float(np.dot(x, w) + b)
    return 1 / (1 + math.exp(-z))
'''),
    _wrong("forward.neuron", "thresholds the output: returns a class (True/False), not the probability", '''
def neuron(x, w, b):
    return activations.sigmoid(x @ w + b) > 0.5
'''),
    _wrong("forward.neuron", "adds the bias to the inputs before the weighted sum", '''
def neuron(x, w, b):
    return activations.sigmoid((x + b) @ w)
'''),
    _wrong("forward.neuron", "multiplies by the bias instead of adding it", '''
def neuron(x, w, b):
    return activations.sigmoid(np.dot(x, w) * b)
'''),
    _right("forward.neuron", "uses np.dot", '''
def neuron(x, w, b):
    return activations.sigmoid(np.dot(x, w) + b)
'''),
    _right("forward.neuron", "writes the weighted sum as an explicit loop", '''
def neuron(x, w, b):
    z = b
    for xi, wi in zip(x, w):
        z = z + xi * wi
    return activations.sigmoid(z)
'''),
    _right("forward.neuron", "own stable sigmoid with a branch on the sign of z", '''
def neuron(x, w, b):
    z = float(np.sum(x * w) + b)
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    e = math.exp(z)
    return e / (1 + e)
'''),
    _right("forward.neuron", "w @ x, and converts the result to a Python float", '''
def neuron(x, w, b):
    return float(activations.sigmoid(w @ x + b))
'''),
    _right("forward.neuron", "stable sigmoid via np.exp(-np.logaddexp(0, -z))", '''
def neuron(x, w, b):
    z = x @ w + b
    return np.exp(-np.logaddexp(0, -z))
'''),

    # ---- forward.dense_forward -----------------------------------------------------------------
    _wrong("forward.dense_forward", "forgets the bias", '''
def dense_forward(X, W, b):
    return X @ W
'''),
    _wrong("forward.dense_forward", "transposes W: only works when W is square", '''
def dense_forward(X, W, b):
    return X @ W.T + b
'''),
    _wrong("forward.dense_forward", "subtracts the bias", '''
def dense_forward(X, W, b):
    return X @ W - b
'''),
    _wrong("forward.dense_forward", "reshapes b into a column (D_out, 1): it broadcasts down the wrong axis", '''
def dense_forward(X, W, b):
    return X @ W + b.reshape(-1, 1)
'''),
    _wrong("forward.dense_forward", "applies a ReLU: the layer should return Z only", '''
def dense_forward(X, W, b):
    return np.maximum(X @ W + b, 0)
'''),
    _wrong("forward.dense_forward", "applies a sigmoid: the layer should return Z only", '''
def dense_forward(X, W, b):
    return activations.sigmoid(X @ W + b)
'''),
    _wrong("forward.dense_forward", "adds the sum of the biases to every neuron", '''
def dense_forward(X, W, b):
    return X @ W + b.sum()
'''),
    _wrong("forward.dense_forward", "adds the bias to the weights: X @ (W + b)", '''
def dense_forward(X, W, b):
    return X @ (W + b)
'''),
    _wrong("forward.dense_forward", "adds only the first neuron's bias to every neuron", '''
def dense_forward(X, W, b):
    return np.dot(X, W) + b[0]
'''),
    _wrong("forward.dense_forward", "converts X to float64: float32 layers come out as float64", '''
def dense_forward(X, W, b):
    X = np.array(X, dtype=float)
    return X @ W + b
'''),
    _wrong("forward.dense_forward", "returns a list of rows instead of an (N, D_out) array", '''
def dense_forward(X, W, b):
    return [x @ W + b for x in X]
'''),
    _wrong("forward.dense_forward", "einsum with W's indices swapped (W transposed)", '''
def dense_forward(X, W, b):
    return np.einsum("ij,kj->ik", X, W) + b
'''),
    _wrong("forward.dense_forward", "adds the mean bias to every neuron", '''
def dense_forward(X, W, b):
    return X @ W + np.mean(b)
'''),
    _wrong("forward.dense_forward", "preallocates Z with X's dtype: integer inputs truncate the result", '''
def dense_forward(X, W, b):
    Z = np.zeros((X.shape[0], W.shape[1]), dtype=X.dtype)
    for n in range(X.shape[0]):
        Z[n] = X[n] @ W + b
    return Z
'''),
    _wrong("forward.dense_forward", "element-wise product of X and W instead of a matrix product", '''
def dense_forward(X, W, b):
    return (X * W.T).sum(axis=1, keepdims=True) + b
'''),
    _right("forward.dense_forward", "uses np.dot", '''
def dense_forward(X, W, b):
    return np.dot(X, W) + b
'''),
    _right("forward.dense_forward", "computes (W^T X^T)^T, the column-vector textbook form, transposed back", '''
def dense_forward(X, W, b):
    return (W.T @ X.T).T + b
'''),
    _right("forward.dense_forward", "uses einsum and a (1, D_out) bias row", '''
def dense_forward(X, W, b):
    return np.einsum("nd,dk->nk", X, W) + b[None, :]
'''),
    _right("forward.dense_forward", "matmul, then adds the bias out of place", '''
def dense_forward(X, W, b):
    Z = np.matmul(X, W)
    Z = Z + b
    return Z
'''),
    _right("forward.dense_forward", "one example at a time, stacked back into an array", '''
def dense_forward(X, W, b):
    return np.stack([x @ W + b for x in X])
'''),

    # ---- forward.parameter_count ---------------------------------------------------------------
    _wrong("forward.parameter_count", "counts the weights only, forgets the biases", '''
def parameter_count(sizes):
    return sum(a * b for a, b in zip(sizes, sizes[1:]))
'''),
    _wrong("forward.parameter_count", "gives the input layer biases too (a bias for every size)", '''
def parameter_count(sizes):
    return sum(a * b for a, b in zip(sizes, sizes[1:])) + sum(sizes)
'''),
    _wrong("forward.parameter_count", "one bias per input of a layer (n_in) instead of per neuron (n_out)", '''
def parameter_count(sizes):
    return sum(n_in * n_out + n_in for n_in, n_out in zip(sizes, sizes[1:]))
'''),
    _wrong("forward.parameter_count", "loop stops one layer early: forgets the output layer", '''
def parameter_count(sizes):
    total = 0
    for i in range(len(sizes) - 2):
        total += sizes[i] * sizes[i + 1] + sizes[i + 1]
    return total
'''),
    _wrong("forward.parameter_count", "loop starts one layer late: forgets the first layer", '''
def parameter_count(sizes):
    total = 0
    for i in range(1, len(sizes) - 1):
        total += sizes[i] * sizes[i + 1] + sizes[i + 1]
    return total
'''),
    _wrong("forward.parameter_count", "multiplies all the sizes together: only right for a single layer", '''
def parameter_count(sizes):
    return int(np.prod(sizes)) + sum(sizes[1:])
'''),
    _wrong("forward.parameter_count", "returns a float instead of an int", '''
def parameter_count(sizes):
    total = 0.0
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        total += n_in * n_out + n_out
    return total
'''),
    _wrong("forward.parameter_count", "counts a bias node on both sides: (n_in + 1) * (n_out + 1)", '''
def parameter_count(sizes):
    return sum((n_in + 1) * (n_out + 1) for n_in, n_out in zip(sizes, sizes[1:]))
'''),
    _wrong("forward.parameter_count", "one bias per layer instead of one per neuron", '''
def parameter_count(sizes):
    return sum(sizes[i] * sizes[i + 1] for i in range(len(sizes) - 1)) + len(sizes) - 1
'''),
    _wrong("forward.parameter_count", "assigns instead of accumulating (= for +=): counts the last layer only", '''
def parameter_count(sizes):
    total = 0
    for i in range(len(sizes) - 1):
        total = sizes[i] * sizes[i + 1] + sizes[i + 1]
    return total
'''),
    _wrong("forward.parameter_count", "pops the input size off the caller's list (mutates sizes)", '''
def parameter_count(sizes):
    n_in = sizes.pop(0)
    total = 0
    for n_out in sizes:
        total += n_in * n_out + n_out
        n_in = n_out
    return total
'''),
    _wrong("forward.parameter_count", "counts the hidden layers' biases but forgets the output biases", '''
def parameter_count(sizes):
    return sum(a * b for a, b in zip(sizes, sizes[1:])) + sum(sizes[1:-1])
'''),
    _wrong("forward.parameter_count", "hard-codes one hidden layer: wrong for any other depth", '''
def parameter_count(sizes):
    d_in, h, d_out = sizes[0], sizes[1], sizes[-1]
    return d_in * h + h + h * d_out + d_out
'''),
    _wrong("forward.parameter_count", "adds the input size as if the input layer had biases", '''
def parameter_count(sizes):
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes, sizes[1:])) + sizes[0]
'''),
    _right("forward.parameter_count", "(n_in + 1) * n_out per layer: the bias as an extra input", '''
def parameter_count(sizes):
    return sum((n_in + 1) * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))
'''),
    _right("forward.parameter_count", "an explicit loop with +=", '''
def parameter_count(sizes):
    total = 0
    for i in range(1, len(sizes)):
        total += sizes[i - 1] * sizes[i] + sizes[i]
    return total
'''),
    _right("forward.parameter_count", "numpy dot product of consecutive sizes, converted to int", '''
def parameter_count(sizes):
    s = np.array(sizes, dtype=np.int64)
    return int(s[:-1] @ s[1:] + s[1:].sum())
'''),
    _right("forward.parameter_count", "weights and biases counted in separate sums", '''
def parameter_count(sizes):
    weights = sum(sizes[i] * sizes[i + 1] for i in range(len(sizes) - 1))
    biases = sum(sizes[1:])
    return weights + biases
'''),

    # ---- forward.forward -----------------------------------------------------------------------
    _wrong("forward.forward", "applies ReLU after the output layer too", '''
def forward(X, layers):
    a = X
    for W, b in layers:
        a = np.maximum(a @ W + b, 0)
    return a
'''),
    _wrong("forward.forward", "no activation anywhere: the network is linear", '''
def forward(X, layers):
    a = X
    for W, b in layers:
        a = a @ W + b
    return a
'''),
    _wrong("forward.forward", "skips the output layer: returns the last hidden activations", '''
def forward(X, layers):
    a = X
    for W, b in layers[:-1]:
        a = np.maximum(a @ W + b, 0)
    return a
'''),
    _wrong("forward.forward", "sigmoid instead of ReLU on the hidden layers", '''
def forward(X, layers):
    a = X
    for W, b in layers[:-1]:
        a = activations.sigmoid(a @ W + b)
    W, b = layers[-1]
    return a @ W + b
'''),
    _wrong("forward.forward", "applies softmax to the output: returns probabilities, not scores", '''
def forward(X, layers):
    a = X
    for W, b in layers[:-1]:
        a = np.maximum(a @ W + b, 0)
    W, b = layers[-1]
    z = a @ W + b
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
'''),
    _wrong("forward.forward", "forgets the biases", '''
def forward(X, layers):
    a = X
    for i, (W, b) in enumerate(layers):
        a = a @ W
        if i < len(layers) - 1:
            a = np.maximum(a, 0)
    return a
'''),
    _wrong("forward.forward", "feeds X to every layer instead of the previous layer's output", '''
def forward(X, layers):
    for i, (W, b) in enumerate(layers):
        z = X @ W + b
        a = z if i == len(layers) - 1 else np.maximum(z, 0)
    return a
'''),
    _wrong("forward.forward", "applies ReLU before each layer (also to the input X) instead of after", '''
def forward(X, layers):
    a = X
    for W, b in layers:
        a = np.maximum(a, 0) @ W + b
    return a
'''),
    _wrong("forward.forward", "leaky ReLU instead of ReLU", '''
def forward(X, layers):
    a = X
    for W, b in layers[:-1]:
        z = a @ W + b
        a = np.where(z > 0, z, 0.01 * z)
    W, b = layers[-1]
    return a @ W + b
'''),
    _wrong("forward.forward", "uses abs as the activation", '''
def forward(X, layers):
    a = X
    for W, b in layers[:-1]:
        a = np.abs(a @ W + b)
    W, b = layers[-1]
    return a @ W + b
'''),
    _wrong("forward.forward", "applies the layers in reverse order", '''
def forward(X, layers):
    a = X
    for i, (W, b) in enumerate(reversed(layers)):
        z = a @ W + b
        a = z if i == len(layers) - 1 else np.maximum(z, 0)
    return a
'''),
    _wrong("forward.forward", "hard-codes two layers: ignores the middle layers of a deeper network", '''
def forward(X, layers):
    W1, b1 = layers[0]
    W2, b2 = layers[-1]
    return np.maximum(X @ W1 + b1, 0) @ W2 + b2
'''),
    _wrong("forward.forward", "converts X to float64: float32 networks come out as float64", '''
def forward(X, layers):
    a = np.asarray(X, dtype=np.float64)
    for W, b in layers[:-1]:
        a = np.maximum(a @ W + b, 0)
    W, b = layers[-1]
    return a @ W + b
'''),
    _wrong("forward.forward", "treats the first layer apart: a one-layer network gets its layer applied twice", '''
def forward(X, layers):
    W, b = layers[0]
    a = np.maximum(X @ W + b, 0)
    for W, b in layers[1:-1]:
        a = np.maximum(a @ W + b, 0)
    W, b = layers[-1]
    return a @ W + b
'''),
    _wrong("forward.forward", "puts the output-layer check on the wrong index: ReLU after the last layer, none after the first", '''
def forward(X, layers):
    a = X
    for i, (W, b) in enumerate(layers):
        z = a @ W + b
        a = z if i == 0 else np.maximum(z, 0)
    return a
'''),
    _right("forward.forward", "hidden layers in a loop, the output layer after it", '''
def forward(X, layers):
    a = X
    for W, b in layers[:-1]:
        a = np.maximum(a @ W + b, 0)
    W, b = layers[-1]
    return a @ W + b
'''),
    _right("forward.forward", "ReLU written as np.where(z > 0, z, 0)", '''
def forward(X, layers):
    a = X
    for i, (W, b) in enumerate(layers):
        z = a @ W + b
        if i < len(layers) - 1:
            z = np.where(z > 0, z, 0)
        a = z
    return a
'''),
    _right("forward.forward", "recursive: the first layer, then the rest", '''
def forward(X, layers):
    W, b = layers[0]
    z = X @ W + b
    if len(layers) == 1:
        return z
    return forward(np.maximum(z, 0), layers[1:])
'''),
    _right("forward.forward", "ReLU as np.clip(z, 0, None), activation applied at the start of the next layer", '''
def forward(X, layers):
    W, b = layers[0]
    z = X @ W + b
    for W, b in layers[1:]:
        z = np.clip(z, 0, None) @ W + b
    return z
'''),
    _right("forward.forward", "ReLU as z * (z > 0)", '''
def forward(X, layers):
    a = X
    n = len(layers)
    for i in range(n):
        W, b = layers[i]
        z = np.dot(a, W) + b
        a = z * (z > 0) if i < n - 1 else z
    return a
'''),

    # ---- forward.by_hand -----------------------------------------------------------------------
    _wrong("forward.by_hand", "forgets the ReLU: keeps the hidden value -2 (z2 = 6)", '''
p = 1 / (1 + np.exp(-6.0))
'''),
    _wrong("forward.by_hand", "forgets the hidden bias b1 (z2 = 0)", '''
p = 0.5
'''),
    _wrong("forward.by_hand", "forgets the output bias b2 (z2 = 3)", '''
p = 1 / (1 + np.exp(-3.0))
'''),
    _wrong("forward.by_hand", "gives the score z2 = 2, not the probability", '''
p = 2.0
'''),
    _wrong("forward.by_hand", "multiplies by W1 transposed (W1 x instead of x W1)", '''
p = 1 / (1 + np.exp(1.0))
'''),
    _wrong("forward.by_hand", "sign slip in the sigmoid: 1 / (1 + e^2)", '''
p = 1 / (1 + np.exp(2.0))
'''),
    _wrong("forward.by_hand", "gives a percentage", '''
p = 88.08
'''),
    _wrong("forward.by_hand", "uses tanh instead of the sigmoid at the output", '''
p = np.tanh(2.0)
'''),
    _right("forward.by_hand", "works it out with numpy, layer by layer", '''
x = np.array([1.0, 2.0])
W1 = np.array([[1.0, -1.0], [0.5, 1.0]])
b1 = np.array([0.0, -3.0])
W2 = np.array([[1.5], [-2.0]])
b2 = -1.0
a1 = np.maximum(x @ W1 + b1, 0)
z2 = (a1 @ W2 + b2)[0]
p = 1 / (1 + np.exp(-z2))
'''),
    _right("forward.by_hand", "a few digits of sigma(2)", '''
p = 0.8808
'''),
    _right("forward.by_hand", "e^2 / (1 + e^2), with math", '''
p = math.exp(2) / (1 + math.exp(2))
'''),

    # ---- forward.output_layer ------------------------------------------------------------------
    _wrong("forward.output_layer", "picks a ReLU output (a)", '''
output_layer = "a"
'''),
    _wrong("forward.output_layer", "picks no activation read as a probability (c)", '''
output_layer = "c"
'''),
    _wrong("forward.output_layer", "picks two sigmoid neurons (d)", '''
output_layer = "d"
'''),
    _wrong("forward.output_layer", "writes the activation's name instead of the letter", '''
output_layer = "sigmoid"
'''),
    _right("forward.output_layer", "the letter b", '''
output_layer = "b"
'''),
    _right("forward.output_layer", "the letter b, in single quotes", '''
output_layer = 'b'
'''),
]
