"""MelSpectrogram: audio [batch, samples] (or [samples]) to [batch, num_mel_bins, frames]: the power
(`mag_exp`) of a centred STFT (reflect-padded by fft_length // 2, periodic window of `sequence_length`
samples, frames every `sequence_stride`), mapped onto triangular mel bands (HTK mel scale) and, with
`power_to_db`, expressed in decibels clipped `top_db` below the batch maximum. The STFT is a matrix product
with the DFT basis, so it compiles like any other op."""
import numpy as np

from kerax import ops
from kerax.initializers.signal_windows import get_window
from kerax.layers.layer import Layer

_MEL_BREAK_FREQUENCY_HERTZ, _MEL_HIGH_FREQUENCY_Q = 700.0, 1127.0


class MelSpectrogram(Layer):
    def __init__(self, fft_length=2048, sequence_stride=512, sequence_length=None, window="hann",
                 sampling_rate=16000, num_mel_bins=128, min_freq=20.0, max_freq=None, power_to_db=True,
                 top_db=80.0,
                 mag_exp=2.0, min_power=1e-10, ref_power=1.0, **kwargs):
        self.fft_length, self.sequence_stride = fft_length, sequence_stride
        self.sequence_length = sequence_length or fft_length
        if self.fft_length < self.sequence_length:
            raise ValueError(f"`fft_length` must be greater than or equal to  `sequence_length`. Received: "
                             f"`sequence_length`={self.sequence_length}, `fft_length`={self.fft_length}.")
        self.window, self.sampling_rate, self.num_mel_bins = window, sampling_rate, num_mel_bins
        self.min_freq, self.max_freq = min_freq, max_freq or int(sampling_rate / 2)
        self.power_to_db, self.top_db, self.mag_exp = power_to_db, top_db, mag_exp
        self.min_power, self.ref_power = min_power, ref_power
        super().__init__(**kwargs)

    def call(self, inputs):
        signal = ops.cast(inputs, "float32")
        real, imag = self._stft(signal)
        spectrum = ops.power(ops.sqrt(ops.square(real) + ops.square(imag)), self.mag_exp)
        mel = ops.tensordot(spectrum, ops.convert_to_tensor(self._mel_matrix(real.shape[-1]), "float32"),
                            axes=1)
        if self.power_to_db:
            decibels = 10.0 * ops.log10(ops.maximum(mel, self.min_power))
            decibels = decibels - 10.0 * np.log10(max(abs(self.ref_power), self.min_power))
            mel = ops.maximum(decibels, ops.max(decibels) - self.top_db)
        return ops.cast(ops.swapaxes(mel, -1, -2), self.compute_dtype)

    def _stft(self, signal):
        """(real, imag) [..., frames, fft_length // 2 + 1] of the centred, windowed frames."""
        half = self.fft_length // 2
        signal = ops.pad(signal, [(0, 0)] * (len(signal.shape) - 1) + [(half, half)], mode="reflect")
        frames = (signal.shape[-1] - self.fft_length) // self.sequence_stride + 1
        starts = np.arange(frames)[:, None] * self.sequence_stride + np.arange(self.fft_length)
        windowed = ops.take(signal, ops.convert_to_tensor(starts, "int32"), axis=-1) * self._window()
        angle = 2.0 * np.pi * np.arange(self.fft_length)[:, None] * np.arange(half + 1) / self.fft_length
        real = ops.matmul(windowed, ops.convert_to_tensor(np.cos(angle), "float32"))
        imag = ops.matmul(windowed, ops.convert_to_tensor(-np.sin(angle), "float32"))
        return real, imag

    def _window(self):
        window = get_window(self.window, self.sequence_length, periodic=True) if self.window is not None \
            else np.ones(self.sequence_length)
        left = (self.fft_length - self.sequence_length) // 2
        padded = np.pad(window, (left, self.fft_length - self.sequence_length - left))
        return ops.convert_to_tensor(padded, "float32")

    def _mel_matrix(self, num_spectrogram_bins):
        """[spectrogram bins, mel bins] triangular weights, linear in mel; the DC bin gets none (HTK)."""
        def to_mel(hertz):
            return _MEL_HIGH_FREQUENCY_Q * np.log(1.0 + hertz / _MEL_BREAK_FREQUENCY_HERTZ)

        bins = to_mel(np.linspace(0.0, self.sampling_rate / 2.0, num_spectrogram_bins)[1:])[:, None]
        edges = np.linspace(to_mel(self.min_freq), to_mel(self.max_freq), self.num_mel_bins + 2)
        lower, center, upper = edges[:-2], edges[1:-1], edges[2:]
        weights = np.maximum(0.0, np.minimum((bins - lower) / (center - lower),
                                             (upper - bins) / (upper - center)))
        return np.pad(weights, ((1, 0), (0, 0)))

    def compute_output_shape(self, input_shape):
        samples = input_shape[-1]
        frames = None if samples is None else (samples + self.sequence_stride + 1) // self.sequence_stride
        return tuple(input_shape[:-1]) + (self.num_mel_bins, frames)

    def get_config(self):
        return {**super().get_config(), "fft_length": self.fft_length,
                "sequence_stride": self.sequence_stride,
                "sequence_length": self.sequence_length, "window": self.window,
                "sampling_rate": self.sampling_rate, "num_mel_bins": self.num_mel_bins,
                "min_freq": self.min_freq,
                "max_freq": self.max_freq, "power_to_db": self.power_to_db, "top_db": self.top_db,
                "mag_exp": self.mag_exp, "min_power": self.min_power, "ref_power": self.ref_power}
