"""The gradient checker, checked on functions whose gradients are known by hand."""

import numpy as np
import pytest

from dlbook.gradcheck import check_gradient, numerical_gradient, relative_error


def test_numerical_gradient_of_a_known_function():
    x = np.array([[1.0, -2.0, 0.5], [3.0, 0.0, -1.5]])
    grad = numerical_gradient(lambda v: (v ** 3).sum(), x)
    np.testing.assert_allclose(grad, 3 * x ** 2, rtol=1e-7, atol=1e-8)
    assert grad.dtype == np.float64 and grad.shape == x.shape


def test_float32_input_is_differentiated_in_float64_and_left_alone():
    x = np.array([0.3, -1.2], dtype=np.float32)
    before = x.copy()
    grad = numerical_gradient(lambda v: np.sin(v).sum(), x)
    np.testing.assert_allclose(grad, np.cos(x.astype(np.float64)), rtol=1e-8)
    np.testing.assert_array_equal(x, before)


def test_vector_jacobian_product_with_grad_output():
    x, g = np.array([1.0, 2.0, 3.0]), np.array([0.5, -1.0, 2.0])
    # f(x) = x^2 element-wise: the VJP is g * 2x
    np.testing.assert_allclose(numerical_gradient(lambda v: v ** 2, x, grad_output=g), g * 2 * x, rtol=1e-8)


def test_relative_error_by_hand():
    assert relative_error(np.array([1.0]), np.array([1.0])) == 0.0
    assert relative_error(np.array([1.0, 3.0]), np.array([1.0, 1.0])) == pytest.approx(0.5)  # 2 / 4
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    with pytest.raises(ValueError, match="a has shape"):
        relative_error(np.zeros(2), np.zeros(3))


def test_check_gradient_passes_right_and_fails_wrong():
    x = np.random.default_rng(0).normal(size=(3, 4))
    f = lambda v: (np.tanh(v) * v).sum()  # noqa: E731
    right = np.tanh(x) + x * (1 - np.tanh(x) ** 2)
    assert check_gradient(f, x, right).passed
    wrong = right.copy()
    wrong[2, 1] += 0.1
    report = check_gradient(f, x, wrong)
    assert not report.passed
    assert report.worst[0][0] == (2, 1)  # the worst element is named
    assert "FAILED" in str(report) and "(2, 1)" in str(report)
    assert report.max_relative_error > 1e-3


def test_absolute_floor_for_tiny_gradients():
    x = np.array([40.0, 50.0])
    f = lambda v: np.exp(-v).sum()  # noqa: E731  gradients around 1e-18
    slightly_off = -np.exp(-x) * 1.5
    assert check_gradient(f, x, slightly_off).passed  # below atol: too small to judge
    assert not check_gradient(f, x, slightly_off, atol=0).passed


def test_refusals():
    with pytest.raises(TypeError, match="integer dtype"):
        numerical_gradient(lambda v: v.sum(), np.array([1, 2, 3]))
    with pytest.raises(ValueError, match="analytic has shape"):
        check_gradient(lambda v: v.sum(), np.zeros(3), np.zeros(2))
    with pytest.raises(ValueError, match="must return one number"):
        numerical_gradient(lambda v: v, np.zeros(3))
