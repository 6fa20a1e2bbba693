"""BaseUpSampling: each spatial axis enlarged `size` times by repeating its rows (nearest) or, in 2-D, by
bilinear interpolation."""
import numpy as np

from kerax import ops
from kerax.layers.convolutional import conv_utils
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer


class BaseUpSampling(Layer):
    _interpolations = ("nearest",)

    def __init__(self, rank, size, data_format=None, interpolation="nearest", **kwargs):
        data_format = conv_utils.pop_data_format(kwargs, data_format)
        super().__init__(**kwargs)
        kind = type(self).__name__
        self.rank = rank
        self.size = conv_utils.normalize_tuple(size, rank, "size", kind)
        self.data_format = data_format
        if interpolation not in self._interpolations:
            raise ValueError(f"{kind}: `interpolation` must be one of {list(self._interpolations)}, received "
                             f"interpolation={interpolation!r}.")
        self.interpolation = interpolation
        self.input_spec = InputSpec(ndim=rank + 2)

    def call(self, inputs):
        x = inputs
        for axis, size in zip(conv_utils.spatial_axes(self.rank, self.data_format), self.size):
            if self.interpolation == "nearest":
                x = ops.repeat(x, size, axis=axis)
            else:
                weights = ops.cast(_linear_weights(x.shape[axis], size), x.dtype)
                x = ops.moveaxis(ops.tensordot(weights, x, axes=[[1], [axis]]), 0, axis)
        return x

    def compute_output_shape(self, input_shape):
        lengths = [None if input_shape[axis] is None else input_shape[axis] * size
                   for axis, size in zip(conv_utils.spatial_axes(self.rank, self.data_format), self.size)]
        return conv_utils.replace_spatial(input_shape, self.data_format, lengths)

    def get_config(self):
        return {**super().get_config(), "size": self.size, "data_format": self.data_format}


def _linear_weights(length, size):
    """(length * size, length) matrix of linear interpolation with half-pixel centres: output i samples
    the input at (i + 0.5) / size - 0.5, clamped to the edges."""
    source = np.clip((np.arange(length * size) + 0.5) / size - 0.5, 0, length - 1)
    low = np.floor(source).astype(int)
    high = np.minimum(low + 1, length - 1)
    fraction = source - low
    weights = np.zeros((length * size, length), "float32")
    np.add.at(weights, (np.arange(length * size), low), 1 - fraction)
    np.add.at(weights, (np.arange(length * size), high), fraction)
    return weights
