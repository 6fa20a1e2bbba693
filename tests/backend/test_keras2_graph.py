"""K.function on Sequential and functional models, K.placeholder, K.gradients' error, K functions on
symbolic tensors, the learning phase, and an old-style custom loss trained with fit."""
import numpy as np
import pytest

import kerax
from kerax import backend as K


@pytest.fixture
def x(rng):
    return rng.random((3, 4)).astype("float32")


def test_function_on_a_sequential_that_starts_with_input(x):
    model = kerax.Sequential([kerax.Input((4,)), kerax.layers.Dense(5, activation="relu"),
                              kerax.layers.Dropout(0.5), kerax.layers.Dense(2)])
    f = K.function([model.input], [model.layers[0].output])
    out = f([x])
    assert isinstance(out, list) and len(out) == 1 and isinstance(out[0], np.ndarray)
    kernel, bias = model.layers[0].get_weights()
    np.testing.assert_allclose(out[0], np.maximum(x @ kernel + bias, 0), rtol=1e-5, atol=1e-6)
    last = K.function([model.input, K.learning_phase()], [model.layers[-1].output])
    np.testing.assert_allclose(last([x, 0])[0], model.predict(x, verbose=0), rtol=1e-5, atol=1e-6)
    # with the training phase, Dropout drops (and scales) units of the hidden layer
    assert not np.allclose(last([x, 1])[0], last([x, 0])[0])


def test_function_on_a_functional_model(x):
    inputs = kerax.Input((4,))
    hidden = kerax.layers.Dense(3, name="hidden")(inputs)
    model = kerax.Model(inputs, kerax.layers.Dense(1)(hidden))
    hidden_out, final_out = K.function([model.input], [model.get_layer("hidden").output, model.output])([x])
    kernel, bias = model.get_layer("hidden").get_weights()
    np.testing.assert_allclose(hidden_out, x @ kernel + bias, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(final_out, model.predict(x, verbose=0), rtol=1e-5, atol=1e-6)
    with pytest.raises(ValueError, match="expects 1 input values"):
        K.function([model.input], [model.output])([x, x])


def test_placeholder_and_k_functions_on_symbolic_tensors():
    placeholder = K.placeholder(shape=(None, 3))
    assert K.is_keras_tensor(placeholder) and K.int_shape(placeholder) == (None, 3)
    assert K.int_shape(K.placeholder(ndim=2)) == (None, None)
    f = K.function([placeholder], [K.sum(K.square(placeholder) + 1, axis=-1)])
    np.testing.assert_allclose(f([np.full((2, 3), 2.0, "float32")])[0], [15.0, 15.0])
    with pytest.raises(ValueError, match="needs `shape=`"):
        K.placeholder()
    with pytest.raises(ValueError, match=r"has no value\. Feed values through `K\.function"):
        K.eval(placeholder)
    with pytest.raises(NotImplementedError, match="sparse or ragged"):
        K.placeholder(shape=(None, 3), sparse=True)


def test_function_errors():
    with pytest.raises(TypeError, match="expected symbolic tensors"):
        K.function([np.ones((2, 3))], [])
    with pytest.raises(ValueError, match="`updates` argument is not supported"):
        K.function([K.placeholder(shape=(None, 1))], [], updates=[("v", 1)])


def test_gradients_names_the_replacement():
    with pytest.raises(NotImplementedError, match=r"kerax\.backend\.value_and_grad"):
        K.gradients(K.placeholder(shape=(None, 1)), [])


def test_learning_phase():
    assert K.learning_phase() == 0 and K.in_train_phase(1, 2) == 2 and K.in_test_phase(1, 2) == 1
    with K.learning_phase_scope(1):
        assert K.learning_phase() == 1 and K.in_train_phase(lambda: "train", "test") == "train"
    assert K.learning_phase() == 0
    with pytest.warns(DeprecationWarning):
        K.set_learning_phase(1)
    assert K.learning_phase() == 1 and K.in_train_phase(1, 2, training=False) == 2
    with pytest.warns(DeprecationWarning), pytest.raises(ValueError, match="0 or 1"):
        K.set_learning_phase(2)
    with pytest.warns(DeprecationWarning):
        K.set_learning_phase(0)


class _TrainOnlyNoise(kerax.layers.Layer):
    """Adds 100 in the training phase, through K.in_train_phase with the layer's training flag."""

    def call(self, inputs):
        return K.in_train_phase(lambda: inputs + 100.0, inputs)


def test_in_train_phase_follows_the_layer_call(x):
    model = kerax.Sequential([kerax.Input((4,)), _TrainOnlyNoise()])
    np.testing.assert_allclose(model(x, training=True), x + 100.0)
    np.testing.assert_allclose(model(x, training=False), x)


def test_old_style_custom_loss_trains_with_fit(rng):
    def loss(y_true, y_pred):
        return K.mean(K.square(y_pred - y_true), axis=-1)

    x = rng.random((32, 4)).astype("float32")
    y = x @ np.array([[1.0], [-2.0], [0.5], [3.0]], "float32")
    model = kerax.Sequential([kerax.Input((4,)), kerax.layers.Dense(1)])
    model.compile(optimizer=kerax.optimizers.SGD(0.1), loss=loss)
    history = model.fit(x, y, epochs=5, batch_size=8, verbose=0)
    losses = history.history["loss"]
    assert losses[-1] < losses[0] * 0.5
    np.testing.assert_allclose(model.evaluate(x, y, verbose=0),
                               np.mean((model.predict(x, verbose=0) - y) ** 2), rtol=1e-4)


def test_models_with_k_nodes_save_and_load(tmp_path, x):
    inputs = kerax.Input((4,))
    model = kerax.Model(inputs, K.mean(K.square(kerax.layers.Dense(3)(inputs)), axis=-1, keepdims=True))
    model.save(tmp_path / "same_as_ops.keras")
    restored = kerax.models.load_model(tmp_path / "same_as_ops.keras")
    np.testing.assert_allclose(restored.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6)
    # K.repeat is not ops.repeat: its node must not be read back as ops.repeat
    repeated = kerax.Model(inputs, K.repeat(inputs, 2))
    assert K.int_shape(repeated.output) == (None, 2, 4)
    repeated.save(tmp_path / "unlike_ops.keras")
    with pytest.raises(ValueError, match="keras2_repeat"):
        kerax.models.load_model(tmp_path / "unlike_ops.keras")
