"""STFT: kernels [frame_length, input_channels, fft_bins] for a convolution computing the real (cos) or
imaginary (-sin) part of the discrete Fourier transform of windowed frames, for fft_bins = fft_length // 2 +
1; the window is normalised to unit L2 norm ("density") or unit sum ("spectrum")."""
import numpy as np

from kerax.backend import standardize_dtype
from kerax.initializers.initializer import Initializer
from kerax.initializers.signal_windows import check_window_name, get_window


class STFT(Initializer):
    def __init__(self, side="real", window="hann", scaling="density", periodic=False):
        if side not in ("real", "imag"):
            raise ValueError(f"side should be 'real' or 'imag', not {side}")
        if isinstance(window, str):
            check_window_name(window)
        if scaling is not None and scaling not in ("density", "spectrum"):
            raise ValueError(f"Scaling is invalid, it must be `None`, 'density' or 'spectrum'. Received "
                             f"scaling={scaling}")
        self.side, self.window, self.scaling, self.periodic = side, window, scaling, periodic

    def __call__(self, shape, dtype=None):
        dtype = standardize_dtype(dtype)
        frame_length, _, bins = shape
        angle = -2.0 * np.pi * np.arange(frame_length)[:, None, None] * np.arange(bins) / ((bins - 1) * 2)
        kernel = np.cos(angle) if self.side == "real" else np.sin(angle)
        if self.window is not None:
            window = get_window(self.window, frame_length, self.periodic)
            if window.ndim != 1 or window.shape[-1] != frame_length:
                raise ValueError(f"The shape of `window` must be equal to [frame_length]. Received: window "
                                 f"shape={window.shape}")
            scale = {"density": np.sqrt(np.sum(window ** 2)), "spectrum": np.sum(np.abs(window))}.get(
                self.scaling, 1.0)
            kernel = kernel * window[:, None, None] / scale
        return np.broadcast_to(kernel, shape).astype(dtype)

    def get_config(self):
        window = self.window if isinstance(self.window, (str,
                                                         type(None))) else np.asarray(self.window).tolist()
        return {"side": self.side, "window": window, "periodic": self.periodic, "scaling": self.scaling}
