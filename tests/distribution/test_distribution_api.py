"""kerax.distribution (Keras 3 spelling): devices, meshes, layouts, ModelParallel, kerax.device."""
import numpy as np
import pytest

import kerax
from kerax.distribution import DeviceMesh, LayoutMap, TensorLayout
from tests.distribution.multi_device import run_with_devices

FOUR_DEVICES = """
import numpy as np
import jax
import kerax
from kerax import layers
from kerax.distribution import DeviceMesh, LayoutMap, ModelParallel, TensorLayout

result = {"devices": kerax.distribution.list_devices(), "count": kerax.distribution.get_device_count("cpu"),
          "gpus": kerax.distribution.get_device_count("gpu")}
mesh = DeviceMesh((2, 2), ("batch", "model"))
placed = kerax.distribution.distribute_tensor(np.arange(8.0).reshape(2, 4),
                                             TensorLayout((None, "model"), mesh))
result["placed"] = [list(placed.addressable_shards[0].data.shape), placed.tolist()]
with kerax.device("cpu:3"):
    result["scoped"] = kerax.backend.layout_devices(kerax.ops.ones((2,)) + 1)

def build():
    kerax.utils.set_random_seed(2)
    inputs = kerax.Input((6,))
    hidden = layers.Dense(8, activation="relu")(inputs)
    hidden = layers.EinsumDense("ab,bc->ac", output_shape=4, bias_axes="c")(hidden)
    model = kerax.Model(inputs, layers.Dense(2)(hidden))
    model.compile("adam", "mse")
    return model

rng = np.random.default_rng(0)
x, y = rng.random((40, 6)).astype("float32"), rng.random((40, 2)).astype("float32")
layout_map = LayoutMap(mesh)
layout_map["dense.*kernel"] = (None, "model")  # Dense and EinsumDense kernels
with ModelParallel(layout_map=layout_map, batch_dim_name="batch").scope():
    sharded = build()
    sharded.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0)
unsharded = build()
unsharded.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0)
result["diff"] = max(float(np.abs(a - b).max())
                     for a, b in zip(sharded.get_weights(), unsharded.get_weights()))
result["shards"] = {v.path: list(v.value.addressable_shards[0].data.shape) for v in sharded.weights}
result["predict_diff"] = float(np.abs(sharded.predict(x, verbose=0) - unsharded.predict(x, verbose=0)).max())
report(result)
"""


@pytest.fixture(scope="module")
def four():
    return run_with_devices(FOUR_DEVICES, devices=4)[0]


def test_devices_are_listed_by_platform_and_id(four):
    assert four["devices"] == ["cpu:0", "cpu:1", "cpu:2", "cpu:3"]
    assert (four["count"], four["gpus"]) == (4, 0)


def test_distribute_tensor_splits_the_named_dimension(four):
    shard_shape, values = four["placed"]
    assert shard_shape == [2, 2]  # 4 columns over the 2-device 'model' axis
    assert values == np.arange(8.0).reshape(2, 4).tolist()


def test_device_scope_places_new_arrays(four):
    assert four["scoped"] == ["cpu:3"]


def test_model_parallel_shards_kernels_and_gives_the_same_numbers(four):
    assert four["diff"] <= 1e-5 and four["predict_diff"] <= 1e-5
    assert four["shards"]["dense/kernel"] == [6, 4]  # (6, 8) split over 'model'
    assert four["shards"]["einsum_dense/kernel"] == [8, 2]  # (8, 4)
    assert four["shards"]["dense_1/kernel"] == [4, 1]  # (4, 2)
    assert four["shards"]["dense/bias"] == [8]  # unmatched: replicated


def test_layout_map_matches_keys_as_regular_expressions():
    layout_map = LayoutMap()
    layout_map["dense.*kernel"] = (None, "model")
    layout_map["conv2d.*bias"] = TensorLayout(("model",))
    assert layout_map["dense_1/kernel"].axes == (None, "model")
    assert layout_map["my_model/conv2d_123/bias"].axes == ("model",)
    assert layout_map["conv3d/kernel"] is None
    layout_map["dense_1.*"] = (None, None)
    with pytest.raises(ValueError, match="matches multiple layout specification keys"):
        layout_map["dense_1/kernel"]
    with pytest.raises(ValueError, match="already exist"):
        layout_map["dense.*kernel"] = ("model", None)


def test_mesh_and_layout_errors():
    with pytest.raises(ValueError, match="Shape does not match the number of devices"):
        DeviceMesh((2, 2), ("batch", "model"), devices=["cpu:0"])
    with pytest.raises(ValueError, match="Unknown device 'cpu:7'"):
        DeviceMesh((1,), ("batch",), devices=["cpu:7"])
    mesh = DeviceMesh((1,), ("batch",))
    with pytest.raises(ValueError, match="Invalid axis names"):
        TensorLayout(("model",), mesh)


def test_set_distribution_and_scope():
    data_parallel = kerax.distribution.DataParallel()
    assert kerax.distribution.distribution() is None
    with data_parallel.scope():
        assert kerax.distribution.distribution() is data_parallel
    kerax.distribution.set_distribution(data_parallel)
    try:
        assert kerax.distribution.distribution() is data_parallel
        assert data_parallel.get_data_layout((32, 5)).axes == ("batch", None)
    finally:
        kerax.distribution.set_distribution(None)
    with pytest.raises(ValueError, match="expects a Distribution"):
        kerax.distribution.set_distribution("mirrored")


def test_model_parallel_needs_a_layout_map():
    with pytest.raises(ValueError, match="You must specify a layout_map"):
        kerax.distribution.ModelParallel()


def test_initialize_reads_keras_environment_variables(monkeypatch):
    calls = []
    monkeypatch.setattr(kerax.backend, "initialize_distributed", lambda *args: calls.append(args))
    monkeypatch.setenv("KERAS_DISTRIBUTION_JOB_ADDRESSES", "10.0.0.1:1234,10.0.0.2:2345")
    monkeypatch.setenv("KERAS_DISTRIBUTION_NUM_PROCESSES", "2")
    monkeypatch.setenv("KERAS_DISTRIBUTION_PROCESS_ID", "1")
    kerax.distribution.initialize()
    assert calls == [("10.0.0.1:1234", 2, 1)]
