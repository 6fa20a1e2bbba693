"""BaseSpatialEdges: (before, after) amounts per spatial axis that ZeroPadding*D adds and Cropping*D removes."""
from kerax import ops
from kerax.layers.convolutional import conv_utils
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer


class BaseSpatialEdges(Layer):
    _argument = None  # "padding" or "cropping": the name of the amounts in __init__ and the config
    _sign = 1  # +1 grows the axes, -1 shrinks them

    def __init__(self, rank, amounts, data_format=None, **kwargs):
        data_format = conv_utils.pop_data_format(kwargs, data_format)
        super().__init__(**kwargs)
        self.rank = rank
        self.data_format = data_format
        pairs = conv_utils.normalize_pairs(amounts, rank, self._argument, type(self).__name__)
        setattr(self, self._argument, pairs[0] if rank == 1 else pairs)
        self.input_spec = InputSpec(ndim=rank + 2)

    def _pairs(self):
        amounts = getattr(self, self._argument)
        return (amounts,) if self.rank == 1 else amounts

    def _spatial_axes(self):
        return conv_utils.spatial_axes(self.rank, self.data_format)

    def compute_output_shape(self, input_shape):
        lengths = []
        for length, (before, after) in zip([input_shape[a] for a in self._spatial_axes()], self._pairs()):
            if length is not None and length + self._sign * (before + after) <= 0:
                raise ValueError(f'Layer "{self.name}": {self._argument}={getattr(self, self._argument)} leaves '
                                 f"nothing of an input of shape {tuple(input_shape)}.")
            lengths.append(None if length is None else length + self._sign * (before + after))
        return conv_utils.replace_spatial(input_shape, self.data_format, lengths)

    def get_config(self):
        return {**super().get_config(), self._argument: getattr(self, self._argument),
                "data_format": self.data_format}

    def _pad(self, inputs):
        widths = [(0, 0)] * (self.rank + 2)
        for axis, pair in zip(self._spatial_axes(), self._pairs()):
            widths[axis] = pair
        return ops.pad(inputs, widths)

    def _crop(self, inputs):
        self.compute_output_shape(inputs.shape)  # a clear error when nothing would be left
        index = [slice(None)] * (self.rank + 2)
        for axis, (before, after) in zip(self._spatial_axes(), self._pairs()):
            index[axis] = slice(before, inputs.shape[axis] - after)
        return ops.get_item(inputs, tuple(index))
