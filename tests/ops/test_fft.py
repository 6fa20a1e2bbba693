"""ops.fft / ifft / fft2 / ifft2 / rfft / irfft against np.fft, with Keras's (real, imag) pairs."""
import numpy as np
import pytest

import kerax
from kerax import ops


def _pair(rng, shape):
    return rng.normal(size=shape).astype("float32"), rng.normal(size=shape).astype("float32")


def _complex(pair):
    real, imag = (np.asarray(part) for part in pair)
    assert real.dtype == imag.dtype == np.float32 and real.shape == imag.shape
    return real + 1j * imag


@pytest.mark.parametrize("op, reference", [(ops.fft, np.fft.fft), (ops.ifft, np.fft.ifft),
                                           (ops.fft2, np.fft.fft2), (ops.ifft2, np.fft.ifft2)],
                         ids=["fft", "ifft", "fft2", "ifft2"])
def test_complex_transforms_match_numpy(op, reference, rng):
    real, imag = _pair(rng, (2, 3, 8))
    np.testing.assert_allclose(_complex(op((real, imag))), reference(real + 1j * imag), rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("fft_length", [None, 6, 12])
def test_rfft_and_irfft_match_numpy(fft_length, rng):
    signal = rng.normal(size=(3, 8)).astype("float32")
    spectrum = ops.rfft(signal, fft_length=fft_length)
    expected = np.fft.rfft(signal, n=fft_length)
    np.testing.assert_allclose(_complex(spectrum), expected, rtol=1e-4, atol=1e-4)
    back = np.asarray(ops.irfft(spectrum, fft_length=fft_length))
    np.testing.assert_allclose(back, np.fft.irfft(expected, n=fft_length), rtol=1e-4, atol=1e-5)
    if fft_length is None:
        np.testing.assert_allclose(back, signal, rtol=1e-4, atol=1e-5)


def test_fft_in_a_functional_model(rng):
    inputs = kerax.Input((8,))
    real, imag = ops.rfft(inputs)
    assert real.shape == imag.shape == (None, 5)
    model = kerax.Model(inputs, ops.irfft((real, imag)))
    signal = rng.normal(size=(2, 8)).astype("float32")
    np.testing.assert_allclose(np.asarray(model(signal)), signal, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("x, message", [
    (np.ones(4, "float32"), r"tuple \(real, imag\)"),
    ((np.ones(4, "float32"), np.ones(3, "float32")), "same shape"),
    ((np.ones(4, "int32"), np.ones(4, "int32")), "float tensor"),
], ids=["not_a_pair", "shapes", "integers"])
def test_bad_pairs_are_refused(x, message):
    with pytest.raises(ValueError, match=message):
        ops.fft(x)
