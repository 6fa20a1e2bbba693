"""TensorBoard's own reader (EventAccumulator) reads back what the callback wrote."""
import io
import os
import subprocess
import sys

import numpy as np
import pytest
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tensorboard.util import tensor_util

import kerax
from kerax import layers
from kerax.callbacks import TensorBoard


def _read(run_dir):
    accumulator = EventAccumulator(str(run_dir), size_guidance={"tensors": 0})
    accumulator.Reload()
    return accumulator


def _values(accumulator, tag):
    return [(e.step, tensor_util.make_ndarray(e.tensor_proto)) for e in accumulator.Tensors(tag)]


def _scalars(accumulator, tag):
    return [(step, float(value)) for step, value in _values(accumulator, tag)]


@pytest.fixture
def mlp():
    model = kerax.Sequential([layers.Dense(4, activation="relu", input_shape=(3,)), layers.Dense(1)])
    model.compile(kerax.optimizers.SGD(0.05), "mse", metrics=["mae"])
    return model


def test_epoch_scalars_match_history(tmp_path, mlp, regression_data):
    x, y = regression_data
    history = mlp.fit(x, y, batch_size=4, epochs=3, verbose=0, validation_data=(x, y),
                      callbacks=[TensorBoard(tmp_path, write_steps_per_second=True)]).history
    train, validation = _read(tmp_path / "train"), _read(tmp_path / "validation")
    for tag, run, key in [("epoch_loss", train, "loss"), ("epoch_mae", train, "mae"),
                          ("epoch_loss", validation, "val_loss"), ("epoch_mae", validation, "val_mae")]:
        assert _scalars(run, tag) == [(i, float(np.float32(v))) for i, v in enumerate(history[key])]
    assert _scalars(train, "epoch_learning_rate") == [(i, float(np.float32(0.05))) for i in range(3)]
    assert "batch_loss" not in train.Tags()["tensors"]
    assert [step for step, rate in _scalars(train, "epoch_steps_per_second") if rate > 0] == [0, 1, 2]


def test_batch_scalars_every_update_freq_batches(tmp_path, mlp, regression_data):
    x, y = regression_data
    steps = []
    batch_logs = kerax.callbacks.LambdaCallback(on_batch_end=lambda batch, logs: steps.append(logs["loss"]))
    mlp.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0,
            callbacks=[batch_logs, TensorBoard(tmp_path / "every", update_freq="batch"),
                       TensorBoard(tmp_path / "third", update_freq=3)])
    every = _scalars(_read(tmp_path / "every" / "train"), "batch_loss")
    assert every == [(i + 1, float(np.float32(v))) for i, v in enumerate(steps)]  # 4 batches x 2 epochs
    assert [s for s, _ in _scalars(_read(tmp_path / "third" / "train"), "batch_loss")] == [3, 6]


def test_histograms_images_and_graph(tmp_path, mlp, regression_data):
    image_module = pytest.importorskip("PIL.Image")  # an independent PNG decoder (tensorboard depends on it)
    x, y = regression_data
    mlp.fit(x, y, batch_size=8, epochs=3, verbose=0,
            callbacks=[TensorBoard(tmp_path, histogram_freq=2, write_images=True)])
    train = _read(tmp_path / "train")
    kernel = mlp.layers[0].kernel.numpy()
    histograms = _values(train, "dense/kernel/histogram")
    assert [step for step, _ in histograms] == [0, 2]
    buckets = histograms[-1][1]  # after the last epoch: the final weights
    assert buckets.shape == (30, 3) and buckets[:, 2].sum() == kernel.size
    np.testing.assert_allclose([buckets[0, 0], buckets[-1, 1]], [kernel.min(), kernel.max()], rtol=1e-6)
    np.testing.assert_array_equal(buckets[:, 2], np.histogram(kernel, bins=30)[0])
    assert "dense_1/bias/histogram" in train.Tags()["tensors"]

    width, height, png = _values(train, "dense/kernel/image")[-1][1]
    image = np.asarray(image_module.open(io.BytesIO(png)))
    assert (int(width), int(height)) == (4, 3) and image.shape == (3, 4)
    expected = np.round((kernel - kernel.min()) / (kernel.max() - kernel.min()) * 255)
    np.testing.assert_array_equal(image, expected)  # 3 x 4 kernel, already wider than tall

    graph = {node.name: (node.op, list(node.input)) for node in train.Graph().node}
    (input_name,) = [n for n, (op, _) in graph.items() if op == "InputLayer"]
    assert graph["dense"] == ("Dense", [input_name]) and graph["dense_1"] == ("Dense", ["dense"])


def test_evaluate_writes_metrics_against_iterations(tmp_path, mlp, regression_data):
    x, y = regression_data
    mlp.fit(x, y, batch_size=4, epochs=1, verbose=0)
    loss, mae = mlp.evaluate(x, y, verbose=0, callbacks=[TensorBoard(tmp_path)])
    validation = _read(tmp_path / "validation")
    assert _scalars(validation, "evaluation_loss_vs_iterations") == [(4, float(np.float32(loss)))]
    assert _scalars(validation, "evaluation_mae_vs_iterations") == [(4, float(np.float32(mae)))]


def test_profile_batch_writes_a_device_trace(tmp_path, mlp, regression_data):
    x, y = regression_data
    mlp.fit(x, y, batch_size=4, epochs=1, verbose=0, callbacks=[TensorBoard(tmp_path, profile_batch=(2, 3))])
    traces = [f for _, _, files in os.walk(tmp_path / "train" / "plugins" / "profile") for f in files]
    assert any(f.endswith(".xplane.pb") for f in traces)


def test_embeddings_are_written_for_the_projector(tmp_path):
    class Lookup(layers.Layer):
        def build(self, input_shape):
            self.embeddings = self.add_weight(shape=(5, 2), name="embeddings")

        def call(self, inputs):
            return kerax.ops.take(self.embeddings, kerax.ops.cast(inputs, "int32"), axis=0)

    inputs = kerax.Input((1,))
    model = kerax.Model(inputs, layers.Flatten()(Lookup(name="lookup")(inputs)))
    model.compile("sgd", "mse")
    model.fit(np.zeros((4, 1)), np.zeros((4, 2)), epochs=1, verbose=0,
              callbacks=[TensorBoard(tmp_path, embeddings_freq=1,
                                     embeddings_metadata={"lookup": "words.tsv"})])
    np.testing.assert_allclose(np.loadtxt(tmp_path / "train" / "lookup_embeddings.tsv"),
                               model.get_layer("lookup").embeddings.numpy(), rtol=1e-6)
    config = (tmp_path / "train" / "projector_config.pbtxt").read_text()
    assert 'tensor_name: "lookup"' in config and 'tensor_path: "lookup_embeddings.tsv"' in config
    assert "words.tsv" in config


_WRITE_WITHOUT_TENSORFLOW = """
import sys

class NoTensorFlow:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "tensorflow":
            raise AssertionError("the TensorBoard callback imported TensorFlow")

sys.meta_path.insert(0, NoTensorFlow())
import kerax
from kerax.callbacks import TensorBoard

model = kerax.Sequential([kerax.layers.Dense(2, input_shape=(3,))])
callback = TensorBoard(sys.argv[1], histogram_freq=1, write_images=True)
callback.set_model(model)
callback.on_train_begin()
callback.on_epoch_begin(0)
callback.on_epoch_end(0, {"loss": 1.0, "val_loss": 2.0})
callback.on_train_end()
print("wrote", "tensorflow" in sys.modules)
"""


def test_writing_never_imports_tensorflow(tmp_path):
    # A fresh process: in this one, TensorBoard's reader has already settled which `tf` module it uses.
    done = subprocess.run([sys.executable, "-c", _WRITE_WITHOUT_TENSORFLOW, str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "wrote False", done.stderr[-2000:]


def test_argument_errors():
    with pytest.raises(ValueError, match="update_freq must be 'epoch', 'batch' or a positive integer"):
        TensorBoard(update_freq="often")
    with pytest.raises(ValueError, match="profile_batch must be a non-negative integer or 2-tuple"):
        TensorBoard(profile_batch=(5, 2))
    with pytest.warns(UserWarning, match="`write_grads` is ignored"):
        TensorBoard(write_grads=True)
    assert TensorBoard().handles_grouped_batches
    assert not TensorBoard(update_freq="batch").handles_grouped_batches


def test_seed_004_early_stopping_and_tensorboard_sample(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = np.random.random((1000, 32))
    labels = np.random.random((1000, 10))
    val_data = np.random.random((100, 32))
    val_labels = np.random.random((100, 10))
    model = kerax.Sequential([layers.Dense(64, activation="relu", input_shape=(32,)),
                              layers.Dense(64, activation="relu"), layers.Dense(10)])
    model.compile(optimizer=kerax.optimizers.Adam(0.01),
                  loss=kerax.losses.CategoricalCrossentropy(from_logits=True), metrics=["accuracy"])

    callbacks = [
        # Interrupt training if `val_loss` stops improving for over 2 epochs
        kerax.callbacks.EarlyStopping(patience=2, monitor="val_loss"),
        # Write TensorBoard logs to `./logs` directory
        kerax.callbacks.TensorBoard(log_dir="./logs"),
    ]
    history = model.fit(data, labels, batch_size=32, epochs=5, callbacks=callbacks,
                        validation_data=(val_data, val_labels))

    assert 1 <= len(history.history["loss"]) <= 5
    validation = _scalars(_read(tmp_path / "logs" / "validation"), "epoch_loss")
    assert validation == [(i, float(np.float32(v))) for i, v in enumerate(history.history["val_loss"])]
    assert _scalars(_read(tmp_path / "logs" / "train"), "epoch_accuracy")[-1][1] == pytest.approx(
        history.history["accuracy"][-1], rel=1e-6)
