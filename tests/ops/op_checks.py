"""Comparison of kerax op results with NumPy references: same shape, Keras's dtype, same values (NaN == NaN)."""
import numpy as np

# Keras on JAX computes in 32 bits where NumPy widens to 64.
_NARROW = {"float64": "float32", "int64": "int32", "uint64": "uint32", "complex128": "complex64"}


def keras_dtype(reference):
    name = str(np.asarray(reference).dtype)
    return _NARROW.get(name, name)


def check(result, expected, dtype=None, rtol=1e-5, atol=1e-6):
    """`dtype` None: NumPy's result dtype narrowed to 32 bits."""
    if isinstance(expected, (tuple, list)):
        assert isinstance(result, (tuple, list)) and len(result) == len(expected), (result, expected)
        for r, e in zip(result, expected):
            check(r, e, dtype, rtol, atol)
        return
    result, expected = np.asarray(result), np.asarray(expected)
    assert result.shape == expected.shape, (result.shape, expected.shape)
    assert str(result.dtype) == (dtype or keras_dtype(expected)), (result.dtype, dtype or keras_dtype(expected))
    if result.dtype == bool or np.issubdtype(result.dtype, np.integer):
        np.testing.assert_array_equal(result, expected)
    else:
        np.testing.assert_allclose(result, expected, rtol=rtol, atol=atol, equal_nan=True)


def finite_difference(fn, x, eps=1e-3):
    """Central-difference gradient of the scalar fn at float64 x."""
    x = np.asarray(x, "float64")
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = eps
        grad[i] = (fn(x + step) - fn(x - step)) / (2 * eps)
    return grad
