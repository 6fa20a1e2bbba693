"""Data parallelism inside the compiled step: 4 forced CPU devices, one subprocess for the whole module."""
import numpy as np
import pytest

from tests.distribution.multi_device import run_with_devices

SCRIPT = """
import glob, os
import numpy as np
import kerax
from kerax import layers

rng = np.random.default_rng(0)
x = rng.random((50, 5)).astype("float32")
y = rng.integers(0, 3, 50)
result = {}

def classifier():
    kerax.utils.set_random_seed(1)
    model = kerax.Sequential([kerax.Input((5,)), layers.Dense(8, activation="relu"),
                              layers.BatchNormalization(), layers.Dense(3, activation="softmax")])
    model.compile("adam", "sparse_categorical_crossentropy", metrics=["accuracy"])
    return model

# A global batch of 10 rows does not divide over 4 devices: padded to 12 and masked.
single = classifier()
single_history = single.fit(x, y, batch_size=10, epochs=2, shuffle=False, verbose=0).history
with kerax.distribution.DataParallel().scope():
    parallel = classifier()
parallel_history = parallel.fit(x, y, batch_size=10, epochs=2, shuffle=False, verbose=0).history
def largest_difference(a, b):
    return max(float(np.abs(u - v).max()) for u, v in zip(a.get_weights(), b.get_weights()))
result["weight_diff"] = largest_difference(single, parallel)
result["loss"] = [single_history["loss"], parallel_history["loss"]]
result["weight_devices"] = kerax.backend.layout_devices(parallel.weights[0].value)
result["eval"] = [m.evaluate(x, y, batch_size=7, verbose=0) for m in (single, parallel)]
p_single, p_parallel = [m.predict(x, batch_size=7, verbose=0) for m in (single, parallel)]
result["predict_shape"] = list(p_parallel.shape)
result["predict_diff"] = float(np.abs(p_single - p_parallel).max())
result["predict_on_batch_shape"] = list(parallel.predict_on_batch(x[:7]).shape)

# Streamed batches (a dataset read from the host) follow the same path.
streamed = classifier()
with kerax.distribution.DataParallel().scope():
    streamed.fit(kerax.data.Dataset.from_tensor_slices((x, y)).batch(10), epochs=2, verbose=0)
result["streamed_diff"] = largest_difference(single, streamed)

# Linear regression with SGD: checked against NumPy below (w -= lr * mean gradient over the real rows).
with kerax.distribution.DataParallel().scope():
    linear = kerax.Sequential([kerax.Input((5,)), layers.Dense(1, kernel_initializer="zeros")])
    linear.compile(kerax.optimizers.SGD(0.1), "mse")
targets = (x @ np.arange(1, 6, dtype="float32") + 0.5)[:, None]
linear.fit(x, targets, batch_size=10, epochs=2, shuffle=False, verbose=0)
result["linear"] = [w.tolist() for w in linear.get_weights()]
report(result)
"""


@pytest.fixture(scope="module")
def result():
    return run_with_devices(SCRIPT, devices=4)[0]


def test_same_weights_and_logs_as_one_device(result):
    assert result["weight_diff"] <= 1e-5
    np.testing.assert_allclose(result["loss"][0], result["loss"][1], rtol=1e-5)


def test_variables_are_replicated_on_every_device(result):
    assert result["weight_devices"] == ["cpu:0", "cpu:1", "cpu:2", "cpu:3"]


def test_evaluate_and_predict_keep_every_row(result):
    np.testing.assert_allclose(result["eval"][0], result["eval"][1], rtol=1e-5)
    assert result["predict_shape"] == [50, 3]
    assert result["predict_diff"] <= 1e-5
    assert result["predict_on_batch_shape"] == [7, 3]


def test_streamed_batches_are_split_too(result):
    assert result["streamed_diff"] <= 1e-5


def test_padding_rows_do_not_count_in_the_gradient(result):
    rng = np.random.default_rng(0)
    x = rng.random((50, 5)).astype("float32")
    targets = (x @ np.arange(1, 6, dtype="float32") + 0.5)[:, None]
    w, b = np.zeros((5, 1)), np.zeros(1)
    for _ in range(2):
        for start in range(0, 50, 10):
            xb, yb = x[start:start + 10], targets[start:start + 10]
            error = xb @ w + b - yb
            w -= 0.1 * 2 * xb.T @ error / len(xb)
            b -= 0.1 * 2 * error.mean(axis=0)
    np.testing.assert_allclose(np.array(result["linear"][0]), w, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(np.array(result["linear"][1]), b, rtol=1e-4, atol=1e-5)


PROGRAM_SCRIPT = """
import glob, os
import numpy as np
import kerax
from kerax import layers
rng = np.random.default_rng(0)
x, y = rng.random((48, 5)).astype("float32"), rng.integers(0, 3, 48)
with kerax.distribution.DataParallel().scope():
    model = kerax.Sequential([kerax.Input((5,)), layers.Dense(8), layers.Dense(3, activation="softmax")])
    model.compile("sgd", "sparse_categorical_crossentropy")
model.fit(x, y, batch_size=12, epochs=1, shuffle=False, verbose=0)
texts = [open(p).read() for p in glob.glob(os.environ["DUMP"] + "/*jit_run*after_optimizations.txt")]
report({"programs": texts})
"""


def test_one_compiled_program_splits_the_batch_and_reduces_gradients(tmp_path):
    dump = str(tmp_path)
    result, _ = run_with_devices(PROGRAM_SCRIPT, devices=4, env={
        "DUMP": dump,
        "XLA_FLAGS": f"--xla_force_host_platform_device_count=4 --xla_dump_to={dump} --xla_dump_hlo_as_text"})
    programs = result["programs"]
    assert len(programs) == 1  # the whole epoch (4 steps of 12 rows) is one device program
    program = programs[0]
    assert "num_partitions=4" in program
    assert "all-reduce" in program  # gradients and metric sums are reduced inside it
    assert "s32[4,3]" in program  # each device receives 3 of the 12 row indices of each of the 4 steps
    assert "while" in program  # steps run as one loop, with no host round trip between them
