"""BaseAdaptivePooling: pools each spatial axis down to a fixed `output_size`, whatever the input size, with
windows that tile the input (window i covers [floor(i * n / size), ceil((i + 1) * n / size)))."""
from kerax import ops
from kerax.layers.convolutional import conv_utils
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer


class BaseAdaptivePooling(Layer):
    _pool = None  # ops.adaptive_average_pool or ops.adaptive_max_pool

    def __init__(self, rank, output_size, data_format=None, **kwargs):
        data_format = conv_utils.pop_data_format(kwargs, data_format)
        super().__init__(**kwargs)
        self.rank = rank
        self.output_size = conv_utils.normalize_tuple(output_size, rank, "output_size", type(self).__name__)
        self.data_format = data_format
        self.input_spec = InputSpec(ndim=rank + 2)

    def call(self, inputs):
        return type(self)._pool(inputs, self.output_size, data_format=self.data_format)

    def compute_output_shape(self, input_shape):
        return conv_utils.replace_spatial(input_shape, self.data_format, self.output_size)

    def get_config(self):
        return {**super().get_config(), "output_size": self.output_size, "data_format": self.data_format}


class BaseAdaptiveAveragePooling(BaseAdaptivePooling):
    _pool = ops.adaptive_average_pool


class BaseAdaptiveMaxPooling(BaseAdaptivePooling):
    _pool = ops.adaptive_max_pool
