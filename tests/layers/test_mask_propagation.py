"""Masks travel with tensors (`x._keras_mask`) between eager layer calls, inside compiled functions (where
traced values take no attributes) and out of model calls, as in Keras."""
import gc

import numpy as np
import pytest

import kerax
from kerax import backend, layers
from kerax.backend.common import masking

TOKENS = np.array([[3, 1, 4, 0, 0], [2, 7, 5, 0, 0]])  # 3 tokens each: unpadded, TOKENS[:, :3]


@pytest.fixture
def embedding_and_rnn():
    embedding = layers.Embedding(10, 3, mask_zero=True)
    rnn = layers.SimpleRNN(2)
    return embedding, rnn


def _rnn_of_unpadded(embedding, rnn):
    return np.asarray(rnn(embedding(TOKENS[:, :3])))


def test_eager_layer_receives_the_mask_attached_to_its_input(embedding_and_rnn):
    embedding, rnn = embedding_and_rnn
    embedded = embedding(TOKENS)
    np.testing.assert_array_equal(np.asarray(embedded._keras_mask), TOKENS != 0)
    expected = _rnn_of_unpadded(embedding, rnn)
    np.testing.assert_allclose(np.asarray(rnn(embedded)), expected, rtol=1e-5, atol=1e-6)
    unmasked = np.asarray(rnn(np.asarray(embedded)))  # a NumPy copy carries no mask
    assert not np.allclose(unmasked, expected, atol=1e-4)


def test_masks_travel_between_traced_values_in_a_compiled_function(embedding_and_rnn):
    embedding, rnn = embedding_and_rnn
    expected = _rnn_of_unpadded(embedding, rnn)
    compiled = backend.jit(lambda tokens: rnn(embedding(tokens)))
    np.testing.assert_allclose(np.asarray(compiled(TOKENS)), expected, rtol=1e-5, atol=1e-6)


def test_subclassed_model_uses_the_propagated_mask_in_compiled_steps(embedding_and_rnn, rng):
    """Padding after the tokens must not change the loss: the RNN skips masked steps when compiled too."""
    embedding, rnn = embedding_and_rnn

    class Classifier(kerax.Model):
        def __init__(self):
            super().__init__()
            self.embedding, self.rnn, self.head = embedding, rnn, layers.Dense(1)

        def call(self, tokens):
            return self.head(self.rnn(self.embedding(tokens)))

    model = Classifier()
    model.compile(optimizer=kerax.optimizers.SGD(learning_rate=0.0), loss="mse")
    targets = rng.normal(size=(2, 1))
    short = model.evaluate(TOKENS[:, :3], targets, verbose=0)
    padded = model.evaluate(np.pad(TOKENS, ((0, 0), (0, 4))), targets, verbose=0)
    np.testing.assert_allclose(padded, short, rtol=1e-5)


def test_functional_output_carries_the_mask_and_a_symbolic_spec():
    inputs = kerax.Input((None,), dtype="int32")
    hidden = layers.Embedding(10, 3, mask_zero=True)(inputs)
    outputs = layers.Dense(2)(hidden)
    assert outputs._keras_mask.shape == (None, None) and outputs._keras_mask.dtype == "bool"
    model = kerax.Model(inputs, outputs)
    np.testing.assert_array_equal(np.asarray(model(TOKENS)._keras_mask), TOKENS != 0)


def test_explicit_mask_argument_wins_over_the_attached_one():
    embedded = layers.Embedding(10, 3, mask_zero=True)(TOKENS)
    mask = np.ones(TOKENS.shape, bool)
    out = layers.Masking(mask_value=-123.0)(embedded)  # computes its own mask from the values
    np.testing.assert_array_equal(np.asarray(out._keras_mask), mask)
    dropped = layers.Dropout(0.5)(embedded, mask=mask)
    np.testing.assert_array_equal(np.asarray(dropped._keras_mask), TOKENS != 0)  # already attached: kept


class _NoAttributes:
    __slots__ = ("__weakref__",)


def test_side_table_holds_masks_of_values_that_refuse_attributes_until_they_are_freed():
    value, mask = _NoAttributes(), np.array([True, False])
    masking.set_keras_mask(value, mask)
    assert masking.get_keras_mask(value) is mask
    assert masking.get_keras_mask(_NoAttributes()) is None
    key = id(value)
    del value
    gc.collect()
    assert key not in masking._SIDE_TABLE
    masking.set_keras_mask(3.0, mask)  # a Python number carries no mask
    assert masking.get_keras_mask(3.0) is None
