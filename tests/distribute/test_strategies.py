"""kerax.distribute, tf.distribute's spelling: strategies, scopes, TF_CONFIG."""
import json

import numpy as np
import pytest

import kerax
from kerax.distribute.device_names import kerax_device_name
from tests.distribution.multi_device import run_with_devices

SEED_004 = """
import numpy as np
import kerax as keras
from kerax import layers

def build():
    keras.utils.set_random_seed(3)
    model = keras.Sequential()
    model.add(layers.Dense(16, activation='relu', input_shape=(10,)))
    model.add(layers.Dense(1))
    model.compile(loss=keras.losses.BinaryCrossentropy(from_logits=True), optimizer=keras.optimizers.SGD(0.2))
    return model

rng = np.random.default_rng(0)
x = rng.random((96, 10)).astype('float32')
y = rng.integers(0, 2, size=(96, 1))
dataset = keras.data.Dataset.from_tensor_slices((x, y)).batch(32)

strategy = keras.distribute.MirroredStrategy()
result = {"replicas": strategy.num_replicas_in_sync, "outside": keras.distribute.has_strategy()}
with strategy.scope():  # the seed's code: build and compile inside the scope, fit outside
    result["inside"] = [keras.distribute.has_strategy(), keras.distribute.get_strategy() is strategy]
    model = build()
model.fit(dataset, epochs=2, verbose=0)
result["devices"] = keras.backend.layout_devices(model.weights[0].value)
reference = build()
reference.fit(dataset, epochs=2, verbose=0)
result["diff"] = max(float(np.abs(a - b).max()) for a, b in zip(model.get_weights(), reference.get_weights()))

with strategy.scope():  # built inside the scope, compiled outside it (tf.keras allowed both)
    late = keras.Sequential([keras.Input((10,)), layers.Dense(1)])
late.compile("sgd", "mse")
late.fit(x, y.astype("float32"), batch_size=32, verbose=0)
result["late_devices"] = keras.backend.layout_devices(late.weights[0].value)

one = keras.distribute.OneDeviceStrategy("/cpu:1")
with one.scope():
    single = keras.Sequential([keras.Input((10,)), layers.Dense(1)])
    single.compile("sgd", "mse")
single.fit(x, y.astype("float32"), batch_size=32, verbose=0)
result["one_device"] = keras.backend.layout_devices(single.weights[0].value)
try:
    keras.distribute.MirroredStrategy(devices=["/gpu:0", "/gpu:1"])
except ValueError as error:
    result["gpu_error"] = str(error)
report(result)
"""


@pytest.fixture(scope="module")
def seed_run():
    return run_with_devices(SEED_004, devices=2)[0]


def test_seed_004_trains_mirrored_like_one_device(seed_run):
    assert seed_run["replicas"] == 2
    assert seed_run["outside"] is False and seed_run["inside"] == [True, True]
    assert seed_run["devices"] == ["cpu:0", "cpu:1"]
    assert seed_run["diff"] <= 1e-5


def test_compiling_outside_the_scope_keeps_the_strategy(seed_run):
    assert seed_run["late_devices"] == ["cpu:0", "cpu:1"]


def test_one_device_strategy_places_everything_on_its_device(seed_run):
    assert seed_run["one_device"] == ["cpu:1"]


def test_unknown_devices_are_a_clear_error(seed_run):
    assert "Unknown device 'gpu:0'" in seed_run["gpu_error"] and "cpu:0" in seed_run["gpu_error"]


@pytest.mark.parametrize("spec, expected", [
    ("/gpu:0", "gpu:0"), ("/device:GPU:1", "gpu:1"), ("/job:worker/replica:0/task:1/device:CPU:0", "cpu:0"),
    ("GPU:2", "gpu:2"), ("cpu", "cpu:0"),
])
def test_tensorflow_device_names(spec, expected):
    assert kerax_device_name(spec) == expected


def test_default_strategy_outside_any_scope():
    strategy = kerax.distribute.get_strategy()
    assert strategy.num_replicas_in_sync == 1 and not kerax.distribute.has_strategy()
    assert strategy.run(lambda a, b: a + b, args=(1, 2)) == 3
    assert strategy.reduce(kerax.distribute.ReduceOp.SUM, 5.0, axis=None) == 5.0
    np.testing.assert_allclose(strategy.reduce("MEAN", np.array([[1.0, 3.0]]), axis=1), [2.0])


def test_input_context_splits_the_global_batch():
    context = kerax.distribute.InputContext(num_input_pipelines=2, input_pipeline_id=1,
                                            num_replicas_in_sync=4)
    assert context.get_per_replica_batch_size(64) == 16
    with pytest.raises(ValueError, match="not divisible"):
        context.get_per_replica_batch_size(30)


def test_tf_config_numbers_processes_chief_first(monkeypatch):
    config = {"cluster": {"chief": ["10.0.0.1:2222"], "worker": ["10.0.0.2:2222", "10.0.0.3:2222"]},
              "task": {"type": "worker", "index": 1}}
    monkeypatch.setenv("TF_CONFIG", json.dumps(config))
    resolver = kerax.distribute.cluster_resolver.TFConfigClusterResolver()
    assert (resolver.process_id, resolver.num_processes) == (2, 3)
    assert resolver.coordinator_address == "10.0.0.1:2222"
    assert resolver.cluster_spec()["worker"] == ["10.0.0.2:2222", "10.0.0.3:2222"]


def test_tf_config_errors_say_what_is_wrong(monkeypatch):
    monkeypatch.setenv("TF_CONFIG", "{not json")
    with pytest.raises(ValueError, match="TF_CONFIG is not valid JSON"):
        kerax.distribute.MultiWorkerMirroredStrategy()
    monkeypatch.setenv("TF_CONFIG", json.dumps({"cluster": {"ps": ["a:1"], "worker": ["b:1"]}}))
    with pytest.raises(ValueError, match="no parameter servers"):
        kerax.distribute.MultiWorkerMirroredStrategy()


def test_single_worker_tf_config_trains_locally(monkeypatch):
    monkeypatch.setenv("TF_CONFIG", json.dumps({"cluster": {"worker": ["localhost:12345"]},
                                                "task": {"type": "worker", "index": 0}}))
    strategy = kerax.distribute.experimental.MultiWorkerMirroredStrategy()
    assert strategy.num_replicas_in_sync == 1 and strategy.extended.should_checkpoint
    with strategy.scope():
        model = kerax.Sequential([kerax.Input((3,)), kerax.layers.Dense(1, kernel_initializer="ones")])
        model.compile(kerax.optimizers.SGD(0.5), "mse")
    x, y = np.ones((4, 3), "float32"), np.zeros((4, 1), "float32")
    model.fit(x, y, batch_size=4, verbose=0)
    # one step of SGD on (x.w - 0)^2 with w = 1: gradient 2 * 3 * x = 6 per weight
    np.testing.assert_allclose(model.get_weights()[0], np.full((3, 1), 1 - 0.5 * 6.0), rtol=1e-6)
