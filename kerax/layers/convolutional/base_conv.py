"""BaseConv: what every convolution layer shares: argument checks (and their Keras 1 spellings), the bias,
the activation, the output shape and the config. Subclasses choose the kernels (`_build_kernels`) and the op
(`_convolve`)."""
from kerax import activations, constraints, initializers, ops, regularizers
from kerax.layers.convolutional import conv_utils
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer
from kerax.layers.legacy_arguments import pop_legacy


class BaseConv(Layer):
    _filters_from_input = False  # True where the output channels follow from the input (depthwise)
    _supports_groups = True  # False where Keras has no `groups` argument (transposed, depthwise, separable)
    _paddings = ("valid", "same")  # Conv1D adds "causal"

    def __init__(self, rank, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, groups=1, activation=None, use_bias=True,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros", kernel_regularizer=None,
                 bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None, **kwargs):
        filters, kernel_size, strides = _pop_keras1_shape(kwargs, rank, filters, kernel_size, strides)
        padding = pop_legacy(kwargs, "border_mode", padding)
        dilation_rate = pop_legacy(kwargs, "atrous_rate", dilation_rate)
        kernel_initializer = pop_legacy(kwargs, "init", kernel_initializer)
        kernel_regularizer = pop_legacy(kwargs, "W_regularizer", kernel_regularizer)
        bias_regularizer = pop_legacy(kwargs, "b_regularizer", bias_regularizer)
        kernel_constraint = pop_legacy(kwargs, "W_constraint", kernel_constraint)
        bias_constraint = pop_legacy(kwargs, "b_constraint", bias_constraint)
        use_bias = pop_legacy(kwargs, "bias", use_bias)
        data_format = conv_utils.pop_data_format(kwargs, data_format)
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        kind = type(self).__name__
        if groups != 1 and not self._supports_groups:
            raise TypeError(f"{kind}.__init__() got unexpected keyword argument(s) ['groups'].")
        self.rank = rank
        if filters is None and not self._filters_from_input:
            raise TypeError(f"{kind}: missing required argument `filters` "
                            f"(e.g. {kind}(filters=32, kernel_size=3)).")
        if filters is not None and (not conv_utils.is_int(filters) or filters <= 0):
            raise ValueError(f"{kind}: `filters` must be a positive integer, received filters={filters!r}.")
        self.filters = None if filters is None else int(filters)
        self.kernel_size = conv_utils.normalize_tuple(kernel_size, rank, "kernel_size", kind)
        self.strides = conv_utils.normalize_tuple(strides, rank, "strides", kind)
        self.dilation_rate = conv_utils.normalize_tuple(dilation_rate, rank, "dilation_rate", kind)
        self.padding = conv_utils.normalize_padding(padding, kind, self._paddings)
        self.data_format = data_format
        if not isinstance(groups, int) or groups <= 0 or (filters and filters % groups):
            raise ValueError(f"{kind}: `groups` must be a positive integer dividing filters={filters}, "
                             f"received groups={groups!r}.")
        self.groups = groups
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.input_spec = InputSpec(ndim=rank + 2)

    def build(self, input_shape):
        channels = input_shape[conv_utils.channel_axis(self.data_format)]
        if channels is None:
            raise ValueError(f'Layer "{self.name}": the channel dimension of the input must be known, '
                             f"received input shape {tuple(input_shape)} (data_format={self.data_format!r}).")
        if channels % self.groups:
            raise ValueError(f'Layer "{self.name}": the number of input channels ({channels}) must be '
                             f"divisible by groups={self.groups}.")
        self._build_kernels(channels)
        self.bias = None
        if self.use_bias:
            self.bias = self.add_weight(
                name="bias", shape=(self._output_channels(channels),), initializer=self.bias_initializer,
                regularizer=self.bias_regularizer, constraint=self.bias_constraint,
            )
        self.input_spec = InputSpec(ndim=self.rank + 2,
                                    axes={conv_utils.channel_axis(self.data_format): channels})
        self.built = True

    def _build_kernels(self, channels):
        self.kernel = self.add_weight(
            name="kernel", shape=self.kernel_size + (channels // self.groups, self.filters),
            initializer=self.kernel_initializer, regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )

    def _output_channels(self, channels):
        return self.filters

    def _convolve(self, inputs):
        padding = self.padding
        if padding == "causal":
            widths = [(0, 0)] * 3
            axis = conv_utils.spatial_axes(1, self.data_format)[0]
            widths[axis] = ((self.kernel_size[0] - 1) * self.dilation_rate[0], 0)
            inputs, padding = ops.pad(inputs, widths), "valid"
        return ops.conv(inputs, self.kernel, self.strides, padding, self.data_format, self.dilation_rate)

    def call(self, inputs):
        self.compute_output_shape(inputs.shape)  # a clear error for an input smaller than the kernel
        x = self._convolve(inputs)
        if self.bias is not None:
            bias = self.bias
            if self.data_format == "channels_first":
                bias = ops.reshape(bias, (-1,) + (1,) * self.rank)
            x = ops.add(x, bias)
        return self.activation(x)

    def _output_lengths(self, lengths):
        return [conv_utils.output_length(n, k, self.padding, s, d)
                for n, k, s, d in zip(lengths, self.kernel_size, self.strides, self.dilation_rate)]

    def compute_output_shape(self, input_shape):
        axes = conv_utils.spatial_axes(self.rank, self.data_format)
        channel_axis = conv_utils.channel_axis(self.data_format)
        lengths = self._output_lengths([input_shape[a] for a in axes])
        if 0 in lengths:
            raise ValueError(f'Layer "{self.name}": the input is smaller than the kernel: input shape '
                             f"{tuple(input_shape)} with kernel_size={self.kernel_size}, dilation_rate="
                             f"{self.dilation_rate} and padding={self.padding!r} leaves no output.")
        shape = list(conv_utils.replace_spatial(input_shape, self.data_format, lengths))
        shape[channel_axis] = self._output_channels(input_shape[channel_axis])
        return tuple(shape)

    def get_config(self):
        return {
            **super().get_config(),
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "data_format": self.data_format,
            "dilation_rate": self.dilation_rate,
            **({"groups": self.groups} if self._supports_groups else {}),
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
        }


def _pop_keras1_shape(kwargs, rank, filters, kernel_size, strides):
    """Keras 1's `nb_filter`, `filter_length` / `nb_row`, `nb_col` / `kernel_dim1..3`,
    `subsample(_length)`."""
    filters = pop_legacy(kwargs, "nb_filter", filters)
    names = {1: ("filter_length",), 2: ("nb_row", "nb_col"), 3: ("kernel_dim1", "kernel_dim2", "kernel_dim3")}
    dims = [kwargs.pop(name) for name in names.get(rank, ()) if name in kwargs]
    if dims:
        kernel_size = tuple(dims) if len(dims) == rank else None
    strides = pop_legacy(kwargs, "subsample", pop_legacy(kwargs, "subsample_length", strides))
    if kernel_size is None:
        raise TypeError("Missing required argument `kernel_size` (e.g. Conv2D(filters=32, kernel_size=3)).")
    return filters, kernel_size, strides


def rename_kernel_arguments(config, prefix):
    """A config with `kernel_initializer/regularizer/constraint` renamed `{prefix}_...` (depthwise layers)."""
    for suffix in ("initializer", "regularizer", "constraint"):
        config[f"{prefix}_{suffix}"] = config.pop(f"kernel_{suffix}")
    return config


def drop_unused_kernel_arguments(kwargs):
    """tf.keras 2's depthwise and separable configs also record their base class's `kernel_initializer`,
    `kernel_regularizer` and `kernel_constraint`, which those layers never use (theirs are
    `depthwise_*`/`pointwise_*`); tf.keras ignored them, and so does kerax."""
    for suffix in ("initializer", "regularizer", "constraint"):
        kwargs.pop(f"kernel_{suffix}", None)
    return kwargs
