import numpy as np
import pytest

import kerax
from kerax.layers import Dense
from kerax.layers.core import Embedding
from kerax.layers.recurrent import GRU


def test_lookup_matches_numpy_indexing(rng):
    layer = Embedding(10, 3)
    ids = np.array([[1, 9, 0], [4, 4, 2]])
    out = layer(ids)
    table = layer.get_weights()[0]
    assert out.shape == (2, 3, 3) and out.dtype == "float32"
    np.testing.assert_allclose(np.asarray(out), table[ids])
    assert [w.path for w in layer.weights] == ["embedding/embeddings"] and table.shape == (10, 3)
    assert np.all(np.abs(table) <= 0.05)  # 'uniform' initializer: U(-0.05, 0.05)
    np.testing.assert_allclose(np.asarray(layer(ids.astype("float32"))), table[ids])  # float ids are cast


def test_mask_zero_and_pretrained_weights():
    table = np.arange(12, dtype="float32").reshape(4, 3)
    layer = Embedding(4, 3, mask_zero=True, weights=[table], trainable=False, input_length=2)
    ids = np.array([[0, 3], [2, 0]])
    np.testing.assert_allclose(np.asarray(layer(ids)), table[ids])
    np.testing.assert_array_equal(np.asarray(layer.compute_mask(ids)), ids != 0)
    assert Embedding(4, 3).compute_mask(ids) is None
    assert layer.trainable_weights == []


@pytest.mark.parametrize("bad, shown", [(7, "7"), (-1, "-1")])
def test_out_of_range_id_is_an_error_eagerly(bad, shown):
    layer = Embedding(5, 2, name="words")
    with pytest.raises(ValueError, match=rf'Embedding layer "words" received id {shown}, outside its valid range '
                                         rf"\[0, 5\) \(input_dim=5\)"):
        layer(np.array([[1, 2], [bad, 0]]))


def test_out_of_range_id_is_an_error_in_fit_and_predict(rng):
    model = kerax.Sequential([kerax.Input((4,), dtype="int32"), Embedding(6, 2), GRU(2), Dense(1)])
    model.compile("adam", "mse")
    x = rng.integers(0, 6, (8, 4))
    y = np.zeros((8, 1), "float32")
    bad = x.copy()
    bad[5, 1] = 6
    with pytest.raises(ValueError, match=r'"embedding" received id 6, outside its valid range \[0, 6\)'):
        model.fit(bad, y, epochs=1, batch_size=4, verbose=0)
    with pytest.raises(ValueError, match="received id 6"):
        model.predict(bad, verbose=0)
    # The model survives the error: its weights are finite and it keeps working.
    assert all(np.all(np.isfinite(w)) for w in model.get_weights())
    model.fit(x, y, epochs=1, batch_size=4, verbose=0)
    assert model.predict(x, verbose=0).shape == (8, 1)


def test_invalid_arguments_and_config_round_trip():
    with pytest.raises(ValueError, match="`input_dim` must be a positive integer, received input_dim=0"):
        Embedding(0, 3)
    layer = Embedding(7, 2, mask_zero=True, embeddings_regularizer="l2", name="e")
    config = layer.get_config()
    assert config["input_dim"] == 7 and config["mask_zero"] is True
    assert Embedding.from_config(config).get_config() == config
    old = Embedding(7, 2, init="normal", W_regularizer=kerax.regularizers.l1(0.1))
    assert old.embeddings_regularizer is not None and type(old.embeddings_initializer).__name__ == "RandomNormal"
