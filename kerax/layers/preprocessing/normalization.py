"""Normalization: `(x - mean) / sqrt(variance)` per feature (per index along `axis`), with the statistics
either given or computed from data by `adapt(data)`; `invert=True` undoes it."""
import numpy as np

from kerax import backend, ops
from kerax.layers.layer import Layer
from kerax.layers.preprocessing.adapt_statistics import moments_of


class Normalization(Layer):
    def __init__(self, axis=-1, mean=None, variance=None, invert=False, **kwargs):
        super().__init__(**kwargs)
        if (mean is None) != (variance is None):
            raise ValueError(
                "Normalization: when setting values directly, both `mean` and `variance` must be set. "
                f"Received: mean={mean} and variance={variance}"
            )
        if axis is not None and not isinstance(axis, (int, list, tuple)):
            raise ValueError(
                f"Normalization: `axis` must be an int, a list of ints or None, received {axis!r}."
            )
        self.axis = list(axis) if isinstance(axis, (list, tuple)) else axis
        self.input_mean = _plain(mean)
        self.input_variance = _plain(variance)
        self.invert = invert
        self.supports_masking = True

    def build(self, input_shape):
        ndim = len(input_shape)
        axes = [] if self.axis is None else (self.axis if isinstance(self.axis, list) else [self.axis])
        if any(not -ndim <= a < ndim for a in axes):
            raise ValueError(f'Normalization layer "{self.name}": axis={self.axis} is out of range for '
                             f"inputs of shape {tuple(input_shape)}.")
        self._keep_axes = tuple(sorted(a % ndim for a in axes))
        if any(input_shape[a] is None for a in self._keep_axes):
            raise ValueError(f'Normalization layer "{self.name}": the dimensions on axis={self.axis} must be '
                             f"known, received input shape {tuple(input_shape)}.")
        shape = tuple(input_shape[a] for a in self._keep_axes)
        self._broadcast = tuple(input_shape[i] if i in self._keep_axes else 1 for i in range(ndim))
        if self.input_mean is not None:
            self._given = tuple(_broadcast(v, shape, self._broadcast, self.compute_dtype)
                                for v in (self.input_mean, self.input_variance))
        else:
            self.adapt_mean = self.add_weight(name="mean", shape=shape, initializer="zeros", trainable=False)
            self.adapt_variance = self.add_weight(name="variance", shape=shape, initializer="ones",
                                                  trainable=False)
            # Keras keeps this third weight for files of older versions (e.g. the EfficientNet weights)
            self.count = self.add_weight(name="count", shape=(), dtype="int", initializer="zeros",
                                         trainable=False)
        self.built = True

    def adapt(self, data, batch_size=None, steps=None):
        """Sets the mean and variance to those of `data` (an array, or a Dataset of batches), computed over
        every axis except `axis`."""
        if self.input_mean is not None:
            raise ValueError(f'Normalization layer "{self.name}" was given `mean` and `variance`; it cannot '
                             "also adapt() to data.")
        mean, variance, sample_shape = moments_of(data, self, batch_size=batch_size, steps=steps)
        if not self.built:
            self.build(sample_shape)
            self.built = True
        self.adapt_mean.assign(mean.reshape(self.adapt_mean.shape))
        self.adapt_variance.assign(variance.reshape(self.adapt_variance.shape))

    def reduction_axes(self, ndim):
        """Axes the statistics are taken over, for data of rank `ndim` (used by adapt before build)."""
        axes = [] if self.axis is None else (self.axis if isinstance(self.axis, list) else [self.axis])
        keep = {a % ndim for a in axes}
        return tuple(i for i in range(ndim) if i not in keep)

    def call(self, inputs):
        dtype = self.compute_dtype
        inputs = ops.cast(inputs, dtype)
        if self.input_mean is not None:
            mean, variance = self._given
        else:
            mean = ops.reshape(ops.cast(self.adapt_mean, dtype), self._broadcast)
            variance = ops.reshape(ops.cast(self.adapt_variance, dtype), self._broadcast)
        std = ops.maximum(ops.sqrt(variance), backend.epsilon())
        if self.invert:
            return ops.add(mean, ops.multiply(inputs, std))
        return ops.divide(ops.subtract(inputs, mean), std)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "axis": self.axis, "mean": self.input_mean,
                "variance": self.input_variance, "invert": self.invert}


def _broadcast(value, shape, broadcast, dtype):
    array = np.asarray(value, dtype=dtype)
    if array.ndim and array.size == int(np.prod(shape)):
        return array.reshape(broadcast)  # one value per index of the kept axes
    return np.broadcast_to(array, broadcast)


def _plain(value):
    """Given statistics as floats or nested lists, so the config stays JSON."""
    if value is None:
        return None
    array = np.asarray(value, dtype="float64")
    return float(array) if array.ndim == 0 else array.tolist()
