"""Writes `layers.zip` and `layers.npz` here with real Keras 3 and real tf.keras 2 (not kerax): one tiny model
per layer class (or family of weightless classes) that kerax and both Keras versions have, saved in every
format those versions write, plus `legacy_optimizers.npz` (tf.keras 2's legacy optimizers' trajectories) and
`ctc.npz` (tf.keras's CTC loss and beam-search decoding).

Run it with a Python that has Keras 3, JAX and tf_keras (kerax never depends on them):

    python3 -m venv /tmp/kvenv
    /tmp/kvenv/bin/pip install keras==3.15.1 tf_keras==2.21.0 tensorflow-cpu==2.21.0 jax h5py
    KERAS_BACKEND=jax /tmp/kvenv/bin/python tests/saving/keras_files/make_layer_fixtures.py

For each case `<name>`, `layers.zip` holds
    <name>.keras, <name>.json + <name>.weights.h5         (Keras 3: model.save, to_json + save_weights)
    <name>.tf.h5, <name>.tf.json + <name>.tf.weights.h5   (tf.keras 2: model.save('.h5'), to_json +
                                                            save_weights('.h5'))
and `layers.npz` the inputs `<name>/x<i>` and what each Keras computed: `<name>/keras3`, `<name>/tf_keras`.
Weights are set to random values first (variances positive), so that every weight matters to the output.
"""
import os
import sys
import tempfile
import zipfile

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras
import numpy as np
import tf_keras

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 0


def floats(*shape):
    return ("float32", shape)


def ints(high, *shape):
    return ("int32", shape, high)


# name: (inputs, build(layers, *input_tensors) -> outputs). Inputs are (dtype, shape without batch[, high]).
CASES = {
    "dense": ([floats(4)], lambda L, x: L.Dense(3, activation="relu")(x)),
    "conv1d": ([floats(6, 2)], lambda L, x: L.Conv1D(2, 3, padding="same", dilation_rate=2)(x)),
    "conv2d": ([floats(5, 5, 2)], lambda L, x: L.Conv2D(2, 3, strides=2, activation="tanh")(x)),
    "conv3d": ([floats(3, 3, 3, 1)], lambda L, x: L.Conv3D(2, 2)(x)),
    "conv2d_transpose": ([floats(3, 3, 2)],
                         lambda L, x: L.Conv2DTranspose(2, 3, strides=2, padding="same")(x)),
    "separable_conv2d": ([floats(5, 5, 2)], lambda L, x: L.SeparableConv2D(3, 3, depth_multiplier=2)(x)),
    "depthwise_conv2d": ([floats(5, 5, 2)], lambda L, x: L.DepthwiseConv2D(3, depth_multiplier=2)(x)),
    "batch_normalization": ([floats(3, 4)], lambda L, x: L.BatchNormalization()(x)),
    "layer_normalization": ([floats(3, 4)], lambda L, x: L.LayerNormalization()(x)),
    "embedding": ([ints(7, 5)], lambda L, x: L.Embedding(7, 3)(x)),
    "simple_rnn": ([floats(4, 3)], lambda L, x: L.SimpleRNN(2, return_sequences=True)(x)),
    "gru": ([floats(4, 3)], lambda L, x: L.GRU(2)(x)),
    "lstm": ([floats(4, 3)], lambda L, x: L.LSTM(2, return_state=True)(x)),
    "rnn_cells": ([floats(4, 3)], lambda L, x: L.Concatenate()([
        L.RNN(L.SimpleRNNCell(2))(x), L.RNN(L.GRUCell(2))(x), L.RNN(L.LSTMCell(2))(x)])),
    "bidirectional": ([floats(4, 3)], lambda L, x: L.Bidirectional(L.LSTM(2, return_sequences=True))(x)),
    "time_distributed": ([floats(4, 3)], lambda L, x: L.TimeDistributed(L.Dense(2))(x)),
    "masked_lstm": ([ints(7, 5)], lambda L, x: L.LSTM(2)(L.Embedding(7, 3, mask_zero=True)(x))),
    "attention": ([floats(3, 4), floats(2, 4)], lambda L, q, v: L.Attention(use_scale=True)([q, v])),
    "multi_head_attention": ([floats(3, 4), floats(2, 5)],
                             lambda L, q, v: L.MultiHeadAttention(2, 3)(q, v)),
    "self_attention": ([floats(3, 4)], lambda L, x: L.MultiHeadAttention(2, 2, output_shape=3)(x, x)),
    "merging": ([floats(4), floats(4)], lambda L, a, b: L.Concatenate()([
        L.Add()([a, b]), L.Subtract()([a, b]), L.Multiply()([a, b]), L.Average()([a, b]),
        L.Maximum()([a, b]), L.Minimum()([a, b]), L.Dot(axes=1)([a, b])])),
    "pooling_1d": ([floats(6, 2)], lambda L, x: L.Concatenate()([
        L.GlobalMaxPooling1D()(L.MaxPooling1D(2)(x)), L.GlobalAveragePooling1D()(L.AveragePooling1D(2)(x))])),
    "pooling_2d": ([floats(4, 4, 2)], lambda L, x: L.Concatenate()([
        L.GlobalMaxPooling2D()(L.MaxPooling2D(2)(x)), L.GlobalAveragePooling2D()(L.AveragePooling2D(2)(x))])),
    "pooling_3d": ([floats(4, 4, 4, 1)], lambda L, x: L.Concatenate()([
        L.GlobalMaxPooling3D()(L.MaxPooling3D(2)(x)), L.GlobalAveragePooling3D()(L.AveragePooling3D(2)(x))])),
    "reshaping_1d": ([floats(4, 3)], lambda L, x: L.Flatten()(L.RepeatVector(2)(L.Flatten()(
        L.UpSampling1D(2)(L.ZeroPadding1D(1)(L.Cropping1D(1)(L.Permute((2, 1))(x)))))))),
    "reshaping_2d": ([floats(4, 4, 1)], lambda L, x: L.Reshape((-1,))(
        L.UpSampling2D()(L.ZeroPadding2D(1)(L.Cropping2D(1)(x))))),
    "reshaping_3d": ([floats(4, 4, 4, 1)], lambda L, x: L.Flatten()(
        L.UpSampling3D()(L.ZeroPadding3D(1)(L.Cropping3D(1)(x))))),
    "regularization": ([floats(4, 3)], lambda L, x: L.GaussianDropout(0.3)(L.GaussianNoise(0.2)(
        L.SpatialDropout1D(0.5)(L.Dropout(0.5)(L.ActivityRegularization(0.01)(L.Activation("tanh")(x))))))),
    "spatial_dropout": ([floats(4, 4, 4, 2)], lambda L, x: L.SpatialDropout3D(0.5)(L.Reshape((4, 4, 4, 2))(
        L.SpatialDropout2D(0.5)(L.Reshape((16, 4, 2))(x))))),
    "masking": ([floats(4, 3)], lambda L, x: L.SimpleRNN(2)(L.Masking()(x))),
    "preprocessing": ([floats(3)], lambda L, x: L.Rescaling(0.5, offset=1.0)(
        L.Normalization(mean=[1.0, 2.0, 3.0], variance=[1.0, 4.0, 9.0])(x))),
}


def make_inputs(specs, rng):
    arrays = []
    for spec in specs:
        shape = (2,) + spec[1]
        if spec[0] == "int32":
            arrays.append(rng.integers(0, spec[2], shape).astype("int32"))
        else:
            arrays.append(rng.normal(size=shape).astype("float32"))
    if len(specs) == 1 and specs[0][1] == (4, 3):
        arrays[0][:, -1] = 0.0  # a masked time step for Masking
    return arrays


def randomize(model, rng, name_of):
    values = []
    for weight in model.weights:
        current = np.asarray(weight.numpy())
        positive = "variance" in name_of(weight) or "count" in name_of(weight)
        values.append((rng.uniform(0.5, 1.5, current.shape) if positive else
                       rng.uniform(-1, 1, current.shape)).astype(current.dtype))
    model.set_weights(values)


def flat_outputs(model, feed):
    predicted = model.predict(feed, verbose=0)
    predicted = predicted if isinstance(predicted, (list, tuple)) else [predicted]
    return np.concatenate([np.ravel(np.asarray(p)) for p in predicted])


def build(framework, specs, make):
    inputs = [framework.Input(spec[1], dtype=spec[0]) for spec in specs]
    outputs = make(framework.layers, *inputs)
    return framework.Model(inputs if len(inputs) > 1 else inputs[0], outputs)


def file_bytes(save, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "model" + suffix)
        save(path)
        with open(path, "rb") as f:
            return f.read()


def write_layer_fixtures():
    rng = np.random.default_rng(SEED)
    keras.utils.set_random_seed(SEED)
    tf_keras.utils.set_random_seed(SEED)
    expected, files = {}, {}
    for name, (specs, make) in CASES.items():
        x = make_inputs(specs, rng)
        feed = x if len(x) > 1 else x[0]
        for i, array in enumerate(x):
            expected[f"{name}/x{i}"] = array
        k3 = build(keras, specs, make)
        randomize(k3, rng, lambda w: w.path)
        expected[f"{name}/keras3"] = flat_outputs(k3, feed)
        files[f"{name}.keras"] = file_bytes(k3.save, ".keras")
        files[f"{name}.weights.h5"] = file_bytes(k3.save_weights, ".weights.h5")
        files[f"{name}.json"] = k3.to_json().encode("utf8")
        tf = build(tf_keras, specs, make)
        randomize(tf, rng, lambda w: w.name)
        expected[f"{name}/tf_keras"] = flat_outputs(tf, feed)
        files[f"{name}.tf.h5"] = file_bytes(tf.save, ".h5")
        files[f"{name}.tf.weights.h5"] = file_bytes(tf.save_weights, ".h5")
        files[f"{name}.tf.json"] = tf.to_json().encode("utf8")
    with zipfile.ZipFile(os.path.join(HERE, "layers.zip"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for member, data in sorted(files.items()):
            z.writestr(member, data)
    np.savez_compressed(os.path.join(HERE, "layers.npz"), **expected)


# Each legacy optimizer (tf.keras.optimizers.legacy, Keras 2's optimizer_v2) with Keras 2 arguments.
LEGACY_OPTIMIZERS = {
    "SGD": {"lr": 0.1, "decay": 0.01},
    "SGD_momentum": {"learning_rate": 0.1, "momentum": 0.9, "decay": 0.01},
    "SGD_nesterov": {"learning_rate": 0.1, "momentum": 0.9, "nesterov": True},
    "RMSprop": {"lr": 0.01, "decay": 0.01},
    # A large epsilon shows where it is added (tf.keras: outside the square root, Keras 3: inside).
    "RMSprop_epsilon": {"lr": 0.01, "decay": 0.01, "epsilon": 0.1},
    "RMSprop_momentum_epsilon": {"learning_rate": 0.01, "momentum": 0.5, "epsilon": 0.1},
    "RMSprop_centered_epsilon": {"learning_rate": 0.01, "momentum": 0.5, "centered": True, "decay": 0.01,
                                 "epsilon": 0.1},
    "Adam": {"lr": 0.01, "decay": 0.01},
    "Adam_epsilon": {"learning_rate": 0.01, "epsilon": 0.1},
    "Adam_amsgrad": {"learning_rate": 0.01, "amsgrad": True, "epsilon": 0.1},
    "Adagrad": {"lr": 0.1, "decay": 0.01},
    "Adagrad_epsilon": {"learning_rate": 0.1, "epsilon": 0.1},
    "Adadelta": {"learning_rate": 1.0, "decay": 0.01, "epsilon": 0.1},
    "Adamax": {"lr": 0.01, "decay": 0.01, "epsilon": 0.1},
    "Nadam": {"lr": 0.01},
    "Nadam_epsilon": {"learning_rate": 0.01, "epsilon": 0.1},
    "Ftrl": {"learning_rate": 0.1, "l1_regularization_strength": 0.01, "l2_regularization_strength": 0.01},
    "Ftrl_shrinkage": {"learning_rate": 0.1, "learning_rate_power": -0.7, "initial_accumulator_value": 0.5,
                           "l2_shrinkage_regularization_strength": 0.05, "beta": 0.2},
}


def write_legacy_optimizer_trajectories():
    """Weights after each of 3 epochs (4 steps each) of a tiny linear regression trained with fit."""
    rng = np.random.default_rng(SEED)
    x = rng.normal(size=(16, 3)).astype("float32")
    y = (x @ np.array([[1.0], [-2.0], [0.5]]) + 0.3).astype("float32")
    kernel, bias = rng.normal(size=(3, 1)).astype("float32"), np.zeros(1, "float32")
    recorded = {"x": x, "y": y, "kernel": kernel, "bias": bias}
    for name, arguments in LEGACY_OPTIMIZERS.items():
        optimizer_class = getattr(tf_keras.optimizers.legacy, name.split("_")[0])
        model = tf_keras.Sequential([tf_keras.Input((3,)), tf_keras.layers.Dense(1)])
        model.set_weights([kernel, bias])
        model.compile(optimizer_class(**arguments), "mse")
        steps = []
        for _ in range(3):
            model.fit(x, y, batch_size=4, epochs=1, shuffle=False, verbose=0)
            steps.append(np.concatenate([w.ravel() for w in model.get_weights()]))
        recorded[name] = np.stack(steps)
    np.savez(os.path.join(HERE, "legacy_optimizers.npz"), **recorded)


def write_ctc_reference():
    """tf.keras's K.ctc_batch_cost and K.ctc_decode (beam search) on fixed probabilities, labels repeating."""
    z = np.sin(np.arange(2 * 7 * 4, dtype="float64") * 1.7).reshape(2, 7, 4) * 2
    probs = (np.exp(z) / np.exp(z).sum(-1, keepdims=True)).astype("float32")  # 4 classes, blank = 3
    labels = np.array([[2, 2, 2], [0, 1, 1]])
    backend = tf_keras.backend
    loss = backend.ctc_batch_cost(labels, probs, np.array([[7], [6]]), np.array([[3], [3]]))
    decoded, log_prob = backend.ctc_decode(probs, np.array([7, 6]), greedy=False, beam_width=16, top_paths=2)
    np.savez(os.path.join(HERE, "ctc.npz"), probs=probs, labels=labels, loss=np.asarray(loss)[:, 0],
             decoded=np.stack([np.asarray(d) for d in decoded]), log_prob=np.asarray(log_prob))


if __name__ == "__main__":
    # `make_layer_fixtures.py optimizers` writes only the optimizer trajectories and the CTC reference.
    if sys.argv[1:] != ["optimizers"]:
        write_layer_fixtures()
    write_legacy_optimizer_trajectories()
    write_ctc_reference()
    with zipfile.ZipFile(os.path.join(HERE, "layers.zip")) as z:
        total = sum(info.file_size for info in z.infolist())
    print("keras", keras.__version__, "tf_keras", tf_keras.__version__, f"{len(CASES)} cases,",
          f"{total} bytes unpacked, {os.path.getsize(os.path.join(HERE, 'layers.zip'))} packed")
