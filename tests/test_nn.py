"""Layers, networks and initialisation: the forward pass by hand, shapes, dtypes, errors."""

import numpy as np
import pytest

from dlbook import init, nn


def test_dense_by_hand():
    X = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]])  # N = 3, D_in = 2
    W = np.array([[1.0, 0.0, -1.0], [0.5, 2.0, 1.0]])  # D_in = 2, D_out = 3
    b = np.array([0.0, 1.0, -2.0])
    expected = [[2.0, 5.0, -1.0], [-0.5, -1.0, -3.0], [3.5, 3.0, -4.0]]
    np.testing.assert_array_equal(nn.dense(X, W, b), expected)
    layer = nn.Dense(2, 3, rng=0)
    layer.params.update(W=W, b=b)
    np.testing.assert_array_equal(layer(X), expected)
    assert layer.n_params == 9 and (layer.in_features, layer.out_features) == (2, 3)


def test_dense_keeps_float32_and_leaves_inputs_alone():
    layer = nn.Dense(4, 2, rng=np.random.default_rng(1))
    X = np.random.default_rng(2).normal(size=(5, 4)).astype(np.float32)
    before = X.copy(), layer.params["W"].copy()
    Z = layer(X)
    assert Z.dtype == np.float32 and Z.shape == (5, 2)
    np.testing.assert_allclose(Z, X.astype(np.float64) @ layer.params["W"], rtol=1e-5)
    np.testing.assert_array_equal(X, before[0])
    assert layer.params["W"].dtype == np.float64
    np.testing.assert_array_equal(layer.params["W"], before[1])


@pytest.mark.parametrize("X, W, b, words", [
    (np.ones((3, 4)), np.ones((2, 4)), np.ones(2), "W has shape (2, 4) but X has D_in = 4 features (shape (3, 4)): W must have shape (4, D_out): it looks transposed, use W.T"),
    (np.ones((3, 4)), np.ones((4, 2)), np.ones((2, 1)), "b has shape (2, 1): it must have shape (2,)"),
    (np.ones((3, 4)), np.ones((4, 2)), np.ones(3), "b has shape (3,)"),
    (np.ones(4), np.ones((4, 2)), np.ones(2), "X has shape (4,): it must be a batch of shape (N, D_in); one example x of shape (D,) is the batch x.reshape(1, -1)"),
    (np.ones((3, 4)), np.ones(4), np.ones(1), "W has shape (4,): it must have shape (D_in, D_out)"),
    (np.array([[1.0, np.nan]]), np.ones((2, 1)), np.ones(1), "X contains nan at index (0, 1)"),
])
def test_dense_errors_name_the_argument_and_the_shapes(X, W, b, words):
    with pytest.raises(ValueError) as info:
        nn.dense(X, W, b)
    assert words in str(info.value)


def test_parameter_count():
    assert nn.parameter_count([2, 3, 1]) == 2 * 3 + 3 + 3 * 1 + 1 == 13
    assert nn.parameter_count([784, 128, 64, 10]) == 109_386
    assert nn.parameter_count([5]) == 0
    assert nn.parameter_count((4, 4)) == 20
    model = nn.mlp([784, 128, 64, 10], rng=0)
    assert model.n_params == 109_386 == sum(p.size for p in model.params.values())
    for bad in ([], [3, 0], [2.5, 1], [True, 2]):
        with pytest.raises(ValueError, match="positive integers"):
            nn.parameter_count(bad)


def test_sequential_chains_layers_and_names_parameters():
    rng = np.random.default_rng(3)
    model = nn.Sequential(nn.Dense(2, 4, rng=rng), nn.ReLU(), nn.Dense(4, 3, rng=rng), nn.Softmax())
    assert list(model.params) == ["0.W", "0.b", "2.W", "2.b"]
    assert model.params["2.W"] is model.layers[2].params["W"]  # the same arrays, not copies
    X = rng.normal(size=(6, 2))
    P = model(X)
    p = model.params
    hidden = np.maximum(X @ p["0.W"] + p["0.b"], 0)
    Z = hidden @ p["2.W"] + p["2.b"]
    np.testing.assert_allclose(P, np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True), rtol=1e-12)
    outputs = model.activations(X)
    assert [o.shape for o in outputs] == [(6, 2), (6, 4), (6, 4), (6, 3), (6, 3)]
    with pytest.raises(TypeError, match="layer 1 is 'relu', not a dlbook.nn layer"):
        nn.Sequential(nn.Dense(2, 2, rng=0), "relu")


def test_mlp_layers_and_output_activations():
    model = nn.mlp([2, 8, 8, 1], activation="tanh", output="sigmoid", rng=0)
    kinds = [type(layer).__name__ for layer in model.layers]
    assert kinds == ["Dense", "Activation", "Dense", "Activation", "Dense", "Activation"]
    assert [layer.name for layer in model.layers[1::2]] == ["tanh", "tanh", "sigmoid"]
    assert model.layers[0].init == "xavier_uniform"
    out = model(np.random.default_rng(0).normal(size=(5, 2)))
    assert out.shape == (5, 1) and ((out > 0) & (out < 1)).all()
    logits = nn.mlp([3, 4, 2], rng=1)
    assert type(logits.layers[-1]) is nn.Dense  # no output activation: logits
    assert logits.layers[0].init == "he_normal"


def test_same_seed_same_network():
    a, b = nn.mlp([3, 5, 2], rng=7), nn.mlp([3, 5, 2], rng=7)
    for key in a.params:
        np.testing.assert_array_equal(a.params[key], b.params[key])
    assert not np.array_equal(a.params["0.W"], nn.mlp([3, 5, 2], rng=8).params["0.W"])
    with pytest.raises(TypeError, match="rng must be a numpy Generator or an int seed"):
        nn.Dense(2, 2, rng=None)


@pytest.mark.parametrize("name, variance", [
    ("xavier_uniform", 2 / (400 + 300)), ("xavier_normal", 2 / (400 + 300)),
    ("he_uniform", 2 / 400), ("he_normal", 2 / 400),
])
def test_initialisation_variances(name, variance):
    W = init.get(name)(400, 300, np.random.default_rng(4))
    assert W.shape == (400, 300)
    assert W.var() == pytest.approx(variance, rel=0.02)  # 120,000 draws: ~0.4% standard error
    assert abs(W.mean()) < 0.01 * np.sqrt(variance) * 10


def test_uniform_bounds_and_zeros():
    a = np.sqrt(6 / 10)
    W = init.xavier_uniform(4, 6, 0)
    assert (np.abs(W) <= a).all()
    np.testing.assert_array_equal(init.zeros(3, 2), np.zeros((3, 2)))
    with pytest.raises(ValueError, match="fan_in must be a positive integer"):
        init.he_normal(0, 3, 0)
    with pytest.raises(ValueError, match="unknown initialisation 'glorot'"):
        init.get("glorot")


def test_he_keeps_the_signal_alive_through_deep_relu_layers():
    # the reason for He's 2 / fan_in: the mean square activation neither dies nor explodes
    rng = np.random.default_rng(5)
    a = rng.normal(size=(500, 256))
    for _ in range(20):
        a = np.maximum(a @ init.he_normal(256, 256, rng), 0)
    assert 0.3 < (a ** 2).mean() < 3


# ---- the backward pass: every layer and a whole network, gradient-checked ----------------

from dlbook import losses  # noqa: E402
from dlbook.gradcheck import check_gradient  # noqa: E402


def test_dense_backward_by_hand():
    X = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]])  # N = 3, D_in = 2
    W = np.array([[1.0, 0.0, -1.0], [0.5, 2.0, 1.0]])  # (2, 3)
    dZ = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [1.0, 0.0, 2.0]])
    dX, dW, db = nn.dense_backward(X, W, dZ)
    np.testing.assert_array_equal(dW, [[4.0, 0.0, 6.0], [3.0, -1.0, 2.0]])  # X.T @ dZ
    np.testing.assert_array_equal(db, [2.0, 1.0, 2.0])  # summed over the batch
    np.testing.assert_array_equal(dX, [[1.0, 0.5], [0.0, 2.0], [-1.0, 2.5]])  # dZ @ W.T
    with pytest.raises(ValueError, match=r"dZ has shape \(3, 2\): the gradient of a layer's output must have the output's shape \(3, 3\)"):
        nn.dense_backward(X, W, dZ[:, :2])


@pytest.mark.parametrize("N, D_in, D_out", [(5, 3, 2), (1, 4, 3), (3, 2, 3), (4, 6, 1)])
def test_dense_layer_gradient_check(N, D_in, D_out):
    rng = np.random.default_rng(N * 100 + D_in * 10 + D_out)
    layer = nn.Dense(D_in, D_out, rng=rng)
    layer.params["b"] = rng.normal(size=D_out)
    X, dZ = rng.normal(size=(N, D_in)), rng.normal(size=(N, D_out))
    layer(X)
    dX = layer.backward(dZ)
    assert set(layer.grads) == set(layer.params)
    W, b = layer.params["W"], layer.params["b"]
    assert check_gradient(lambda X_: nn.dense(X_, W, b), X, dX, grad_output=dZ)
    assert check_gradient(lambda W_: nn.dense(X, W_, b), W, layer.grads["W"], grad_output=dZ)
    assert check_gradient(lambda b_: nn.dense(X, W, b_), b, layer.grads["b"], grad_output=dZ)


@pytest.mark.parametrize("name", ["relu", "sigmoid", "tanh", "softmax", "leaky_relu", "softplus"])
def test_activation_layer_gradient_check(name):
    rng = np.random.default_rng(len(name))
    layer = nn.Activation(name)
    Z, dA = rng.normal(0, 2, size=(4, 3)), rng.normal(size=(4, 3))
    layer(Z)
    dZ = layer.backward(dA)
    assert layer.grads == {} and dZ.shape == Z.shape
    assert check_gradient(lambda Z_: nn.Activation(name)(Z_), Z, dZ, grad_output=dA)


def test_relu_layer_passes_no_gradient_at_zero():
    layer = nn.ReLU()
    layer(np.array([[-1.0, 0.0, 2.0]]))
    np.testing.assert_array_equal(layer.backward(np.ones((1, 3))), [[0.0, 0.0, 1.0]])


@pytest.mark.parametrize("output, loss", [
    (None, losses.softmax_cross_entropy), ("softmax", losses.categorical_cross_entropy)])
def test_whole_network_gradient_check(output, loss):
    """A 3-5-4-2 network and its loss, every parameter checked against central differences."""
    rng = np.random.default_rng(11)
    model = nn.mlp([3, 5, 4, 2], activation="tanh", output=output, rng=rng)
    for key, p in model.params.items():
        if key.endswith(".b"):
            p[...] = rng.normal(size=p.shape)  # nonzero biases, so a bias bug shows
    X, y = rng.normal(size=(6, 3)), rng.integers(0, 2, size=6)

    out = model(X)
    dX = model.backward(loss.backward(y, out))
    grads = model.grads
    assert list(grads) == list(model.params) == ["0.W", "0.b", "2.W", "2.b", "4.W", "4.b"]

    def L():
        return loss(y, model(X))

    for key, p in model.params.items():
        def f(v, p=p):
            saved = p.copy()
            p[...] = v
            try:
                return L()
            finally:
                p[...] = saved
        report = check_gradient(f, p, grads[key], rtol=1e-5)
        assert report, f"{key}: {report}"
    assert check_gradient(lambda X_: loss(y, model(X_)), X, dX, rtol=1e-5)


def test_backward_keeps_float32_data_and_float64_gradients():
    model = nn.mlp([4, 3, 2], rng=0)
    X = np.random.default_rng(1).normal(size=(5, 4)).astype(np.float32)
    before = X.copy()
    out = model(X)
    dX = model.backward(np.ones_like(out))
    assert out.dtype == dX.dtype == np.float32
    assert all(g.dtype == np.float64 for g in model.grads.values())
    np.testing.assert_array_equal(X, before)


def test_backward_before_forward_and_wrong_gradient_shapes_are_explained():
    with pytest.raises(RuntimeError, match=r"Dense\(2, 3\).backward needs the forward pass first"):
        nn.Dense(2, 3, rng=0).backward(np.ones((1, 3)))
    model = nn.mlp([2, 3, 1], rng=0)
    model(np.ones((4, 2)))
    with pytest.raises(ValueError, match=r"dZ has shape \(4,\)"):
        model.backward(np.ones(4))
    with pytest.raises(ValueError, match=r"dA has shape \(2, 3\): .* shape \(4, 3\)"):
        model.layers[1].backward(np.ones((2, 3)))


def test_a_second_backward_replaces_the_gradients():
    model = nn.mlp([2, 3, 1], rng=0)
    X = np.ones((4, 2))
    model.backward(np.ones_like(model(X)))
    first = {k: g.copy() for k, g in model.grads.items()}
    model.backward(np.ones_like(model(X)))
    for key in first:
        np.testing.assert_array_equal(model.grads[key], first[key])
