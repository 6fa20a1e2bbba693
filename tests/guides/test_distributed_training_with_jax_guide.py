"""The keras.io guide "Multi-GPU distributed training with JAX" on 2 forced CPU devices: the guide's code is
tests/guides/distributed_training_with_jax_script.py, run in its own process (XLA's device count is fixed
when JAX starts). Checks the batch is split across the devices, the state stays replicated, training moves
the loss, and the values written back predict as the state does."""
import pathlib

import numpy as np

from tests.distribution.multi_device import run_with_devices

SCRIPT = pathlib.Path(__file__).with_name("distributed_training_with_jax_script.py")


def test_data_parallel_training_with_jax_sharding():
    result, _ = run_with_devices(SCRIPT.read_text(), devices=2, timeout=300)
    assert result["num_devices"] == 2
    assert result["shard_shapes"] == [[8, 28, 28, 1], [8, 28, 28, 1]]  # the batch of 16 split in two
    assert result["replicated"]
    losses = result["losses"]
    assert len(losses) == 8 and all(np.isfinite(losses))
    assert np.mean(losses[4:]) < np.mean(losses[:4])
    # The guide's stateless_call passes no training=True: BatchNormalization runs in inference mode (in Keras
    # too), so its moving statistics come back unchanged.
    assert not result["moving_mean_changed"]
    assert result["max_difference"] < 1e-5
