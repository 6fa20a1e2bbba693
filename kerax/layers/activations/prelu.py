"""PReLU: `x` for x >= 0, `alpha * x` below, with `alpha` learned per input unit (shared along
`shared_axes`). Weight: `alpha` of the input's shape without the batch axis, 1 on the shared axes."""
from kerax import constraints, initializers, ops, regularizers
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer


class PReLU(Layer):
    def __init__(self, alpha_initializer="Zeros", alpha_regularizer=None, alpha_constraint=None,
                 shared_axes=None, **kwargs):
        super().__init__(**kwargs)
        self.alpha_initializer = initializers.get(alpha_initializer)
        self.alpha_regularizer = regularizers.get(alpha_regularizer)
        self.alpha_constraint = constraints.get(alpha_constraint)
        if shared_axes is not None and not isinstance(shared_axes, (list, tuple)):
            shared_axes = [shared_axes]
        self.shared_axes = None if shared_axes is None else [int(axis) for axis in shared_axes]
        self.supports_masking = True

    def build(self, input_shape):
        shared = set(self.shared_axes or ())
        if not shared <= set(range(1, len(input_shape))):
            last = len(input_shape) - 1
            raise ValueError(f'PReLU layer "{self.name}": `shared_axes` must be axes 1..{last} of the input, '
                             f"received shared_axes={self.shared_axes} for input shape "
                             f"{tuple(input_shape)}.")
        shape = tuple(1 if axis in shared else input_shape[axis] for axis in range(1, len(input_shape)))
        if None in shape:
            raise ValueError(f'PReLU layer "{self.name}": every axis that is not shared must be known, '
                             f"received input shape {tuple(input_shape)}; list the unknown axes in "
                             "`shared_axes`.")
        self.alpha = self.add_weight(name="alpha", shape=shape, initializer=self.alpha_initializer,
                                     regularizer=self.alpha_regularizer, constraint=self.alpha_constraint)
        axes = {axis: input_shape[axis] for axis in range(1, len(input_shape)) if axis not in shared}
        self.input_spec = InputSpec(ndim=len(input_shape), axes=axes)
        self.built = True

    def call(self, inputs):
        return ops.subtract(ops.relu(inputs), ops.multiply(self.alpha, ops.relu(ops.negative(inputs))))

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {
            **super().get_config(),
            "alpha_initializer": initializers.serialize(self.alpha_initializer),
            "alpha_regularizer": regularizers.serialize(self.alpha_regularizer),
            "alpha_constraint": constraints.serialize(self.alpha_constraint),
            "shared_axes": self.shared_axes,
        }
