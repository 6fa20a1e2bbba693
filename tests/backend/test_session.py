"""tf.compat.v1 Session / ConfigProto and K.set_session: settings reach the engine before it starts, and a
setting that comes too late is a warning naming it."""
import os

import numpy as np
import pytest

import kerax
from kerax import backend as K
from tests.distribution.multi_device import run_with_devices

BEFORE_START = """
import os, warnings
import numpy as np
import jax
import kerax as keras
from kerax.backend.tensorflow_backend import set_session  # multi-backend Keras's spelling (seed 001)
platforms_at_import = jax.config.jax_platforms  # CUDA_VISIBLE_DEVICES=-1 (seed 001): the CPU only

warnings.simplefilter("error")  # nothing may be reported as too late
config = keras.compat.v1.ConfigProto(device_count={"CPU": 3, "GPU": 0})
config.gpu_options.allow_growth = True
config.gpu_options.per_process_gpu_memory_fraction = 0.5
config.log_device_placement = True
session = keras.compat.v1.Session(config=config)
set_session(session)
model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
model.compile("sgd", "mse")
model.fit(np.ones((4, 2)), np.ones((4, 1)), verbose=0)
report({"preallocate": os.environ.get("XLA_PYTHON_CLIENT_PREALLOCATE"),
        "fraction": os.environ.get("XLA_PYTHON_CLIENT_MEM_FRACTION"),
        "devices": keras.distribution.list_devices(), "gpus": keras.distribution.get_device_count("gpu"),
        "current": keras.backend.get_session() is session, "platforms_at_import": platforms_at_import})
"""


def test_settings_made_before_the_engine_starts_take_effect():
    result, stderr = run_with_devices(BEFORE_START, devices=1, env={"XLA_FLAGS": "", "JAX_PLATFORMS": "",
                                                                    "CUDA_VISIBLE_DEVICES": "-1"})
    assert result["preallocate"] == "false" and result["fraction"] == "0.5"
    assert result["devices"] == ["cpu:0", "cpu:1", "cpu:2"] and result["gpus"] == 0
    assert result["current"] is True and result["platforms_at_import"] == "cpu"
    assert "kerax: a compiled step runs on cpu:0" in stderr  # log_device_placement


def test_settings_after_the_engine_started_are_a_clear_warning(monkeypatch):
    monkeypatch.delenv("XLA_PYTHON_CLIENT_PREALLOCATE", raising=False)
    monkeypatch.delenv("XLA_PYTHON_CLIENT_MEM_FRACTION", raising=False)
    kerax.ops.ones((1,)).block_until_ready()  # the engine has started
    config = kerax.compat.v1.ConfigProto(gpu_options=kerax.compat.v1.GPUOptions(
        allow_growth=True, per_process_gpu_memory_fraction=0.25))
    with pytest.warns(RuntimeWarning, match=r"can no longer take effect: allow_growth, "
                                            r"per_process_gpu_memory_fraction.*before first use"):
        kerax.compat.v1.Session(config=config)


def test_thread_settings_say_they_are_not_applied():
    with pytest.warns(RuntimeWarning, match="XLA sizes its own thread pools"):
        kerax.compat.v1.Session(config=kerax.compat.v1.ConfigProto(intra_op_parallelism_threads=2))


def test_session_is_a_context_manager_that_runs_fetches():
    variable = kerax.Variable(np.array([1.0, 2.0], "float32"))
    outer = K.get_session()
    with kerax.compat.v1.Session() as session:
        assert K.get_session() is session
        values = session.run({"v": variable, "t": [kerax.ops.ones((2,))]})
        np.testing.assert_array_equal(values["v"], [1.0, 2.0])
        np.testing.assert_array_equal(values["t"][0], [1.0, 1.0])
        with pytest.raises(NotImplementedError, match="placeholders"):
            session.run(variable, feed_dict={"x": 1})
    assert K.get_session() is outer


def test_memory_fraction_is_checked():
    config = kerax.compat.v1.ConfigProto()
    config.gpu_options.per_process_gpu_memory_fraction = 1.5
    with pytest.raises(ValueError, match=r"must be in \(0, 1\]"):
        kerax.compat.v1.Session(config=config)
    assert os.environ.get("XLA_PYTHON_CLIENT_MEM_FRACTION") != "1.5"
