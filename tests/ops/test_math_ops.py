"""Math ops of kerax.ops against NumPy/SciPy: segment reductions, top-k, special functions, distances, framing,
short-time Fourier transforms, complex views, einops rearrange."""
import math

import numpy as np
import pytest
import scipy.signal
import scipy.special

from kerax import ops
from op_checks import check

DATA = np.array([[1.0, 2.0], [3.0, -4.0], [5.0, 6.0], [-7.0, 8.0]], "float32")
IDS = np.array([0, 0, 2, 2], "int32")


@pytest.mark.parametrize("name,reduce,empty", [
    ("segment_sum", np.sum, 0.0), ("segment_max", np.max, -np.inf), ("segment_min", np.min, np.inf),
    ("segment_prod", np.prod, 1.0),
])
def test_segment_reductions(name, reduce, empty):
    expected = np.array([reduce(DATA[IDS == s], axis=0) if (IDS == s).any() else [empty] * 2 for s in range(3)])
    check(getattr(ops, name)(DATA, IDS, num_segments=3, sorted=True), expected)
    with pytest.raises(ValueError, match="one id per row"):
        getattr(ops, name)(DATA, IDS[:3], num_segments=3)


def test_top_k_and_in_top_k():
    x = np.array([[0.1, 0.9, 0.5, 0.9], [3.0, -1.0, 2.0, 0.0]], "float32")
    values, indices = ops.top_k(x, 2)
    check(values, np.array([[0.9, 0.9], [3.0, 2.0]]), dtype="float32")
    check(indices, np.array([[1, 3], [0, 2]]), dtype="int32")
    predictions = np.array([[0.1, 0.5, 0.5, 0.2], [np.nan, 0.2, 0.3, 0.1]], "float32")
    check(ops.in_top_k(np.array([2, 0]), predictions, 1), np.array([True, False]))  # ties count; NaN never
    check(ops.in_top_k(np.array([3, 1]), predictions, 2), np.array([False, True]))


def test_logsumexp_and_special_functions():
    x = np.array([[1.0, -2.0, 30.0], [0.0, 0.5, -1.0]], "float32")
    check(ops.logsumexp(x, axis=1), scipy.special.logsumexp(x, axis=1), rtol=1e-6)
    check(ops.logsumexp(x, axis=[0, 1], keepdims=True), scipy.special.logsumexp(x, keepdims=True), rtol=1e-6)
    z = np.array([-2.0, -0.5, 0.0, 0.3, 1.5], "float32")
    check(ops.erf(z), scipy.special.erf(z), atol=1e-6)
    check(ops.erfc(z), scipy.special.erfc(z), atol=1e-6)
    p = np.array([-0.99, -0.3, 0.0, 0.7, 1.0], "float32")
    check(ops.erfinv(p), scipy.special.erfinv(p), rtol=1e-4)
    check(ops.rsqrt(np.array([4.0, 0.25, 0.0])), np.array([0.5, 2.0, np.inf]), dtype="float32")
    check(ops.rsqrt(np.array([4, 16])), np.array([0.5, 0.25]), dtype="float32")


def test_cdist_and_logdet():
    x = np.array([[0.0, 0.0], [3.0, 4.0]], "float32")
    y = np.array([[0.0, 1.0], [1.0, 1.0], [-3.0, -4.0]], "float32")
    check(ops.cdist(x, y), np.sqrt(((x[:, None] - y[None]) ** 2).sum(-1)), rtol=1e-6)
    check(ops.cdist(np.stack([x, x]), np.stack([y, y]))[1], np.sqrt(((x[:, None] - y[None]) ** 2).sum(-1)))
    with pytest.raises(ValueError, match="same last dimension"):
        ops.cdist(x, np.ones((2, 3)))
    spd = np.array([[2.0, 0.5], [0.5, 1.0]], "float32")
    check(ops.logdet(spd), np.log(np.linalg.det(spd)), rtol=1e-5)


def test_extract_sequences():
    x = np.arange(20, dtype="float32").reshape(2, 10)
    frames = np.stack([x[:, i:i + 4] for i in range(0, 7, 3)], axis=1)
    check(ops.extract_sequences(x, 4, 3), frames)


def _reference_stft(x, length, stride, fft_length, window, center):
    if center:
        x = np.pad(x, [(0, 0), (fft_length // 2, fft_length // 2)], mode="reflect")
    left = (fft_length - length) // 2
    if window is None:  # no window: the whole fft_length frame, as Keras
        win = np.ones(fft_length)
    else:
        win = np.pad(scipy.signal.get_window(window, length), (left, fft_length - length - left))
    starts = range(0, x.shape[-1] - fft_length + 1, stride)
    frames = np.stack([x[:, s:s + fft_length] * win for s in starts], axis=1)
    spectrum = np.fft.rfft(frames, n=fft_length, axis=-1)
    return spectrum.real, spectrum.imag


@pytest.mark.parametrize("window,center", [("hann", True), ("hamming", False), (None, True)])
def test_stft(window, center):
    x = np.random.default_rng(0).normal(size=(2, 32)).astype("float32")
    result = ops.stft(x, 6, 3, 8, window=window, center=center)
    check(result, _reference_stft(x, 6, 3, 8, window, center), dtype="float32", atol=1e-4)
    with pytest.raises(TypeError, match="float32 or float64"):
        ops.stft(x.astype("int32"), 6, 3, 8)
    with pytest.raises(ValueError, match="fft_length"):
        ops.stft(x, 8, 3, 6)


def test_istft_inverts_stft():
    x = np.random.default_rng(1).normal(size=(2, 40)).astype("float32")
    spectrum = ops.stft(x, 16, 4, 16, window="hann")
    check(ops.istft(spectrum, 16, 4, 16, length=40), x, atol=1e-4)
    unwindowed = ops.istft(ops.stft(x, 8, 8, 8, window=None, center=False), 8, 8, 8, window=None, center=False)
    check(unwindowed, x, atol=1e-4)  # stride == length: frames tile the signal once


def test_complex_views():
    pairs = np.array([[1.0, 2.0], [-3.0, 0.5]], "float32")
    check(ops.view_as_complex(pairs), np.array([1 + 2j, -3 + 0.5j]), dtype="complex64")
    check(ops.view_as_real(np.array([1 + 2j, -3 + 0.5j], "complex64")), pairs)
    with pytest.raises(ValueError, match="last dimension must be 2"):
        ops.view_as_complex(np.ones((2, 3)))


def test_rearrange():
    images = np.arange(2 * 4 * 6 * 3, dtype="float32").reshape(2, 4, 6, 3)
    check(ops.rearrange(images, "b h w c -> b c h w"), images.transpose(0, 3, 1, 2))
    check(ops.rearrange(images, "b h w c -> (b h) w c"), images.reshape(8, 6, 3))
    check(ops.rearrange(images, "b (h h1) (w w1) c -> b h w (c h1 w1)", h1=2, w1=3),
          images.reshape(2, 2, 2, 2, 3, 3).transpose(0, 1, 3, 5, 2, 4).reshape(2, 2, 2, 18))
    with pytest.raises(ValueError, match="all but one"):
        ops.rearrange(images, "b (h h1) w c -> b h h1 w c")
    with pytest.raises(ValueError, match="same axes"):
        ops.rearrange(images, "b h w c -> b h w")
    assert math.prod(ops.rearrange(images, "b h w c -> (b h w c)").shape) == images.size
