"""ConvNeXt's LayerScale and StochasticDepth."""
import numpy as np

from kerax.applications.convnext import LayerScale, StochasticDepth


def test_layer_scale_multiplies_channels_by_gamma(rng):
    x = rng.normal(size=(2, 3, 3, 4)).astype("float32")
    layer = LayerScale(0.5, 4)
    np.testing.assert_allclose(np.asarray(layer(x)), x * 0.5, rtol=1e-6)
    assert [w.shape for w in layer.trainable_weights] == [(4,)]


def test_stochastic_depth_drops_whole_examples_while_training():
    x = np.ones((400, 2, 3), "float32")
    layer = StochasticDepth(0.25)
    np.testing.assert_array_equal(np.asarray(layer(x)), x)
    y = np.asarray(layer(x, training=True))
    per_example = y.reshape(400, -1)
    assert set(np.unique(per_example)) <= {0.0, np.float32(1 / 0.75)}
    assert np.all(per_example.min(axis=1) == per_example.max(axis=1))  # an example is kept or dropped whole
    assert 0.15 < np.mean(per_example[:, 0] == 0) < 0.35
