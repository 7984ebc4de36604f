"""A corpus of learners' answers: wrong ones, each with words its feedback must contain,
and right ones written differently from the solutions, which must pass.

Each answer is code that defines the exercise's answer name; `import numpy as np` is in scope.
"""

WRONG = [
    # welcome.row_means
    ("welcome.row_means", "def row_means(X): return X.mean(axis=0)", "axis=0 averages down each column"),
    ("welcome.row_means", "def row_means(X): return X.mean(axis=1, keepdims=True)", "keepdims=True keeps a column"),
    ("welcome.row_means", "def row_means(X): return X.sum(axis=1)", "that is each row's sum"),
    ("welcome.row_means", "def row_means(X): return X.mean()", "averages every number"),
    ("welcome.row_means", "def row_means(X): return list(X.mean(axis=1))", "not a numpy array"),
    # activations.sigmoid
    ("activations.sigmoid", "def sigmoid(z): return 1 / (1 + np.exp(-z))", "overflows for large negative z"),
    ("activations.sigmoid", "def sigmoid(z): return np.exp(z) / (1 + np.exp(z))", "inf / inf = NaN"),
    ("activations.sigmoid", "def sigmoid(z): return 1 / (1 + np.exp(z))", "your sigmoid is decreasing"),
    ("activations.sigmoid", "def sigmoid(z):\n    e = np.exp(-np.abs(z))\n    np.where(z >= 0, 1 / (1 + e), e / (1 + e))",
     "without a `return` statement"),
    ("activations.sigmoid", "from dlbook.activations import sigmoid as s\ndef sigmoid(z): return s(z)",
     "dlbook's own reference implementation"),
    ("activations.sigmoid", "import dlbook\ndef sigmoid(z): return dlbook.activations.softplus.derivative(z)",
     "dlbook.activations.softplus.derivative, dlbook's own reference"),
    ("activations.sigmoid",
     "def sigmoid(z):\n    z = np.asarray(z, dtype=np.float64)\n    e = np.exp(-np.abs(z))\n    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))",
     "float32 in must give float32 out"),
    ("activations.sigmoid", "def sigmoid(z): return z.nonexistent()", "raised AttributeError"),
    ("activations.sigmoid", "sigmoid = 0.5", "Expected a function sigmoid(z)"),
    # activations.sigmoid_derivative
    ("activations.sigmoid_derivative", "def sigmoid_derivative(z): return z * (1 - z)", "takes the activation a = sigmoid(z), not z"),
    ("activations.sigmoid_derivative", "def sigmoid_derivative(z):\n    e = np.exp(-np.abs(z))\n    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))",
     "that is sigmoid itself"),
    ("activations.sigmoid_derivative", "def sigmoid_derivative(z): return -np.exp(-z) / (1 + np.exp(-z)) ** 2",
     "opposite sign"),
    ("activations.sigmoid_derivative", "def sigmoid_derivative(z): return np.exp(-z) / (1 + np.exp(-z)) ** 2",
     "np.exp overflowed inside your derivative"),
    # activations.relu
    ("activations.relu", "def relu(z): return np.max(z, 0)", "np.maximum(z, 0)"),
    ("activations.relu", "def relu(z):\n    z[z < 0] = 0\n    return z", "changed its input z in place"),
    ("activations.relu", "def relu(z): return np.minimum(z, 0)", "keeps the negative part"),
    ("activations.relu", "def relu(z): return np.abs(z)", "does not flip their sign"),
    ("activations.relu", "def relu(z): return 2 * np.maximum(z, 0)", "2 times the expected one"),
    # activations.relu_derivative
    ("activations.relu_derivative", "def relu_derivative(z): return (z >= 0).astype(z.dtype)", "relu'(0) = 0"),
    ("activations.relu_derivative", "def relu_derivative(z): return z > 0", "boolean array"),
    ("activations.relu_derivative", "def relu_derivative(z): return (z > 0).astype(float)", "float32 in must give float32 out"),
    ("activations.relu_derivative", "def relu_derivative(z): return np.maximum(z, 0)", "that is ReLU itself"),
    # activations.tanh_derivative
    ("activations.tanh_derivative", "def tanh_derivative(z): return 1 - z ** 2", "takes the activation a = tanh(z), not z"),
    ("activations.tanh_derivative", "def tanh_derivative(z): return 1 - np.tanh(z)", "forgot the square"),
    ("activations.tanh_derivative", "def tanh_derivative(z): return np.tanh(z) ** 2 - 1", "opposite sign"),
    ("activations.tanh_derivative", "def tanh_derivative(z): return 4 / (np.exp(z) + np.exp(-z)) ** 2", "np.tanh is stable"),
    ("activations.tanh_derivative", "def tanh_derivative(z): return 1 / np.cosh(z) ** 2", "np.tanh is stable"),
    # activations.softmax
    ("activations.softmax", "def softmax(z): return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)",
     "your softmax overflows for logits near 1000"),
    ("activations.softmax", "def softmax(z):\n    e = np.exp(z - z.max(axis=0, keepdims=True))\n    return e / e.sum(axis=0, keepdims=True)",
     "normalised over axis 0"),
    ("activations.softmax", "def softmax(z):\n    e = np.exp(z - z.max(axis=1, keepdims=True))\n    return e / e.sum(axis=1, keepdims=True)",
     "axis=-1 always means the last axis"),
    ("activations.softmax", "def softmax(z):\n    e = np.exp(z - z.max(axis=-1, keepdims=True))\n    return e / e.sum(axis=-1)",
     "keepdims=True"),
    ("activations.softmax", "def softmax(z):\n    e = np.exp(z - z.max())\n    return e / e.sum()", "sum over the whole batch"),
    ("activations.softmax", "def softmax(z):\n    e = np.exp(z - z.max())\n    return e / e.sum(axis=-1, keepdims=True)",
     "maximum of the whole array, not of each row"),
    ("activations.softmax", "def softmax(z):\n    e = np.exp(z - z.max(axis=-1, keepdims=True))\n    return e / e.sum(axis=-1, keepdims=True).astype(np.float64)",
     "float32 in must give float32 out"),
    # activations.vanishing
    ("activations.vanishing", "surviving_fraction = 0.25", "one layer lets through"),
    ("activations.vanishing", "surviving_fraction = 2.5", "you added the ten factors"),
    ("activations.vanishing", "surviving_fraction = 0.5 ** 10", "0.5 is sigmoid(0)"),
    ("activations.vanishing", "surviving_fraction = '0.25 ** 10'", "without quotes"),
    ("activations.vanishing", "surviving_fraction = 0.1", "too large"),
    # activations.output_layer
    ("activations.output_layer", "output_layer = 'a'", "yes-or-no question"),
    ("activations.output_layer", "output_layer = 'b'", "need not sum to 1"),
    ("activations.output_layer", "output_layer = 'd'", "unbounded"),
    ("activations.output_layer", "output_layer = 'e'", "one of 'a', 'b', 'c', 'd'"),
]

RIGHT = [
    ("welcome.row_means", "def row_means(X): return np.mean(X, axis=-1)"),
    ("welcome.row_means", "def row_means(X): return X.sum(axis=1) / X.shape[1]"),
    ("activations.sigmoid", "def sigmoid(z):\n    return np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))))"),
    ("activations.sigmoid", "def sigmoid(z):\n    return 0.5 * (1 + np.tanh(0.5 * z))"),
    ("activations.sigmoid_derivative", "def sigmoid_derivative(z):\n    s = 0.5 * (1 + np.tanh(0.5 * z))\n    return s - s * s"),
    ("activations.relu", "def relu(z): return np.where(z > 0, z, 0)"),
    ("activations.relu", "def relu(z): return z * (z > 0)"),
    ("activations.relu", "def relu(z):\n    out = z.copy()\n    out[out < 0] = 0\n    return out"),
    ("activations.relu_derivative", "def relu_derivative(z): return np.where(z > 0, 1, 0).astype(z.dtype)"),
    ("activations.relu_derivative", "def relu_derivative(z): return np.heaviside(z, 0).astype(z.dtype)"),
    ("activations.tanh_derivative", "def tanh_derivative(z):\n    t = np.tanh(z)\n    return (1 - t) * (1 + t)"),
    ("activations.tanh_derivative", "def tanh_derivative(z):\n    e = np.exp(-np.abs(2 * z))\n    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))  # sigma(2z)\n    t = 2 * s - 1\n    return 1 - t * t"),
    ("activations.softmax", "def softmax(z):\n    shifted = z - np.max(z, axis=-1, keepdims=True)\n    return np.exp(shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True)))"),
    ("activations.vanishing", "surviving_fraction = 9.5e-7"),
    ("activations.output_layer", "output_layer = '(C)'"),
]
