"""BaseGlobalPooling: a max or mean over all spatial axes, (batch, *spatial, channels) -> (batch, channels)
(or (batch, 1, ..., 1, channels) with `keepdims=True`)."""
from kerax.layers.convolutional import conv_utils
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer


class BaseGlobalPooling(Layer):
    def __init__(self, rank, data_format=None, keepdims=False, **kwargs):
        data_format = conv_utils.pop_data_format(kwargs, data_format)
        super().__init__(**kwargs)
        self.rank = rank
        self.data_format = data_format
        self.keepdims = keepdims
        self.input_spec = InputSpec(ndim=rank + 2)

    def _axes(self):
        return conv_utils.spatial_axes(self.rank, self.data_format)

    def compute_output_shape(self, input_shape):
        if self.keepdims:
            return conv_utils.replace_spatial(input_shape, self.data_format, (1,) * self.rank)
        return tuple(input_shape[0:1]) + (input_shape[conv_utils.channel_axis(self.data_format)],)

    def get_config(self):
        return {**super().get_config(), "data_format": self.data_format, "keepdims": self.keepdims}
