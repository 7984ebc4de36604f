"""The losses: gradient-checked gradients, hand-worked values, PyTorch's conventions, the
extremes, properties, dtypes and the errors a learner meets."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from dlbook import losses as L
from dlbook.gradcheck import check_gradient


def _batch(name, rng, shape=(5, 3)):
    """(y_true, y_pred) of a plausible batch for each loss, away from any clamp."""
    N, C = shape
    if name == "mse":
        return rng.normal(size=shape), rng.normal(size=shape)
    if name == "binary_cross_entropy":
        return rng.integers(0, 2, size=shape).astype(float), rng.uniform(0.05, 0.95, size=shape)
    if name == "binary_cross_entropy_with_logits":
        return rng.uniform(0, 1, size=shape), rng.normal(0, 3, size=shape)
    one_hot = np.eye(C)[rng.integers(0, C, size=N)]
    if name == "categorical_cross_entropy":
        # rows need not sum to 1 for the formula, and with C = 1 they could not move off 1
        return one_hot, rng.uniform(0.05, 0.95, size=shape)
    return one_hot, rng.normal(0, 3, size=shape)


@pytest.mark.parametrize("name", L.names())
@pytest.mark.parametrize("reduction", L.REDUCTIONS)
@pytest.mark.parametrize("shape", [(5, 3), (1, 4), (4, 1)])
def test_backward_matches_central_differences(name, reduction, shape):
    loss = L.get(name)
    y, y_hat = _batch(name, np.random.default_rng(1), shape)
    grad = loss.backward(y, y_hat, reduction=reduction)
    assert grad.shape == y_hat.shape
    # "none" is documented as the gradient of the sum of the unreduced losses
    total = "sum" if reduction == "none" else reduction
    report = check_gradient(lambda v: loss(y, v, reduction=total), y_hat, grad)
    assert report.passed, report


def test_soft_labels_gradient():
    rng = np.random.default_rng(2)
    y = rng.dirichlet(np.ones(4), size=3) * 0.9  # rows sum to 0.9: the general formula
    z = rng.normal(size=(3, 4))
    report = check_gradient(lambda v: L.softmax_cross_entropy(y, v), z, L.softmax_cross_entropy.backward(y, z))
    assert report.passed, report


def test_hand_worked_values():
    y, p = np.array([1.0, 0.0, 1.0]), np.array([0.9, 0.2, 0.6])
    bce = -(np.log(0.9) + np.log(0.8) + np.log(0.6)) / 3  # the seed's formula, N = 3
    assert L.binary_cross_entropy(y, p) == pytest.approx(bce)
    assert L.binary_cross_entropy(y, p, reduction="sum") == pytest.approx(3 * bce)
    np.testing.assert_allclose(L.binary_cross_entropy(y, p, reduction="none"),
                               -np.log([0.9, 0.8, 0.6]))
    z = np.log(p / (1 - p))  # the logits of the same probabilities
    assert L.binary_cross_entropy_with_logits(y, z) == pytest.approx(bce)
    assert L.mse(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 3.0], [3.0, 2.0]])) == 1.25
    Y, P = np.array([[0, 1, 0], [1, 0, 0]]), np.array([[0.2, 0.5, 0.3], [0.1, 0.1, 0.8]])
    cce = -(np.log(0.5) + np.log(0.1)) / 2
    assert L.categorical_cross_entropy(Y, P) == pytest.approx(cce)
    assert L.categorical_cross_entropy(np.array([1, 0]), P) == pytest.approx(cce)
    assert L.softmax_cross_entropy(Y, np.log(P)) == pytest.approx(cce)
    assert L.logsumexp(np.array([0.0, np.log(3.0)])) == pytest.approx(np.log(4.0))


def test_fused_softmax_cross_entropy_gradient_is_p_minus_y_over_n():
    rng = np.random.default_rng(3)
    Y, Z = np.eye(4)[[0, 3, 1]], rng.normal(size=(3, 4))
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(L.softmax_cross_entropy.backward(Y, Z), (P - Y) / 3, rtol=1e-12)
    np.testing.assert_allclose(L.softmax_cross_entropy.backward(np.array([0, 3, 1]), Z), (P - Y) / 3, rtol=1e-12)


def test_pytorch_conventions_at_p_0_and_1():
    y, p = np.array([1.0, 0.0, 1.0, 0.0]), np.array([0.0, 1.0, 1.0, 0.0])
    # the two confidently wrong predictions cost 100 each (log clamped at -100), the right ones 0
    np.testing.assert_array_equal(L.binary_cross_entropy(y, p, reduction="none"), [100, 100, 0, 0])
    assert L.binary_cross_entropy(y, p) == 50.0
    grad = L.binary_cross_entropy.backward(y, p, reduction="sum")
    np.testing.assert_array_equal(grad, [-1e12, 1e12, 0, 0])  # (p - y) / max(p (1 - p), 1e-12)
    assert L.categorical_cross_entropy(np.array([[1.0, 0.0]]), np.array([[0.0, 1.0]])) == 100.0
    assert L.mse(np.array([1.0, 2.0]), np.array([2.0, 4.0])) == 2.5  # mean over all elements


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_logits_of_1e4_give_finite_losses_and_gradients(dtype):
    # RuntimeWarnings are errors in this suite, so any overflow fails here
    z = np.array([[1e4, -1e4, 0.0], [-1e4, 1e4, 1e4], [1e4, 1e4, 1e4]], dtype=dtype)
    Y = np.eye(3, dtype=dtype)[[1, 0, 2]]
    ce = L.softmax_cross_entropy(Y, z, reduction="none")
    assert ce.dtype == dtype and np.isfinite(ce).all()
    # float32 keeps ~7 digits of 1e4 + log 3, so log 3 survives only to ~1e-3 absolute
    np.testing.assert_allclose(ce, [2e4, 2e4 + np.log(2), np.log(3)], rtol=1e-6, atol=1e-3)
    assert np.isfinite(L.softmax_cross_entropy.backward(Y, z)).all()
    assert np.isfinite(L.log_softmax(z)).all()
    y = np.array([0.0, 1.0, 1.0], dtype=dtype)
    zb = np.array([1e4, -1e4, 1e4], dtype=dtype)
    np.testing.assert_allclose(L.binary_cross_entropy_with_logits(y, zb, reduction="none"), [1e4, 1e4, 0])
    np.testing.assert_allclose(L.binary_cross_entropy_with_logits.backward(y, zb), [1 / 3, -1 / 3, 0])


@pytest.mark.parametrize("name", L.names())
def test_dtypes_scalars_and_no_mutation(name):
    loss = L.get(name)
    y, y_hat = _batch(name, np.random.default_rng(4))
    y32, y_hat32 = y.astype(np.float32), y_hat.astype(np.float32)
    before = y_hat32.copy(), y32.copy()
    value = loss(y32, y_hat32)
    assert np.ndim(value) == 0 and value.dtype == np.float32
    assert loss.backward(y32, y_hat32).dtype == np.float32
    assert loss(y32, y_hat32, reduction="none").dtype == np.float32
    np.testing.assert_array_equal(y_hat32, before[0])
    np.testing.assert_array_equal(y32, before[1])
    assert isinstance(loss(y, y_hat), float)  # np.float64 is a Python float
    assert loss(y.tolist(), y_hat.tolist()) == pytest.approx(loss(y, y_hat))


@pytest.mark.parametrize("name", ["categorical_cross_entropy", "softmax_cross_entropy"])
def test_categorical_reductions_are_per_example(name):
    loss = L.get(name)
    y, y_hat = _batch(name, np.random.default_rng(5), (6, 4))
    per_example = loss(y, y_hat, reduction="none")
    assert per_example.shape == (6,)
    assert loss(y, y_hat) == pytest.approx(per_example.mean())
    assert loss(y, y_hat, reduction="sum") == pytest.approx(per_example.sum())
    assert loss(y[0], y_hat[0]) == pytest.approx(per_example[0])  # one example, a 1-D row


@pytest.mark.parametrize("call, error, words", [
    (lambda: L.mse(np.zeros(4), np.zeros((4, 1))), ValueError,
     "y_true has shape (4,) but y_pred has shape (4, 1): they must match. numpy would broadcast them to (4, 4)"),
    (lambda: L.mse(np.zeros((4, 1)), np.zeros(4)), ValueError, "Use y_true.reshape(-1)"),
    (lambda: L.binary_cross_entropy(np.zeros(2), np.array([0.5, 2.0])), ValueError,
     "y_pred must hold probabilities in [0, 1], found 2.0 at index (1,): are these logits?"),
    (lambda: L.binary_cross_entropy(np.array([0.0, 3.0]), np.full(2, 0.5)), ValueError,
     "y_true must hold probabilities in [0, 1], found 3.0"),
    (lambda: L.categorical_cross_entropy(np.array([0, 2]), np.full((2, 2), 0.5)), ValueError,
     "y_true holds the label 2 at index (1,), but y_pred has C = 2 classes: labels must be in 0..1"),
    (lambda: L.softmax_cross_entropy(np.array([0, -1]), np.zeros((2, 3))), ValueError, "the label -1"),
    (lambda: L.softmax_cross_entropy(np.array([0.0, 1.0]), np.zeros((2, 3))), ValueError,
     "these labels are floats: use y_true.astype(int)"),
    (lambda: L.softmax_cross_entropy(np.zeros((2, 4)), np.zeros((2, 3))), ValueError,
     "one-hot rows of shape (2, 3) or integer labels of shape (2,)"),
    (lambda: L.mse(np.zeros(2), np.array([0.0, np.nan])), ValueError, "y_pred contains nan at index (1,)"),
    (lambda: L.mse(np.array([np.inf, 0.0]), np.zeros(2)), ValueError, "y_true contains inf at index (0,)"),
    (lambda: L.mse(np.zeros(2), np.zeros(2), reduction="avg"), ValueError, "reduction must be one of"),
    (lambda: L.mse.backward(np.zeros(2), np.zeros(2), reduction="avg"), ValueError, "reduction must be one of"),
    (lambda: L.mse(np.zeros(0), np.zeros(0)), ValueError, "the batch is empty"),
    (lambda: L.softmax_cross_entropy(np.zeros((0,), dtype=int), np.zeros((0, 3))), ValueError, "the batch is empty"),
    (lambda: L.softmax_cross_entropy(0, 1.0), ValueError, "one entry per class"),
    (lambda: L.mse("a", np.zeros(2)), TypeError, "y_true must be an array of real numbers"),
    (lambda: L.get("hinge"), ValueError, "unknown loss 'hinge'"),
])
def test_bad_input_names_the_argument(call, error, words):
    with pytest.raises(error) as info:
        call()
    assert words in str(info.value)


probabilities = st.floats(0, 1, allow_nan=False)
logits = st.floats(-1e4, 1e4, allow_nan=False)


@given(arrays(np.float64, 6, elements=st.integers(0, 1).map(float)), arrays(np.float64, 6, elements=probabilities))
def test_bce_is_non_negative_and_zero_only_at_a_perfect_prediction(y, p):
    losses = L.binary_cross_entropy(y, p, reduction="none")
    assert (losses >= 0).all() and (losses <= 100).all()
    assert (losses[p == y] == 0).all()
    # and zero nowhere else, up to rounding: -log(1 - 1e-17) is 0 in float64
    assert (np.abs(p - y)[losses == 0] < 1e-15).all()


@given(arrays(np.float64, 6, elements=st.integers(0, 1).map(float)), arrays(np.float64, 6, elements=logits))
def test_bce_with_logits_is_finite_non_negative_and_matches_bce(y, z):
    losses = L.binary_cross_entropy_with_logits(y, z, reduction="none")
    assert np.isfinite(losses).all() and (losses >= 0).all()
    p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))  # where p is not rounded to 0 or 1 the two agree
    inside = np.abs(z) < 30
    np.testing.assert_allclose(losses[inside], L.binary_cross_entropy(y, p, reduction="none")[inside], rtol=1e-7, atol=1e-9)


@given(arrays(np.float64, (4, 3), elements=st.floats(-50, 50)), arrays(np.int64, 4, elements=st.integers(0, 2)))
def test_integer_and_one_hot_labels_agree(z, labels):
    one_hot = np.eye(3)[labels]
    assert L.softmax_cross_entropy(labels, z) == pytest.approx(L.softmax_cross_entropy(one_hot, z))
    np.testing.assert_allclose(L.softmax_cross_entropy.backward(labels, z), L.softmax_cross_entropy.backward(one_hot, z))
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    assert L.categorical_cross_entropy(labels, p) == pytest.approx(L.categorical_cross_entropy(one_hot, p))


@given(arrays(np.float64, (3, 4), elements=logits), arrays(np.int64, 3, elements=st.integers(0, 3)))
def test_softmax_cross_entropy_is_non_negative_and_zero_only_when_certain(z, labels):
    losses = L.softmax_cross_entropy(labels, z, reduction="none")
    assert np.isfinite(losses).all() and (losses >= 0).all()
    margin = z[np.arange(3), labels] - np.where(np.eye(4)[labels] == 1, -np.inf, z).max(axis=1)
    assert ((losses == 0) <= (margin > 30)).all()  # zero only when the true logit wins by far


@given(arrays(np.float64, (2, 5), elements=st.floats(-1e3, 1e3)))
def test_log_softmax_is_the_log_of_softmax(z):
    p = np.exp(L.log_softmax(z))
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(L.logsumexp(z), np.log(np.exp(z - z.max(axis=1, keepdims=True)).sum(axis=1)) + z.max(axis=1))


millis = st.integers(-10 ** 6, 10 ** 6).map(lambda k: k / 1000)  # squares of differences cannot underflow


@given(arrays(np.float64, 5, elements=millis), arrays(np.float64, 5, elements=millis))
def test_mse_is_zero_only_at_a_perfect_prediction(y, y_hat):
    assert L.mse(y, y_hat) >= 0
    assert (L.mse(y, y_hat) == 0) == np.array_equal(y, y_hat)


@pytest.mark.parametrize("name", ["mse", "binary_cross_entropy", "binary_cross_entropy_with_logits",
                                  "categorical_cross_entropy", "softmax_cross_entropy"])
def test_value_and_grad_is_the_mean_loss_and_its_backward(name):
    from dlbook import losses as L

    loss = L.get(name)
    rng = np.random.default_rng(7)
    if name.startswith("categorical"):
        y, y_pred = rng.integers(0, 3, size=5), rng.dirichlet(np.ones(3), size=5)
    elif name.startswith("softmax"):
        y, y_pred = rng.integers(0, 3, size=5), rng.normal(size=(5, 3))
    elif name == "binary_cross_entropy":
        y, y_pred = rng.integers(0, 2, size=(5, 1)).astype(float), rng.uniform(0.05, 0.95, size=(5, 1))
    elif name == "binary_cross_entropy_with_logits":
        y, y_pred = rng.integers(0, 2, size=(5, 1)).astype(float), rng.normal(size=(5, 1))
    else:
        y, y_pred = rng.normal(size=(5, 2)), rng.normal(size=(5, 2))
    value, grad = loss.value_and_grad(y, y_pred)
    assert value == pytest.approx(loss(y, y_pred), rel=1e-12)
    np.testing.assert_allclose(grad, loss.backward(y, y_pred), rtol=1e-12)
