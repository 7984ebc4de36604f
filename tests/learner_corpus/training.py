"""Learner corpus for chapter 06 (training): answers real learners write for its exercises.

accuracy, train_digits, he_init (functions), diagnose (a letter) and memory (a number). Each entry
of ANSWERS is the code a learner pastes into the answer cell, whether it is right, and, for a wrong
answer, the mistake in plain words (for a right one, how it is written differently). The wrong
train_digits answers either do not reach 95% on the test digits or break the exercise's contract.
Written independently of the exercise checks, to measure how well they catch and name mistakes.
"""


def _wrong(exercise, mistake, code):
    return {"exercise": exercise, "code": code, "right": False, "mistake": mistake}


def _right(exercise, how, code):
    return {"exercise": exercise, "code": code, "right": True, "mistake": how}


ANSWERS = [
    # ---- training.accuracy ---------------------------------------------------------------------
    _wrong("training.accuracy", "argmax over axis 0 (the batch) instead of each row", '''
def accuracy(logits, y):
    return float((logits.argmax(axis=0) == y).mean())
'''),
    _wrong("training.accuracy", "returns a percentage", '''
def accuracy(logits, y):
    return float((logits.argmax(axis=1) == y).mean()) * 100
'''),
    _wrong("training.accuracy", "returns the number of correct examples, not the fraction", '''
def accuracy(logits, y):
    return int((logits.argmax(axis=1) == y).sum())
'''),
    _wrong("training.accuracy", "argmin instead of argmax", '''
def accuracy(logits, y):
    return float((logits.argmin(axis=1) == y).mean())
'''),
    _wrong("training.accuracy", "argmax with keepdims: (N, 1) == (N,) broadcasts to (N, N)", '''
def accuracy(logits, y):
    return float((logits.argmax(axis=1, keepdims=True) == y).mean())
'''),
    _wrong("training.accuracy", "rounds to 2 decimals", '''
def accuracy(logits, y):
    return round(float((logits.argmax(axis=1) == y).mean()), 2)
'''),
    _wrong("training.accuracy", "integer division: the fraction is 0 unless every example is right", '''
def accuracy(logits, y):
    return (logits.argmax(axis=1) == y).sum() // len(y)
'''),
    _wrong("training.accuracy", "a naive softmax before argmax: nan rows for large logits", '''
def accuracy(logits, y):
    e = np.exp(logits)
    probs = e / e.sum(axis=1, keepdims=True)
    return float((probs.argmax(axis=1) == y).mean())
'''),
    _wrong("training.accuracy", "compares the largest logit's value, not its index, with the label", '''
def accuracy(logits, y):
    return float((logits.max(axis=1) == y).mean())
'''),
    _wrong("training.accuracy", "takes the last column of argsort: ties go to the last class instead of the first", '''
def accuracy(logits, y):
    predicted = np.argsort(logits, axis=1, kind="stable")[:, -1]
    return float((predicted == y).mean())
'''),
    _wrong("training.accuracy", "returns the error rate, 1 - accuracy", '''
def accuracy(logits, y):
    return 1 - float((logits.argmax(axis=1) == y).mean())
'''),
    _wrong("training.accuracy", "divides the count by the number of classes instead of examples", '''
def accuracy(logits, y):
    return float((logits.argmax(axis=1) == y).sum() / logits.shape[1])
'''),
    _wrong("training.accuracy", "np.argmax without an axis: the index into the flattened array", '''
def accuracy(logits, y):
    return float(np.mean(np.argmax(logits) == y))
'''),
    _wrong("training.accuracy", "thresholds the logits at 0.5 and counts the columns over it", '''
def accuracy(logits, y):
    predicted = (logits > 0.5).sum(axis=1)
    return float((predicted == y).mean())
'''),
    _right("training.accuracy", "np.mean of the comparison (a numpy float)", '''
def accuracy(logits, y):
    return np.mean(np.argmax(logits, axis=1) == y)
'''),
    _right("training.accuracy", "np.count_nonzero over the number of labels", '''
def accuracy(logits, y):
    correct = np.count_nonzero(logits.argmax(axis=1) == y)
    return correct / len(y)
'''),
    _right("training.accuracy", "a Python loop over the rows", '''
def accuracy(logits, y):
    hits = 0
    for row, label in zip(logits, y):
        if np.argmax(row) == label:
            hits += 1
    return hits / len(y)
'''),
    _right("training.accuracy", "np.equal and y.size", '''
def accuracy(logits, y):
    return float(np.equal(logits.argmax(axis=-1), y).sum()) / y.size
'''),

    # ---- training.he_init ----------------------------------------------------------------------
    _wrong("training.he_init", "uses the variance 2 / n_in as the standard deviation", '''
def he_init(sizes, rng):
    return [(rng.normal(0.0, 2 / n_in, size=(n_in, n_out)), np.zeros(n_out))
            for n_in, n_out in zip(sizes, sizes[1:])]
'''),
    _wrong("training.he_init", "LeCun's sqrt(1 / n_in) instead of He's sqrt(2 / n_in)", '''
def he_init(sizes, rng):
    return [(rng.normal(0.0, np.sqrt(1 / n_in), size=(n_in, n_out)), np.zeros(n_out))
            for n_in, n_out in zip(sizes, sizes[1:])]
'''),
    _wrong("training.he_init", "scales by the layer's output size: sqrt(2 / n_out)", '''
def he_init(sizes, rng):
    return [(rng.normal(0.0, np.sqrt(2 / n_out), size=(n_in, n_out)), np.zeros(n_out))
            for n_in, n_out in zip(sizes, sizes[1:])]
'''),
    _wrong("training.he_init", "Xavier's sqrt(2 / (n_in + n_out)) instead of He's", '''
def he_init(sizes, rng):
    return [(rng.normal(0.0, np.sqrt(2 / (n_in + n_out)), size=(n_in, n_out)), np.zeros(n_out))
            for n_in, n_out in zip(sizes, sizes[1:])]
'''),
    _wrong("training.he_init", "W of shape (n_out, n_in): the column-vector convention", '''
def he_init(sizes, rng):
    return [(rng.normal(0.0, np.sqrt(2 / n_in), size=(n_out, n_in)), np.zeros(n_out))
            for n_in, n_out in zip(sizes, sizes[1:])]
'''),
    _wrong("training.he_init", "ignores rng and draws from np.random: not reproducible", '''
def he_init(sizes, rng):
    return [(np.random.normal(0.0, np.sqrt(2 / n_in), size=(n_in, n_out)), np.zeros(n_out))
            for n_in, n_out in zip(sizes, sizes[1:])]
'''),
    _wrong("training.he_init", "draws the biases at random too", '''
def he_init(sizes, rng):
    layers = []
    for n_in, n_out in zip(sizes, sizes[1:]):
        std = np.sqrt(2 / n_in)
        layers.append((rng.normal(0.0, std, size=(n_in, n_out)), rng.normal(0.0, std, size=n_out)))
    return layers
'''),
    _wrong("training.he_init", "biases of shape (1, n_out) instead of (n_out,)", '''
def he_init(sizes, rng):
    return [(rng.normal(0.0, np.sqrt(2 / n_in), size=(n_in, n_out)), np.zeros((1, n_out)))
            for n_in, n_out in zip(sizes, sizes[1:])]
'''),
    _wrong("training.he_init", "a uniform distribution instead of a normal one", '''
def he_init(sizes, rng):
    layers = []
    for n_in, n_out in zip(sizes, sizes[1:]):
        a = np.sqrt(2 / n_in)
        layers.append((rng.uniform(-a, a, size=(n_in, n_out)), np.zeros(n_out)))
    return layers
'''),
    _wrong("training.he_init", "loop stops one layer early: no output layer", '''
def he_init(sizes, rng):
    layers = []
    for i in range(len(sizes) - 2):
        n_in, n_out = sizes[i], sizes[i + 1]
        layers.append((rng.normal(0.0, np.sqrt(2 / n_in), size=(n_in, n_out)), np.zeros(n_out)))
    return layers
'''),
    _wrong("training.he_init", "swaps loc and scale: mean sqrt(2 / n_in), standard deviation 1", '''
def he_init(sizes, rng):
    return [(rng.normal(np.sqrt(2 / n_in), 1.0, size=(n_in, n_out)), np.zeros(n_out))
            for n_in, n_out in zip(sizes, sizes[1:])]
'''),
    _wrong("training.he_init", "makes its own generator with a fixed seed: ignores the rng it is given", '''
def he_init(sizes, rng):
    gen = np.random.default_rng(0)
    return [(gen.normal(0.0, np.sqrt(2 / n_in), size=(n_in, n_out)), np.zeros(n_out))
            for n_in, n_out in zip(sizes, sizes[1:])]
'''),
    _wrong("training.he_init", "returns a dict of named parameters instead of a list of (W, b) pairs", '''
def he_init(sizes, rng):
    params = {}
    for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
        params[f"W{i + 1}"] = rng.normal(0.0, np.sqrt(2 / n_in), size=(n_in, n_out))
        params[f"b{i + 1}"] = np.zeros(n_out)
    return params
'''),
    _wrong("training.he_init", "floor division 2 // n_in: the standard deviation is 0 for n_in > 2", '''
def he_init(sizes, rng):
    return [(rng.normal(0.0, np.sqrt(2 // n_in), size=(n_in, n_out)), np.zeros(n_out))
            for n_in, n_out in zip(sizes, sizes[1:])]
'''),
    _wrong("training.he_init", "multiplies standard normals by the variance 2 / n_in", '''
def he_init(sizes, rng):
    return [(rng.standard_normal((n_in, n_out)) * 2 / n_in, np.zeros(n_out))
            for n_in, n_out in zip(sizes, sizes[1:])]
'''),
    _right("training.he_init", "standard normals scaled by sqrt(2 / n_in)", '''
def he_init(sizes, rng):
    return [(rng.standard_normal((n_in, n_out)) * np.sqrt(2 / n_in), np.zeros(n_out))
            for n_in, n_out in zip(sizes, sizes[1:])]
'''),
    _right("training.he_init", "a loop with append and keyword arguments", '''
def he_init(sizes, rng):
    layers = []
    for i in range(1, len(sizes)):
        n_in, n_out = sizes[i - 1], sizes[i]
        W = rng.normal(loc=0.0, scale=math.sqrt(2.0 / n_in), size=(n_in, n_out))
        b = np.zeros(n_out)
        layers.append((W, b))
    return layers
'''),
    _right("training.he_init", "the scale written as sqrt(2) / sqrt(n_in)", '''
def he_init(sizes, rng):
    out = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        std = np.sqrt(2.0) / np.sqrt(n_in)
        out.append((std * rng.normal(size=(n_in, n_out)), np.zeros((n_out,))))
    return out
'''),
    _right("training.he_init", "scale as a keyword, biases np.zeros_like of a weight row", '''
def he_init(sizes, rng):
    layers = []
    for n_in, n_out in zip(sizes, sizes[1:]):
        W = rng.normal(scale=np.sqrt(2 / n_in), size=(n_in, n_out))
        layers.append((W, np.zeros_like(W[0])))
    return layers
'''),

    # ---- training.train_digits -----------------------------------------------------------------
    _wrong("training.train_digits", "never calls backward or step: returns an untrained network", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], rng=rng)
    for epoch in range(15):
        for Xb, yb in data.batches(X, y, 32, rng=rng):
            logits = model(Xb)
    return model
'''),
    _wrong("training.train_digits", "initialises every weight to zero: the ReLU units never learn", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], rng=rng)
    for p in model.params.values():
        p[...] = 0.0
    optimizer = optim.SGD(model, lr=0.05, momentum=0.9)
    for epoch in range(15):
        for Xb, yb in data.batches(X, y, 32, rng=rng):
            model.backward(losses.softmax_cross_entropy.backward(yb, model(Xb)))
            optimizer.step()
    return model
'''),
    _wrong("training.train_digits", "learning rate far too high (5.0 with momentum): training diverges", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], rng=rng)
    optimizer = optim.SGD(model, lr=5.0, momentum=0.9)
    for epoch in range(15):
        for Xb, yb in data.batches(X, y, 32, rng=rng):
            model.backward(losses.softmax_cross_entropy.backward(yb, model(Xb)))
            optimizer.step()
    return model
'''),
    _wrong("training.train_digits", "one epoch with a tiny learning rate: stops long before 95%", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], rng=rng)
    optimizer = optim.SGD(model, lr=0.001)
    for Xb, yb in data.batches(X, y, 32, rng=rng):
        model.backward(losses.softmax_cross_entropy.backward(yb, model(Xb)))
        optimizer.step()
    return model
'''),
    _wrong("training.train_digits", "shuffles X and y separately: the labels no longer match the images", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], rng=rng)
    optimizer = optim.SGD(model, lr=0.05, momentum=0.9)
    for epoch in range(15):
        Xs = X[rng.permutation(len(X))]
        ys = y[rng.permutation(len(y))]
        for i in range(0, len(Xs), 32):
            model.backward(losses.softmax_cross_entropy.backward(ys[i:i + 32], model(Xs[i:i + 32])))
            optimizer.step()
    return model
'''),
    _wrong("training.train_digits", "steps up the gradient: adds lr * grad to every parameter", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], rng=rng)
    for epoch in range(15):
        for Xb, yb in data.batches(X, y, 32, rng=rng):
            model.backward(losses.softmax_cross_entropy.backward(yb, model(Xb)))
            for key, p in model.params.items():
                p += 0.05 * model.grads[key]
    return model
'''),
    _wrong("training.train_digits", "returns the optimizer instead of the model", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], rng=rng)
    optimizer = optim.SGD(model, lr=0.05, momentum=0.9)
    for epoch in range(15):
        for Xb, yb in data.batches(X, y, 32, rng=rng):
            model.backward(losses.softmax_cross_entropy.backward(yb, model(Xb)))
            optimizer.step()
    return optimizer
'''),
    _wrong("training.train_digits", "one full-batch step per epoch: 15 gradient steps in all", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], rng=rng)
    optimizer = optim.SGD(model, lr=0.05)
    for epoch in range(15):
        model.backward(losses.softmax_cross_entropy.backward(y, model(X)))
        optimizer.step()
    return model
'''),
    _wrong("training.train_digits", "passes the arguments of the loss's backward in the wrong order (logits first)", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], rng=rng)
    optimizer = optim.SGD(model, lr=0.05, momentum=0.9)
    for epoch in range(15):
        for Xb, yb in data.batches(X, y, 32, rng=rng):
            model.backward(losses.softmax_cross_entropy.backward(model(Xb), yb))
            optimizer.step()
    return model
'''),
    _wrong("training.train_digits", "returns inside the batch loop: trains on a single batch", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], rng=rng)
    optimizer = optim.SGD(model, lr=0.05, momentum=0.9)
    for epoch in range(15):
        for Xb, yb in data.batches(X, y, 32, rng=rng):
            model.backward(losses.softmax_cross_entropy.backward(yb, model(Xb)))
            optimizer.step()
            return model
    return model
'''),
    _wrong("training.train_digits", "Adam with lr = 1.0: the steps are far too large", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], rng=rng)
    optimizer = optim.Adam(model, lr=1.0)
    for epoch in range(15):
        for Xb, yb in data.batches(X, y, 32, rng=rng):
            model.backward(losses.softmax_cross_entropy.backward(yb, model(Xb)))
            optimizer.step()
    return model
'''),
    _wrong("training.train_digits", "calls backward with the loss value instead of its gradient", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], rng=rng)
    optimizer = optim.SGD(model, lr=0.05, momentum=0.9)
    for epoch in range(15):
        for Xb, yb in data.batches(X, y, 32, rng=rng):
            loss = losses.softmax_cross_entropy(yb, model(Xb))
            model.backward(loss)
            optimizer.step()
    return model
'''),
    _wrong("training.train_digits", "weight decay of 1.0: the weights are pulled to zero", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], rng=rng)
    optimizer = optim.SGD(model, lr=0.05, momentum=0.9, weight_decay=1.0)
    for epoch in range(15):
        for Xb, yb in data.batches(X, y, 32, rng=rng):
            model.backward(losses.softmax_cross_entropy.backward(yb, model(Xb)))
            optimizer.step()
    return model
'''),
    _wrong("training.train_digits", "MSE on the one-hot labels through a softmax output, lr 0.01, 3 epochs: learns far too slowly", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], output="softmax", rng=rng)
    optimizer = optim.SGD(model, lr=0.01)
    Y = np.eye(10)[y]
    for epoch in range(3):
        for Xb, Yb in data.batches(X, Y, 32, rng=rng):
            model.backward(losses.mse.backward(Yb, model(Xb)))
            optimizer.step()
    return model
'''),
    _right("training.train_digits", "Adam with lr 1e-3 for 30 epochs", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], rng=rng)
    optimizer = optim.Adam(model, lr=1e-3)
    for epoch in range(30):
        for Xb, yb in data.batches(X, y, 32, rng=rng):
            logits = model(Xb)
            model.backward(losses.softmax_cross_entropy.backward(yb, logits))
            optimizer.step()
    return model
'''),
    _right("training.train_digits", "its own shuffled batches from rng.permutation, one hidden layer", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 100, 10], rng=rng)
    optimizer = optim.SGD(model, lr=0.1, momentum=0.9)
    for epoch in range(20):
        order = rng.permutation(len(X))
        for start in range(0, len(X), 32):
            rows = order[start:start + 32]
            model.backward(losses.softmax_cross_entropy.backward(y[rows], model(X[rows])))
            optimizer.step()
    return model
'''),
    _right("training.train_digits", "one-hot labels, tanh hidden layers, a cosine schedule", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], activation="tanh", rng=rng)
    optimizer = optim.SGD(model, lr=0.1, momentum=0.9)
    schedule = optim.CosineLR(optimizer, T=25)
    Y = np.eye(10)[y]
    for epoch in range(25):
        for Xb, Yb in data.batches(X, Y, 32, rng=rng):
            model.backward(losses.softmax_cross_entropy.backward(Yb, model(Xb)))
            optimizer.step()
        schedule.step()
    return model
'''),
    _right("training.train_digits", "hand-written SGD updates on model.params", '''
def train_digits(X, y, rng):
    model = nn.mlp([64, 128, 64, 10], rng=rng)
    for epoch in range(40):
        for Xb, yb in data.batches(X, y, 16, rng=rng):
            model.backward(losses.softmax_cross_entropy.backward(yb, model(Xb)))
            for key, p in model.params.items():
                p -= 0.05 * model.grads[key]
    return model
'''),

    # ---- training.diagnose ---------------------------------------------------------------------
    _wrong("training.diagnose", "(a): a too-high learning rate makes the loss jump or diverge, not sit at 2.30", '''
diagnosis = "a"
'''),
    _wrong("training.diagnose", "(c): unshuffled data still learns", '''
diagnosis = "c"
'''),
    _wrong("training.diagnose", "(d): more epochs would not move a flat curve", '''
diagnosis = "d"
'''),
    _right("training.diagnose", "the letter b", '''
diagnosis = "b"
'''),
    _right("training.diagnose", "the letter b, in single quotes", '''
diagnosis = 'b'
'''),

    # ---- training.memory -----------------------------------------------------------------------
    _wrong("training.memory", "counts the parameters, forgets the 4 bytes each", '''
n_bytes = 784 * 512 + 512 + 512 * 512 + 512 + 512 * 10 + 10
'''),
    _wrong("training.memory", "8 bytes per parameter (float64)", '''
n_bytes = (784 * 512 + 512 + 512 * 512 + 512 + 512 * 10 + 10) * 8
'''),
    _wrong("training.memory", "forgets the biases", '''
n_bytes = (784 * 512 + 512 * 512 + 512 * 10) * 4
'''),
    _wrong("training.memory", "counts bits: 32 per parameter", '''
n_bytes = (784 * 512 + 512 + 512 * 512 + 512 + 512 * 10 + 10) * 32
'''),
    _wrong("training.memory", "gives megabytes", '''
n_bytes = (784 * 512 + 512 + 512 * 512 + 512 + 512 * 10 + 10) * 4 / 1e6
'''),
    _wrong("training.memory", "counts biases on the input layer too", '''
n_bytes = (784 + 784 * 512 + 512 + 512 * 512 + 512 + 512 * 10 + 10) * 4
'''),
    _wrong("training.memory", "forgets the middle 512 x 512 layer", '''
n_bytes = (784 * 512 + 512 + 512 * 10 + 10) * 4
'''),
    _right("training.memory", "a loop over the layer sizes", '''
sizes = [784, 512, 512, 10]
n_params = sum(a * b + b for a, b in zip(sizes, sizes[1:]))
n_bytes = n_params * np.dtype(np.float32).itemsize
'''),
    _right("training.memory", "the number written out", '''
n_bytes = 2678824
'''),
    _right("training.memory", "(n_in + 1) n_out per layer, times 4", '''
n_bytes = 4 * ((784 + 1) * 512 + (512 + 1) * 512 + (512 + 1) * 10)
'''),
]
