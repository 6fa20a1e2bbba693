"""Rescaling: `inputs * scale + offset` (e.g. `Rescaling(1 / 255)` maps pixels to [0, 1]); `scale` and
`offset` may also be per-channel lists."""
import numpy as np

from kerax import backend, ops
from kerax.layers.layer import Layer


class Rescaling(Layer):
    def __init__(self, scale, offset=0.0, **kwargs):
        super().__init__(**kwargs)
        self.scale = _plain(scale)
        self.offset = _plain(offset)
        self.supports_masking = True

    def call(self, inputs):
        dtype = self.compute_dtype
        inputs = ops.cast(inputs, dtype)
        scale = backend.convert_to_tensor(self.scale, dtype=dtype)
        offset = backend.convert_to_tensor(self.offset, dtype=dtype)
        return ops.add(ops.multiply(inputs, scale), offset)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "scale": self.scale, "offset": self.offset}


def _plain(value):
    """A float, or a nested list for per-channel values, so the config stays JSON."""
    array = np.asarray(value, dtype="float64")
    return float(array) if array.ndim == 0 else array.tolist()
