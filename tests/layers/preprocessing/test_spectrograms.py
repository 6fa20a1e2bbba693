"""STFTSpectrogram, MelSpectrogram and the STFT initializer against NumPy's FFT."""
import numpy as np

from kerax import initializers, layers


def _hann(length, periodic):
    n = length + 1 if periodic else length
    return (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / (n - 1)))[:length]


def test_stft_initializer_is_the_windowed_dft_basis():
    kernel = np.asarray(initializers.STFT("imag", "hann", "density", periodic=True)((16, 1, 9)))
    window = _hann(16, periodic=True)
    angle = -2 * np.pi * np.arange(16)[:, None] * np.arange(9) / 16
    np.testing.assert_allclose(kernel[:, 0], np.sin(angle) * window[:, None] / np.sqrt((window ** 2).sum()),
                               atol=1e-6)
    assert initializers.get("STFTInitializer").__class__ is initializers.STFT


def test_stft_spectrogram_matches_numpy_fft(rng):
    signal = rng.normal(size=(2, 64, 2)).astype("float32")
    layer = layers.STFTSpectrogram(mode="stft", frame_length=16, frame_step=8, scaling=None)
    out = np.asarray(layer(signal))  # [batch, frames, channels * 2 * 9]
    window = _hann(16, periodic=False)
    frames = np.stack([signal[:, s:s + 16] for s in range(0, 64 - 16 + 1, 8)], axis=1)  # [B, T, 16, C]
    spectrum = np.fft.rfft(frames * window[None, None, :, None], axis=2)  # [B, T, 9, C]
    expected = np.concatenate([spectrum.real, spectrum.imag], axis=2)  # [B, T, 18, C]
    np.testing.assert_allclose(out, np.moveaxis(expected, -1, 2).reshape(2, 7, -1), atol=1e-4)
    magnitude = np.asarray(layers.STFTSpectrogram(mode="magnitude", frame_length=16, frame_step=8,
                                                  scaling=None)(signal))
    np.testing.assert_allclose(magnitude, np.moveaxis(np.abs(spectrum), -1, 2).reshape(2, 7, -1), atol=1e-3)


def test_mel_spectrogram_matches_numpy(rng):
    audio = rng.normal(size=(2, 1000)).astype("float32")
    layer = layers.MelSpectrogram(fft_length=64, sequence_stride=32, num_mel_bins=8, sampling_rate=8000)
    out = np.asarray(layer(audio))
    padded = np.pad(audio, ((0, 0), (32, 32)), mode="reflect")
    frames = np.stack([padded[:, s:s + 64] for s in range(0, padded.shape[1] - 64 + 1, 32)], axis=1)
    power = np.abs(np.fft.rfft(frames * _hann(64, periodic=True), axis=-1)) ** 2

    def mel(hz):
        return 1127.0 * np.log(1 + hz / 700.0)

    edges = np.linspace(mel(20.0), mel(4000.0), 10)
    centers = mel(np.linspace(0, 4000, 33))
    weights = np.zeros((33, 8))
    for m in range(8):
        rising = (centers - edges[m]) / (edges[m + 1] - edges[m])
        falling = (edges[m + 2] - centers) / (edges[m + 2] - edges[m + 1])
        weights[1:, m] = np.maximum(0, np.minimum(rising, falling))[1:]
    db = 10 * np.log10(np.maximum(power @ weights, 1e-10))
    expected = np.swapaxes(np.maximum(db, db.max() - 80.0), -1, -2)
    assert out.shape == (2, 8, 32) == layer.compute_output_shape((2, 1000))
    np.testing.assert_allclose(out, expected, atol=2e-3)
