import numpy as np
import pytest

import kerax
from kerax.layers.recurrent import GRU, LSTM


@pytest.mark.parametrize("layer_fn", [lambda: GRU(3), lambda: GRU(3, reset_after=False), lambda: LSTM(3)],
                         ids=["gru", "gru_reset_before", "lstm"])
def test_gradients_match_finite_differences(layer_fn, rng):
    layer = layer_fn()
    x = rng.normal(size=(2, 4, 2)).astype("float32")
    layer.build(x.shape)
    for w in layer.weights:
        w.assign(rng.normal(scale=0.5, size=w.shape).astype("float32"))
    target = rng.normal(size=(2, 3)).astype("float32")

    def loss():
        return kerax.ops.sum(kerax.ops.square(layer(x) - target))

    variables = layer.trainable_weights
    _, grads = kerax.value_and_grad(loss, variables)
    eps = 1e-2
    for variable, grad in zip(variables, grads):
        base = variable.numpy()
        for index in [tuple(rng.integers(0, d) for d in base.shape) for _ in range(3)]:
            shifted = []
            for sign in (1, -1):
                value = base.copy()
                value[index] += sign * eps
                variable.assign(value)
                shifted.append(float(loss()))
            variable.assign(base)
            numeric = (shifted[0] - shifted[1]) / (2 * eps)
            np.testing.assert_allclose(float(np.asarray(grad)[index]), numeric, rtol=2e-2, atol=2e-3)
