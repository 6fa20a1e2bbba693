"""Keras 3's newer activations (celu, glu, shrinks, sparse_*, squareplus, threshold, sparsemax) and their ops,
checked against NumPy formulas."""
import numpy as np
import pytest

from kerax import activations, ops

X = np.linspace(-3.0, 3.0, 25).astype("float32").reshape(5, 5)


def np_sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


REFERENCES = {
    "celu": lambda x: np.where(x >= 0, x, np.expm1(x)),
    "hard_tanh": lambda x: np.clip(x, -1, 1),
    "hard_shrink": lambda x: np.where(np.abs(x) > 0.5, x, 0),
    "soft_shrink": lambda x: np.where(x > 0.5, x - 0.5, np.where(x < -0.5, x + 0.5, 0)),
    "sparse_plus": lambda x: np.where(x <= -1, 0, np.where(x >= 1, x, (x + 1) ** 2 / 4)),
    "sparse_sigmoid": lambda x: np.where(x <= -1, 0, np.where(x >= 1, 1, (x + 1) / 2)),
    "squareplus": lambda x: (x + np.sqrt(x**2 + 4)) / 2,
    "tanh_shrink": lambda x: x - np.tanh(x),
}


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_elementwise_activation_matches_formula(name):
    expected = REFERENCES[name](X)
    np.testing.assert_allclose(np.asarray(activations.get(name)(X)), expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np.asarray(getattr(ops, name)(X)), expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np.asarray(getattr(ops.nn, name)(X)), expected, rtol=1e-5, atol=1e-6)
    assert activations.serialize(activations.get(name)) == name


def test_arguments():
    np.testing.assert_allclose(activations.celu(X, alpha=2.0), np.where(X >= 0, X, 2.0 * np.expm1(X / 2.0)),
                               rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(activations.hard_shrink(X, threshold=1.0), np.where(np.abs(X) > 1, X, 0))
    np.testing.assert_allclose(activations.soft_shrink(X, threshold=1.0),
                               np.where(X > 1, X - 1, np.where(X < -1, X + 1, 0)), atol=1e-6)
    np.testing.assert_allclose(activations.squareplus(X, b=1), (X + np.sqrt(X**2 + 1)) / 2, rtol=1e-6)
    np.testing.assert_allclose(activations.threshold(X, 0.5, -7.0), np.where(X > 0.5, X, -7.0))


def test_glu_splits_the_axis_in_halves():
    x = X[:, :4]
    expected = x[:, :2] * np_sigmoid(x[:, 2:])
    np.testing.assert_allclose(activations.glu(x), expected, rtol=1e-6)
    np.testing.assert_allclose(activations.glu(x.T, axis=0), expected.T, rtol=1e-6)


def np_sparsemax(z):
    """Projection of each row onto the simplex: tau found by bisection on sum(max(z - tau, 0)) = 1."""
    out = np.empty_like(z, dtype="float64")
    for i, row in enumerate(z.astype("float64")):
        low, high = row.min() - 1.0, row.max()
        for _ in range(100):
            tau = (low + high) / 2
            low, high = (tau, high) if np.maximum(row - tau, 0).sum() > 1 else (low, tau)
        out[i] = np.maximum(row - (low + high) / 2, 0)
    return out


def test_sparsemax_projects_onto_the_simplex():
    z = np.array([[0.1, 2.0, 1.7, -1.0], [0.0, 0.0, 0.0, 0.0], [5.0, 0.0, 0.0, 0.0]], dtype="float32")
    y = np.asarray(activations.sparsemax(z))
    np.testing.assert_allclose(y, np_sparsemax(z), atol=1e-5)
    np.testing.assert_allclose(y.sum(-1), 1.0, rtol=1e-6)
    np.testing.assert_allclose(np.asarray(activations.sparsemax(z.T, axis=0)), y.T, atol=1e-6)
    assert activations.get("sparsemax") is activations.sparsemax
