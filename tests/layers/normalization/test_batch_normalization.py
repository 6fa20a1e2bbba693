import numpy as np
import pytest

import kerax
from kerax.layers.normalization import BatchNormalization


def numpy_batch_norm(x, mean, variance, gamma, beta, epsilon):
    return (x - mean) / np.sqrt(variance + epsilon) * gamma + beta


def built_layer(rng, features=3, **kwargs):
    layer = BatchNormalization(**kwargs)
    layer.build((None, features))
    gamma, beta = rng.normal(size=features), rng.normal(size=features)
    moving_mean, moving_variance = rng.normal(size=features), rng.uniform(0.5, 2.0, size=features)
    layer.set_weights([w.astype("float32") for w in (gamma, beta, moving_mean, moving_variance)])
    return layer, (gamma, beta, moving_mean, moving_variance)


def test_weights_order_and_trainability():
    layer = BatchNormalization()
    layer.build((None, 4))
    assert [w.path for w in layer.weights] == ["batch_normalization/gamma", "batch_normalization/beta",
                                               "batch_normalization/moving_mean",
                                               "batch_normalization/moving_variance"]
    assert [w.name for w in layer.trainable_weights] == ["gamma", "beta"]
    assert [w.name for w in layer.non_trainable_weights] == ["moving_mean", "moving_variance"]
    np.testing.assert_array_equal(layer.moving_variance.numpy(), np.ones(4))


def test_inference_uses_moving_statistics(rng):
    layer, (gamma, beta, mm, mv) = built_layer(rng)
    x = rng.normal(size=(5, 3)).astype("float32")
    expected = numpy_batch_norm(x, mm, mv, gamma, beta, 1e-3)
    np.testing.assert_allclose(np.asarray(layer(x)), expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(np.asarray(layer(x, training=False)), expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(layer.moving_mean.numpy(), mm, rtol=1e-6)  # untouched


def test_training_uses_batch_statistics_and_updates_moving_ones(rng):
    layer, (gamma, beta, mm, mv) = built_layer(rng, momentum=0.9)
    x = rng.normal(2.0, 3.0, size=(6, 3)).astype("float32")
    y = np.asarray(layer(x, training=True))
    expected = numpy_batch_norm(x, x.mean(0), x.var(0), gamma, beta, 1e-3)
    np.testing.assert_allclose(y, expected, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(layer.moving_mean.numpy(), mm * 0.9 + x.mean(0) * 0.1, rtol=1e-5)
    np.testing.assert_allclose(layer.moving_variance.numpy(), mv * 0.9 + x.var(0) * 0.1, rtol=1e-5)


def test_frozen_layer_runs_in_inference_mode(rng):
    layer, (gamma, beta, mm, mv) = built_layer(rng)
    layer.trainable = False
    x = rng.normal(size=(4, 3)).astype("float32")
    y = np.asarray(layer(x, training=True))
    np.testing.assert_allclose(y, numpy_batch_norm(x, mm, mv, gamma, beta, 1e-3), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(layer.moving_mean.numpy(), mm, rtol=1e-6)


def test_channels_first_axis_and_no_center_scale(rng):
    layer = BatchNormalization(axis=1, center=False, scale=False, epsilon=0.01)
    x = rng.normal(size=(2, 3, 4, 4)).astype("float32")
    y = np.asarray(layer(x, training=True))
    mean, var = x.mean((0, 2, 3), keepdims=True), x.var((0, 2, 3), keepdims=True)
    np.testing.assert_allclose(y, (x - mean) / np.sqrt(var + 0.01), rtol=1e-4, atol=1e-4)
    assert [w.name for w in layer.weights] == ["moving_mean", "moving_variance"]
    assert layer.moving_mean.shape == (3,)


def test_masked_steps_do_not_count(rng):
    layer = BatchNormalization(momentum=0.0)
    x = rng.normal(size=(2, 4, 3)).astype("float32")
    mask = np.array([[True, True, False, False], [True, True, True, False]])
    layer(x, training=True, mask=mask)
    kept = x[mask]
    np.testing.assert_allclose(layer.moving_mean.numpy(), kept.mean(0), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(layer.moving_variance.numpy(), kept.var(0), rtol=1e-4, atol=1e-5)


def test_gradients_match_finite_differences(rng):
    """d/d(x, gamma) of sum(w * bn(x)) in training mode, against central differences of the NumPy formula."""
    layer = BatchNormalization(gamma_initializer=kerax.initializers.Constant(1.5))
    x0 = rng.normal(size=(4, 2))
    w = rng.normal(size=(4, 2))
    layer.build((None, 2))
    x_var = kerax.backend.Variable(x0.astype("float32"), name="x")

    def loss():
        return kerax.ops.sum(kerax.ops.multiply(layer(x_var.value, training=True), w.astype("float32")))

    _, (grad_x, grad_gamma) = kerax.value_and_grad(loss, [x_var, layer.gamma])

    def numpy_loss(x, gamma):
        return np.sum(w * numpy_batch_norm(x, x.mean(0), x.var(0), gamma, 0.0, 1e-3))

    def central(f, value, h=1e-6):
        grad = np.zeros_like(value)
        for i in np.ndindex(value.shape):
            step = np.zeros_like(value)
            step[i] = h
            grad[i] = (f(value + step) - f(value - step)) / (2 * h)
        return grad

    gamma0 = np.full(2, 1.5)
    np.testing.assert_allclose(np.asarray(grad_x), central(lambda v: numpy_loss(v, gamma0), x0), atol=2e-3)
    expected_gamma = central(lambda v: numpy_loss(x0, v), gamma0)
    np.testing.assert_allclose(np.asarray(grad_gamma), expected_gamma, atol=2e-3)


def test_fit_step_updates_moving_statistics_with_the_momentum_formula(rng):
    model = kerax.Sequential([kerax.Input((3,)), BatchNormalization(momentum=0.8)])
    model.compile(optimizer="sgd", loss="mse")
    x = rng.normal(1.0, 2.0, size=(8, 3)).astype("float32")
    model.fit(x, np.zeros((8, 3), "float32"), batch_size=4, epochs=1, shuffle=False, verbose=0)
    bn = model.layers[0]
    mean, var = np.zeros(3), np.ones(3)
    for batch in (x[:4], x[4:]):
        mean = mean * 0.8 + batch.mean(0) * 0.2
        var = var * 0.8 + batch.var(0) * 0.2
    np.testing.assert_allclose(bn.moving_mean.numpy(), mean, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(bn.moving_variance.numpy(), var, rtol=1e-4, atol=1e-5)
    # predict() runs in inference mode: it uses (and keeps) the moving statistics.
    np.testing.assert_allclose(model.predict(x, verbose=0), numpy_batch_norm(
        x, mean, var, bn.gamma.numpy(), bn.beta.numpy(), 1e-3), rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(bn.moving_mean.numpy(), mean, rtol=1e-4, atol=1e-5)


def test_in_functional_and_subclassed_models(rng):
    inputs = kerax.Input((2, 3))
    outputs = BatchNormalization()(inputs)
    assert outputs.shape == (None, 2, 3)
    functional = kerax.Model(inputs, outputs)
    x = rng.normal(size=(2, 2, 3)).astype("float32")
    np.testing.assert_allclose(np.asarray(functional(x)), x / np.sqrt(1 + 1e-3), rtol=1e-5)

    class Net(kerax.Model):
        def __init__(self):
            super().__init__()
            self.bn = BatchNormalization()

        def call(self, inputs, training=None):
            return self.bn(inputs, training=training)

    net = Net()
    y = np.asarray(net(x, training=True))
    np.testing.assert_allclose(y, (x - x.mean((0, 1))) / np.sqrt(x.var((0, 1)) + 1e-3), rtol=1e-4, atol=1e-4)
    assert len(net.non_trainable_weights) == 2


def test_config_round_trip_and_argument_errors():
    layer = BatchNormalization(axis=1, momentum=0.9, epsilon=1e-5, center=False,
                               gamma_regularizer=kerax.regularizers.l2(0.1), name="bn")
    config = layer.get_config()
    assert config["axis"] == 1 and config["momentum"] == 0.9 and config["center"] is False
    assert BatchNormalization.from_config(config).get_config() == config
    tf2_config = {**config, "fused": None, "renorm": False, "virtual_batch_size": None}
    tf2 = BatchNormalization.from_config(tf2_config)
    assert tf2.get_config() == config
    with pytest.raises(ValueError, match="momentum"):
        BatchNormalization(momentum=1.5)
    with pytest.raises(ValueError, match=r'"bn_2".*axis 3.*\(None, 3\)|invalid axis 3'):
        BatchNormalization(axis=3, name="bn_2").build((None, 3))


def test_padded_last_batch_rows_stay_out_of_the_batch_statistics():
    # 10 samples in batches of 4: the last batch holds rows 8 and 9, padded to 4 rows inside the compiled step.
    x = np.random.default_rng(5).normal(3.0, 2.0, size=(10, 3)).astype("float32")
    model = kerax.Sequential([kerax.Input((3,)), BatchNormalization(momentum=0.0)])
    model.compile("sgd", "mse")
    model.fit(x, x, batch_size=4, epochs=1, shuffle=False, verbose=0)
    bn = model.layers[0]
    np.testing.assert_allclose(bn.moving_mean.numpy(), x[8:].mean(0), rtol=1e-5)
    np.testing.assert_allclose(bn.moving_variance.numpy(), x[8:].var(0), rtol=1e-4)
