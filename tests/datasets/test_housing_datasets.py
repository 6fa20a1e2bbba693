"""boston_housing, california_housing: Keras's shuffle (`np.random.RandomState(seed).shuffle`) and split."""
import io

import numpy as np
import pytest

from kerax import datasets


def npz_bytes(**arrays):
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def expected_split(x, y, test_split, seed):
    order = np.arange(len(x))
    np.random.RandomState(seed).shuffle(order)
    cut = int(len(x) * (1 - test_split))
    return (x[order[:cut]], y[order[:cut]]), (x[order[cut:]], y[order[cut:]])


@pytest.mark.parametrize("test_split, seed", [(0.2, 113), (0.5, 7), (0.0, 113)])
def test_boston_housing_split(place, rng, test_split, seed):
    x, y = rng.normal(size=(10, 13)), rng.uniform(10, 50, size=10)
    place("boston_housing.npz", npz_bytes(x=x, y=y))
    (x_train, y_train), (x_test, y_test) = datasets.boston_housing.load_data(test_split=test_split, seed=seed)
    (ex_train, ey_train), (ex_test, ey_test) = expected_split(x, y, test_split, seed)
    assert x_train.shape == (int(10 * (1 - test_split)), 13) and x_train.dtype == np.float64
    for got, want in [(x_train, ex_train), (y_train, ey_train), (x_test, ex_test), (y_test, ey_test)]:
        np.testing.assert_array_equal(got, want)
    assert sorted(np.concatenate([y_train, y_test])) == sorted(y)


def test_california_housing_small_keeps_the_first_600(place, rng):
    x, y = rng.normal(size=(700, 8)).astype("float32"), rng.uniform(2e4, 5e5, size=700).astype("float32")
    place("california_housing.npz", npz_bytes(x=x, y=y))
    (x_train, y_train), (x_test, y_test) = datasets.california_housing.load_data(version="small")
    (ex_train, ey_train), (ex_test, ey_test) = expected_split(x[:600], y[:600], 0.2, 113)
    assert x_train.shape == (480, 8) and x_test.shape == (120, 8) and y_train.dtype == np.float32
    np.testing.assert_array_equal(x_train, ex_train)
    np.testing.assert_array_equal(y_test, ey_test)
    (x_large, _), (x_large_test, _) = datasets.california_housing.load_data()
    assert len(x_large) + len(x_large_test) == 700


def test_housing_arguments_are_checked_before_any_download():
    with pytest.raises(ValueError, match="Invalid `test_split` argument: 1"):
        datasets.boston_housing.load_data(test_split=1)
    with pytest.raises(ValueError, match="It must be between 0 and 1"):
        datasets.california_housing.load_data(test_split=-0.1)
    with pytest.raises(ValueError, match="Argument `version` must be one of 'small', 'large'"):
        datasets.california_housing.load_data(version="medium")
