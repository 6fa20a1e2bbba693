import numpy as np
import pytest

from kerax import backend, initializers


def test_zeros_and_ones():
    np.testing.assert_array_equal(np.asarray(initializers.Zeros()((2, 3))), np.zeros((2, 3)))
    ones = initializers.Ones()((4,), dtype="int32")
    assert str(ones.dtype) == "int32"
    np.testing.assert_array_equal(np.asarray(ones), np.ones(4))
    assert str(initializers.Zeros()((1,)).dtype) == backend.floatx()


def test_constant_scalar_and_array():
    # Both spellings from the seeds: `constant(2.0)` and `Constant(2.0)`.
    for init in (initializers.constant(2.0), initializers.Constant(2.0)):
        assert isinstance(init, initializers.Constant)
        np.testing.assert_array_equal(np.asarray(init((3, 2))), np.full((3, 2), 2.0))
    row = initializers.Constant(np.array([1.0, 2.0, 3.0]))
    np.testing.assert_array_equal(np.asarray(row((2, 3))), np.array([[1.0, 2.0, 3.0]] * 2))
    assert row.get_config() == {"value": [1.0, 2.0, 3.0]}
    assert str(initializers.Constant(3)((2,), dtype="int32").dtype) == "int32"


@pytest.mark.parametrize("shape", [(3, 3), (2, 4), (4, 2)])
def test_identity(shape):
    np.testing.assert_array_equal(np.asarray(initializers.Identity(gain=0.5)(shape)), 0.5 * np.eye(*shape))


def test_identity_needs_a_matrix():
    with pytest.raises(ValueError, match=r"only makes 2D matrices. Received: shape=\(3, 3, 2\)"):
        initializers.Identity()((3, 3, 2))


def test_initializer_makes_a_variable():
    variable = backend.Variable(initializers.get("ones"), shape=(2, 2), dtype="float32")
    np.testing.assert_array_equal(variable.numpy(), np.ones((2, 2)))
