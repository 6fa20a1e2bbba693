import numpy as np
import pytest

import kerax
from kerax import layers


@pytest.fixture
def linear_model():
    """`make(w, b, lr=0.1, **compile_kwargs)`: Dense(1) with the given weights, compiled with SGD and MSE."""
    def make(w, b, lr=0.1, **compile_kwargs):
        model = kerax.Sequential([layers.Dense(1, input_shape=(w.shape[0],))])
        model.layers[0].set_weights([np.asarray(w, "float32"), np.asarray(b, "float32")])
        model.compile(kerax.optimizers.SGD(lr), "mse", **compile_kwargs)
        return model
    return make


@pytest.fixture
def regression_data(rng):
    x = rng.normal(size=(16, 3)).astype("float32")
    y = (x @ np.array([[1.0], [-2.0], [0.5]]) + 0.3).astype("float32")
    return x, y
