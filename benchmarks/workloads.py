"""The training and inference workloads kerax is measured on, runnable on kerax or on Keras 3.

    KERAS_IMPL=kerax python benchmarks/workloads.py seed_mlp wide_mlp ...     (KERAS_IMPL=keras for Keras 3)

Prints one JSON line per workload: first epoch (compilation included), steady epoch (median of the later
epochs), the whole fit, predict, final loss, peak RSS of the process so far; `latency` prints per-call times of
`model(x)`, `predict_on_batch` and `predict` on one 32-row batch; `scaling` prints the steady epoch at 1x, 4x
and 16x the samples. Uses only the API Keras and kerax share.
"""
import importlib
import json
import os
import resource
import sys
import time

import numpy as np

IMPL = os.environ.get("KERAS_IMPL", "kerax")
keras = importlib.import_module(IMPL)
layers = keras.layers
rng = np.random.default_rng(0)


class EpochTimer(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        self.times = []

    def on_epoch_begin(self, epoch, logs=None):
        self.start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.times.append(time.perf_counter() - self.start)


def peak_rss_mb():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def report(**fields):
    print(json.dumps({"impl": IMPL, **fields}), flush=True)


def train(name, model, x, y, epochs, batch_size, optimizer, loss, metrics=(), flops_per_sample=None):
    model.compile(optimizer=optimizer, loss=loss, metrics=list(metrics))
    timer = EpochTimer()
    start = time.perf_counter()
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0, callbacks=[timer])
    total = time.perf_counter() - start
    steady = float(np.median(timer.times[1:])) if len(timer.times) > 1 else timer.times[0]
    start = time.perf_counter()
    model.predict(x, batch_size=batch_size, verbose=0)
    fields = dict(workload=name, first_epoch_s=round(timer.times[0], 4), steady_epoch_s=round(steady, 5),
                  total_fit_s=round(total, 3), predict_s=round(time.perf_counter() - start, 4),
                  final_loss=round(float(history.history["loss"][-1]), 5), peak_rss_mb=peak_rss_mb())
    if flops_per_sample:
        fields["train_gflops"] = round(3 * flops_per_sample * len(x) / steady / 1e9, 2)
    report(**fields)
    return steady


def seed_mlp():  # the seeds' own example
    x, y = rng.random((1000, 32)).astype("float32"), rng.random((1000, 10)).astype("float32")
    model = keras.Sequential([layers.Dense(64, activation="relu"), layers.Dense(64, activation="relu"),
                              layers.Dense(10, activation="softmax")])
    train("seed_mlp", model, x, y, 10, 32, keras.optimizers.Adam(0.001), "categorical_crossentropy", ["accuracy"])


def wide_mlp(width=1024, name="wide_mlp", epochs=3):  # compute-bound
    x, y = rng.random((16384, 784)).astype("float32"), rng.integers(0, 10, 16384)
    model = keras.Sequential([keras.Input((784,)), layers.Dense(width, activation="relu"),
                              layers.Dense(width, activation="relu"), layers.Dense(10)])
    flops = 2 * (784 * width + width * width + width * 10)
    return train(name, model, x, y, epochs, 256, "adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                 ["accuracy"], flops)


def cnn():  # MNIST-shaped convnet
    x, y = rng.random((4096, 28, 28, 1)).astype("float32"), rng.integers(0, 10, 4096)
    model = keras.Sequential([
        keras.Input((28, 28, 1)), layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(),
        layers.Conv2D(64, 3, activation="relu"), layers.MaxPooling2D(), layers.Flatten(),
        layers.Dense(128, activation="relu"), layers.Dense(10, activation="softmax")])
    train("cnn", model, x, y, 3, 128, "adam", "sparse_categorical_crossentropy", ["accuracy"])


def gru():  # text classifier
    x, y = rng.integers(0, 5000, (2048, 80)), rng.integers(0, 2, (2048, 1)).astype("float32")
    model = keras.Sequential([keras.Input((80,), dtype="int32"), layers.Embedding(5000, 64), layers.GRU(64),
                              layers.Dense(1, activation="sigmoid")])
    train("gru", model, x, y, 3, 64, "adam", "binary_crossentropy", ["accuracy"])


def transformer():  # Embedding + MultiHeadAttention + LayerNormalization + FFN text classifier
    x, y = rng.integers(0, 5000, (2048, 64)), rng.integers(0, 2, 2048)
    tokens = keras.Input((64,), dtype="int32")
    h = layers.Embedding(5000, 128)(tokens)
    attended = layers.MultiHeadAttention(num_heads=4, key_dim=32)(h, h)
    h = layers.LayerNormalization()(h + attended)
    ffn = layers.Dense(128)(layers.Dense(256, activation="relu")(h))
    h = layers.LayerNormalization()(h + ffn)
    outputs = layers.Dense(2)(layers.GlobalAveragePooling1D()(h))
    model = keras.Model(tokens, outputs)
    train("transformer", model, x, y, 3, 64, "adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True),
          ["accuracy"])


def lstm_tagger():  # one label per token
    x, y = rng.integers(1, 3000, (2048, 40)), rng.integers(0, 12, (2048, 40))
    model = keras.Sequential([keras.Input((40,), dtype="int32"), layers.Embedding(3000, 64, mask_zero=True),
                              layers.LSTM(64, return_sequences=True), layers.Dense(12)])
    train("lstm_tagger", model, x, y, 3, 64, "adam",
          keras.losses.SparseCategoricalCrossentropy(from_logits=True), ["accuracy"])


def resnet():  # a small ResNet with BatchNormalization
    x, y = rng.random((2048, 32, 32, 3)).astype("float32"), rng.integers(0, 10, 2048)
    inputs = keras.Input((32, 32, 3))
    h = layers.Conv2D(32, 3, padding="same", use_bias=False)(inputs)
    h = layers.Activation("relu")(layers.BatchNormalization()(h))
    for filters, stride in ((32, 1), (64, 2), (64, 1)):
        shortcut = h if stride == 1 and h.shape[-1] == filters else layers.Conv2D(filters, 1, strides=stride)(h)
        r = layers.Conv2D(filters, 3, strides=stride, padding="same", use_bias=False)(h)
        r = layers.Activation("relu")(layers.BatchNormalization()(r))
        r = layers.BatchNormalization()(layers.Conv2D(filters, 3, padding="same", use_bias=False)(r))
        h = layers.Activation("relu")(layers.Add()([shortcut, r]))
    outputs = layers.Dense(10)(layers.GlobalAveragePooling2D()(h))
    train("resnet", keras.Model(inputs, outputs), x, y, 3, 64, "adam",
          keras.losses.SparseCategoricalCrossentropy(from_logits=True), ["accuracy"])


def inference():  # large-batch predict throughput of the wide MLP
    x = rng.random((65536, 784)).astype("float32")
    model = keras.Sequential([keras.Input((784,)), layers.Dense(1024, activation="relu"),
                              layers.Dense(1024, activation="relu"), layers.Dense(10)])
    model.predict(x[:4096], batch_size=1024, verbose=0)
    start = time.perf_counter()
    model.predict(x, batch_size=1024, verbose=0)
    seconds = time.perf_counter() - start
    report(workload="inference", predict_s=round(seconds, 4), samples_per_s=round(len(x) / seconds),
           peak_rss_mb=peak_rss_mb())


def latency():  # one small batch of the seed MLP, called many times
    model = keras.Sequential([keras.Input((32,)), layers.Dense(64, activation="relu"),
                              layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax")])
    x = rng.random((32, 32)).astype("float32")
    calls = {"model_call_ms": lambda: np.asarray(model(x)), "predict_on_batch_ms": lambda: model.predict_on_batch(x),
             "predict_ms": lambda: model.predict(x, verbose=0)}
    fields = {}
    for name, call in calls.items():
        for _ in range(20):
            call()
        start = time.perf_counter()
        for _ in range(200):
            call()
        fields[name] = round((time.perf_counter() - start) / 200 * 1000, 4)
    report(workload="latency", **fields)


def scaling():  # how the epoch grows with the work: the seed MLP at 1x, 4x, 16x the samples
    for factor in (1, 4, 16):
        x = rng.random((1000 * factor, 32)).astype("float32")
        y = rng.random((1000 * factor, 10)).astype("float32")
        model = keras.Sequential([keras.Input((32,)), layers.Dense(64, activation="relu"),
                                  layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax")])
        train(f"seed_mlp_x{factor}", model, x, y, 4, 32, "adam", "categorical_crossentropy")


def widths():  # GFLOP/s of the wide MLP as the matrices grow
    for width in (256, 1024, 4096):
        wide_mlp(width, name=f"wide_mlp_w{width}", epochs=2)


WORKLOADS = {f.__name__: f for f in (seed_mlp, wide_mlp, cnn, gru, transformer, lstm_tagger, resnet, inference,
                                     latency, scaling, widths)}

if __name__ == "__main__":
    for workload in sys.argv[1:] or ["seed_mlp", "wide_mlp", "cnn", "gru"]:
        WORKLOADS[workload]()
