"""model.quantize / layer.quantize: Dense, EinsumDense and Embedding in int8, int4 and float8, against
NumPy re-computations from the same weights, within stated error bounds of the float model, through
.keras / .weights.h5 files (Keras's variable order) and one fit."""
import h5py
import ml_dtypes
import numpy as np
import pytest

import kerax
from kerax import layers

EPS = 1e-7
# Stated bounds: max |quantized - float| / max |float| on these small random models.
BOUNDS = {"int8": 0.02, "int4": 0.2, "float8": 0.15}


def _abs_max(x, axis, high):
    scale = high / (np.max(np.abs(x), axis=axis, keepdims=True) + EPS)
    return np.clip(np.round(x * scale), -high - (high == 7), high), scale


def _grouped(matrix, block_size):
    """Keras's sub-channel int4 along the rows of `matrix`: (dequantized matrix, scale, zero point)."""
    rows = matrix.shape[0]
    groups = -(-rows // block_size)
    padded = np.concatenate([matrix, np.zeros((groups * block_size - rows,) + matrix.shape[1:], "float32")])
    blocks = padded.reshape((groups, block_size) + matrix.shape[1:])
    low, high = blocks.min(axis=1), blocks.max(axis=1)
    scale = (high - low + EPS) / 15
    zero = np.clip(np.round(-low / scale) - 8, -8, 7)
    q = np.clip(np.round(blocks / scale[:, None]) + zero[:, None], -8, 7)
    dequantized = ((q - zero[:, None]) * scale[:, None]).reshape(padded.shape)[:rows]
    return dequantized, scale, zero


def _dense_model(units=5, seed=0):
    kerax.utils.set_random_seed(seed)
    inputs = kerax.Input((6,))
    outputs = layers.Dense(3)(layers.Dense(units, activation="relu")(inputs))
    return kerax.Model(inputs, outputs)


def _float_dense(x, kernel, bias, activation=None):
    y = x @ kernel + bias
    return np.maximum(y, 0) if activation == "relu" else y


def _relative_error(y, reference):
    return np.max(np.abs(y - reference)) / np.max(np.abs(reference))


X = np.random.default_rng(0).normal(size=(4, 6)).astype("float32")


@pytest.mark.parametrize("mode", ["int8", "int4", "float8"])
def test_dense_matches_numpy_and_stays_near_float(mode):
    model = _dense_model()
    float_weights = [w.numpy() for w in model.layers[1].weights + model.layers[2].weights]
    float_out = _float_dense(_float_dense(X, *float_weights[:2], "relu"), *float_weights[2:])
    model.quantize(mode)
    hidden = X
    for layer, (kernel, bias) in zip(model.layers[1:], (float_weights[:2], float_weights[2:])):
        if mode == "int8":
            q, w_scale = _abs_max(kernel, 0, 127)
            xq, x_scale = _abs_max(hidden, -1, 127)
            y = (xq @ q) / (x_scale * w_scale) + bias
        elif mode == "int4":  # Keras's default: sub-channel, block size 128 (one group here)
            y = hidden @ _grouped(kernel, 128)[0] + bias
        else:
            f8 = ml_dtypes.float8_e4m3fn
            y = hidden.astype(f8).astype("float32") @ kernel.astype(f8).astype("float32") + bias
        hidden = np.maximum(y, 0) if layer is model.layers[1] else y
    out = model.predict(X, verbose=0)
    np.testing.assert_allclose(out, hidden, rtol=1e-4, atol=1e-5)
    assert _relative_error(out, float_out) < BOUNDS[mode]


def test_dense_int4_weights_names_dtypes_and_packing():
    model = _dense_model()
    kernel = model.layers[1].kernel.numpy()
    model.quantize(config=kerax.quantizers.Int4QuantizationConfig(block_size=-1))  # per channel
    layer = model.layers[1]
    assert layer.dtype_policy.name == "int4/-1_from_float32"
    assert [(w.name, kerax.backend.standardize_dtype(w.dtype), w.shape) for w in layer.weights] == [
        ("bias", "float32", (5,)), ("kernel", "int8", (6, 3)), ("kernel_scale", "float32", (5,))]
    q, scale = _abs_max(kernel, 0, 7)
    packed = layer.kernel.numpy().view(np.uint8)
    np.testing.assert_array_equal(packed & 0x0F, q.astype(np.int8)[:, 0::2].view(np.uint8) & 0x0F)
    np.testing.assert_array_equal(packed[:, :2] >> 4, q.astype(np.int8)[:, 1::2].view(np.uint8) & 0x0F)
    np.testing.assert_allclose(np.asarray(layer(X)), np.maximum(X @ (q / scale) + layer.bias.numpy(), 0),
                               rtol=1e-4, atol=1e-5)
    with pytest.raises(ValueError, match="is already quantized"):
        layer.quantize("int8")


def test_dense_int4_sub_channel_groups():
    model = _dense_model()
    kernel = model.layers[1].kernel.numpy()
    model.quantize(config=kerax.quantizers.Int4QuantizationConfig(block_size=4))
    layer = model.layers[1]
    assert layer.dtype_policy.name == "int4/4_from_float32"
    dequantized, scale, zero = _grouped(kernel, 4)
    np.testing.assert_allclose(layer.kernel_scale.numpy(), scale, rtol=1e-6)
    np.testing.assert_array_equal(layer.kernel_zero.numpy(), zero)
    np.testing.assert_array_equal(layer.g_idx.numpy(), [0, 0, 0, 0, 1, 1])
    np.testing.assert_allclose(np.asarray(layer(X)), np.maximum(X @ dequantized + layer.bias.numpy(), 0),
                               rtol=1e-4, atol=1e-5)


def test_einsum_dense_int8_matches_numpy():
    kerax.utils.set_random_seed(1)
    inputs = kerax.Input((3, 4))
    layer = layers.EinsumDense("abc,cde->abde", (3, 2, 5), bias_axes="de")
    model = kerax.Model(inputs, layer(inputs))
    x = np.random.default_rng(2).normal(size=(2, 3, 4)).astype("float32")
    kernel, bias = layer.kernel.numpy(), layer.bias.numpy()
    float_out = np.einsum("abc,cde->abde", x, kernel) + bias
    model.quantize("int8")
    assert layer.kernel_scale.shape == (1, 1, 2, 5)  # Keras's layout: the output's, 1 on the batch axes
    q, w_scale = _abs_max(kernel, 0, 127)
    xq, x_scale = _abs_max(x, -1, 127)
    expected = np.einsum("abc,cde->abde", xq, q) / (x_scale[..., None] * w_scale) + bias
    out = model.predict(x, verbose=0)
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-5)
    assert _relative_error(out, float_out) < BOUNDS["int8"]


def test_einsum_dense_int4_stores_keras_flat_layout():
    kerax.utils.set_random_seed(5)
    inputs = kerax.Input((3, 4))
    layer = layers.EinsumDense("abc,cde->abde", (3, 2, 5))
    model = kerax.Model(inputs, layer(inputs))
    x = np.random.default_rng(6).normal(size=(2, 3, 4)).astype("float32")
    kernel = layer.kernel.numpy()
    model.quantize(config=kerax.quantizers.Int4QuantizationConfig(block_size=-1))
    # Keras: the kernel read as (contracted 4, other 2 * 5), one scale per column, packed along the columns.
    assert (layer.kernel.shape, layer.kernel_scale.shape) == ((4, 5), (10,))
    q, scale = _abs_max(kernel.reshape(4, 10), 0, 7)
    np.testing.assert_allclose(layer.kernel_scale.numpy(), scale[0], rtol=1e-6)
    expected = np.einsum("abc,cde->abde", x, (q / scale).reshape(4, 2, 5))
    out = model.predict(x, verbose=0)
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-5)
    assert _relative_error(out, np.einsum("abc,cde->abde", x, kernel)) < BOUNDS["int4"]


@pytest.mark.parametrize("mode,block_size", [("int8", None), ("int4", -1), ("int4", 2)])
def test_embedding_matches_numpy(mode, block_size):
    kerax.utils.set_random_seed(3)
    layer = layers.Embedding(7, 5)
    ids = np.array([[0, 3, 6], [2, 2, 5]])
    layer(ids)
    table = layer.embeddings.numpy()
    config = kerax.quantizers.Int4QuantizationConfig(block_size=block_size) if block_size else None
    layer.quantize(mode, config=config)
    if block_size == 2:  # groups of 2 output columns per row: Keras quantizes the transpose
        expected = _grouped(table.T, 2)[0].T[ids]
        assert (layer.embeddings_scale.shape, layer.g_idx.shape) == ((7, 3), (5,))
    else:
        q, scale = _abs_max(table, -1, 127 if mode == "int8" else 7)
        expected = (q / scale)[ids]
    out = np.asarray(layer(ids))
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-6)
    if block_size != 2:  # groups of 2 rarely hold 0, so the clipped zero point costs accuracy (as Keras)
        assert _relative_error(out, table[ids]) < BOUNDS[mode]
    assert layer.embeddings.shape == ((7, 5) if mode == "int8" else (7, 3))


@pytest.mark.parametrize("tie_weights", [True, False])
def test_reversible_embedding_int8_logits_match_numpy(tie_weights):
    kerax.utils.set_random_seed(7)
    layer = layers.ReversibleEmbedding(9, 4, tie_weights=tie_weights)
    layer(np.array([[1, 2]]))
    x = np.random.default_rng(8).normal(size=(2, 4)).astype("float32")
    kernel = layer.embeddings.numpy().T if tie_weights else layer.reverse_embeddings.numpy()
    float_logits = x @ kernel
    layer.quantize("int8")
    q, w_scale = _abs_max(kernel, 0, 127)  # tied: the per-row scales of the embeddings
    xq, x_scale = _abs_max(x, -1, 127)
    logits = np.asarray(layer(x, reverse=True))
    np.testing.assert_allclose(logits, (xq @ q) / (x_scale * w_scale), rtol=1e-4, atol=1e-5)
    assert _relative_error(logits, float_logits) < BOUNDS["int8"]
    names = [w.name for w in layer._keras_variable_order()]
    assert names == ["embeddings", "embeddings_scale"] + (
        [] if tie_weights else ["reverse_embeddings", "reverse_embeddings_scale"])


@pytest.mark.parametrize("mode", ["int8", "int4", "float8"])
def test_quantized_model_saves_and_loads(tmp_path, mode):
    model = _dense_model()
    model.quantize(mode)
    expected = model.predict(X, verbose=0)
    model.save(tmp_path / "model.keras")
    loaded = kerax.saving.load_model(tmp_path / "model.keras")
    assert loaded.layers[1].dtype_policy == model.layers[1].dtype_policy
    np.testing.assert_allclose(loaded.predict(X, verbose=0), expected, rtol=1e-6)
    model.save_weights(tmp_path / "model.weights.h5")
    other = _dense_model(seed=9)
    other.quantize(mode)
    other.load_weights(tmp_path / "model.weights.h5")
    np.testing.assert_allclose(other.predict(X, verbose=0), expected, rtol=1e-6)
    with h5py.File(tmp_path / "model.weights.h5") as f:
        group = f["layers/dense/vars"]
        stored = [(group[str(i)].dtype.name, group[str(i)].shape) for i in range(len(group))]
    kernel = {"int8": ("int8", (6, 5)), "int4": ("int8", (6, 3)), "float8": ("float32", (6, 5))}[mode]
    scales = {"int8": [("float32", (5,))],  # Keras's default int4: block 128, zero points, g_idx
              "int4": [("float32", (1, 5)), ("int8", (1, 5)), ("float32", (6,))],
              "float8": [("float32", ()), ("float32", (1024,))] * 3}[mode]
    assert stored == [kernel, ("float32", (5,))] + scales  # Keras's order: kernel, bias, then the rest


def test_fit_trains_the_float_parts_of_an_int8_model():
    model = _dense_model()
    model.quantize("int8")
    model.compile(optimizer=kerax.optimizers.SGD(0.05), loss="mse")
    kernel, scale, bias = (v.numpy() for v in (model.layers[1].kernel, model.layers[1].kernel_scale,
                                               model.layers[2].bias))
    y = np.random.default_rng(4).normal(size=(4, 3)).astype("float32")
    history = model.fit(X, y, epochs=5, batch_size=4, verbose=0)
    losses = history.history["loss"]
    assert np.all(np.isfinite(losses)) and losses[-1] < losses[0]
    np.testing.assert_array_equal(model.layers[1].kernel.numpy(), kernel)  # the int8 kernel is frozen
    np.testing.assert_array_equal(model.layers[1].kernel_scale.numpy(), scale)
    assert not np.allclose(model.layers[2].bias.numpy(), bias)


def test_float8_training_updates_delayed_scales():
    model = _dense_model()
    model.quantize("float8")
    model.compile(optimizer="sgd", loss="mse")
    model.fit(X, np.zeros((4, 3), "float32"), epochs=2, batch_size=4, verbose=0)
    layer = model.layers[1]
    history = layer.inputs_amax_history.numpy()
    assert history[0] == pytest.approx(np.max(np.abs(X)), rel=1e-6)  # newest amax in front
    # The second step's scale came from the first step's history: amax / 448.
    assert layer.inputs_scale.numpy() == pytest.approx(np.max(np.abs(X)) / 448.0, rel=1e-6)


def test_unsupported_modes_and_filters():
    model = _dense_model()
    with pytest.raises(NotImplementedError, match=r"model.quantize\('gptq'\) is not implemented"):
        model.quantize("gptq")
    with pytest.raises(ValueError, match="Invalid quantization mode"):
        model.quantize("int3")
    with pytest.raises(ValueError, match="does not support custom quantizers"):
        kerax.quantizers.Int4QuantizationConfig(weight_quantizer=kerax.quantizers.AbsMaxQuantizer(
            value_range=(-8, 7)), block_size=2)
    model = _dense_model()
    head = model.layers[2]
    model.quantize("int8", filters=f"^{head.name}$")
    assert [layer.dtype_policy.quantization_mode for layer in model.layers[1:]] == [None, "int8"]
    model.quantize("float8", filters=lambda layer: layer is not head)
    assert [layer.dtype_policy.quantization_mode for layer in model.layers[1:]] == ["float8", "int8"]


def test_layers_without_quantization_are_named_in_a_warning():
    inputs = kerax.Input((6,))
    model = kerax.Model(inputs, layers.Dense(2)(layers.LayerNormalization()(inputs)))
    with pytest.warns(UserWarning, match="Layer LayerNormalization does not have a `quantize` method"):
        model.quantize("int8")
    assert model.layers[2].dtype_policy.quantization_mode == "int8"
