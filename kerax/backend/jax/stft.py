"""Short-time Fourier transform and its inverse (JAX), with Keras's framing: windows of `sequence_length`
centred in frames of `fft_length`, spectra unnormalized, results as (real, imaginary) pairs."""
import jax.numpy as jnp
import numpy as np

from kerax.backend.jax.math import extract_sequences
from kerax.backend.jax.tensors import compiled, tensor

__all__ = ["stft", "istft"]

# Periodic windows (scipy.signal.get_window's defaults): 0.5 - 0.5 cos(2 pi n / N) and 0.54 - 0.46 cos(...).
_WINDOW_COEFFICIENTS = {"hann": (0.5, 0.5), "hamming": (0.54, 0.46)}


def _window(window, sequence_length, fft_length):
    """The window padded (centred) to fft_length, or None for no window; built on the host."""
    if window is None:
        return None
    if isinstance(window, str):
        if window not in _WINDOW_COEFFICIENTS:
            raise ValueError(f"stft/istft: a string `window` must be 'hann' or 'hamming', received {window!r}.")
        a, b = _WINDOW_COEFFICIENTS[window]
        window = a - b * np.cos(2 * np.pi * np.arange(sequence_length) / sequence_length)
    window = np.asarray(window)
    if window.shape != (sequence_length,):
        raise ValueError(f"stft/istft: `window` must have shape ({sequence_length},) (sequence_length), "
                         f"received shape {window.shape}.")
    left = (fft_length - sequence_length) // 2
    return np.pad(window, (left, fft_length - sequence_length - left))


def stft(x, sequence_length, sequence_stride, fft_length, window="hann", center=True):
    x = tensor(x)
    if x.dtype not in (jnp.float32, jnp.float64):
        raise TypeError(f"stft: expected a float32 or float64 input, received dtype {x.dtype}.")
    if fft_length < sequence_length:
        raise ValueError(f"stft: `fft_length` ({fft_length}) must be >= `sequence_length` ({sequence_length}).")
    window = _window(window, sequence_length, fft_length)
    return _stft(x, None if window is None else window.astype(x.dtype), sequence_stride, fft_length, center)


@compiled("stride", "fft_length", "center")
def _stft(x, window, stride, fft_length, center):
    if center:
        half = fft_length // 2
        x = jnp.pad(x, [(0, 0)] * (x.ndim - 1) + [(half, half)], mode="reflect")
    frames = extract_sequences(x, fft_length, stride)
    if window is not None:
        frames = frames * window
    spectrum = jnp.fft.rfft(frames, n=fft_length, axis=-1)
    return jnp.real(spectrum), jnp.imag(spectrum)


def _overlap_add(frames, stride):
    num_frames, frame_length = frames.shape[-2:]
    positions = jnp.arange(num_frames)[:, None] * stride + jnp.arange(frame_length)[None, :]
    output = jnp.zeros(frames.shape[:-2] + (stride * (num_frames - 1) + frame_length,), frames.dtype)
    return output.at[..., positions].add(frames)


def istft(x, sequence_length, sequence_stride, fft_length, length=None, window="hann", center=True):
    """Inverse of `stft`: overlap-added windowed frames divided by the overlap-added squared window (the
    least-squares inverse); with `window=None`, the frames are only overlap-added."""
    real, imag = (tensor(part) for part in x)
    if real.ndim < 2:
        raise ValueError(f"istft: the input must have at least 2 dimensions (frames, bins), received shape "
                         f"{real.shape}.")
    window = _window(window, sequence_length, fft_length)
    window = None if window is None else window.astype(real.dtype)
    return _istft(real, imag, window, sequence_stride, fft_length, length, center)


@compiled("stride", "fft_length", "length", "center")
def _istft(real, imag, window, stride, fft_length, length, center):
    frames = jnp.fft.irfft(real + 1j * imag, n=fft_length, axis=-1).astype(real.dtype)
    if window is None:
        signal = _overlap_add(frames, stride)
    else:
        norm = _overlap_add(jnp.broadcast_to(window * window, frames.shape[-2:]), stride)
        signal = _overlap_add(frames * window, stride) / jnp.where(norm > 1e-10, norm, 1.0)
    start = fft_length // 2 if center else 0
    end = signal.shape[-1] - start if length is None else start + length
    return signal[..., start:end]
