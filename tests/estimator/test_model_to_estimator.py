"""kerax.estimator.model_to_estimator and RunConfig(train_distribute=...), the seeds' (000, 003) spelling."""
import os

import numpy as np
import pytest

import kerax
from kerax import layers


def _seed_003_model():
    model = kerax.Sequential()
    model.add(layers.Dense(16, activation="relu", input_shape=(10,)))
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(loss="binary_crossentropy", optimizer=kerax.train.GradientDescentOptimizer(0.2))
    return model


def _data():
    rng = np.random.default_rng(0)
    return rng.random((64, 10)).astype("float32"), rng.integers(2, size=(64, 1)).astype("float32")


def test_seed_003_trains_with_a_mirrored_strategy_config(tmp_path):
    x, y = _data()

    def input_fn():
        return kerax.data.Dataset.from_tensor_slices((x, y)).repeat(10).batch(32)

    model = _seed_003_model()
    initial = model.get_weights()
    strategy = kerax.distribute.MirroredStrategy()
    config = kerax.estimator.RunConfig(train_distribute=strategy)
    estimator = kerax.estimator.model_to_estimator(keras_model=model, config=config, model_dir=str(tmp_path))
    estimator.train(input_fn=input_fn, steps=10)
    assert estimator.get_variable_value("global_step") == 10
    assert os.listdir(tmp_path) == ["model.ckpt-10.weights.h5"]

    reference = _seed_003_model()
    reference.set_weights(initial)
    reference.fit(np.concatenate([x] * 5), np.concatenate([y] * 5), batch_size=32, shuffle=False, verbose=0)
    for got, expected in zip(model.get_weights(), reference.get_weights()):
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)

    results = estimator.evaluate(input_fn=lambda: (x, y))
    assert results["global_step"] == 10
    assert results["loss"] == pytest.approx(reference.evaluate(x, y, verbose=0), rel=1e-5)
    predictions = list(estimator.predict(input_fn=lambda: (x, y)))
    assert len(predictions) == 64 and np.shape(predictions[0]) == (1,)


def test_a_new_estimator_resumes_from_the_latest_checkpoint(tmp_path):
    x, y = _data()
    first = kerax.estimator.model_to_estimator(_seed_003_model(), model_dir=str(tmp_path))
    first.train(lambda: (x, y), steps=2)
    trained = first.model.get_weights()
    second = kerax.estimator.model_to_estimator(_seed_003_model(), model_dir=str(tmp_path))
    for a, b in zip(second.model.get_weights(), trained):
        np.testing.assert_array_equal(a, b)
    assert second.latest_checkpoint().endswith("model.ckpt-2.weights.h5")


def test_the_model_must_be_compiled():
    model = kerax.Sequential([kerax.Input((3,)), layers.Dense(1)])
    with pytest.raises(ValueError, match="has not been compiled yet"):
        kerax.estimator.model_to_estimator(model)
    with pytest.raises(ValueError, match="Either `keras_model` or `keras_model_path`"):
        kerax.estimator.model_to_estimator()
