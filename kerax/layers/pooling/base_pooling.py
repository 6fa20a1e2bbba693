"""BasePooling: a max or average over sliding windows of the spatial axes (MaxPooling*D, AveragePooling*D)."""
from kerax.layers.convolutional import conv_utils
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer
from kerax.layers.legacy_arguments import pop_legacy


class BasePooling(Layer):
    _pool = None  # the op: ops.max_pool or ops.average_pool, set by subclasses

    def __init__(self, rank, pool_size, strides=None, padding="valid", data_format=None, **kwargs):
        pool_size = pop_legacy(kwargs, "pool_length", pool_size)  # Keras 1 spellings
        strides = pop_legacy(kwargs, "stride", strides)
        padding = pop_legacy(kwargs, "border_mode", padding)
        data_format = conv_utils.pop_data_format(kwargs, data_format)
        super().__init__(**kwargs)
        kind = type(self).__name__
        self.rank = rank
        self.pool_size = conv_utils.normalize_tuple(pool_size, rank, "pool_size", kind)
        self.strides = self.pool_size if strides is None else conv_utils.normalize_tuple(strides, rank, "strides",
                                                                                          kind)
        self.padding = conv_utils.normalize_padding(padding, kind)
        self.data_format = data_format
        self.input_spec = InputSpec(ndim=rank + 2)

    def call(self, inputs):
        return self._pool(inputs, self.pool_size, self.strides, self.padding, self.data_format)

    def compute_output_shape(self, input_shape):
        axes = conv_utils.spatial_axes(self.rank, self.data_format)
        lengths = [conv_utils.output_length(input_shape[axis], p, self.padding, s)
                   for axis, p, s in zip(axes, self.pool_size, self.strides)]
        return conv_utils.replace_spatial(input_shape, self.data_format, lengths)

    def get_config(self):
        return {**super().get_config(), "pool_size": self.pool_size, "strides": self.strides,
                "padding": self.padding, "data_format": self.data_format}
