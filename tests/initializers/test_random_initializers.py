import math

import numpy as np
import pytest

from kerax import initializers, random

# Variance of a unit normal truncated to [-2, 2]: 1 - 2 * 2 * pdf(2) / (cdf(2) - cdf(-2)).
_PDF2 = math.exp(-2.0) / math.sqrt(2 * math.pi)
_MASS2 = math.erf(2 / math.sqrt(2))
TRUNCATED_VARIANCE = 1 - 4 * _PDF2 / _MASS2
# One shape throughout, a conv kernel whose fans count the receptive field: JAX compiles once per shape.
SHAPE = (3, 3, 40, 50)
FAN_IN, FAN_OUT = 9 * 40, 9 * 50


def draw(initializer, shape, dtype=None):
    return np.asarray(initializer(shape, dtype=dtype), dtype="float64")


def test_compute_fans():
    assert initializers.compute_fans(()) == (1, 1)
    assert initializers.compute_fans((7,)) == (7, 7)
    assert initializers.compute_fans((5, 9)) == (5, 9)
    # A conv kernel (kh, kw, in, out): receptive field times channels.
    assert initializers.compute_fans((3, 3, 16, 32)) == (3 * 3 * 16, 3 * 3 * 32)


@pytest.mark.parametrize("cls,scale,mode,distribution", [
    (initializers.GlorotUniform, 1.0, "fan_avg", "uniform"),
    (initializers.GlorotNormal, 1.0, "fan_avg", "truncated_normal"),
    (initializers.HeUniform, 2.0, "fan_in", "uniform"),
    (initializers.HeNormal, 2.0, "fan_in", "truncated_normal"),
    (initializers.LecunUniform, 1.0, "fan_in", "uniform"),
    (initializers.LecunNormal, 1.0, "fan_in", "truncated_normal"),
])
def test_named_variance_scaling_statistics(cls, scale, mode, distribution):
    n = {"fan_in": FAN_IN, "fan_avg": (FAN_IN + FAN_OUT) / 2}[mode]
    values = draw(cls(seed=3), SHAPE)
    assert values.shape == SHAPE
    assert abs(values.mean()) < 0.05 * math.sqrt(scale / n)
    np.testing.assert_allclose(values.var(), scale / n, rtol=0.05)
    if distribution == "uniform":
        limit = math.sqrt(3 * scale / n)
        assert np.abs(values).max() <= limit and np.abs(values).max() > 0.99 * limit
    else:
        stddev = math.sqrt(scale / n) / math.sqrt(TRUNCATED_VARIANCE)
        assert np.abs(values).max() <= 2 * stddev * (1 + 1e-6)


@pytest.mark.parametrize("mode,distribution", [
    ("fan_in", "untruncated_normal"), ("fan_out", "uniform"), ("fan_avg", "truncated_normal"),
])
def test_variance_scaling_modes_and_distributions(mode, distribution):
    scale = 3.0
    n = {"fan_in": FAN_IN, "fan_out": FAN_OUT, "fan_avg": (FAN_IN + FAN_OUT) / 2}[mode]
    values = draw(initializers.VarianceScaling(scale, mode, distribution, seed=1), SHAPE)
    np.testing.assert_allclose(values.var(), scale / n, rtol=0.05)


def test_variance_scaling_keras2_normal_means_truncated_normal():
    init = initializers.VarianceScaling(distribution="normal")
    assert init.distribution == "truncated_normal"


@pytest.mark.parametrize("kwargs,message", [
    ({"scale": 0.0}, "`scale` must be a positive float"),
    ({"mode": "fan_sum"}, "Invalid `mode`: 'fan_sum'"),
    ({"distribution": "cauchy"}, "Invalid `distribution`: 'cauchy'"),
])
def test_variance_scaling_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        initializers.VarianceScaling(**kwargs)


def test_random_normal_uniform_truncated_statistics():
    normal = draw(initializers.RandomNormal(mean=1.5, stddev=0.3, seed=2), SHAPE)
    np.testing.assert_allclose([normal.mean(), normal.std()], [1.5, 0.3], rtol=0.02)

    uniform = draw(initializers.RandomUniform(minval=-2.0, maxval=4.0, seed=2), SHAPE)
    assert uniform.min() >= -2.0 and uniform.max() < 4.0
    np.testing.assert_allclose([uniform.mean(), uniform.var()], [1.0, 6.0 ** 2 / 12], rtol=0.03)

    truncated = draw(initializers.TruncatedNormal(mean=-1.0, stddev=0.5, seed=2), SHAPE)
    assert truncated.min() >= -1.0 - 2 * 0.5 - 1e-6 and truncated.max() <= -1.0 + 2 * 0.5 + 1e-6
    np.testing.assert_allclose(truncated.mean(), -1.0, atol=0.01)
    np.testing.assert_allclose(truncated.var(), 0.25 * TRUNCATED_VARIANCE, rtol=0.03)


def test_keras_default_arguments():
    assert initializers.RandomNormal().get_config() == {"mean": 0.0, "stddev": 0.05, "seed": None}
    assert initializers.RandomUniform().get_config() == {"minval": -0.05, "maxval": 0.05, "seed": None}
    assert initializers.TruncatedNormal().get_config() == {"mean": 0.0, "stddev": 0.05, "seed": None}
    assert initializers.VarianceScaling().get_config() == {
        "scale": 1.0, "mode": "fan_in", "distribution": "truncated_normal", "seed": None}
    assert initializers.Orthogonal().get_config() == {"gain": 1.0, "seed": None}


@pytest.mark.parametrize("shape,gain", [((20, 7), 1.0), ((7, 20), 2.5), ((2, 10, 7), 1.0)])
def test_orthogonal(shape, gain):
    w = draw(initializers.Orthogonal(gain=gain, seed=4), shape)
    assert w.shape == shape
    matrix = w.reshape(-1, shape[-1])
    rows, cols = matrix.shape
    gram = matrix.T @ matrix if rows >= cols else matrix @ matrix.T
    np.testing.assert_allclose(gram, gain ** 2 * np.eye(min(rows, cols)), atol=1e-5)


def test_orthogonal_needs_rank_two():
    with pytest.raises(ValueError, match="rank 2 or more"):
        initializers.Orthogonal()((5,))


def test_orthogonal_half_precision():
    w = initializers.Orthogonal(seed=0)((20, 7), dtype="float16")
    assert str(w.dtype) == "float16"
    np.testing.assert_allclose(np.asarray(w, "float64").T @ np.asarray(w, "float64"), np.eye(7), atol=5e-3)


# Orthogonal draws a (rows, cols) matrix: (20, 7) reuses the compiled QR of test_orthogonal.
SEEDED_CASES = [
    (initializers.RandomNormal, SHAPE), (initializers.RandomUniform, SHAPE),
    (initializers.TruncatedNormal, SHAPE), (initializers.VarianceScaling, SHAPE),
    (initializers.GlorotUniform, SHAPE), (initializers.HeNormal, SHAPE), (initializers.Orthogonal, (20, 7)),
]


@pytest.mark.parametrize("cls,shape", SEEDED_CASES)
def test_int_seed_repeats_values(cls, shape):
    a, b = draw(cls(seed=42), shape), draw(cls(seed=42), shape)
    np.testing.assert_array_equal(a, b)
    init = cls(seed=42)
    np.testing.assert_array_equal(draw(init, shape), draw(init, shape))
    assert not np.array_equal(a, draw(cls(seed=43), shape))


@pytest.mark.parametrize("cls,shape", SEEDED_CASES)
def test_unseeded_draws_fresh_values_repeatably_under_global_seed(cls, shape):
    init = cls()
    first, second = draw(init, shape), draw(init, shape)
    assert not np.array_equal(first, second)  # two layers sharing an initializer get different weights

    random.set_global_seed(1234)
    run_1 = [draw(cls(), shape) for _ in range(2)]
    random.set_global_seed(1234)
    run_2 = [draw(cls(), shape) for _ in range(2)]
    for a, b in zip(run_1, run_2):
        np.testing.assert_array_equal(a, b)


def test_seed_generator_advances_and_serializes():
    init = initializers.RandomNormal(seed=random.SeedGenerator(7))
    a, b = draw(init, SHAPE), draw(init, SHAPE)
    assert not np.array_equal(a, b)
    clone = initializers.RandomNormal.from_config(init.get_config())
    np.testing.assert_array_equal(draw(clone, SHAPE), a)


@pytest.mark.parametrize("seed", ["7", 1.5, [1]])
def test_bad_seed_is_rejected(seed):
    with pytest.raises(ValueError, match="`seed` must be None, an integer or"):
        initializers.RandomNormal(seed=seed)
