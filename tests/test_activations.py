"""The activations: gradient-checked derivatives, properties, extremes, dtypes and errors."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from dlbook import activations as A
from dlbook.gradcheck import check_gradient

ELEMENTWISE = [A.sigmoid, A.tanh, A.relu, A.leaky_relu, A.LeakyReLU(0.2), A.softplus]
SHAPES = [(7,), (3, 5), (1, 4), (2, 3, 4)]


def _away_from_kinks(rng, shape):
    # relu and leaky_relu have no derivative at 0: keep central differences off the kink
    z = rng.normal(0, 3, size=shape)
    return np.where(np.abs(z) < 1e-3, 0.5, z)


@pytest.mark.parametrize("f", ELEMENTWISE, ids=repr)
@pytest.mark.parametrize("shape", SHAPES)
def test_derivative_matches_central_differences(f, shape):
    z = _away_from_kinks(np.random.default_rng(1), shape)
    report = check_gradient(lambda v: f(v).sum(), z, f.derivative(z))
    assert report.passed, report


@pytest.mark.parametrize("f", ELEMENTWISE, ids=repr)
@pytest.mark.parametrize("shape", SHAPES)
def test_backward_is_the_vector_jacobian_product(f, shape):
    rng = np.random.default_rng(2)
    z, g = _away_from_kinks(rng, shape), rng.normal(size=shape)
    report = check_gradient(f, z, f.backward(z, g), grad_output=g)
    assert report.passed, report


@pytest.mark.parametrize("shape", [(5,), (3, 5), (1, 4), (2, 3, 4)])
def test_softmax_backward_matches_central_differences(shape):
    rng = np.random.default_rng(3)
    z, g = rng.normal(0, 2, size=shape), rng.normal(size=shape)
    report = check_gradient(A.softmax, z, A.softmax.backward(z, g), grad_output=g)
    assert report.passed, report


def test_softmax_jacobian_matches_backward_and_central_differences():
    rng = np.random.default_rng(4)
    z, g = rng.normal(size=5), rng.normal(size=5)
    J = A.softmax.jacobian(z)
    assert J.shape == (5, 5)
    np.testing.assert_allclose(g @ J, A.softmax.backward(z, g), rtol=1e-12, atol=1e-15)
    for i in range(5):  # row i of the Jacobian is the gradient of p_i
        report = check_gradient(lambda v: A.softmax(v)[i], z, J[i])
        assert report.passed, report
    batched = A.softmax.jacobian(np.stack([z, -z]))
    assert batched.shape == (2, 5, 5)
    np.testing.assert_allclose(batched[0], J)


def test_hand_worked_values():
    assert A.sigmoid(0.0) == 0.5
    assert A.sigmoid.derivative(0.0) == 0.25
    assert A.tanh.derivative(0.0) == 1.0
    np.testing.assert_allclose(A.sigmoid(np.log(3.0)), 0.75)
    np.testing.assert_allclose(A.softmax(np.array([0.0, np.log(3.0)])), [0.25, 0.75])
    np.testing.assert_allclose(A.softplus(0.0), np.log(2.0))
    np.testing.assert_allclose(A.tanh(1.0), (np.e - 1 / np.e) / (np.e + 1 / np.e))


def test_pytorch_conventions_at_zero():
    z = np.array([-1.0, 0.0, 2.0])
    np.testing.assert_array_equal(A.relu.derivative(z), [0.0, 0.0, 1.0])  # relu'(0) = 0
    np.testing.assert_array_equal(A.leaky_relu(z), [-0.01, 0.0, 2.0])
    np.testing.assert_array_equal(A.leaky_relu.derivative(z), [0.01, 0.01, 1.0])
    assert A.LeakyReLU(0.2)(-1.0) == pytest.approx(-0.2)


EXTREME = np.array([-1e4, -1000.0, -710.0, -89.0, 0.0, 89.0, 710.0, 1000.0, 1e4])


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("f", ELEMENTWISE, ids=repr)
def test_extremes_are_finite_without_warnings(f, dtype):
    # RuntimeWarnings are errors in this suite (pyproject), so an overflow fails here
    z = EXTREME.astype(dtype)
    for out in (f(z), f.derivative(z), f.backward(z, np.ones_like(z))):
        assert np.isfinite(out).all()
        assert out.dtype == dtype


def test_extreme_values_are_the_limits():
    np.testing.assert_array_equal(A.sigmoid(np.array([-1e4, 1e4])), [0.0, 1.0])
    np.testing.assert_array_equal(A.tanh(np.array([-1e4, 1e4])), [-1.0, 1.0])
    np.testing.assert_array_equal(A.softplus(np.array([-1e4, 1e4])), [0.0, 1e4])
    np.testing.assert_array_equal(A.sigmoid.derivative(np.array([-1e4, 1e4])), [0.0, 0.0])
    # the tails keep their value instead of rounding to 0: sigma'(-30) = e^-30 / (1 + e^-30)^2
    np.testing.assert_allclose(A.sigmoid.derivative(-30.0), np.exp(-30.0), rtol=1e-12)
    np.testing.assert_allclose(A.tanh.derivative(20.0), 4 * np.exp(-40.0), rtol=1e-12)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_softmax_extremes(dtype):
    z = np.array([[1e4, -1e4, 0.0], [1000.0, 1001.0, 1002.0], [-1e4, -1e4, -1e4]], dtype=dtype)
    p = A.softmax(z)
    assert p.dtype == dtype and np.isfinite(p).all()
    np.testing.assert_allclose(p[0], [1.0, 0.0, 0.0])
    np.testing.assert_allclose(p[2], [1 / 3] * 3, rtol=1e-6)
    np.testing.assert_allclose(p[1], A.softmax(np.array([0.0, 1.0, 2.0])), rtol=1e-5)
    assert np.isfinite(A.softmax.backward(z, np.ones_like(z))).all()


@pytest.mark.parametrize("f", ELEMENTWISE + [A.softmax], ids=repr)
def test_dtypes_and_no_mutation(f):
    z32 = np.array([[-2.0, 0.5, 3.0]], dtype=np.float32)
    before = z32.copy()
    assert f(z32).dtype == np.float32
    np.testing.assert_array_equal(z32, before)
    zi = np.array([[-2, 0, 3]])
    assert f(zi).dtype == np.float64
    np.testing.assert_array_equal(zi, [[-2, 0, 3]])
    assert f([[-2.0, 0.5, 3.0]]).shape == (1, 3)  # lists are accepted


def test_scalars_give_scalars():
    assert np.ndim(A.sigmoid(1.0)) == 0 and np.ndim(A.relu.derivative(2)) == 0


@pytest.mark.parametrize("bad, error, words", [
    (np.array([0.0, np.nan]), ValueError, "z contains nan at index (1,)"),
    (np.array([np.inf]), ValueError, "z contains inf"),
    ("hello", TypeError, "z must be an array of real numbers"),
    ([[1.0], [1.0, 2.0]], TypeError, "z must be an array of numbers"),
    (np.array([1 + 2j]), TypeError, "complex"),
])
def test_bad_input_names_the_argument(bad, error, words):
    with pytest.raises(error, match=None) as info:
        A.sigmoid(bad)
    assert words in str(info.value)


def test_bad_grad_output_and_softmax_input():
    with pytest.raises(ValueError, match=r"grad_output has shape \(2,\) but z has shape \(3,\)"):
        A.tanh.backward(np.zeros(3), np.zeros(2))
    with pytest.raises(ValueError, match="at least one class"):
        A.softmax(1.0)
    with pytest.raises(TypeError, match="not element-wise"):
        A.softmax.derivative(np.zeros(3))
    with pytest.raises(ValueError, match="negative_slope"):
        A.LeakyReLU(-1)
    with pytest.raises(ValueError, match="unknown activation 'swish'"):
        A.get("swish")


finite = st.floats(-1e4, 1e4, allow_nan=False, width=64)
vectors = arrays(np.float64, array_shapes(min_dims=1, max_dims=3, max_side=6), elements=finite)


@given(vectors)
def test_ranges(z):
    assert ((A.sigmoid(z) >= 0) & (A.sigmoid(z) <= 1)).all()
    assert ((A.tanh(z) >= -1) & (A.tanh(z) <= 1)).all()
    assert (A.relu(z) >= 0).all() and (A.softplus(z) >= A.relu(z)).all()
    ulp = 1 + 1e-15  # the peak values are exact only up to rounding
    assert ((A.sigmoid.derivative(z) >= 0) & (A.sigmoid.derivative(z) <= 0.25 * ulp)).all()
    assert ((A.tanh.derivative(z) >= 0) & (A.tanh.derivative(z) <= 1 * ulp)).all()


@given(vectors)
def test_monotonic(z):
    z = np.sort(z.ravel())
    for f in ELEMENTWISE:
        assert (np.diff(f(z)) >= 0).all(), f


@given(vectors)
def test_softmax_rows_are_distributions(z):
    p = A.softmax(z)
    assert (p >= 0).all()
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=1e-12)


@given(arrays(np.float64, (3, 4), elements=st.floats(-50, 50)), st.floats(-1000, 1000))
def test_softmax_shift_invariance(z, c):
    np.testing.assert_allclose(A.softmax(z + c), A.softmax(z), rtol=1e-9, atol=1e-12)


@given(arrays(np.float64, (2, 5), elements=st.floats(-30, 30)))
def test_tanh_is_a_rescaled_sigmoid(z):
    np.testing.assert_allclose(A.tanh(z), 2 * A.sigmoid(2 * z) - 1, atol=1e-12)
