"""Two processes x two forced CPU devices on 127.0.0.1, started from TF_CONFIG (jax.distributed): each reads
its own shard, the weights match one-process training on the global batches, only the chief writes checkpoints,
and a dead worker makes the other fail within a bounded time."""
import json
import os
import pathlib
import socket
import subprocess
import sys
import time

import numpy as np
import pytest

import kerax

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = pathlib.Path(__file__).with_name("multi_worker_script.py")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_workers(out, die=None):
    addresses = [f"127.0.0.1:{_free_port()}", f"127.0.0.1:{_free_port()}"]
    workers = []
    for index in range(2):
        env = dict(os.environ, PYTHONPATH=str(ROOT), KERAX_COMPILATION_CACHE="0", JAX_PLATFORMS="cpu",
                   XLA_FLAGS="--xla_force_host_platform_device_count=2", WORKER=str(index), OUT=str(out),
                   DIE=str(die) if die is not None else "",
                   TF_CONFIG=json.dumps({"cluster": {"worker": addresses},
                                         "task": {"type": "worker", "index": index}}))
        workers.append(subprocess.Popen([sys.executable, str(SCRIPT)], env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True))
    return workers


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory):
    out = tmp_path_factory.mktemp("multi_worker")
    results = []
    for worker in _run_workers(out):
        stdout, stderr = worker.communicate(timeout=240)
        assert worker.returncode == 0, stderr[-3000:]
        results.append(json.loads(stdout.strip().splitlines()[-1]))
    return results, out


def test_every_process_ends_with_the_weights_of_one_process_training(two_workers):
    (chief, other), _ = two_workers
    assert chief["replicas"] == other["replicas"] == 4
    for a, b in zip(chief["weights"], other["weights"]):
        np.testing.assert_array_equal(a, b)
    assert chief["initial"] != other["initial"]  # different seeds: training started from the chief's values
    rng = np.random.default_rng(0)
    x = rng.random((64, 5)).astype("float32")
    y = (x @ np.arange(1, 6, dtype="float32"))[:, None]
    # global batch k = the chief's 8 rows of step k, then the other worker's 8 rows
    order = np.concatenate([np.r_[8 * k:8 * k + 8, 32 + 8 * k:32 + 8 * k + 8] for k in range(4)])
    reference = kerax.Sequential([kerax.Input((5,)), kerax.layers.Dense(4, activation="relu"),
                                  kerax.layers.Dense(1)])
    reference.set_weights([np.array(w, "float32") for w in chief["initial"]])
    reference.compile(kerax.optimizers.SGD(0.05), "mse")
    reference.fit(x[order], y[order], batch_size=16, epochs=3, shuffle=False, verbose=0)
    for got, expected in zip(chief["weights"], reference.get_weights()):
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
    assert chief["loss"] == pytest.approx(reference.evaluate(x, y, verbose=0), rel=1e-5)


def test_each_process_predicts_its_own_rows(two_workers):
    (chief, other), _ = two_workers
    assert np.shape(chief["predictions"]) == np.shape(other["predictions"]) == (32, 1)


def test_only_the_chief_writes_checkpoints(two_workers):
    (chief, other), out = two_workers
    assert chief["chief"] is True and other["chief"] is False
    assert sorted(p.name for p in out.iterdir()) == ["ckpt-0.weights.h5"]


def test_a_dead_worker_makes_the_other_fail_within_a_bounded_time(tmp_path):
    start = time.monotonic()
    survivor, dying = _run_workers(tmp_path, die=1)
    dying.communicate(timeout=240)
    _, stderr = survivor.communicate(timeout=240)
    assert dying.returncode == 3
    assert survivor.returncode != 0
    assert time.monotonic() - start < 120  # 8 s heartbeat timeout, plus start-up on a busy machine
    assert "heartbeat timeout" in stderr or "Task 1" in stderr
