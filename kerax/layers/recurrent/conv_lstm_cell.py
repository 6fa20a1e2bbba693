"""ConvLSTMCell: an LSTM cell whose matmuls are convolutions (Shi et al., 2015). Gates i, f, c, o (Keras
order) along the last axis of the kernels: `kernel` (*kernel_size, input channels, 4 * filters) convolves the
inputs with the layer's strides / padding / dilation, `recurrent_kernel` (*kernel_size, filters, 4 * filters)
the previous output with stride 1 and "same" padding. States [h, c], each of the input conv's output shape."""
from kerax import activations, backend, constraints, initializers, ops, regularizers
from kerax.layers.convolutional import conv_utils
from kerax.layers.layer import Layer
from kerax.layers.recurrent.lstm_cell import forget_bias_initializer
from kerax.random import SeedGenerator


class ConvLSTMCell(Layer):
    def __init__(self, rank, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", unit_forget_bias=True, kernel_regularizer=None,
                 recurrent_regularizer=None, bias_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None, dropout=0.0, recurrent_dropout=0.0,
                 seed=None, **kwargs):
        data_format = conv_utils.pop_data_format(kwargs, data_format)
        super().__init__(**kwargs)
        kind = f"ConvLSTM{rank}D"
        if not conv_utils.is_int(filters) or filters <= 0:
            raise ValueError(f"{kind}: `filters` must be a positive integer, received filters={filters!r}.")
        self.rank, self.filters = rank, int(filters)
        self.kernel_size = conv_utils.normalize_tuple(kernel_size, rank, "kernel_size", kind)
        self.strides = conv_utils.normalize_tuple(strides, rank, "strides", kind)
        self.padding = conv_utils.normalize_padding(padding, kind)
        self.data_format = data_format
        self.dilation_rate = conv_utils.normalize_tuple(dilation_rate, rank, "dilation_rate", kind)
        if max(self.strides) > 1 and max(self.dilation_rate) > 1:
            raise ValueError(f"{kind}: `strides` > 1 cannot be combined with `dilation_rate` > 1, received "
                             f"strides={self.strides} and dilation_rate={self.dilation_rate}.")
        self.activation = activations.get(activation)
        self.recurrent_activation = activations.get(recurrent_activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.recurrent_initializer = initializers.get(recurrent_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.unit_forget_bias = unit_forget_bias
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.recurrent_regularizer = regularizers.get(recurrent_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.recurrent_constraint = constraints.get(recurrent_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.dropout = min(1.0, max(0.0, float(dropout)))
        self.recurrent_dropout = min(1.0, max(0.0, float(recurrent_dropout)))
        self.seed = seed
        self.seed_generator = SeedGenerator(seed, name="seed_generator")
        self.state_shape = None  # (*spatial, filters) or (filters, *spatial), known once built

    @property
    def state_size(self):
        return [self.state_shape, self.state_shape] if self.state_shape else -1

    @property
    def output_size(self):
        return self.state_shape

    def build(self, input_shape):
        axes = conv_utils.spatial_axes(self.rank, self.data_format)
        spatial = [input_shape[a] for a in axes]
        channels = input_shape[conv_utils.channel_axis(self.data_format)]
        if None in spatial or channels is None:
            raise ValueError(f'Layer "{self.name}": ConvLSTM needs known spatial and channel sizes, received '
                             f"step input shape {tuple(input_shape)}.")
        lengths = tuple(conv_utils.output_length(n, k, self.padding, s, d) for n, k, s, d in
                        zip(spatial, self.kernel_size, self.strides, self.dilation_rate))
        self.state_shape = (self.filters, *lengths) if self.data_format == "channels_first" else (
            *lengths, self.filters)
        gates = 4 * self.filters
        self.kernel = self.add_weight(
            name="kernel", shape=self.kernel_size + (channels, gates), initializer=self.kernel_initializer,
            regularizer=self.kernel_regularizer, constraint=self.kernel_constraint)
        self.recurrent_kernel = self.add_weight(
            name="recurrent_kernel", shape=self.kernel_size + (self.filters, gates),
            initializer=self.recurrent_initializer, regularizer=self.recurrent_regularizer,
            constraint=self.recurrent_constraint)
        self.bias = None
        if self.use_bias:
            self.bias = self.add_weight(
                name="bias", shape=(gates,), initializer=self._full_bias_initializer(),
                regularizer=self.bias_regularizer, constraint=self.bias_constraint)
        self.built = True

    def _full_bias_initializer(self):
        return forget_bias_initializer(self.bias_initializer, self.filters) if self.unit_forget_bias \
            else self.bias_initializer

    def project_inputs(self, inputs):
        """The input convolution (+ bias) of a batch of steps."""
        z = ops.conv(inputs, self.kernel, self.strides, self.padding, self.data_format, self.dilation_rate)
        if self.bias is None:
            return z
        return ops.add(z, ops.reshape(self.bias, (-1,) + (1,) * self.rank) if self.data_format ==
                       "channels_first" else self.bias)

    def recurrent_step(self, projected, states, recurrent_mask=None):
        h_prev = states[0] if recurrent_mask is None else ops.multiply(states[0], recurrent_mask)
        z = ops.add(projected, ops.conv(h_prev, self.recurrent_kernel, 1, "same", self.data_format))
        z_i, z_f, z_c, z_o = ops.split(z, 4, axis=conv_utils.channel_axis(self.data_format))
        c = self.recurrent_activation(z_f) * states[1] + self.recurrent_activation(z_i) * self.activation(z_c)
        h = self.recurrent_activation(z_o) * self.activation(c)
        return h, [h, c]

    def rnn_step(self, time_major, batch_size, training):
        """(loop body, its inputs) for RNN: every step's input convolution done at once before the loop, the
        dropout masks (one per sequence, as Keras) drawn outside it."""
        steps = time_major.shape[0]
        input_mask = self._dropout_mask(self.dropout, time_major.shape[1:], training)
        recurrent_mask = self._dropout_mask(self.recurrent_dropout, (batch_size, *self.state_shape), training)
        if input_mask is not None:
            time_major = ops.multiply(time_major, input_mask)
        folded = ops.reshape(time_major, (steps * batch_size,) + tuple(time_major.shape[2:]))
        projected = self.project_inputs(folded)
        projected = ops.reshape(projected, (steps, batch_size) + tuple(projected.shape[1:]))
        return (lambda x_t, states: self.recurrent_step(x_t, states, recurrent_mask)), projected

    def _dropout_mask(self, rate, shape, training):
        if not training or rate == 0:
            return None
        keep = backend.random.bernoulli_keep_mask(tuple(shape), 1.0 - rate, self.seed_generator.next())
        return ops.cast(ops.where(keep, 1.0 / (1.0 - rate) if rate < 1 else 0.0, 0.0), self.compute_dtype)

    def call(self, inputs, states, training=False):
        step, projected = self.rnn_step(ops.expand_dims(inputs, 0), inputs.shape[0], training)
        return step(projected[0], list(states))

    def get_initial_state(self, batch_size=None):
        return [ops.zeros((batch_size, *self.state_shape), self.compute_dtype) for _ in range(2)]

    def get_config(self):
        return {
            **super().get_config(),
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "data_format": self.data_format,
            "dilation_rate": self.dilation_rate,
            "activation": activations.serialize(self.activation),
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "recurrent_initializer": initializers.serialize(self.recurrent_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "unit_forget_bias": self.unit_forget_bias,
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "recurrent_regularizer": regularizers.serialize(self.recurrent_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "recurrent_constraint": constraints.serialize(self.recurrent_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "seed": self.seed,
        }
