"""BaseLocallyConnected (tf.keras): a convolution whose weights are not shared: every output position has its
own kernel. tf.keras's default `implementation=1` layout: `kernel` (output positions, window size * input
channels, filters), each window flattened in the input's axis order ((*window, channels) channels last,
(channels, *window) channels first), and `bias` (*output positions, filters). Only "valid" padding, as
tf.keras's implementation 1."""
import itertools
import math

from kerax import activations, constraints, initializers, ops, regularizers
from kerax.layers.convolutional import conv_utils
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer


class BaseLocallyConnected(Layer):
    def __init__(self, rank, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 activation=None, use_bias=True, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None, implementation=1,
                 **kwargs):
        data_format = conv_utils.pop_data_format(kwargs, data_format)
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        kind = type(self).__name__
        if implementation != 1:
            raise NotImplementedError(f"{kind}: only implementation=1 (tf.keras's default) is supported by "
                                      f"kerax, received implementation={implementation!r}.")
        if not conv_utils.is_int(filters) or filters <= 0:
            raise ValueError(f"{kind}: `filters` must be a positive integer, received filters={filters!r}.")
        self.rank, self.filters = rank, int(filters)
        self.kernel_size = conv_utils.normalize_tuple(kernel_size, rank, "kernel_size", kind)
        self.strides = conv_utils.normalize_tuple(strides, rank, "strides", kind)
        self.padding = conv_utils.normalize_padding(padding, kind, ("valid",))
        self.data_format = data_format
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.implementation = implementation
        self.input_spec = InputSpec(ndim=rank + 2)

    def build(self, input_shape):
        channel_axis = conv_utils.channel_axis(self.data_format)
        channels = input_shape[channel_axis]
        self.output_lengths = self._output_lengths(input_shape)
        if channels is None or None in self.output_lengths or 0 in self.output_lengths:
            raise ValueError(f'Layer "{self.name}": needs known spatial and channel sizes at least as '
                             f"large as the kernel, received input shape {tuple(input_shape)} with "
                             f"kernel_size={self.kernel_size}.")
        self.kernel = self.add_weight(
            name="kernel", shape=(math.prod(self.output_lengths), math.prod(self.kernel_size) * channels,
                                  self.filters),
            initializer=self.kernel_initializer, regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint)
        self.bias = None
        if self.use_bias:
            self.bias = self.add_weight(name="bias", shape=self.output_lengths + (self.filters,),
                                        initializer=self.bias_initializer, regularizer=self.bias_regularizer,
                                        constraint=self.bias_constraint)
        self.input_spec = InputSpec(ndim=self.rank + 2, axes={channel_axis: channels})
        self.built = True

    def _output_lengths(self, input_shape):
        lengths = [input_shape[a] for a in conv_utils.spatial_axes(self.rank, self.data_format)]
        return tuple(conv_utils.output_length(n, k, "valid", s)
                     for n, k, s in zip(lengths, self.kernel_size, self.strides))

    def call(self, inputs):
        batch = inputs.shape[0]
        offset = 2 if self.data_format == "channels_first" else 1
        patches = []
        for position in itertools.product(*map(range, self.output_lengths)):
            window = [slice(None)] * inputs.ndim
            for axis, p, k, s in zip(range(offset, offset + self.rank), position, self.kernel_size,
                                     self.strides):
                window[axis] = slice(p * s, p * s + k)
            patches.append(ops.reshape(inputs[tuple(window)], (batch, -1)))
        outputs = ops.einsum("pbk,pkf->bpf", ops.stack(patches), self.kernel)
        outputs = ops.reshape(outputs, (batch,) + self.output_lengths + (self.filters,))
        if self.data_format == "channels_first":
            outputs = ops.moveaxis(outputs, -1, 1)
        if self.bias is not None:
            # tf.keras reshapes (does not transpose) the bias for channels first; kept so its weights line up.
            outputs = ops.add(outputs, self.bias if self.data_format == "channels_last" else ops.reshape(
                self.bias, (self.filters,) + self.output_lengths))
        return self.activation(outputs)

    def compute_output_shape(self, input_shape):
        lengths = self._output_lengths(input_shape)
        shape = list(conv_utils.replace_spatial(input_shape, self.data_format, lengths))
        shape[conv_utils.channel_axis(self.data_format)] = self.filters
        return tuple(shape)

    def get_config(self):
        return {
            **super().get_config(),
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "data_format": self.data_format,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
            "implementation": self.implementation,
        }
