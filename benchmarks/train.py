"""Training speed: samples per second of the same network trained four ways, measured in one run.

    python benchmarks/train.py [--epochs 10] [--repeat 5]

Digits case: 64-128-64-10 ReLU network on the digits training set (1,074 images), batch 32,
SGD with momentum 0.9, lr 0.05, the same epochs, trained by
  - dlbook's public model and training loop (nn.mlp + optim.SGD + train.fit),
  - a hand-written fused numpy loop (the floor for numpy: no checks, no layers, no dicts),
  - scikit-learn's MLPClassifier (solver="sgd", the same sizes, batch, lr and momentum),
  - PyTorch on the CPU, when it is installed (an optional extra, not a dependency).
Large case: 784-512-512-10 on random data, batch 256, against numpy's own matmul time for the
products a training step needs (forward, dW for every layer, dX for all but the first layer).
Medians of --repeat runs; ratios against the fused loop of the same run.
"""

import argparse
import statistics
import time
import warnings

import numpy as np

from dlbook import data, nn, optim, train

SIZES = [64, 128, 64, 10]
LR, MOMENTUM, BATCH = 0.05, 0.9, 32


def dlbook_fit(X, y, epochs, seed, sizes=SIZES, batch=BATCH):
    model = nn.mlp(sizes, rng=seed)
    opt = optim.SGD(model, lr=LR, momentum=MOMENTUM)
    train.fit(model, X, y, optimizer=opt, epochs=epochs, batch_size=batch, rng=seed, progress=False)
    return model


def fused_numpy(X, y, epochs, seed, sizes=SIZES, batch=BATCH):
    """The same training, written as one loop of numpy with nothing in between."""
    rng = np.random.default_rng(seed)
    Ws = [rng.normal(0, np.sqrt(2 / a), size=(a, b)) for a, b in zip(sizes, sizes[1:])]
    bs = [np.zeros(b) for b in sizes[1:]]
    vW = [np.zeros_like(W) for W in Ws]
    vb = [np.zeros_like(b) for b in bs]
    N, L = len(X), len(Ws)
    for _ in range(epochs):
        order = rng.permutation(N)
        for start in range(0, N, batch):
            rows = order[start:start + batch]
            A = [X[rows]]
            for i in range(L):
                Z = A[-1] @ Ws[i] + bs[i]
                A.append(np.maximum(Z, 0) if i < L - 1 else Z)
            Z = A[-1]
            P = np.exp(Z - Z.max(axis=1, keepdims=True))
            P /= P.sum(axis=1, keepdims=True)
            P[np.arange(len(rows)), y[rows]] -= 1
            dZ = P / len(rows)
            for i in reversed(range(L)):
                dW, db = A[i].T @ dZ, dZ.sum(axis=0)
                if i > 0:
                    dZ = (dZ @ Ws[i].T) * (A[i] > 0)
                vW[i] *= MOMENTUM
                vW[i] += dW
                vb[i] *= MOMENTUM
                vb[i] += db
                Ws[i] -= LR * vW[i]
                bs[i] -= LR * vb[i]
    return Ws, bs


def fused_accuracy(params, X, y):
    Ws, bs = params
    A = X
    for i, (W, b) in enumerate(zip(Ws, bs)):
        A = A @ W + b
        A = np.maximum(A, 0) if i < len(Ws) - 1 else A
    return float((A.argmax(axis=1) == y).mean())


def sklearn_mlp(X, y, epochs, seed):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    clf = MLPClassifier(hidden_layer_sizes=tuple(SIZES[1:-1]), solver="sgd", learning_rate_init=LR,
                        momentum=MOMENTUM, nesterovs_momentum=False, batch_size=BATCH, alpha=0.0,
                        max_iter=epochs, tol=0.0, n_iter_no_change=10 ** 9, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(X, y)
    return clf


def torch_cpu(X, y, epochs, seed, sizes=SIZES, batch=BATCH):
    import torch

    torch.manual_seed(seed)
    layers = []
    for i, (a, b) in enumerate(zip(sizes, sizes[1:])):
        layers.append(torch.nn.Linear(a, b))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers).double()
    opt = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)
    loss_fn = torch.nn.CrossEntropyLoss()
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
    g = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        order = torch.randperm(len(Xt), generator=g)
        for start in range(0, len(Xt), batch):
            rows = order[start:start + batch]
            opt.zero_grad()
            loss_fn(model(Xt[rows]), yt[rows]).backward()
            opt.step()
    return model


def timed(fn, repeat):
    times = []
    for k in range(repeat):
        t = time.perf_counter()
        result = fn(k)
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def matmul_bound(sizes, batch, repeat):
    """numpy's time for the matrix products of one training step, on arrays of the step's shapes."""
    rng = np.random.default_rng(0)
    A = [rng.normal(size=(batch, n)) for n in sizes]
    Ws = [rng.normal(size=(a, b)) for a, b in zip(sizes, sizes[1:])]
    dZ = [rng.normal(size=(batch, b)) for b in sizes[1:]]

    def step(_):
        for i, W in enumerate(Ws):
            A[i] @ W                    # forward
            A[i].T @ dZ[i]              # dW
            if i > 0:
                dZ[i] @ W.T             # dX, not needed for the input layer
    return timed(step, repeat * 20)[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    split = data.digits()
    X, y = split.X_train, split.y_train
    samples = len(X) * args.epochs
    runs = {
        "hand-written fused numpy loop": lambda k: fused_numpy(X, y, args.epochs, k),
        "dlbook (nn.mlp + optim.SGD + train.fit)": lambda k: dlbook_fit(X, y, args.epochs, k),
        "scikit-learn MLPClassifier": lambda k: sklearn_mlp(X, y, args.epochs, k),
    }
    try:
        import torch  # noqa: F401

        torch.set_num_threads(2)
        runs["PyTorch, CPU"] = lambda k: torch_cpu(X, y, args.epochs, k)
    except ImportError:
        pass
    print(f"digits, {'-'.join(map(str, SIZES))}, batch {BATCH}, SGD momentum {MOMENTUM}, {args.epochs} epochs, "
          f"{len(X)} training images; medians of {args.repeat}")
    print(f"{'how':42} {'samples/s':>11} {'vs fused':>9}")
    base = None
    for name, run in runs.items():
        seconds, _ = timed(run, args.repeat)
        base = base or seconds
        print(f"{name:42} {samples / seconds:11,.0f} {seconds / base:8.2f}x")
    if "PyTorch, CPU" not in runs:
        print(f"{'PyTorch, CPU':42} {'not installed (optional)':>21}")
    model = dlbook_fit(X, y, args.epochs, 0)
    print(f"test accuracy after {args.epochs} epochs: dlbook {train.accuracy(model, split.X_test, split.y_test):.1%}, "
          f"fused {fused_accuracy(fused_numpy(X, y, args.epochs, 0), split.X_test, split.y_test):.1%}")

    big, batch, epochs = [784, 512, 512, 10], 256, 2
    rng = np.random.default_rng(1)
    Xb, yb = rng.normal(size=(4096, 784)), rng.integers(0, 10, size=4096)
    steps = epochs * (len(Xb) // batch)
    seconds, _ = timed(lambda k: dlbook_fit(Xb, yb, epochs, k, big, batch), max(2, args.repeat // 2))
    bound = matmul_bound(big, batch, args.repeat) * steps
    print(f"\nlarge: {'-'.join(map(str, big))}, batch {batch}, {steps} steps on random data")
    print(f"dlbook {len(Xb) * epochs / seconds:,.0f} samples/s; the matmuls alone take {bound:.3f} s of its "
          f"{seconds:.3f} s: {bound / seconds:.0%} of the matmul time bound")


if __name__ == "__main__":
    main()
