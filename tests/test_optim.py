"""Optimizers against trajectories worked out independently on quadratics, schedules, and the
mini-batch iterator."""

import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from dlbook import losses, nn, optim
from dlbook.data import batches


def run(opt_class, x0, grad, steps, **options):
    """Positions x_0 ... x_steps of an optimizer on a parameter dict {"x": x}."""
    params = {"x": np.array(x0, dtype=float)}
    opt = opt_class(params, **options)
    path = [params["x"].copy()]
    for _ in range(steps):
        opt.step({"x": grad(params["x"])})
        path.append(params["x"].copy())
    return np.array(path)


# f(x) = a x^2 / 2 on one coordinate: f'(x) = a x, so every linear optimizer is a matrix power

A = 3.0


def grad(x):
    return A * x


def test_sgd_is_the_seeds_rule_a_geometric_sequence():
    lr = 0.1
    path = run(optim.SGD, [2.0], grad, 20, lr=lr)
    np.testing.assert_allclose(path[:, 0], 2.0 * (1 - lr * A) ** np.arange(21), rtol=1e-12)


@pytest.mark.parametrize("lr, converges", [(0.6, True), (0.66, True), (0.67, False), (0.9, False)])
def test_sgd_diverges_past_two_over_the_curvature(lr, converges):
    # |1 - lr a| < 1 exactly when lr < 2 / a = 0.6667
    path = run(optim.SGD, [1.0], grad, 400, lr=lr)
    final = abs(path[-1, 0])
    assert final < 1e-3 if converges else final > 1.0


@pytest.mark.parametrize("nesterov", [False, True])
def test_momentum_follows_its_linear_recurrence(nesterov):
    lr, mu, x0 = 0.05, 0.9, 1.5
    # state (x, v): v' = mu v + a x; x' = x - lr v'            (heavy ball, PyTorch's buffer)
    #               x' = x - lr (a x + mu v')                   (Nesterov)
    if nesterov:
        M = np.array([[1 - lr * A * (1 + mu), -lr * mu * mu], [A, mu]])
    else:
        M = np.array([[1 - lr * A, -lr * mu], [A, mu]])
    expected = [np.linalg.matrix_power(M, t) @ [x0, 0.0] for t in range(31)]
    path = run(optim.SGD, [x0], grad, 30, lr=lr, momentum=mu, nesterov=nesterov)
    np.testing.assert_allclose(path[:, 0], [e[0] for e in expected], rtol=1e-10, atol=1e-14)


def test_momentum_buffer_starts_as_the_first_gradient():
    params = {"w": np.array([1.0, -2.0])}
    opt = optim.SGD(params, lr=0.1, momentum=0.9)
    opt.step({"w": np.array([0.5, 1.0])})
    np.testing.assert_allclose(opt.state["w"]["v"], [0.5, 1.0])
    np.testing.assert_allclose(params["w"], [0.95, -2.1])
    opt.step({"w": np.array([0.5, 1.0])})  # v = 0.9 v + g = [0.95, 1.9]
    np.testing.assert_allclose(params["w"], [0.95 - 0.095, -2.1 - 0.19])


def test_rmsprop_two_steps_by_hand():
    lr, alpha, x0 = 0.01, 0.99, 2.0
    path = run(optim.RMSProp, [x0], grad, 2, lr=lr, alpha=alpha, eps=0.0)
    g0 = A * x0
    s1 = (1 - alpha) * g0 ** 2
    x1 = x0 - lr * g0 / math.sqrt(s1)  # = x0 - lr / sqrt(0.01): a step of 0.1 whatever g0
    g1 = A * x1
    s2 = alpha * s1 + (1 - alpha) * g1 ** 2
    x2 = x1 - lr * g1 / math.sqrt(s2)
    np.testing.assert_allclose(path[:, 0], [x0, x1, x2], rtol=1e-12)
    assert x0 - x1 == pytest.approx(0.1)


def test_adam_three_steps_by_hand():
    lr, (b1, b2), eps, x = 0.1, (0.9, 0.999), 1e-8, 1.0
    path = run(optim.Adam, [x], grad, 3, lr=lr, betas=(b1, b2), eps=eps)
    m = v = 0.0
    expected = [x]
    for t in (1, 2, 3):
        g = A * x
        m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g * g
        x -= lr * (m / (1 - b1 ** t)) / (math.sqrt(v / (1 - b2 ** t)) + eps)
        expected.append(x)
    np.testing.assert_allclose(path[:, 0], expected, rtol=1e-12)
    assert path[0, 0] - path[1, 0] == pytest.approx(lr, rel=1e-6)  # bias-corrected: first step = lr


@settings(max_examples=30, deadline=None)
@given(scale=st.floats(1e-3, 1e3), x0=st.floats(-5, 5).filter(lambda v: abs(v) > 0.1))
def test_adam_and_rmsprop_ignore_the_scale_of_the_loss(scale, x0):
    for opt_class, options in [(optim.Adam, {"lr": 0.05}), (optim.RMSProp, {"lr": 0.01})]:
        base = run(opt_class, [x0], grad, 10, eps=1e-12, **options)
        scaled = run(opt_class, [x0], lambda x: scale * grad(x), 10, eps=1e-12, **options)
        np.testing.assert_allclose(scaled, base, rtol=1e-6, atol=1e-9)


def test_weight_decay_adds_decay_times_w_to_the_gradient():
    params = {"w": np.array([2.0])}
    optim.SGD(params, lr=0.1, weight_decay=0.5).step({"w": np.array([1.0])})
    np.testing.assert_allclose(params["w"], [2.0 - 0.1 * (1.0 + 0.5 * 2.0)])


def test_a_model_trains_in_place_from_its_own_grads():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(64, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(int)  # XOR-like: needs the hidden layer
    model = nn.mlp([2, 16, 2], activation="tanh", rng=rng)
    W = model.params["0.W"]
    opt = optim.Adam(model, lr=0.05)
    first = losses.softmax_cross_entropy(y, model(X))
    for _ in range(300):
        model.backward(losses.softmax_cross_entropy.backward(y, model(X)))
        opt.step()
    assert model.params["0.W"] is W  # updated in place, the model sees it
    assert losses.softmax_cross_entropy(y, model(X)) < 0.25 * first
    assert (model(X).argmax(axis=1) == y).mean() > 0.95


def test_float32_parameters_stay_float32():
    params = {"w": np.ones(3, dtype=np.float32)}
    for opt in (optim.SGD(params, lr=0.1, momentum=0.9), optim.RMSProp(params), optim.Adam(params)):
        opt.step({"w": np.full(3, 0.5)})
        assert params["w"].dtype == np.float32


def test_schedules():
    opt = optim.SGD({"w": np.zeros(1)}, lr=1.0)
    step = optim.StepLR(opt, step_size=2, gamma=0.5)
    assert [step.step() for _ in range(5)] == [1.0, 0.5, 0.5, 0.25, 0.25]
    assert opt.lr == 0.25
    opt = optim.SGD({"w": np.zeros(1)}, lr=1.0)
    cosine = optim.CosineLR(opt, T=4, min_lr=0.2)
    lrs = [cosine.step() for _ in range(6)]
    assert lrs[1] == pytest.approx(0.6) and lrs[3] == pytest.approx(0.2) == lrs[5]  # halfway, end, after


@pytest.mark.parametrize("make, words", [
    (lambda: optim.SGD({"w": np.array([1, 2])}, lr=0.1), "parameter 'w' has dtype int64"),
    (lambda: optim.SGD({}, lr=0.1), "non-empty dict"),
    (lambda: optim.SGD({"w": np.zeros(2)}, lr=-1), "lr must be a finite number > 0"),
    (lambda: optim.SGD({"w": np.zeros(2)}, lr=0.1, nesterov=True), "nesterov=True needs a momentum > 0"),
    (lambda: optim.Adam({"w": np.zeros(2)}, betas=(0.9, 1.0)), r"betas\[1\] must be in \[0, 1\)"),
    (lambda: optim.SGD({"w": np.zeros(2)}, lr=0.1).step({"v": np.zeros(2)}), r"no gradient for \['w'\]"),
    (lambda: optim.SGD({"w": np.zeros(2)}, lr=0.1).step({"w": np.zeros(3)}), r"has shape \(3,\), its parameter \(2,\)"),
    (lambda: optim.SGD({"w": np.zeros(2)}, lr=0.1).step({"w": np.array([1.0, np.inf])}), "the loss diverged"),
    (lambda: optim.SGD({"w": np.zeros(2)}, lr=0.1).step(), r"step\(\) needs the gradients"),
    (lambda: optim.StepLR("opt", 2), "optimizer must be a dlbook.optim optimizer"),
])
def test_errors_say_what_to_fix(make, words):
    with pytest.raises((TypeError, ValueError), match=words):
        make()


# ---- mini-batches ---------------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(N=st.integers(1, 60), batch_size=st.integers(1, 25), seed=st.integers(0, 2 ** 32 - 1))
def test_batches_cover_every_example_once_with_its_label(N, batch_size, seed):
    X = np.arange(N * 3, dtype=float).reshape(N, 3)  # row i starts with 3 i
    y = np.arange(N)
    seen = []
    for Xb, yb in batches(X, y, batch_size, rng=seed):
        assert len(Xb) == len(yb) <= batch_size
        np.testing.assert_array_equal(Xb[:, 0], 3 * yb)  # X and y still aligned
        seen.extend(yb)
    assert sorted(seen) == list(range(N))


def test_batches_shuffle_each_epoch_reproducibly_and_can_drop_the_last():
    X, y = np.arange(20)[:, None], np.arange(20)
    rng = np.random.default_rng(0)
    first = np.concatenate([yb for _, yb in batches(X, y, 8, rng=rng)])
    second = np.concatenate([yb for _, yb in batches(X, y, 8, rng=rng)])
    assert not np.array_equal(first, second) and not np.array_equal(first, np.arange(20))
    again = np.concatenate([yb for _, yb in batches(X, y, 8, rng=np.random.default_rng(0))])
    np.testing.assert_array_equal(again, first)
    assert [len(yb) for _, yb in batches(X, y, 8, rng=0, drop_last=True)] == [8, 8]
    np.testing.assert_array_equal(np.concatenate([yb for _, yb in batches(X, y, 8, rng=0, shuffle=False)]), y)
    Xb, _ = next(batches(X, y, 4, rng=0))
    Xb[...] = -1
    assert (X >= 0).all()  # a batch is a copy


def test_batches_refuse_mismatched_data_at_the_call():
    with pytest.raises(ValueError, match="X has 5 examples but y has 4"):
        batches(np.zeros((5, 2)), np.zeros(4), 2, rng=0)
    with pytest.raises(ValueError, match="batch_size must be a positive integer"):
        batches(np.zeros((5, 2)), np.zeros(5), 0, rng=0)
    with pytest.raises(TypeError, match="rng must be a numpy Generator"):
        batches(np.zeros((5, 2)), np.zeros(5), 2, rng=None)
