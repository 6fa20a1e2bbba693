"""kerax.quantizers against NumPy formulas written here and Keras's documented pack_int4 example."""
import ml_dtypes
import numpy as np
import pytest

import kerax
from kerax import quantizers


def test_abs_max_quantize_matches_formula_on_device_and_host():
    x = np.random.default_rng(0).normal(size=(3, 5)).astype("float32")
    scale = 127 / (np.max(np.abs(x), axis=-1, keepdims=True) + kerax.backend.epsilon())
    expected = np.clip(np.round(x * scale), -127, 127).astype("int8")
    for to_numpy in (False, True):
        q, s = quantizers.abs_max_quantize(x, axis=-1, to_numpy=to_numpy)
        assert kerax.backend.standardize_dtype(q.dtype) == "int8" and s.shape == (3, 1)
        np.testing.assert_array_equal(np.asarray(q), expected)
        np.testing.assert_allclose(np.asarray(s), scale, rtol=1e-6)


def test_abs_max_quantizer_axis_range_and_config():
    x = np.array([[1.0, -4.0], [2.0, 8.0]], "float32")
    q, s = quantizers.AbsMaxQuantizer(axis=0, value_range=(-8, 7))(x)
    np.testing.assert_allclose(np.asarray(s), [[7 / 2, 7 / 8]], rtol=1e-6)
    np.testing.assert_array_equal(np.asarray(q), [[4, -4], [7, 7]])  # 2 * 3.5 = 7; 8 * 7/8 = 7
    quantizer = quantizers.AbsMaxQuantizer(axis=0)
    assert quantizer.get_config() == {"value_range": (-127, 127), "epsilon": kerax.backend.epsilon(),
                                      "output_dtype": "int8", "axis": (0,)}
    again = quantizers.deserialize(quantizers.serialize(quantizer))
    assert isinstance(again, quantizers.AbsMaxQuantizer) and again.axis == (0,)
    assert isinstance(quantizers.get("abs_max_quantizer"), quantizers.AbsMaxQuantizer)
    assert kerax.Quantizer is quantizers.Quantizer
    with pytest.raises(ValueError, match=r"within the interval \[-128, 127\]"):
        quantizers.AbsMaxQuantizer(value_range=(-255, 255))


def test_pack_int4_matches_keras_documented_example():
    original = np.array([[-3, 7], [2, -8], [1, 0]], dtype=np.int8)
    packed, shape, length = quantizers.pack_int4(original, axis=0)
    np.testing.assert_array_equal(np.asarray(packed), [[45, -121], [1, 0]])
    assert (shape, length) == ((2, 2), 3)
    np.testing.assert_array_equal(np.asarray(quantizers.unpack_int4(packed, length, axis=0)), original)
    original = np.array([[-3, 7, 2], [-8, 1, 0]], dtype=np.int8)
    packed, _, length = quantizers.pack_int4(original, axis=1)
    np.testing.assert_array_equal(np.asarray(packed), [[125, 2], [24, 0]])
    np.testing.assert_array_equal(np.asarray(quantizers.unpack_int4(packed, length, axis=1)), original)


def test_pack_int4_nibbles_and_round_trip():
    values = np.random.default_rng(1).integers(-8, 8, size=(5, 3, 4)).astype("int8")
    packed, _, length = quantizers.pack_int4(values, axis=1)
    low = np.asarray(packed).view(np.uint8) & 0x0F
    np.testing.assert_array_equal(low, values[:, 0::2].view(np.uint8) & 0x0F)
    np.testing.assert_array_equal(np.asarray(quantizers.unpack_int4(packed, length, axis=1)), values)
    unsigned = quantizers.unpack_int4(packed, length, axis=1, dtype="uint8")
    np.testing.assert_array_equal(np.asarray(unsigned), values.view(np.uint8) & 0x0F)
    with pytest.raises(TypeError, match="Expected int8 tensor for packing, got int32"):
        quantizers.pack_int4(values.astype("int32"))


def test_float8_scale_history_and_quantize_dequantize():
    history = np.array([3.0, 1.0, 0.0, 2.0], "float32")
    new = quantizers.compute_float8_amax_history(np.array([[-5.0, 4.0]], "float32"), history)
    np.testing.assert_array_equal(np.asarray(new), [5.0, 0.0, 2.0, 3.0])  # rolled by -1, newest in front
    scale = quantizers.compute_float8_scale(np.float32(4.0), np.float32(0.5), 448.0, margin=1)
    np.testing.assert_allclose(np.asarray(scale), 4.0 * 2 / 448.0, rtol=1e-6)
    kept = quantizers.compute_float8_scale(np.float32(0.0), np.float32(0.5), 448.0)
    np.testing.assert_allclose(np.asarray(kept), 0.5)  # amax 0: the scale stays
    x = np.array([1.0, 0.3, -1000.0, 3.3], "float32")
    expected = np.clip(x / 2.0, -448, 448).astype(ml_dtypes.float8_e4m3fn).astype("float32") * 2.0
    out = quantizers.quantize_and_dequantize(x, 2.0, "float8_e4m3fn", "float32")
    np.testing.assert_array_equal(np.asarray(out), expected)


def _fake_quant_reference(x, low, high, num_bits=8):
    """TensorFlow's FakeQuantWithMinMaxVars in float32 (the zero point of a symmetric range such as
    [-1, 1] lands just under .5 in float32 and rounds down)."""
    quant_max = 2**num_bits - 1
    low, high = np.float32(low), np.float32(high)
    scale = (high - low) / np.float32(quant_max)
    zero = np.round(np.clip(-low / scale, 0, quant_max))
    nudged_min, nudged_max = -zero * scale, (quant_max - zero) * scale
    clamped = np.clip(x, nudged_min, nudged_max)
    return np.floor((clamped - nudged_min) / scale + 0.5) * scale + nudged_min, nudged_min, nudged_max


def test_fake_quant_values_and_straight_through_gradient():
    x = np.linspace(-1.2, 1.3, 11).astype("float32")
    expected, nudged_min, nudged_max = _fake_quant_reference(x, -1.0, 1.0)
    out = quantizers.fake_quant_with_min_max_vars(x, -1.0, 1.0)
    np.testing.assert_allclose(np.asarray(out), expected, atol=1e-6)

    values = [kerax.Variable(x), kerax.Variable(np.float32(-1.0)), kerax.Variable(np.float32(1.0))]

    def loss():
        return kerax.ops.sum(quantizers.fake_quant_with_min_max_vars(*[v.value for v in values]) * 3.0)

    _, grads = kerax.value_and_grad(loss, values)
    inside = (x >= nudged_min) & (x <= nudged_max)
    np.testing.assert_allclose(np.asarray(grads[0]), np.where(inside, 3.0, 0.0))
    np.testing.assert_allclose(float(grads[1]), 3.0 * np.sum(x < nudged_min))
    np.testing.assert_allclose(float(grads[2]), 3.0 * np.sum(x > nudged_max))


def test_fake_quant_per_channel():
    x = np.array([[0.1, 2.0], [-0.3, 5.0]], "float32")
    out = np.asarray(quantizers.fake_quant_with_min_max_vars(x, [-0.5, 0.0], [0.5, 4.0], num_bits=4, axis=-1))
    for channel, (low, high) in enumerate([(-0.5, 0.5), (0.0, 4.0)]):
        expected, _, _ = _fake_quant_reference(x[:, channel], low, high, num_bits=4)
        np.testing.assert_allclose(out[:, channel], expected, atol=1e-6)


def test_configs_and_unsupported_calibration():
    config = quantizers.Int8QuantizationConfig()
    assert config.mode == "int8" and isinstance(config.activation_quantizer, quantizers.AbsMaxQuantizer)
    again = quantizers.deserialize(quantizers.serialize(config))
    assert isinstance(again.activation_quantizer, quantizers.AbsMaxQuantizer)
    assert quantizers.Int4QuantizationConfig(block_size=-1).get_config()["block_size"] == -1
    assert quantizers.Float8QuantizationConfig().mode == "float8"
    with pytest.raises(ValueError, match=r"value_range=\(-8, 7\)"):
        quantizers.Int4QuantizationConfig(weight_quantizer=quantizers.AbsMaxQuantizer(), block_size=-1)
    for name in ("GPTQConfig", "AWQConfig"):
        with pytest.raises(NotImplementedError, match="not supported by kerax"):
            getattr(quantizers, name)(None, None)


@pytest.mark.parametrize("to_numpy", [False, True])
def test_grouped_quantization_with_zero_point(to_numpy):
    kernel = np.random.default_rng(3).normal(size=(5, 3)).astype("float32")
    q, scale, zero = quantizers.abs_max_quantize_grouped_with_zero_point(kernel, 2, to_numpy=to_numpy)
    assert (q.shape, scale.shape, zero.shape) == ((5, 3), (3, 3), (3, 3))
    padded = np.concatenate([kernel, np.zeros((1, 3), "float32")]).reshape(3, 2, 3)
    low, high = padded.min(axis=1), padded.max(axis=1)
    expected_scale = (high - low + kerax.backend.epsilon()) / 15
    expected_zero = np.clip(np.round(-low / expected_scale) - 8, -8, 7)
    expected_q = np.clip(np.round(padded / expected_scale[:, None]) + expected_zero[:, None], -8, 7)
    np.testing.assert_allclose(np.asarray(scale), expected_scale, rtol=1e-6)
    np.testing.assert_array_equal(np.asarray(zero), expected_zero)
    np.testing.assert_array_equal(np.asarray(q), expected_q.reshape(6, 3)[:5])
