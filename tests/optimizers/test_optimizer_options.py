"""Keras 3's optimizer options inside compiled training: use_ema (+ overwrite frequency, finalize at the end
of fit), gradient accumulation, loss_scale_factor, LossScaleOptimizer's dynamic scale, MultiOptimizer. Each
still runs a whole epoch per device call."""
import numpy as np
import pytest

import kerax
from kerax import backend, callbacks, layers, optimizers
from kerax.trainers import trainer as trainer_module


def f32(values):
    return np.asarray(values, dtype="float32")


# --- EMA, eagerly ----------------------------------------------------------------------------------------
def test_ema_average_follows_the_weights():
    w = backend.Variable(f32([1.0, -1.0]), name="w")
    optimizer = optimizers.SGD(0.1, use_ema=True, ema_momentum=0.9)
    grads = [f32([1.0, 2.0]), f32([0.5, -1.0]), f32([-2.0, 0.0]), f32([1.0, 1.0])]
    weights, average = np.array([1.0, -1.0]), None
    for g in grads:
        optimizer.apply([g], [w])
        weights = weights - 0.1 * g
        average = weights.copy() if average is None else 0.9 * average + 0.1 * weights
    np.testing.assert_allclose(optimizer.ema_variables[0].numpy(), average, rtol=1e-6)
    np.testing.assert_allclose(w.numpy(), weights, rtol=1e-6)
    optimizer.finalize_variable_values([w])
    np.testing.assert_allclose(w.numpy(), average, rtol=1e-6)


def test_ema_overwrite_frequency_copies_the_average_into_the_weights():
    w = backend.Variable(f32([0.0]), name="w")
    optimizer = optimizers.SGD(1.0, use_ema=True, ema_momentum=0.5, ema_overwrite_frequency=2)
    optimizer.apply([f32([-1.0])], [w])  # w = 1, average = 1
    optimizer.apply([f32([-2.0])], [w])  # w = 3, average = 2, then w <- 2
    np.testing.assert_allclose(w.numpy(), [2.0])
    optimizer.apply([f32([-2.0])], [w])  # w = 4, average = 3, no overwrite
    np.testing.assert_allclose(w.numpy(), [4.0])


def test_ema_argument_checks():
    with pytest.raises(ValueError, match=r"`ema_momentum` must be in the range \[0, 1\]"):
        optimizers.Adam(use_ema=True, ema_momentum=1.5)
    with pytest.raises(ValueError, match="`ema_overwrite_frequency` must be an integer >= 1"):
        optimizers.Adam(use_ema=True, ema_overwrite_frequency=0)


# --- inside fit -------------------------------------------------------------------------------------------
@pytest.fixture
def data(rng):
    x = rng.normal(size=(16, 3)).astype("float32")
    return x, (x @ f32([[1.0], [-2.0], [0.5]]) + 0.3).astype("float32")


def linear_model(optimizer):
    model = kerax.Sequential([layers.Input((3,)), layers.Dense(1, kernel_initializer="ones")])
    model.compile(optimizer, "mse")
    return model


@pytest.fixture
def device_calls(monkeypatch):
    """How many compiled train calls fit made."""
    calls = []
    original = trainer_module._StepRunner.run

    def counting(self, *args):
        calls.append(len(args[-1]))  # steps in this call
        return original(self, *args)

    monkeypatch.setattr(trainer_module._StepRunner, "run", counting)
    return calls


def test_fit_with_ema_matches_the_average_of_the_plain_trajectory(data, device_calls):
    x, y = data
    trajectory = []
    plain = linear_model(optimizers.SGD(0.05))
    record = callbacks.LambdaCallback(on_train_batch_end=lambda batch, logs: trajectory.append(
        np.concatenate([w.ravel() for w in plain.get_weights()])))
    plain.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0, callbacks=[record])
    average = trajectory[0]
    for weights in trajectory[1:]:
        average = 0.8 * average + 0.2 * weights
    device_calls.clear()
    model = linear_model(optimizers.SGD(0.05, use_ema=True, ema_momentum=0.8))
    model.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0)
    assert device_calls == [4, 4]  # one call per epoch of 4 steps
    final = np.concatenate([w.ravel() for w in model.get_weights()])
    np.testing.assert_allclose(final, average, rtol=1e-5)  # the model ends with the averaged weights


def test_gradient_accumulation_in_fit_equals_one_step_per_pair_of_batches(data, device_calls):
    x, y = data
    accumulated = linear_model(optimizers.SGD(0.1, gradient_accumulation_steps=2))
    accumulated.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0)
    assert device_calls == [4, 4]
    assert int(np.asarray(accumulated.optimizer.iterations)) == 4
    plain = linear_model(optimizers.SGD(0.1))
    plain.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0)
    for a, b in zip(accumulated.get_weights(), plain.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-5)


def test_loss_scale_factor_cancels_out_in_fit(data):
    x, y = data
    scaled = linear_model(optimizers.Adam(0.1, loss_scale_factor=1024.0))
    history = scaled.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0).history["loss"]
    plain = linear_model(optimizers.Adam(0.1))
    plain_history = plain.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0).history["loss"]
    np.testing.assert_allclose(history, plain_history, rtol=1e-6)  # logged loss is the unscaled one
    for a, b in zip(scaled.get_weights(), plain.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-5)


# --- LossScaleOptimizer --------------------------------------------------------------------------------
def test_loss_scale_optimizer_unscales_skips_non_finite_steps_and_adapts_the_scale():
    w = backend.Variable(f32([1.0, 2.0]), name="w")
    optimizer = optimizers.LossScaleOptimizer(optimizers.SGD(0.5), initial_scale=8.0, dynamic_growth_steps=2)
    np.testing.assert_allclose(optimizer.scale_loss(f32(3.0)), 24.0)
    optimizer.apply([f32([8.0, 16.0])], [w])  # unscaled: [1, 2]
    np.testing.assert_allclose(w.numpy(), [0.5, 1.0])
    optimizer.apply([f32([8.0, np.inf])], [w])  # skipped: weights and inner state unchanged, scale halved
    np.testing.assert_allclose(w.numpy(), [0.5, 1.0])
    assert float(optimizer.dynamic_scale.numpy()) == 4.0 and int(optimizer.step_counter.numpy()) == 0
    assert int(np.asarray(optimizer.iterations)) == 1
    optimizer.apply([f32([4.0, 0.0])], [w])
    optimizer.apply([f32([np.nan, 0.0])], [w])
    assert float(optimizer.dynamic_scale.numpy()) == 2.0
    optimizer.apply([f32([2.0, 2.0])], [w])
    optimizer.apply([f32([2.0, 2.0])], [w])  # 2 finite steps in a row: the scale doubles
    assert float(optimizer.dynamic_scale.numpy()) == 4.0 and int(optimizer.step_counter.numpy()) == 0
    np.testing.assert_allclose(w.numpy(), [0.5 - 0.5 - 1.0, 1.0 - 1.0])
    assert optimizer.learning_rate is optimizer.inner_optimizer.learning_rate


def test_loss_scale_optimizer_argument_errors():
    with pytest.raises(ValueError, match="no longer supports `dynamic=False`"):
        optimizers.LossScaleOptimizer(optimizers.SGD(), dynamic=False)
    with pytest.raises(ValueError, match="does not support `clipnorm`"):
        optimizers.LossScaleOptimizer(optimizers.SGD(), clipnorm=1.0)


def test_loss_scale_optimizer_in_fit_recovers_from_an_overflowing_scale(data, device_calls):
    x, y = data
    model = linear_model(optimizers.LossScaleOptimizer(optimizers.SGD(0.05), initial_scale=2.0**127))
    history = model.fit(x, y, batch_size=4, epochs=3, shuffle=False, verbose=0).history["loss"]
    assert device_calls == [4, 4, 4]
    scale = float(model.optimizer.dynamic_scale.numpy())
    assert scale < 2.0**127  # overflowing steps halved it (and were skipped) inside the compiled epochs
    assert all(np.isfinite(w).all() for w in model.get_weights())
    assert np.all(np.isfinite(history)) and history[-1] < history[0]


# --- MultiOptimizer ------------------------------------------------------------------------------------
def test_optimizer_map_lookup_documented_example():
    adam, sgd, rmsprop = optimizers.Adam(), optimizers.SGD(), optimizers.RMSprop()
    mapping = optimizers.OptimizerMap(default_optimizer=rmsprop)
    mapping["encoder/layer_0/dense"] = adam
    mapping["encoder/.*"] = sgd
    mapping["decoder"] = adam
    assert mapping["decoder"].name == "adam"
    assert mapping["encoder/layer_0/dense"].name == "adam"
    assert mapping["encoder/layer_0/attention/query"].name == "SGD"
    assert mapping["decoder/layer_0/dense"].name == "rmsprop"
    with pytest.raises(ValueError, match="already exists"):
        mapping["decoder"] = sgd
    with pytest.raises(ValueError, match="cannot be a LossScaleOptimizer"):
        mapping["x"] = optimizers.LossScaleOptimizer(optimizers.SGD())


def test_multi_optimizer_updates_each_variable_with_its_optimizer(data, device_calls):
    x, y = data
    encoder = kerax.layers.Dense(2, name="enc", kernel_initializer="ones")
    model = kerax.Sequential([layers.Input((3,)), encoder, layers.Dense(1, kernel_initializer="ones")])
    mapping = optimizers.OptimizerMap(optimizers.SGD(0.0), {"enc/.*": optimizers.SGD(0.05)})
    model.compile(optimizers.MultiOptimizer(mapping), "mse")
    before = [w.copy() for w in model.get_weights()]
    model.fit(x, y, batch_size=4, epochs=1, shuffle=False, verbose=0)
    assert device_calls == [4]
    after = model.get_weights()
    assert not np.allclose(after[0], before[0]) and not np.allclose(after[1], before[1])  # encoder: lr 0.05
    np.testing.assert_allclose(after[2], before[2])  # the rest: lr 0
    np.testing.assert_allclose(after[3], before[3])
    assert int(np.asarray(model.optimizer.iterations)) == 4
    with pytest.raises(AttributeError, match="sub-optimizers"):
        model.optimizer.learning_rate


def test_multi_optimizer_config_round_trip():
    optimizer = optimizers.MultiOptimizer(
        optimizers.OptimizerMap(optimizers.Adam(0.01), {"enc/.*": optimizers.SGD(0.1, momentum=0.5)}),
        loss_scale_factor=4.0)
    config = optimizers.serialize(optimizer)
    restored = optimizers.deserialize(config)
    assert isinstance(restored, optimizers.MultiOptimizer)
    assert restored.get_config() == optimizer.get_config()
    assert [type(o).__name__ for o in restored.optimizers] == ["SGD", "Adam"]
    assert all(o.loss_scale_factor == 4.0 for o in restored.optimizers)
