"""tf.keras's RandomHeight and RandomWidth: random output size while training, identity at inference."""
import numpy as np
import pytest

import kerax
from kerax import layers


def test_doubling_with_nearest_repeats_rows_and_columns(rng):
    images = rng.uniform(size=(2, 3, 4, 1)).astype("float32")
    tall = np.asarray(layers.RandomHeight((1.0, 1.0), interpolation="nearest")(images))
    np.testing.assert_allclose(tall, np.repeat(images, 2, axis=1))
    wide = np.asarray(layers.RandomWidth((1.0, 1.0), interpolation="nearest")(images))
    np.testing.assert_allclose(wide, np.repeat(images, 2, axis=2))


def test_random_sizes_stay_in_range_and_keep_the_other_side(rng):
    columns = np.tile(rng.uniform(size=(1, 1, 6, 1)), (2, 10, 1, 1)).astype("float32")
    layer = layers.RandomHeight(0.4, seed=3)
    heights = set()
    for _ in range(6):
        out = np.asarray(layer(columns))
        heights.add(out.shape[1])
        assert 6 <= out.shape[1] <= 14 and out.shape[2] == 6
        np.testing.assert_allclose(out, np.broadcast_to(columns[:, :1], out.shape), atol=1e-5)
    assert len(heights) > 1
    single = layers.RandomWidth(0.4, seed=3)(columns[0])
    assert single.shape[0] == 10 and 3 <= single.shape[1] <= 8
    np.testing.assert_array_equal(layer(columns, training=False), columns)


def test_factor_checks_and_config_round_trip():
    with pytest.raises(ValueError, match="upper bound lesser than the lower bound"):
        layers.RandomHeight((0.3, 0.1))
    with pytest.raises(ValueError, match="larger than -1"):
        layers.RandomWidth((-1.5, 0.1))
    layer = layers.RandomWidth((-0.2, 0.3), interpolation="nearest", seed=5)
    clone = layers.RandomWidth.from_config(layer.get_config())
    assert (clone.factor, clone.interpolation, clone.seed) == ((-0.2, 0.3), "nearest", 5)
    assert layer.compute_output_shape((None, 8, 8, 3)) == (None, 8, None, 3)


def test_in_a_model_predicts_saves_and_explains_compiled_training(tmp_path):
    model = kerax.Sequential([kerax.Input((6, 6, 1)), layers.RandomHeight(0.5, seed=1),
                              layers.GlobalAveragePooling2D(), layers.Dense(1)])
    x = np.ones((4, 6, 6, 1), "float32")
    expected = model.predict(x, verbose=0)
    model.save(tmp_path / "m.keras")
    loaded = kerax.saving.load_model(tmp_path / "m.keras")
    np.testing.assert_allclose(loaded.predict(x, verbose=0), expected, rtol=1e-6)
    assert loaded.layers[0].factor == 0.5
    model.compile(optimizer="sgd", loss="mse")
    with pytest.raises(ValueError, match="Dataset.map"):
        model.fit(x, np.zeros((4, 1)), epochs=1, verbose=0)
