"""model(x), predict_on_batch and one-batch predict run a cached compiled forward pass: the first call of an
input signature runs eagerly, later ones run the compiled program, with Keras's results and side effects."""
import threading

import numpy as np
import pytest

import kerax
from kerax import layers, ops
from kerax.trainers import compiled_forward


class CountingDense(layers.Dense):
    """A Dense layer that counts how often its Python `call` runs (eagerly, or once per trace)."""

    runs = 0

    def call(self, inputs):
        CountingDense.runs += 1
        return super().call(inputs)


def mlp():
    return kerax.Sequential([kerax.Input((3,)), CountingDense(4, activation="relu"), layers.Dense(2)])


def np_mlp(model, x):
    k1, b1, k2, b2 = model.get_weights()
    return np.maximum(x @ k1 + b1, 0) @ k2 + b2


def test_first_call_is_eager_then_one_trace_serves_every_later_call():
    model, x = mlp(), np.random.default_rng(0).random((5, 3), dtype="float32")
    CountingDense.runs = 0
    results = [np.asarray(model(x)) for _ in range(4)]
    assert CountingDense.runs == 2  # the eager call, then the trace
    for result in results:
        np.testing.assert_allclose(result, np_mlp(model, x), rtol=1e-5, atol=1e-6)
    model(x[:2])
    assert CountingDense.runs == 3  # a new shape: eager again


def test_weights_set_after_compiling_are_used():
    model, x = mlp(), np.ones((2, 3), "float32")
    model(x), model(x)
    model.set_weights([w + 1 for w in model.get_weights()])
    np.testing.assert_allclose(np.asarray(model(x)), np_mlp(model, x), rtol=1e-5)


def test_batch_normalization_updates_its_moving_statistics_in_training_calls():
    model = kerax.Sequential([kerax.Input((2,)), layers.BatchNormalization(momentum=0.5)])
    x = np.array([[1.0, 2.0], [3.0, 6.0]], "float32")
    for _ in range(3):
        out = np.asarray(model(x, training=True))
    expected_mean = (1 - 0.5 ** 3) * x.mean(0)  # from 0, three updates of momentum 0.5
    np.testing.assert_allclose(model.layers[0].moving_mean.numpy(), expected_mean, rtol=1e-5)
    np.testing.assert_allclose(out, (x - x.mean(0)) / np.sqrt(x.var(0) + 1e-3), rtol=1e-4)
    inference = np.asarray(model(x, training=False))
    np.testing.assert_allclose(model.layers[0].moving_mean.numpy(), expected_mean, rtol=1e-5)
    bn = model.layers[0]
    expected = (x - bn.moving_mean.numpy()) / np.sqrt(bn.moving_variance.numpy() + 1e-3)
    np.testing.assert_allclose(inference, expected, rtol=1e-4)


def test_freezing_a_layer_after_calls_reaches_the_compiled_program():
    model = kerax.Sequential([kerax.Input((2,)), layers.BatchNormalization(momentum=0.5)])
    x = np.array([[1.0, 2.0], [3.0, 6.0]], "float32")
    model(x, training=True), model(x, training=True)
    model.layers[0].trainable = False  # Keras 3: a frozen BatchNormalization runs in inference mode
    before = model.layers[0].moving_mean.numpy()
    model(x, training=True), model(x, training=True)
    np.testing.assert_array_equal(model.layers[0].moving_mean.numpy(), before)


def test_dropout_draws_a_new_mask_on_every_training_call():
    model = kerax.Sequential([kerax.Input((200,)), layers.Dropout(0.5, seed=1)])
    x = np.ones((1, 200), "float32")
    masks = [np.asarray(model(x, training=True)) > 0 for _ in range(4)]
    assert all(not np.array_equal(a, b) for a, b in zip(masks, masks[1:]))
    np.testing.assert_array_equal(np.asarray(model(x)), x)  # inference: the identity


def test_layers_added_after_calls_are_part_of_the_next_call():
    model, x = kerax.Sequential([kerax.Input((2,)), layers.Dense(2, use_bias=False)]), np.ones((1, 2), "float32")
    model(x), model(x)
    model.add(layers.Lambda(lambda t: t * 10))
    kernel = model.layers[0].kernel.numpy()
    np.testing.assert_allclose(np.asarray(model(x)), x @ kernel * 10, rtol=1e-5)


def test_activity_regularization_losses_are_those_of_the_last_call():
    model = kerax.Sequential([kerax.Input((2,)), layers.Dense(2, activity_regularizer="l2",
                                                              kernel_initializer="ones")])
    for x in (np.ones((2, 2), "float32"), np.ones((2, 2), "float32") * 2, np.ones((2, 2), "float32") * 3):
        model(x)
        out = x @ np.ones((2, 2)) + 0
        assert len(model.losses) == 1
        np.testing.assert_allclose(float(model.losses[0]), 0.01 * np.sum(out ** 2) / 2, rtol=1e-5)


def test_output_masks_are_attached_as_in_an_eager_call():
    model = kerax.Sequential([kerax.Input((4,), dtype="int32"), layers.Embedding(5, 2, mask_zero=True)])
    x = np.array([[1, 2, 0, 0]], "int32")
    for _ in range(3):
        out = model(x)
    np.testing.assert_array_equal(np.asarray(out._keras_mask), [[True, True, False, False]])


class ValueDependent(kerax.Model):
    """A subclassed model with Python control flow on a value: it cannot be traced, so it stays eager."""

    def call(self, inputs):
        if float(ops.sum(inputs)) > 0:
            return inputs * 2
        return inputs - 1


def test_forward_passes_that_cannot_be_traced_stay_eager():
    model = ValueDependent()
    for _ in range(3):
        np.testing.assert_allclose(np.asarray(model(np.ones((1, 2), "float32"))), 2.0)
        np.testing.assert_allclose(np.asarray(model(-np.ones((1, 2), "float32"))), -2.0)


def test_the_cache_holds_a_bounded_number_of_programs(monkeypatch):
    monkeypatch.setattr(compiled_forward, "MAX_PROGRAMS", 3)  # 32 in use; fewer compiles here
    model = mlp()
    for rows in range(1, 7):
        x = np.ones((rows, 3), "float32")
        model(x), model(x)
        assert len(model._forward._programs) == min(rows, 3)
    np.testing.assert_allclose(np.asarray(model(x)), np_mlp(model, x), rtol=1e-5, atol=1e-6)


def test_int64_ids_beyond_int32_are_an_error_not_wrapped():
    model = kerax.Sequential([kerax.Input((1,), dtype="int32"), layers.Embedding(10, 2)])
    for _ in range(2):
        model(np.array([[3]], "int64"))
    with pytest.raises(ValueError, match="int32"):
        model(np.array([[2 ** 32 + 5]], "int64"))


def test_predict_on_batch_and_one_batch_predict_return_numpy_of_the_forward_pass():
    model = mlp()
    x = np.random.default_rng(1).random((7, 3), dtype="float32")
    for result in (model.predict_on_batch(x), model.predict(x, verbose=0), model.predict_on_batch(x)):
        assert isinstance(result, np.ndarray)
        np.testing.assert_allclose(result, np_mlp(model, x), rtol=1e-5, atol=1e-6)


def test_a_custom_predict_step_is_still_used_by_predict_on_batch():
    class Doubled(kerax.Model):
        def __init__(self):
            super().__init__()
            self.dense = layers.Dense(2, kernel_initializer="ones")

        def call(self, inputs):
            return self.dense(inputs)

        def predict_step(self, data):
            x, _, _ = kerax.utils.unpack_x_y_sample_weight(data)
            return self(x, training=False) * 2

    model = Doubled()
    np.testing.assert_allclose(model.predict_on_batch(np.ones((1, 3), "float32")), [[6.0, 6.0]])


def test_threads_calling_one_model_get_correct_results():
    model = mlp()
    x = np.random.default_rng(2).random((4, 3), dtype="float32")
    expected, errors = np_mlp(model, x), []

    def work():
        try:
            for _ in range(20):
                np.testing.assert_allclose(np.asarray(model(x)), expected, rtol=1e-5, atol=1e-6)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
