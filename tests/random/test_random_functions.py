"""kerax.random's beta, binomial, categorical, dropout, gamma and shuffle: moments of a few thousand draws
against the distributions' formulas (fixed seeds), exact checks of dropout and shuffle, seeding behaviour."""
import numpy as np
import pytest

from kerax import random

N = 4000


@pytest.mark.parametrize("name,kwargs,mean,var", [
    ("gamma", {"alpha": 2.5}, [2.5], [2.5]),
    ("beta", {"alpha": 2.0, "beta": 5.0}, [2 / 7], [10 / (49 * 8)]),
    # counts and probabilities broadcast against the shape: two binomials at once.
    ("binomial", {"counts": [10, 20], "probabilities": [0.3, 0.1]}, [3.0, 2.0], [2.1, 1.8]),
])
def test_distribution_moments(name, kwargs, mean, var):
    shape = (N, len(mean))
    result = getattr(random, name)(shape, **kwargs, seed=7)
    assert result.shape == shape and str(result.dtype) == "float32"
    samples = np.asarray(result, "float64")
    for column, (m, v) in enumerate(zip(mean, var)):
        # The standard error of the mean is sqrt(var / N): allow 4 of them, and 10% on the variance.
        assert abs(samples[:, column].mean() - m) < 4 * np.sqrt(v / N)
        assert abs(samples[:, column].var() - v) < 0.1 * v
    if name == "binomial":
        assert (samples == np.round(samples)).all() and samples.min() >= 0 and samples[:, 0].max() <= 10


def test_categorical():
    probabilities = np.array([[0.1, 0.6, 0.3], [0.0, 0.0, 1.0]])
    logits = np.log(np.maximum(probabilities, 1e-30)).astype("float32")
    samples = np.asarray(random.categorical(logits, N, seed=3))
    assert samples.shape == (2, N) and str(samples.dtype) == "int32"
    frequencies = np.stack([np.bincount(row, minlength=3) / N for row in samples])
    np.testing.assert_allclose(frequencies, probabilities, atol=0.03)
    assert str(random.categorical(logits, 2, dtype="int16", seed=3).dtype) == "int16"
    with pytest.raises(ValueError, match="2-D"):
        random.categorical(logits[0], 5)


def test_dropout_exactly():
    x = np.arange(1, 2001, dtype="float32").reshape(40, 50)
    out = np.asarray(random.dropout(x, 0.25, seed=4))
    kept = out != 0
    np.testing.assert_allclose(out[kept], x[kept] / 0.75, rtol=1e-6)  # survivors are scaled exactly
    assert abs(kept.mean() - 0.75) < 0.03
    shared = np.asarray(random.dropout(x, 0.5, noise_shape=(None, 1), seed=4))
    rows_kept = shared[:, 0] != 0
    np.testing.assert_allclose(shared[rows_kept], x[rows_kept] * 2, rtol=1e-6)  # whole rows kept or dropped
    assert (shared[~rows_kept] == 0).all()
    np.testing.assert_array_equal(random.dropout(x, 0.0, seed=4), x)
    np.testing.assert_array_equal(random.dropout(x, 1.0, seed=4), np.zeros_like(x))


def test_shuffle_exactly():
    x = np.arange(40, dtype="float32").reshape(10, 4)
    rows = np.asarray(random.shuffle(x, seed=5))
    assert not np.array_equal(rows, x)
    # Whole rows move: the result is x's rows in another order.
    order = np.argsort(rows[:, 0])
    np.testing.assert_array_equal(rows[order], x)
    columns = np.asarray(random.shuffle(x, axis=1, seed=5))
    np.testing.assert_array_equal(np.sort(columns, axis=1), x)
    assert len({tuple(row) for row in columns - x[:, :1]}) == 1  # the same column order in every row


def test_seeds():
    x = np.arange(16, dtype="float32")
    generator = random.SeedGenerator(11)
    first, second = random.shuffle(x, seed=generator), random.shuffle(x, seed=generator)
    assert not np.array_equal(first, second)  # a SeedGenerator advances
    np.testing.assert_array_equal(random.shuffle(x, seed=3), random.shuffle(x, seed=3))  # an int repeats
    np.testing.assert_array_equal(random.shuffle(x, seed=random.SeedGenerator(11)), first)
