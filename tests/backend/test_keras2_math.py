"""tf.keras 2's K math: values against NumPy formulas, tf.keras's shapes for dot / batch_dot, result_type."""
import jax.numpy as jnp
import numpy as np
import pytest

from kerax import backend as K

X = np.array([[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0]], dtype="float32")


@pytest.mark.parametrize("name, expected", [
    ("abs", np.abs(X)), ("square", X ** 2), ("exp", np.exp(X)), ("sign", np.sign(X)), ("sin", np.sin(X)),
    ("cos", np.cos(X)), ("sqrt", np.sqrt(np.maximum(X, 0))), ("log", np.log(np.abs(X))),
])
def test_elementwise(name, expected):
    source = np.abs(X) if name == "log" else X
    np.testing.assert_allclose(getattr(K, name)(source), expected, rtol=1e-5)


def test_round_is_half_to_even_and_pow_and_clip():
    np.testing.assert_array_equal(K.round(np.array([0.5, 1.5, 2.5, -0.5])), [0.0, 2.0, 2.0, -0.0])
    np.testing.assert_allclose(K.pow(X, 2), X ** 2)
    np.testing.assert_array_equal(K.clip(X, -1.0, 2.0), np.clip(X, -1, 2))
    np.testing.assert_array_equal(K.clip(X, 1.0, None), np.maximum(X, 1))
    np.testing.assert_array_equal(K.clip(X, 2.0, 1.0), np.full_like(X, 2.0))  # a max below the min is raised


@pytest.mark.parametrize("name", ["equal", "not_equal", "greater", "greater_equal", "less", "less_equal",
                                  "maximum", "minimum"])
def test_binary(name):
    y = np.array([1.0, 0.0, 3.0], dtype="float32")
    np.testing.assert_array_equal(getattr(K, name)(X, y), getattr(np, name)(X, y))


@pytest.mark.parametrize("axis, keepdims", [(None, False), (-1, False), (0, True), ([0, 1], False)])
@pytest.mark.parametrize("name", ["max", "min", "sum", "prod", "mean", "std", "var"])
def test_reductions(name, axis, keepdims):
    expected = getattr(np, name)(X, axis=tuple(axis) if isinstance(axis, list) else axis, keepdims=keepdims)
    out = getattr(K, name)(X, axis=axis, keepdims=keepdims)
    assert K.int_shape(out) == np.shape(expected)
    np.testing.assert_allclose(out, expected, rtol=1e-5)


def test_bool_reductions_and_mean_of_booleans():
    b = X > 0
    np.testing.assert_array_equal(K.any(b, axis=1), b.any(axis=1))
    np.testing.assert_array_equal(K.all(b, axis=0, keepdims=True), b.all(axis=0, keepdims=True))
    assert float(K.mean(b)) == pytest.approx(0.5) and K.dtype(K.mean(b)) == "float32"


def test_arg_and_cumulative():
    np.testing.assert_array_equal(K.argmax(X), X.argmax(-1))
    np.testing.assert_array_equal(K.argmin(X, axis=0), X.argmin(0))
    np.testing.assert_allclose(K.cumsum(X), X.cumsum(0))
    np.testing.assert_allclose(K.cumprod(X, axis=1), X.cumprod(1))


def test_dot_of_nd_tensors_as_tf_keras_defines_it(rng):
    x, y = rng.random((2, 3, 4)).astype("float32"), rng.random((5, 4, 6)).astype("float32")
    out = K.dot(x, y)
    assert K.int_shape(out) == (2, 3, 5, 6)  # tf.keras's documented example
    np.testing.assert_allclose(out, np.einsum("abk,ckd->abcd", x, y), rtol=1e-5)
    np.testing.assert_allclose(K.dot(x[0], y[0]), x[0] @ y[0], rtol=1e-5)


@pytest.mark.parametrize("x_shape, y_shape, axes, expected_shape, formula", [
    ((32, 20, 1), (32, 30, 20), (1, 2), (32, 1, 30), "bki,bjk->bij"),  # tf.keras's documented example
    ((4, 3), (4, 3), None, (4, 1), "bk,bk->b"),
    ((4, 3), (4, 3, 5), None, (4, 5), "bk,bkj->bj"),
    ((4, 2, 3), (4, 3), None, (4, 2), "bik,bk->bi"),
    ((4, 2, 3), (4, 3, 5), None, (4, 2, 5), "bik,bkj->bij"),
    ((4, 2, 3), (4, 5, 3), 2, (4, 2, 5), "bik,bjk->bij"),
])
def test_batch_dot(rng, x_shape, y_shape, axes, expected_shape, formula):
    x, y = rng.random(x_shape).astype("float32"), rng.random(y_shape).astype("float32")
    out = K.batch_dot(x, y, axes=axes)
    assert K.int_shape(out) == expected_shape
    np.testing.assert_allclose(np.reshape(out, -1), np.reshape(np.einsum(formula, x, y), -1), rtol=1e-5)


@pytest.mark.parametrize("x_shape, y_shape, axes, message", [
    ((4,), (4, 3), None, "rank < 2"),
    ((4, 3), (5, 3), None, "different batch sizes"),
    ((4, 3), (4, 3), 0, "over axis 0"),
    ((4, 3), (4, 2), None, "x.shape[1] != y.shape[1] (3 != 2)"),
])
def test_batch_dot_errors(x_shape, y_shape, axes, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")):
        K.batch_dot(np.ones(x_shape), np.ones(y_shape), axes=axes)


@pytest.mark.parametrize("dtypes, expected", [
    (("int32", "float32"), "float32"), (("bfloat16", int), "bfloat16"), (("int8", "uint8"), "int16"),
    (("uint32", "int32"), "int64"), (("bool", "int8"), "int8"), (("float16", "bfloat16"), "float32"),
    (("int32", float), "float32"), ((int, float), "float32"), ((), "float32"),
    (("float32", "complex64"), "complex64"),
])
def test_result_type(dtypes, expected):
    assert K.result_type(*dtypes) == expected


def test_result_type_follows_jax_promotion_for_every_pair():
    names = ["bool", "uint8", "uint16", "int8", "int16", "int32", "bfloat16", "float16", "float32"]
    mismatches = [(a, b) for a in names for b in names if K.result_type(a, b) != jnp.result_type(a, b).name]
    assert mismatches == []
