"""RadialConstraint (tf.keras): one value per ring of a square Conv2D kernel, computed as tf.keras did."""
import numpy as np
import pytest

import kerax


def expected_radial(w):
    """tf.keras's loop, written out: start from the centre block and pad ring after ring with a diagonal
    value of the kernel."""
    n = w.shape[0]
    k = n // 2
    out = np.empty_like(w)
    for c in range(w.shape[2]):
        for f in range(w.shape[3]):
            kernel = w[:, :, c, f]
            block = np.full((1, 1) if n % 2 else (2, 2), kernel[k - 1, k - 1])
            for i in range(0 if n % 2 else 1, k):
                block = np.pad(block, 1, constant_values=kernel[k + i, k + i])
            out[:, :, c, f] = block
    return out


@pytest.mark.parametrize("n", [3, 4, 5, 6])
def test_radial_constraint_matches_tf_keras(n):
    w = np.random.default_rng(n).random((n, n, 2, 3)).astype("float32")
    out = np.asarray(kerax.constraints.radial_constraint()(w))
    np.testing.assert_array_equal(out, expected_radial(w))
    assert len(set(out[..., 0, 0].ravel())) == -(-n // 2)


def test_radial_constraint_config_and_errors():
    constraint = kerax.constraints.get("radial_constraint")
    assert isinstance(constraint, kerax.constraints.RadialConstraint)
    assert kerax.constraints.get(kerax.constraints.serialize(constraint)).get_config() == {}
    with pytest.raises(ValueError, match=r"must have rank 4. Received weight tensor with shape: \(3, 3\)"):
        constraint(np.ones((3, 3)))
