"""What SimpleRNNCell, GRUCell and LSTMCell share: their arguments, weights and dropout masks, and the split of
one step into an input projection (`project_inputs`, which RNN applies to every time step at once, outside the
time loop) and the recurrent update (`recurrent_step`, the only work inside the loop)."""
from kerax import activations, backend, constraints, initializers, ops, regularizers
from kerax.layers.layer import Layer
from kerax.random import SeedGenerator


class RecurrentCell(Layer):
    gates = 1  # the kernels hold `gates` blocks of `units` columns

    def __init__(self, units, activation="tanh", use_bias=True, kernel_initializer="glorot_uniform",
                 recurrent_initializer="orthogonal", bias_initializer="zeros", kernel_regularizer=None,
                 recurrent_regularizer=None, bias_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None, dropout=0.0, recurrent_dropout=0.0, seed=None,
                 **kwargs):
        super().__init__(**kwargs)
        name = type(self).__name__
        if isinstance(units, bool) or not isinstance(units, int) or units <= 0:
            raise ValueError(f"{name}: `units` must be a positive integer, received units={units!r}.")
        for argument, rate in (("dropout", dropout), ("recurrent_dropout", recurrent_dropout)):
            if not 0 <= rate <= 1:
                raise ValueError(f"{name}: `{argument}` must be in [0, 1], received {argument}={rate!r}.")
        self.units = units
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.recurrent_initializer = initializers.get(recurrent_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
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

    @property
    def state_size(self):
        return self.units

    @property
    def output_size(self):
        return self.units

    def build(self, input_shape):
        self.kernel = self.add_weight(
            name="kernel", shape=(input_shape[-1], self.gates * self.units), initializer=self.kernel_initializer,
            regularizer=self.kernel_regularizer, constraint=self.kernel_constraint)
        self.recurrent_kernel = self.add_weight(
            name="recurrent_kernel", shape=(self.units, self.gates * self.units),
            initializer=self.recurrent_initializer, regularizer=self.recurrent_regularizer,
            constraint=self.recurrent_constraint)
        self.bias = None
        if self.use_bias:
            self.bias = self.add_weight(
                name="bias", shape=self._bias_shape(), initializer=self._full_bias_initializer(),
                regularizer=self.bias_regularizer, constraint=self.bias_constraint)
        self.built = True

    def _bias_shape(self):
        return (self.gates * self.units,)

    def _full_bias_initializer(self):
        return self.bias_initializer

    def _input_bias(self):
        return self.bias

    # --- one time step, in two parts ----------------------------------------------------------------------
    def project_inputs(self, inputs):
        """`inputs @ kernel + input bias`: the state-independent part of a step, for any number of steps."""
        projected = ops.matmul(inputs, self.kernel)
        bias = self._input_bias()
        return projected if bias is None else ops.add(projected, bias)

    def recurrent_step(self, projected, states, recurrent_mask=None):
        """(output, new_states) from the projected inputs of one step and the previous states."""
        raise NotImplementedError

    def rnn_step(self, time_major, batch_size, training):
        """(loop body, its inputs) for RNN: the inputs of every step projected at once, before the loop."""
        input_mask, recurrent_mask = self.dropout_masks(batch_size, time_major.shape[-1], training)
        if input_mask is not None:
            time_major = ops.multiply(time_major, input_mask)
        projected = self.project_inputs(time_major)
        return (lambda x_t, states: self.recurrent_step(x_t, states, recurrent_mask)), projected

    def dropout_masks(self, batch_size, input_dim, training):
        """Scaled keep-masks (input [batch, input_dim], recurrent [batch, units]), each None when unused. One
        pair serves every time step of a sequence, as in Keras."""
        def mask(rate, width):
            if not training or rate == 0:
                return None
            keep = backend.random.bernoulli_keep_mask((batch_size, width), 1.0 - rate, self.seed_generator.next())
            scale = 1.0 / (1.0 - rate) if rate < 1 else 0.0
            return ops.cast(ops.where(keep, scale, 0.0), self.compute_dtype)

        return mask(self.dropout, input_dim), mask(self.recurrent_dropout, self.units)

    def call(self, inputs, states, training=False):
        states = list(states) if isinstance(states, (list, tuple)) else [states]
        input_mask, recurrent_mask = self.dropout_masks(inputs.shape[0], inputs.shape[-1], training)
        if input_mask is not None:
            inputs = ops.multiply(inputs, input_mask)
        return self.recurrent_step(self.project_inputs(inputs), states, recurrent_mask)

    def get_initial_state(self, batch_size=None):
        sizes = self.state_size if isinstance(self.state_size, (list, tuple)) else [self.state_size]
        return [ops.zeros((batch_size, size), self.compute_dtype) for size in sizes]

    def get_config(self):
        return {
            **super().get_config(),
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "recurrent_initializer": initializers.serialize(self.recurrent_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
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


def recurrent_input(states, recurrent_mask):
    """The previous output as the recurrent matmul sees it: with recurrent dropout applied, if any."""
    return states[0] if recurrent_mask is None else ops.multiply(states[0], recurrent_mask)
