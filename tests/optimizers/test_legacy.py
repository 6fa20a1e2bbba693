"""tf.keras 2's legacy optimizers (optimizer_v2) follow the trajectories real tf.keras 2.21 recorded
(tests/saving/keras_files/make_layer_fixtures.py, `legacy_optimizers.npz`): 3 epochs of 4 steps of a tiny
linear regression."""
import os

import numpy as np
import pytest

import kerax
from kerax.optimizers import legacy

RECORDED = np.load(os.path.join(os.path.dirname(__file__), "..", "saving", "keras_files",
                                "legacy_optimizers.npz"))
# The generator's LEGACY_OPTIMIZERS: name -> (class, arguments).
CASES = {
    "SGD": ("SGD", {"lr": 0.1, "decay": 0.01}),
    "SGD_momentum": ("SGD", {"learning_rate": 0.1, "momentum": 0.9, "decay": 0.01}),
    "SGD_nesterov": ("SGD", {"learning_rate": 0.1, "momentum": 0.9, "nesterov": True}),
    "RMSprop": ("RMSprop", {"lr": 0.01, "decay": 0.01}),
    "RMSprop_epsilon": ("RMSprop", {"lr": 0.01, "decay": 0.01, "epsilon": 0.1}),
    "RMSprop_momentum_epsilon": ("RMSprop", {"learning_rate": 0.01, "momentum": 0.5, "epsilon": 0.1}),
    "RMSprop_centered_epsilon": ("RMSprop", {"learning_rate": 0.01, "momentum": 0.5, "centered": True,
                                             "decay": 0.01, "epsilon": 0.1}),
    "Adam": ("Adam", {"lr": 0.01, "decay": 0.01}),
    "Adam_epsilon": ("Adam", {"learning_rate": 0.01, "epsilon": 0.1}),
    "Adam_amsgrad": ("Adam", {"learning_rate": 0.01, "amsgrad": True, "epsilon": 0.1}),
    "Adagrad": ("Adagrad", {"lr": 0.1, "decay": 0.01}),
    "Adagrad_epsilon": ("Adagrad", {"learning_rate": 0.1, "epsilon": 0.1}),
    "Adadelta": ("Adadelta", {"learning_rate": 1.0, "decay": 0.01, "epsilon": 0.1}),
    "Adamax": ("Adamax", {"lr": 0.01, "decay": 0.01, "epsilon": 0.1}),
    "Nadam": ("Nadam", {"lr": 0.01}),
    "Nadam_epsilon": ("Nadam", {"learning_rate": 0.01, "epsilon": 0.1}),
    "Ftrl": ("Ftrl", {"learning_rate": 0.1, "l1_regularization_strength": 0.01,
                      "l2_regularization_strength": 0.01}),
    "Ftrl_shrinkage": ("Ftrl", {"learning_rate": 0.1, "learning_rate_power": -0.7, "beta": 0.2,
                                "initial_accumulator_value": 0.5, "l2_shrinkage_regularization_strength": 0.05}),
}


def trajectory(optimizer):
    """The weights after each epoch of mean-squared-error steps on batches of 4 (gradients in NumPy)."""
    x, y = RECORDED["x"].astype("float64"), RECORDED["y"].astype("float64")
    weights = [kerax.backend.Variable(RECORDED["kernel"]), kerax.backend.Variable(RECORDED["bias"])]
    recorded = []
    for _ in range(3):
        for start in range(0, len(x), 4):
            xb, error = x[start:start + 4], x[start:start + 4] @ weights[0].numpy() + weights[1].numpy()
            error = error - y[start:start + 4]
            grads = [2 * xb.T @ error / len(xb), 2 * error.sum(0) / len(xb)]
            optimizer.apply([g.astype("float32") for g in grads], weights)
        recorded.append(np.concatenate([w.numpy().ravel() for w in weights]))
    return np.stack(recorded)


def test_every_recorded_optimizer_is_checked():
    assert sorted(CASES) == sorted(k for k in RECORDED.files if k not in ("x", "y", "kernel", "bias"))


@pytest.mark.parametrize("case", sorted(CASES))
def test_legacy_optimizer_follows_tf_keras(case):
    class_name, arguments = CASES[case]
    optimizer = getattr(legacy, class_name)(**arguments)
    np.testing.assert_allclose(trajectory(optimizer), RECORDED[case], rtol=1e-5, atol=2e-6)


@pytest.mark.parametrize("case", ["RMSprop_epsilon", "Adagrad"])
def test_keras_2_code_passing_decay_to_the_optimizers_namespace_gets_keras_2_updates(case):
    class_name, arguments = CASES[case]
    optimizer = getattr(kerax.optimizers, class_name)(**arguments)  # `decay=` exists only in Keras 2
    assert isinstance(optimizer, getattr(legacy, class_name))
    np.testing.assert_allclose(trajectory(optimizer), RECORDED[case], rtol=1e-5, atol=2e-6)
    again = kerax.optimizers.deserialize(kerax.optimizers.serialize(optimizer))
    assert type(again) is type(optimizer) and again.get_config() == optimizer.get_config()


def test_without_keras_2_arguments_the_keras_3_update_stays():
    optimizer = kerax.optimizers.RMSprop(learning_rate=0.01, epsilon=0.1)
    assert type(optimizer) is kerax.optimizers.RMSprop
    assert np.abs(trajectory(optimizer) - RECORDED["RMSprop_epsilon"]).max() > 1e-3  # sqrt(v + eps)
    nadam = kerax.optimizers.deserialize(kerax.optimizers.serialize(legacy.Nadam(0.01)))
    assert isinstance(nadam, legacy.Nadam) and nadam.schedule_decay == 0.004


def test_fit_with_a_keras_2_rmsprop_follows_tf_keras():
    model = kerax.Sequential([kerax.Input((3,)), kerax.layers.Dense(1)])
    model.set_weights([RECORDED["kernel"], RECORDED["bias"]])
    model.compile(kerax.optimizers.RMSprop(lr=0.01, decay=0.01, epsilon=0.1), "mse")
    model.fit(RECORDED["x"], RECORDED["y"], batch_size=4, epochs=3, shuffle=False, verbose=0)
    np.testing.assert_allclose(np.concatenate([w.ravel() for w in model.get_weights()]),
                               RECORDED["RMSprop_epsilon"][-1], rtol=1e-5, atol=2e-6)
