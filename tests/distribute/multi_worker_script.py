"""One worker of a 2-process MultiWorkerMirroredStrategy run (started by test_multi_worker.py): trains on its
share of every global batch, evaluates and predicts on its own half of the data (arrays), reports as JSON."""
import json
import os

import numpy as np

import kerax

index = int(os.environ["WORKER"])
strategy = kerax.distribute.MultiWorkerMirroredStrategy(
    communication_options=kerax.distribute.experimental.CommunicationOptions(timeout_seconds=8))
rng = np.random.default_rng(0)
x = rng.random((64, 5)).astype("float32")
y = (x @ np.arange(1, 6, dtype="float32"))[:, None]
own_x, own_y = x[index * 32:(index + 1) * 32], y[index * 32:(index + 1) * 32]  # this process's shard
kerax.utils.set_random_seed(10 + index)  # different seeds: the chief's initial weights must win
with strategy.scope():
    model = kerax.Sequential([kerax.Input((5,)), kerax.layers.Dense(4, activation="relu"),
                              kerax.layers.Dense(1)])
    model.compile(kerax.optimizers.SGD(0.05), "mse")
initial = [w.tolist() for w in model.get_weights()]
checkpoint = kerax.callbacks.ModelCheckpoint(os.path.join(os.environ["OUT"], f"ckpt-{index}.weights.h5"),
                                             save_weights_only=True)


class Die(kerax.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        if os.environ.get("DIE") == str(index):
            os._exit(3)  # a worker that dies in the middle of training


# Global batches of 16 rows (the first 8 from the first half of the data, 8 from the second): each process
# keeps its 8 rows of every batch, which are exactly its own shard.
order = np.concatenate([np.r_[8 * k:8 * k + 8, 32 + 8 * k:32 + 8 * k + 8] for k in range(4)])
global_batches = kerax.data.Dataset.from_tensor_slices((x[order], y[order])).batch(16)
model.fit(strategy.experimental_distribute_dataset(global_batches), epochs=3, verbose=0,
          callbacks=[checkpoint, Die()])
print(json.dumps({
    "index": index, "replicas": strategy.num_replicas_in_sync, "chief": strategy.extended.should_checkpoint,
    "initial": initial, "weights": [w.tolist() for w in model.get_weights()],
    "loss": model.evaluate(own_x, own_y, batch_size=8, verbose=0),
    "predictions": model.predict(own_x, batch_size=8, verbose=0).tolist()}), flush=True)
