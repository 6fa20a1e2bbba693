"""Window functions of signal processing (for STFT kernels and spectrograms), computed with NumPy as
`scipy.signal.get_window` defines them: symmetric, or periodic (the symmetric window one sample longer, its
last sample dropped), the form spectral analysis uses."""
import numpy as np


def _cosine_sum(coefficients):
    def window(length):
        phase = 2.0 * np.pi * np.arange(length) / (length - 1)
        return sum((-1) ** k * a * np.cos(k * phase) for k, a in enumerate(coefficients))
    return window


WINDOWS = {
    "hann": _cosine_sum((0.5, 0.5)), "hanning": _cosine_sum((0.5, 0.5)),
    "hamming": _cosine_sum((0.54, 0.46)),
    "blackman": _cosine_sum((0.42, 0.5, 0.08)),
    "bartlett": lambda length: 1.0 - np.abs(2.0 * np.arange(length) / (length - 1) - 1.0),
    "boxcar": np.ones, "rectangular": np.ones, "ones": np.ones,
}


def check_window_name(name):
    if name not in WINDOWS:
        raise ValueError(f"Unknown window {name!r}: kerax provides {sorted(WINDOWS)} (pass the window's "
                         f"values as an array for any other).")


def get_window(window, length, periodic=False):
    """float64 [length] values of the named window (or the given values)."""
    if not isinstance(window, str):
        return np.asarray(window, dtype="float64")
    check_window_name(window)
    if length == 1:
        return np.ones(1)
    return WINDOWS[window](length + 1)[:-1] if periodic else WINDOWS[window](length)
