"""kerax.utils.pack_x_y_sample_weight / unpack_x_y_sample_weight: Keras's (x, y, sample_weight) convention."""
import numpy as np
import pytest

import kerax

X, Y, W = np.zeros((2, 3)), np.ones((2, 1)), np.full(2, 0.5)
D = {"a": X}


@pytest.mark.parametrize("data, expected", [
    (X, (X, None, None)), ((X,), (X, None, None)), ((X, Y), (X, Y, None)), ((X, Y, W), (X, Y, W)),
    ([X, Y], (X, Y, None)), (D, (D, None, None)),
], ids=["x", "x_tuple", "x_y", "x_y_w", "list", "dict"])
def test_unpack(data, expected):
    unpacked = kerax.utils.unpack_x_y_sample_weight(data)
    assert len(unpacked) == 3 and all(u is e for u, e in zip(unpacked, expected))


def test_pack_is_the_inverse_and_wraps_a_tuple_x():
    assert kerax.utils.pack_x_y_sample_weight(X) is X
    assert kerax.utils.pack_x_y_sample_weight((X, X)) == ((X, X),)  # two inputs, not (x, y)
    assert kerax.utils.pack_x_y_sample_weight(X, Y) == (X, Y)
    assert kerax.utils.pack_x_y_sample_weight(X, Y, W) == (X, Y, W)
    for parts in [(X, None, None), (X, Y, None), (X, Y, W)]:
        packed = kerax.utils.pack_x_y_sample_weight(*parts)
        assert all(a is b for a, b in zip(kerax.utils.unpack_x_y_sample_weight(packed), parts))


def test_unpack_refuses_four_items():
    with pytest.raises(ValueError, match=r"\(x, y, sample_weight\)"):
        kerax.utils.unpack_x_y_sample_weight((X, Y, W, W))
