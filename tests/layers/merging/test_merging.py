import numpy as np
import pytest

import kerax
from kerax import layers
from kerax.layers import merging

ELEMENTWISE = [
    (merging.Add, merging.add, lambda xs: xs[0] + xs[1] + xs[2]),
    (merging.Multiply, merging.multiply, lambda xs: xs[0] * xs[1] * xs[2]),
    (merging.Average, merging.average, lambda xs: (xs[0] + xs[1] + xs[2]) / 3),
    (merging.Maximum, merging.maximum, lambda xs: np.maximum(np.maximum(xs[0], xs[1]), xs[2])),
    (merging.Minimum, merging.minimum, lambda xs: np.minimum(np.minimum(xs[0], xs[1]), xs[2])),
]


@pytest.mark.parametrize("cls, fn, reference", ELEMENTWISE)
def test_elementwise_merges_match_numpy(rng, cls, fn, reference):
    xs = [rng.normal(size=(2, 3)).astype("float32") for _ in range(3)]
    np.testing.assert_allclose(np.asarray(cls()(xs)), reference(xs), rtol=1e-6)
    np.testing.assert_allclose(np.asarray(fn(xs)), reference(xs), rtol=1e-6)
    symbolic = fn([kerax.Input((3,)) for _ in range(3)])
    assert symbolic.shape == (None, 3)


def test_subtract_and_broadcasting_of_lower_rank_inputs(rng):
    a, b = rng.normal(size=(2, 4)).astype("float32"), rng.normal(size=(2, 4)).astype("float32")
    np.testing.assert_allclose(np.asarray(merging.subtract([a, b])), a - b)
    c = rng.normal(size=(2, 3, 4)).astype("float32")
    np.testing.assert_allclose(np.asarray(merging.Add()([a, c])), a[:, None, :] + c, rtol=1e-6)
    assert merging.Add().compute_output_shape([(None, 4), (None, 3, 4)]) == (None, 3, 4)


def test_input_checks_have_clear_errors():
    a = np.zeros((2, 3), "float32")
    with pytest.raises(ValueError, match=r"`Subtract` layer .* exactly 2 inputs. Received 3"):
        merging.Subtract()([a, a, a])
    with pytest.raises(ValueError, match=r"incompatible shapes. Received shapes \[\(2, 3\), \(2, 4\)\]"):
        merging.Add()([a, np.zeros((2, 4), "float32")])
    with pytest.raises(ValueError, match="should be called on a list of inputs"):
        merging.Add()(a)
    with pytest.raises(ValueError, match="different batch sizes"):
        merging.Add()([a, np.zeros((3, 3), "float32")])
    with pytest.raises(ValueError, match=r"except for the concatenation axis -1.*\(2, 3, 1\), \(2, 2, 1\)"):
        merging.Concatenate()([np.zeros((2, 3, 1), "float32"), np.zeros((2, 2, 1), "float32")])


def test_concatenate_and_output_shapes(rng):
    a = rng.normal(size=(2, 2, 5)).astype("float32")
    b = rng.normal(size=(2, 1, 5)).astype("float32")
    np.testing.assert_allclose(np.asarray(merging.Concatenate(axis=1)([a, b])), np.concatenate([a, b], 1))
    np.testing.assert_allclose(np.asarray(merging.concatenate([a, a])), np.concatenate([a, a], -1))
    layer = merging.Concatenate(axis=1)
    assert layer.compute_output_shape([(None, 2, 5), (None, 1, 5)]) == (None, 3, 5)
    assert layer.compute_output_shape([(None, None, 5), (None, 1, 5)]) == (None, None, 5)


def test_dot_matches_numpy(rng):
    x = rng.normal(size=(2, 3, 5)).astype("float32")
    y = rng.normal(size=(2, 10, 3)).astype("float32")
    expected = np.einsum("bip,bqi->bpq", x, y)
    np.testing.assert_allclose(np.asarray(merging.Dot(axes=(1, 2))([x, y])), expected, rtol=1e-5, atol=1e-5)
    u, v = rng.normal(size=(4, 6)).astype("float32"), rng.normal(size=(4, 6)).astype("float32")
    np.testing.assert_allclose(np.asarray(merging.dot([u, v], axes=1)), (u * v).sum(1, keepdims=True),
                               rtol=1e-5)
    cosine = (u * v).sum(1) / np.linalg.norm(u, axis=1) / np.linalg.norm(v, axis=1)
    normalized = np.asarray(merging.Dot(axes=-1, normalize=True)([u, v]))
    np.testing.assert_allclose(normalized[:, 0], cosine, rtol=1e-5)
    assert merging.Dot(axes=(1, 2)).compute_output_shape([(None, 3, 5), (None, 10, 3)]) == (None, 5, 10)
    with pytest.raises(ValueError, match=r"axis values 3 \(at axis 1\) != 10 \(at axis 1\)"):
        merging.Dot(axes=1)([x, y])
    with pytest.raises(ValueError, match="pair of ints"):
        merging.Dot(axes=(1, 2, 3))


def test_masks_combine_as_in_keras():
    x = np.zeros((2, 3, 4), "float32")
    m1 = np.array([[True, True, False], [True, False, False]])
    m2 = np.array([[True, False, False], [True, True, True]])
    np.testing.assert_array_equal(np.asarray(merging.Add().compute_mask([x, x], [m1, m2])), m1 & m2)
    np.testing.assert_array_equal(np.asarray(merging.Add().compute_mask([x, x], [m1, None])), m1)
    assert merging.Add().compute_mask([x, x], [None, None]) is None
    along_time = merging.Concatenate(axis=1).compute_mask([x, x], [m1, None])
    np.testing.assert_array_equal(np.asarray(along_time), np.concatenate([m1, np.ones_like(m1)], 1))
    along_features = merging.Concatenate().compute_mask([x, x], [m1, m2])
    np.testing.assert_array_equal(np.asarray(along_features), m1 & m2)


class ZeroStepsMasked(layers.Layer):
    """Masks the time steps whose features are all zero (like Masking(0.0))."""

    def call(self, inputs):
        return inputs

    def compute_mask(self, inputs, previous_mask=None):
        return kerax.ops.any(kerax.ops.not_equal(inputs, 0), axis=-1)


class MaskAsOutput(layers.Layer):
    def call(self, inputs, mask=None):
        return kerax.ops.cast(mask, "float32")


def test_masks_flow_through_merges_in_a_model():
    a, b = kerax.Input((3, 2)), kerax.Input((3, 2))
    ma, mb = ZeroStepsMasked()(a), ZeroStepsMasked()(b)
    model = kerax.Model([a, b], [MaskAsOutput()(merging.add([ma, mb])),
                                 MaskAsOutput()(merging.concatenate([ma, mb], axis=1))])
    xa = np.array([[[1, 1], [0, 0], [1, 0]]], "float32")
    xb = np.array([[[1, 1], [1, 1], [0, 0]]], "float32")
    added, joined = model([xa, xb])
    np.testing.assert_array_equal(np.asarray(added), [[1, 0, 0]])
    np.testing.assert_array_equal(np.asarray(joined), [[1, 0, 1, 1, 1, 0]])


def test_models_with_merges_fit_and_configs(rng):
    a, b = kerax.Input((4,)), kerax.Input((4,))
    da, db = layers.Dense(3)(a), layers.Dense(3)(b)
    pieces = [merging.add([da, db]), merging.subtract([da, db]), merging.multiply([da, db]),
              merging.average([da, db]), merging.maximum([da, db]), merging.minimum([da, db]),
              merging.dot([da, db], axes=1, normalize=True)]
    out = layers.Dense(1)(merging.concatenate(pieces))
    model = kerax.Model([a, b], out)
    assert out.shape == (None, 1)
    model.compile(optimizer="sgd", loss="mse")
    x1, x2 = rng.normal(size=(8, 4)), rng.normal(size=(8, 4))
    history = model.fit([x1, x2], rng.normal(size=(8, 1)), batch_size=4, verbose=0)
    assert np.isfinite(history.history["loss"][0])

    class Residual(kerax.Model):
        def __init__(self):
            super().__init__()
            self.dense = layers.Dense(4)
            self.add = merging.Add()

        def call(self, inputs):
            return self.add([inputs, self.dense(inputs)])

    net = Residual()
    y = np.asarray(net(x1.astype("float32")))
    kernel, bias = net.dense.get_weights()
    np.testing.assert_allclose(y, x1 + x1 @ kernel + bias, rtol=1e-5, atol=1e-5)

    for layer in (merging.Add(name="a"), merging.Concatenate(axis=1),
                  merging.Dot(axes=[1, 2], normalize=True), merging.Subtract()):
        config = layer.get_config()
        assert type(layer).from_config(config).get_config() == config
