"""TF1 `tf.train.*Optimizer` names: argument mapping, and TF1's own update equations in NumPy."""
import numpy as np
import pytest

import kerax.compat.v1.train as v1_train
import kerax.train as train
from kerax import backend, optimizers

W0 = np.array([1.0, -2.0, 0.5])
GRADS = [np.array([0.1, -0.2, 0.3]), np.array([0.4, 0.1, -0.5]), np.array([-0.3, 0.2, 0.05])]


def run(optimizer):
    variable = backend.Variable(W0.astype("float32"))
    for g in GRADS:
        optimizer.apply([g.astype("float32")], [variable])
    return variable.numpy()


def tf1_momentum(lr, momentum, nesterov):
    w, accum = W0.copy(), np.zeros(3)
    for g in GRADS:
        accum = momentum * accum + g
        w = w - lr * (g + momentum * accum if nesterov else accum)
    return w


def tf1_rmsprop(lr, decay, momentum, eps):
    w, ms, mom = W0.copy(), np.ones(3), np.zeros(3)  # TF1 starts the mean square at one
    for g in GRADS:
        ms = decay * ms + (1 - decay) * g**2
        mom = momentum * mom + lr * g / np.sqrt(ms + eps)
        w = w - mom
    return w


def tf1_adam(lr, b1, b2, eps):
    w, m, v = W0.copy(), np.zeros(3), np.zeros(3)
    for t, g in enumerate(GRADS, start=1):
        lr_t = lr * np.sqrt(1 - b2**t) / (1 - b1**t)
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g**2
        w = w - lr_t * m / (np.sqrt(v) + eps)
    return w


def tf1_adagrad(lr, initial):
    w, accum = W0.copy(), np.full(3, initial)
    for g in GRADS:
        accum = accum + g**2
        w = w - lr * g / np.sqrt(accum)
    return w


def tf1_adadelta(lr, rho, eps):
    w, accum, accum_update = W0.copy(), np.zeros(3), np.zeros(3)
    for g in GRADS:
        accum = rho * accum + (1 - rho) * g**2
        update = np.sqrt(accum_update + eps) / np.sqrt(accum + eps) * g
        accum_update = rho * accum_update + (1 - rho) * update**2
        w = w - lr * update
    return w


CASES = {
    "gradient_descent": (lambda: train.GradientDescentOptimizer(0.2), lambda: W0 - 0.2 * sum(GRADS)),
    "momentum": (lambda: train.MomentumOptimizer(0.1, 0.9), lambda: tf1_momentum(0.1, 0.9, False)),
    "nesterov": (lambda: train.MomentumOptimizer(0.1, 0.9, use_nesterov=True),
                 lambda: tf1_momentum(0.1, 0.9, True)),
    "rmsprop": (lambda: train.RMSPropOptimizer(0.01), lambda: tf1_rmsprop(0.01, 0.9, 0.0, 1e-10)),
    "rmsprop_momentum": (lambda: train.RMSPropOptimizer(0.01, decay=0.8, momentum=0.5),
                         lambda: tf1_rmsprop(0.01, 0.8, 0.5, 1e-10)),
    "adam": (lambda: train.AdamOptimizer(0.001), lambda: tf1_adam(0.001, 0.9, 0.999, 1e-8)),
    "adam_betas": (lambda: train.AdamOptimizer(0.01, beta1=0.8, beta2=0.99),
                   lambda: tf1_adam(0.01, 0.8, 0.99, 1e-8)),
    "adagrad": (lambda: train.AdagradOptimizer(0.1), lambda: tf1_adagrad(0.1, 0.1)),
    "adadelta": (lambda: train.AdadeltaOptimizer(1.0), lambda: tf1_adadelta(1.0, 0.95, 1e-8)),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_tf1_optimizer_matches_tf1_equations(case):
    make_optimizer, reference = CASES[case]
    np.testing.assert_allclose(run(make_optimizer()), reference(), rtol=2e-5, atol=1e-6)


def test_names_map_to_kerax_optimizers():
    rmsprop = train.RMSPropOptimizer(0.001, decay=0.8, momentum=0.1, epsilon=1e-6, centered=True)
    assert isinstance(rmsprop, optimizers.RMSprop)
    assert (rmsprop.rho, rmsprop.momentum, rmsprop.epsilon, rmsprop.centered) == (0.8, 0.1, 1e-6, True)
    adam = train.AdamOptimizer(0.01, beta1=0.8, beta2=0.99, epsilon=1e-6, use_locking=True, name="Adam")
    assert isinstance(adam, optimizers.Adam)
    assert (adam.beta_1, adam.beta_2, adam.epsilon, adam.name) == (0.8, 0.99, 1e-6, "Adam")
    assert isinstance(train.FtrlOptimizer(0.1, l1_regularization_strength=0.1), optimizers.Ftrl)
    assert v1_train.AdamOptimizer is train.AdamOptimizer
    restored = optimizers.deserialize(optimizers.serialize(rmsprop))
    assert isinstance(restored, optimizers.RMSprop) and restored.rho == 0.8


def test_tf1_argument_checks():
    with pytest.raises(ValueError, match="initial_accumulator_value must be positive"):
        train.AdagradOptimizer(0.1, initial_accumulator_value=0.0)
    with pytest.raises(TypeError):
        train.MomentumOptimizer(0.1)  # TF1 requires the momentum
