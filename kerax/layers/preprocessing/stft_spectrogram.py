"""STFTSpectrogram: the short-time Fourier transform of each channel of a signal [batch, time, channels]
(channels_last) as a 1-D convolution with STFT kernels (weights initialised by `initializers.STFT`), returned
as log magnitude ("log"), "magnitude", power spectral density ("psd"), "real", "imag", "angle" or
real and imaginary parts together ("stft")."""
import math
import warnings

from kerax import backend, ops
from kerax.initializers import STFT
from kerax.initializers.signal_windows import check_window_name
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer

MODES = ("log", "magnitude", "psd", "real", "imag", "angle", "stft")


class STFTSpectrogram(Layer):
    def __init__(self, mode="log", frame_length=256, frame_step=None, fft_length=None, window="hann",
                 periodic=False, scaling="density", padding="valid", expand_dims=False, data_format=None,
                 **kwargs):
        _check(mode, frame_length, frame_step, fft_length, scaling, padding, window)
        super().__init__(**kwargs)
        self.mode, self.frame_length = mode, frame_length
        self.frame_step, self.fft_length = frame_step, fft_length
        self._frame_step = frame_step or frame_length // 2
        self._fft_length = fft_length or 2 ** int(math.ceil(math.log2(frame_length)))
        self.window, self.periodic, self.scaling, self.padding = window, periodic, scaling, padding
        self.expand_dims = expand_dims
        self.data_format = backend.standardize_data_format(data_format)
        self.input_spec = InputSpec(ndim=3)

    def build(self, input_shape):
        shape = (self.frame_length, 1, self._fft_length // 2 + 1)
        for side in ("real", "imag"):
            if self.mode != ("imag" if side == "real" else "real"):
                kernel = self.add_weight(name=f"{side}_kernel", shape=shape,
                                         initializer=STFT(side, self.window, self.scaling, self.periodic))
                setattr(self, f"{side}_kernel", kernel)
        self.built = True

    def _convolve(self, inputs, kernel):
        """[B, C, F, T]: each channel of `inputs` convolved with `kernel` on its own."""
        last = self.data_format == "channels_last"
        batch = inputs.shape[0]
        channels = inputs.shape[-1] if last else inputs.shape[1]
        per_channel = ops.transpose(inputs, (0, 2, 1)) if last else inputs  # [B, C, T]
        signals = ops.reshape(per_channel, (-1, per_channel.shape[2], 1))
        out = ops.conv(signals, ops.cast(kernel, signals.dtype), strides=self._frame_step,
                       padding=self.padding)
        return ops.transpose(ops.reshape(out, (batch, channels, out.shape[1], out.shape[2])), (0, 1, 3, 2))

    def _arrange(self, outputs):
        batch, channels, bins, steps = outputs.shape
        if self.expand_dims:
            return ops.transpose(outputs, (0, 3, 2, 1) if self.data_format == "channels_last" else (0, 1, 3,
                                                                                                    2))
        flat = ops.reshape(outputs, (batch, channels * bins, steps))
        return ops.transpose(flat, (0, 2, 1)) if self.data_format == "channels_last" else flat

    def call(self, inputs):
        if backend.standardize_dtype(inputs.dtype) not in ("float16", "float32", "float64"):
            raise TypeError(f"Invalid input type. Expected `float16`, `float32` or `float64`. Received: "
                            f"input type={inputs.dtype}")
        real = self._convolve(inputs, self.real_kernel) if self.mode != "imag" else None
        imag = self._convolve(inputs, self.imag_kernel) if self.mode != "real" else None
        if self.mode in ("real", "imag"):
            return self._arrange(real if self.mode == "real" else imag)
        if self.mode == "angle":
            return self._arrange(ops.arctan2(imag, real))
        if self.mode == "stft":
            return self._arrange(ops.concatenate([real, imag], axis=2))
        power = ops.square(real) + ops.square(imag)
        if self.mode == "psd":  # one-sided density: bins other than DC and Nyquist count twice
            return self._arrange(power + ops.pad(power[:, :, 1:-1, :], ((0, 0), (0, 0), (1, 1), (0, 0))))
        magnitude = self._arrange(ops.sqrt(ops.maximum(power, backend.epsilon())))
        return magnitude if self.mode == "magnitude" else ops.log(ops.maximum(magnitude, backend.epsilon()))

    def get_config(self):
        return {**super().get_config(), "mode": self.mode, "frame_length": self.frame_length,
                "frame_step": self.frame_step, "fft_length": self.fft_length, "window": self.window,
                "periodic": self.periodic, "scaling": self.scaling, "padding": self.padding,
                "data_format": self.data_format, "expand_dims": self.expand_dims}


def _check(mode, frame_length, frame_step, fft_length, scaling, padding, window):
    if frame_step is not None and (frame_step > frame_length or frame_step < 1):
        raise ValueError(f"`frame_step` should be a positive integer not greater than `frame_length`. "
                         f"Received frame_step={frame_step}, frame_length={frame_length}")
    if fft_length is not None and fft_length < frame_length:
        raise ValueError(f"`fft_length` should be not less than `frame_length`. Received "
                         f"fft_length={fft_length}, frame_length={frame_length}")
    if fft_length is not None and (fft_length & -fft_length) != fft_length:
        warnings.warn(f"`fft_length` is recommended to be a power of two. Received fft_length={fft_length}",
                      stacklevel=3)
    if mode not in MODES:
        raise ValueError(f"Output mode is invalid, it must be one of {', '.join(MODES)}. Received: "
                         f"mode={mode}")
    if scaling is not None and scaling not in ("density", "spectrum"):
        raise ValueError(f"Scaling is invalid, it must be `None`, 'density' or 'spectrum'. Received "
                         f"scaling={scaling}")
    if padding not in ("valid", "same"):
        raise ValueError(f"Padding is invalid, it should be 'valid', 'same'. Received: padding={padding}")
    if isinstance(window, str):
        check_window_name(window)
