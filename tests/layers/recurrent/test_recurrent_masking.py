import numpy as np

import kerax
from kerax.layers import Dense
from kerax.layers.core import Embedding, Masking
from kerax.layers.recurrent import GRU, LSTM

import rnn_reference as ref


def _embedding_gru_model(return_sequences=False):
    ids = kerax.Input((6,), dtype="int32")
    embedding = Embedding(20, 4, mask_zero=True)
    gru = GRU(3, return_sequences=return_sequences)
    return kerax.Model(ids, gru(embedding(ids))), embedding, gru


def test_padded_steps_are_skipped(rng):
    model, embedding, gru = _embedding_gru_model()
    ids = np.array([[3, 5, 7, 0, 0, 0],   # padded at the end
                    [0, 0, 4, 2, 9, 1],   # padded at the start
                    [8, 1, 2, 3, 4, 5]])  # no padding
    got = np.asarray(model(ids))
    for row, sample in enumerate(ids):
        unpadded = sample[sample != 0][None]
        alone = np.asarray(gru(embedding(unpadded)))  # the same layer on only the real ids
        np.testing.assert_allclose(got[row], alone[0], rtol=1e-5, atol=1e-6)


def test_masked_steps_repeat_the_previous_output(rng):
    model, embedding, gru = _embedding_gru_model(return_sequences=True)
    ids = np.array([[3, 0, 7, 0, 0, 2]])
    got = np.asarray(model(ids))
    weights = [w.numpy() for w in gru.weights]
    x = embedding.embeddings.numpy()[ids]
    expected, _, _ = ref.run(lambda xt, s: ref.gru_step(xt, s, weights), x, [np.zeros((1, 3), "float32")],
                             mask=ids != 0)
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(got[0, 1], got[0, 0])


def test_masking_layer_feeds_lstm_in_sequential(rng):
    x = rng.normal(size=(2, 5, 3)).astype("float32")
    x[0, 3:] = 0.0
    lstm = LSTM(2)
    model = kerax.Sequential([kerax.Input((5, 3)), Masking(0.0), lstm, Dense(1, use_bias=False,
                                                                         kernel_initializer="ones")])
    got = np.asarray(model(x))
    first = np.asarray(lstm(x[:1, :3]))  # the first sample without its masked tail
    np.testing.assert_allclose(got[0, 0], first.sum(), rtol=1e-5, atol=1e-6)


def test_masked_bidirectional_zeroes_padded_outputs(rng):
    ids = kerax.Input((4,), dtype="int32")
    bidirectional = kerax.layers.recurrent.Bidirectional(GRU(2, return_sequences=True))
    model = kerax.Model(ids, bidirectional(Embedding(10, 3, mask_zero=True)(ids)))
    out = np.asarray(model(np.array([[1, 2, 0, 0]])))
    np.testing.assert_allclose(out[0, 2:], 0.0)
    assert np.all(out[0, :2] != 0)
