import numpy as np

from kerax.layers.core import Masking


def test_masks_and_zeroes_steps_equal_to_mask_value(rng):
    x = rng.normal(size=(2, 4, 3)).astype("float32")
    x[0, 1] = -1.0
    x[1, 3] = -1.0
    x[1, 2, 0] = -1.0  # only one feature equal: not masked
    layer = Masking(mask_value=-1.0)
    expected_mask = np.any(x != -1.0, axis=-1)
    np.testing.assert_array_equal(np.asarray(layer.compute_mask(x)), expected_mask)
    np.testing.assert_allclose(np.asarray(layer(x)), x * expected_mask[..., None])
    assert Masking.from_config(layer.get_config()).get_config() == layer.get_config()
