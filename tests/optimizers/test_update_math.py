"""Three steps of every optimizer against its update equations written out in NumPy (float64)."""
import numpy as np
import pytest

from kerax import backend, optimizers

W0 = np.array([1.0, -2.0, 0.5])
GRADS = [np.array([0.1, -0.2, 0.3]), np.array([0.4, 0.1, -0.5]), np.array([-0.3, 0.2, 0.05])]


def run(optimizer, grads=GRADS):
    variable = backend.Variable(W0.astype("float32"), name="kernel")
    for g in grads:
        optimizer.apply([g.astype("float32")], [variable])
    return variable.numpy()


def sgd(lr, momentum=0.0, nesterov=False):
    w, m = W0.copy(), np.zeros(3)
    for g in GRADS:
        if momentum:
            m = momentum * m - lr * g
            w = w + (momentum * m - lr * g if nesterov else m)
        else:
            w = w - lr * g
    return w


def rmsprop(lr, rho, momentum, eps, centered):
    w, v, m, a = W0.copy(), np.zeros(3), np.zeros(3), np.zeros(3)
    for g in GRADS:
        v = rho * v + (1 - rho) * g**2
        denominator = v + eps
        if centered:
            a = rho * a + (1 - rho) * g
            denominator = v - a**2 + eps
        increment = lr * g / np.sqrt(denominator)
        if momentum:
            m = momentum * m + increment
            w = w - m
        else:
            w = w - increment
    return w


def adagrad(lr, initial, eps):
    w, a = W0.copy(), np.full(3, initial)
    for g in GRADS:
        a = a + g**2
        w = w - lr * g / np.sqrt(a + eps)
    return w


def adadelta(lr, rho, eps):
    w, grad_sq, delta_sq = W0.copy(), np.zeros(3), np.zeros(3)
    for g in GRADS:
        grad_sq = rho * grad_sq + (1 - rho) * g**2
        delta = -np.sqrt(delta_sq + eps) / np.sqrt(grad_sq + eps) * g
        delta_sq = rho * delta_sq + (1 - rho) * delta**2
        w = w + lr * delta
    return w


def adam(lr, b1, b2, eps, amsgrad=False, weight_decay=None, grads=GRADS, w=W0):
    w, m, v, v_hat = w.copy(), np.zeros(3), np.zeros(3), np.zeros(3)
    for t, g in enumerate(grads, start=1):
        if weight_decay:
            w = w - w * weight_decay * lr
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g**2
        v_hat = np.maximum(v_hat, v)
        alpha = lr * np.sqrt(1 - b2**t) / (1 - b1**t)
        w = w - alpha * m / (np.sqrt(v_hat if amsgrad else v) + eps)
    return w


def adamax(lr, b1, b2, eps):
    w, m, u = W0.copy(), np.zeros(3), np.zeros(3)
    for t, g in enumerate(GRADS, start=1):
        m = b1 * m + (1 - b1) * g
        u = np.maximum(b2 * u, np.abs(g))
        w = w - lr * m / ((1 - b1**t) * (u + eps))
    return w


def nadam(lr, b1, b2, eps):
    w, m, v, product = W0.copy(), np.zeros(3), np.zeros(3), 1.0
    for t, g in enumerate(GRADS, start=1):
        mu_t = b1 * (1 - 0.5 * 0.96**t)
        mu_next = b1 * (1 - 0.5 * 0.96 ** (t + 1))
        product = product * mu_t
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g**2
        m_hat = mu_next * m / (1 - product * mu_next) + (1 - mu_t) * g / (1 - product)
        v_hat = v / (1 - b2**t)
        w = w - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w


def ftrl(lr, lr_power, initial, l1, l2, shrinkage, beta):
    # McMahan et al.'s FTRL-Proximal; the L2 term enters the denominator as 2*l2, as TF's kernel does.
    w, n, z = W0.copy(), np.full(3, initial), np.zeros(3)
    for g in GRADS:
        new_n = n + g**2
        sigma = (new_n ** -lr_power - n ** -lr_power) / lr
        z = z + g + 2 * shrinkage * w - sigma * w
        denominator = (beta + new_n ** -lr_power) / lr + 2 * l2
        w = np.where(np.abs(z) <= l1, 0.0, (np.sign(z) * l1 - z) / denominator)
        n = new_n
    return w


CASES = {
    "sgd": (lambda: optimizers.SGD(0.1), lambda: sgd(0.1)),
    "sgd_momentum": (lambda: optimizers.SGD(0.1, momentum=0.9), lambda: sgd(0.1, 0.9)),
    "sgd_nesterov": (lambda: optimizers.SGD(0.1, momentum=0.9, nesterov=True), lambda: sgd(0.1, 0.9, True)),
    "rmsprop": (lambda: optimizers.RMSprop(0.01), lambda: rmsprop(0.01, 0.9, 0.0, 1e-7, False)),
    "rmsprop_momentum_centered": (
        lambda: optimizers.RMSprop(0.01, rho=0.8, momentum=0.5, epsilon=0.01, centered=True),
        lambda: rmsprop(0.01, 0.8, 0.5, 0.01, True),
    ),
    "adagrad": (lambda: optimizers.Adagrad(0.1, epsilon=0.05), lambda: adagrad(0.1, 0.1, 0.05)),
    "adadelta": (lambda: optimizers.Adadelta(learning_rate=1.0, rho=0.95), lambda: adadelta(1.0, 0.95, 1e-7)),
    "adam": (lambda: optimizers.Adam(0.01), lambda: adam(0.01, 0.9, 0.999, 1e-7)),
    "adam_amsgrad": (
        lambda: optimizers.Adam(0.01, beta_1=0.8, beta_2=0.9, epsilon=0.1, amsgrad=True),
        lambda: adam(0.01, 0.8, 0.9, 0.1, amsgrad=True),
    ),
    "adamw": (lambda: optimizers.AdamW(0.01, weight_decay=0.1), lambda: adam(0.01, 0.9, 0.999, 1e-7,
                                                                          weight_decay=0.1)),
    "adamax": (lambda: optimizers.Adamax(0.01, epsilon=0.1), lambda: adamax(0.01, 0.9, 0.999, 0.1)),
    "nadam": (lambda: optimizers.Nadam(0.01, epsilon=0.1), lambda: nadam(0.01, 0.9, 0.999, 0.1)),
    "ftrl": (
        lambda: optimizers.Ftrl(0.1, l1_regularization_strength=0.01, l2_regularization_strength=0.02,
                                l2_shrinkage_regularization_strength=0.03, beta=0.5),
        lambda: ftrl(0.1, -0.5, 0.1, 0.01, 0.02, 0.03, 0.5),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_three_steps_match_numpy(case):
    make_optimizer, reference = CASES[case]
    np.testing.assert_allclose(run(make_optimizer()), reference(), rtol=2e-5, atol=1e-6)


def test_keras_documented_examples():
    # keras.optimizers.RMSprop docstring: lr 0.1, var 10, loss var**2/2 -> 9.683772 after one step.
    var = backend.Variable(np.float32(10.0))
    optimizers.RMSprop(learning_rate=0.1).apply([var.value], [var])
    np.testing.assert_allclose(var.numpy(), 9.683772, rtol=1e-6)
    # SGD docstring: with momentum 0.9 the steps are 0.1 and then 0.18.
    var = backend.Variable(np.float32(1.0))
    sgd_optimizer = optimizers.SGD(learning_rate=0.1, momentum=0.9)
    sgd_optimizer.apply([var.value], [var])
    np.testing.assert_allclose(1.0 - var.numpy(), 0.1, rtol=1e-6)
    before = var.numpy()
    sgd_optimizer.apply([var.value], [var])
    np.testing.assert_allclose(before - var.numpy(), 0.18, rtol=1e-5)


def test_keras2_epsilon_none_means_backend_epsilon():
    assert optimizers.Adam(epsilon=None).epsilon == backend.epsilon()
