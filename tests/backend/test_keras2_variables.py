"""tf.keras 2's K variables and random tensors act on kerax Variables."""
import numpy as np
import pytest

import kerax
from kerax import backend as K


def test_variable_get_set_and_updates():
    v = K.variable(np.ones((2, 2)), name="w")
    assert isinstance(v, kerax.Variable) and v.dtype == "float32" and v.name == "w"
    K.update_add(v, np.full((2, 2), 2.0))
    np.testing.assert_array_equal(K.get_value(v), np.full((2, 2), 3.0))
    K.update_sub(v, np.ones((2, 2)))
    np.testing.assert_array_equal(K.eval(v), np.full((2, 2), 2.0))
    K.set_value(v, np.arange(4).reshape(2, 2))
    assert isinstance(K.get_value(v), np.ndarray) and K.get_value(v).dtype == np.float32
    K.update(v, np.zeros((2, 2)))
    K.moving_average_update(v, np.full((2, 2), 10.0), momentum=0.9)
    np.testing.assert_allclose(K.get_value(v), np.full((2, 2), 0.9 * 0.0 + 0.1 * 10.0), rtol=1e-6)
    assert K.count_params(v) == 4


def test_batch_values():
    a, b = K.variable([1.0, 2.0]), K.variable(np.zeros((2, 3)), dtype="float16")
    K.batch_set_value([(a, [5.0, 6.0]), (b, np.ones((2, 3)))])
    got = K.batch_get_value([a, b])
    np.testing.assert_array_equal(got[0], [5.0, 6.0])
    assert got[1].dtype == np.float16 and got[1].sum() == 6


def test_creators_are_variables_as_in_tf_keras():
    assert isinstance(K.zeros((2, 3)), kerax.Variable) and K.int_shape(K.ones((4,), dtype="int32")) == (4,)
    np.testing.assert_array_equal(K.eval(K.eye(3)), np.eye(3))
    np.testing.assert_array_equal(K.eval(K.eye((2, 3))), np.eye(2, 3))
    np.testing.assert_array_equal(K.zeros_like(np.ones((2, 2))), np.zeros((2, 2)))
    np.testing.assert_array_equal(K.ones_like(np.zeros(3), dtype="int32"), np.ones(3, "int32"))
    np.testing.assert_array_equal(K.constant(2, shape=(2, 2)), np.full((2, 2), 2.0))
    assert K.dtype(K.constant([1, 2])) == "float32"
    assert K.cast_to_floatx([1, 2]).dtype == np.float32
    assert K.dtype(K.cast_to_floatx(K.variable([1], dtype="int32"))) == "float32"


N = (4000,)


def _binary_with_mean(x, mean):
    return set(np.unique(x)) == {0, 1} and abs(x.mean() - mean) < 0.05


@pytest.mark.parametrize("draw, check", [
    (lambda s: K.random_normal(N, 1.0, 2.0, seed=s), lambda x: abs(x.mean() - 1) < 0.15 > abs(x.std() - 2)),
    (lambda s: K.random_uniform(N, -1.0, 3.0, seed=s), lambda x: x.min() >= -1 and x.max() < 3),
    (lambda s: K.truncated_normal(N, 0.0, 1.0, seed=s), lambda x: np.abs(x).max() <= 2.0),
    (lambda s: K.random_bernoulli(N, 0.3, seed=s), lambda x: _binary_with_mean(x, 0.3)),
    (lambda s: K.eval(K.random_uniform_variable(N, 0.0, 1.0, seed=s)), lambda x: 0 <= x.min() < x.max() < 1),
    (lambda s: K.eval(K.random_normal_variable(N, 5.0, 0.1, seed=s)), lambda x: abs(x.mean() - 5) < 0.05),
])
def test_random(draw, check):
    first = np.asarray(draw(7))
    assert check(first)
    np.testing.assert_array_equal(first, np.asarray(draw(7)))  # a seed repeats
    assert not np.array_equal(np.asarray(draw(None)), np.asarray(draw(None)))  # no seed: fresh draws


def test_random_binomial_is_deprecated_bernoulli():
    with pytest.warns(DeprecationWarning, match="random_bernoulli"):
        x = K.random_binomial((10,), 1.0, seed=1)
    np.testing.assert_array_equal(x, np.ones(10))


def test_uids_and_manual_initialization():
    assert [K.get_uid("k2") for _ in range(2)] == [1, 2]
    K.reset_uids()
    assert K.get_uid("k2") == 1
    K.manual_variable_initialization(True)  # accepted; variables hold their values from creation anyway
    assert K.get_value(K.variable(3.0)) == 3.0
    K.manual_variable_initialization(False)
