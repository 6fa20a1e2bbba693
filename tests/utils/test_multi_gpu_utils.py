"""utils.multi_gpu_model (Keras 2, deprecated): the model trains data-parallel on N devices."""
import warnings

import numpy as np
import pytest

import kerax
from kerax.utils import multi_gpu_utils
from tests.distribution.multi_device import run_with_devices

TWO_DEVICES = """
import warnings
import numpy as np
import kerax
from kerax import layers

def build():
    kerax.utils.set_random_seed(5)
    inputs = kerax.Input((6,))
    hidden = layers.Dense(8, activation="relu")(inputs)
    outputs = [layers.Dense(1, name="output1")(hidden), layers.Dense(1, name="output2")(hidden)]
    model = kerax.Model(inputs, outputs)
    return model

rng = np.random.default_rng(0)
x, y1, y2 = rng.random((30, 6)).astype("float32"), rng.random((30, 1)), rng.random((30, 1))
template = build()
parallel = kerax.utils.multi_gpu_model(template, gpus=2)
parallel.compile("sgd", loss={"output1": "mse", "output2": "mse"})
parallel.fit(x, {"output1": y1, "output2": y2}, batch_size=10, epochs=2, shuffle=False, verbose=0)
reference = build()
reference.compile("sgd", loss={"output1": "mse", "output2": "mse"})
reference.fit(x, {"output1": y1, "output2": y2}, batch_size=10, epochs=2, shuffle=False, verbose=0)
report({"devices": kerax.backend.layout_devices(parallel.weights[0].value),
        "diff": max(float(np.abs(a - b).max())
                    for a, b in zip(template.get_weights(), reference.get_weights()))})
"""


def test_trains_on_two_devices_like_one():
    result, _ = run_with_devices(TWO_DEVICES, devices=2)
    assert result["devices"] == ["cpu:0", "cpu:1"]
    assert result["diff"] <= 1e-5  # the template shares the trained weights


def _tiny_model():
    model = kerax.Sequential([kerax.Input((3,)), kerax.layers.Dense(1, kernel_initializer="ones")])
    return model


def test_one_device_on_a_cpu_host_works_and_warns_once(monkeypatch):
    monkeypatch.setattr(multi_gpu_utils, "_warned", [False])
    with pytest.warns(DeprecationWarning, match="multi_gpu_model` is deprecated"):
        model = kerax.utils.multi_gpu_model(_tiny_model(), gpus=1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kerax.utils.multi_gpu_model(_tiny_model(), gpus=1)
    model.compile(kerax.optimizers.SGD(0.5), "mse")
    model.fit(np.ones((4, 3), "float32"), np.zeros((4, 1), "float32"), batch_size=4, verbose=0)
    # one SGD step on (x.w)^2 with x = w = 1: the gradient is 2 * 3 = 6 per weight
    np.testing.assert_allclose(model.get_weights()[0], np.full((3, 1), 1 - 0.5 * 6.0), rtol=1e-6)


def test_more_devices_than_exist_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(multi_gpu_utils, "_warned", [True])
    with pytest.raises(ValueError, match=r"needs 8 devices, but this machine has 1 \(cpu:0\)"):
        kerax.utils.multi_gpu_model(_tiny_model(), gpus=8)
    with pytest.raises(ValueError, match=r"devices \['cpu:3'\] do not exist"):
        kerax.utils.multi_gpu_model(_tiny_model(), gpus=[0, 3])
