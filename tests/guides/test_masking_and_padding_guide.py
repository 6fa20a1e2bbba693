"""The keras.io guide "Understanding masking & padding" (Keras 3 edition), step by step with
`import kerax as keras`: the same calls in the same order, on tiny synthetic data, each step checked against
what the guide says it shows (masks are `inputs != 0`, split masks follow the split, the mask reaches
mask-consuming layers).

The padded batch is built with NumPy here; the guide calls `keras.utils.pad_sequences(raw_inputs,
padding="post")`, which another branch adds.
"""
import numpy as np

import kerax as keras
from kerax import layers, ops

RAW_INPUTS = [[711, 632, 71], [73, 8, 3215, 55, 927], [83, 91, 1, 645, 1253, 927]]


def _padded(raw):
    padded = np.zeros((len(raw), max(map(len, raw))), "int32")
    for row, sequence in zip(padded, raw):
        row[: len(sequence)] = sequence
    return padded


class MyLayer(layers.Layer):
    """The guide's layer passing `embedding.compute_mask(inputs)` to an LSTM by hand."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.embedding = layers.Embedding(input_dim=5000, output_dim=16, mask_zero=True)
        self.lstm = layers.LSTM(32)

    def call(self, inputs):
        x = self.embedding(inputs)
        mask = self.embedding.compute_mask(inputs)
        return self.lstm(x, mask=mask)


class TemporalSplit(keras.layers.Layer):
    def call(self, inputs):
        return ops.split(inputs, 2, axis=1)

    def compute_mask(self, inputs, mask=None):
        if mask is None:
            return None
        return ops.split(mask, 2, axis=1)


class CustomEmbedding(keras.layers.Layer):
    def __init__(self, input_dim, output_dim, mask_zero=False, **kwargs):
        super().__init__(**kwargs)
        self.input_dim = input_dim
        self.output_dim = output_dim
        self.mask_zero = mask_zero

    def build(self, input_shape):
        self.embeddings = self.add_weight(shape=(self.input_dim, self.output_dim),
                                          initializer="random_normal", dtype="float32")

    def call(self, inputs):
        return ops.take(self.embeddings, ops.cast(inputs, "int32"))

    def compute_mask(self, inputs, mask=None):
        if not self.mask_zero:
            return None
        return ops.not_equal(inputs, 0)


class MyActivation(keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def call(self, inputs):
        return ops.relu(inputs)


class TemporalSoftmax(keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def call(self, inputs, mask=None):
        assert mask is not None
        broadcast_float_mask = ops.expand_dims(ops.cast(mask, "float32"), -1)
        inputs_exp = ops.exp(inputs) * broadcast_float_mask
        inputs_sum = ops.sum(inputs_exp * broadcast_float_mask, axis=-1, keepdims=True)
        return inputs_exp / inputs_sum


def test_mask_generating_layers_attach_their_mask():
    padded_inputs = _padded(RAW_INPUTS)
    expected = padded_inputs != 0

    embedding = layers.Embedding(input_dim=5000, output_dim=16, mask_zero=True)
    masked_output = embedding(padded_inputs)
    np.testing.assert_array_equal(np.asarray(masked_output._keras_mask), expected)

    masking_layer = layers.Masking()
    unmasked_embedding = ops.cast(ops.tile(ops.expand_dims(padded_inputs, axis=-1), [1, 1, 10]),
                                  dtype="float32")
    masked_embedding = masking_layer(unmasked_embedding)
    np.testing.assert_array_equal(np.asarray(masked_embedding._keras_mask), expected)

    first_half, second_half = TemporalSplit()(masked_embedding)
    np.testing.assert_array_equal(np.asarray(first_half._keras_mask), expected[:, :3])
    np.testing.assert_array_equal(np.asarray(second_half._keras_mask), expected[:, 3:])


def test_mask_propagation_in_sequential_and_functional_models():
    model = keras.Sequential([layers.Embedding(input_dim=5000, output_dim=16, mask_zero=True),
                              layers.LSTM(32)])
    inputs = keras.Input(shape=(None,), dtype="int32")
    x = layers.Embedding(input_dim=5000, output_dim=16, mask_zero=True)(inputs)
    outputs = layers.LSTM(32)(x)
    model = keras.Model(inputs, outputs)
    assert x._keras_mask.shape == (None, None) and model.output_shape == (None, 32)


def test_passing_masks_by_hand_and_custom_mask_layers(rng):
    layer = MyLayer()
    x = (rng.random((4, 5)) * 100).astype("int32")
    assert tuple(layer(x).shape) == (4, 32)

    layer = CustomEmbedding(10, 32, mask_zero=True)
    x = (rng.random((3, 10)) * 9).astype("int32")
    y = layer(x)
    mask = layer.compute_mask(x)
    np.testing.assert_array_equal(np.asarray(mask), x != 0)
    np.testing.assert_array_equal(np.asarray(y._keras_mask), x != 0)


def test_opt_in_propagation_and_mask_consumers(rng):
    inputs = keras.Input(shape=(None,), dtype="int32")
    x = layers.Embedding(input_dim=5000, output_dim=16, mask_zero=True)(inputs)
    x = MyActivation()(x)
    assert x._keras_mask.shape == (None, None) and x._keras_mask.dtype == "bool"  # "Mask found: ..."
    outputs = layers.LSTM(32)(x)
    model = keras.Model(inputs, outputs)
    y = model(rng.integers(0, 5000, size=(4, 6)))
    assert tuple(y.shape) == (4, 32)

    inputs = keras.Input(shape=(None,), dtype="int32")
    x = layers.Embedding(input_dim=10, output_dim=32, mask_zero=True)(inputs)
    x = layers.Dense(1)(x)
    outputs = TemporalSoftmax()(x)
    model = keras.Model(inputs, outputs)
    tokens = rng.integers(0, 10, size=(4, 7))
    y = model(tokens)
    # The guide sums over the last axis (of size 1): a kept step gives exp(x) / exp(x) = 1, a masked 0 / 0.
    values = np.asarray(y)[..., 0]
    np.testing.assert_array_equal(np.isnan(values), tokens == 0)
    np.testing.assert_allclose(values[tokens != 0], 1.0, rtol=1e-6)
    np.testing.assert_array_equal(np.asarray(y._keras_mask), tokens != 0)
