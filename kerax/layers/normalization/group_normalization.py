"""GroupNormalization (Wu & He, 2018): the channels on `axis` are split into `groups`; each sample is
normalized over every axis but the batch within each group, then scaled by `gamma` and shifted by `beta` per
channel. `groups=-1` normalizes each channel alone (instance normalization). Statistics in at least float32.
"""
from kerax import backend, constraints, initializers, ops, regularizers
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer
from kerax.layers.normalization.axes import normalize_axes


class GroupNormalization(Layer):
    def __init__(self, groups=32, axis=-1, epsilon=1e-3, center=True, scale=True, beta_initializer="zeros",
                 gamma_initializer="ones", beta_regularizer=None, gamma_regularizer=None,
                 beta_constraint=None, gamma_constraint=None, **kwargs):
        if not isinstance(groups, int) or (groups <= 0 and groups != -1):
            raise ValueError("GroupNormalization: `groups` must be a positive integer (or -1 for instance "
                             f"normalization), received groups={groups!r}.")
        super().__init__(**kwargs)
        self.autocast = False  # normalizes the inputs in their own dtype (at least float32)
        self.groups = groups
        self.axis = axis
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        self.beta_initializer = initializers.get(beta_initializer)
        self.gamma_initializer = initializers.get(gamma_initializer)
        self.beta_regularizer = regularizers.get(beta_regularizer)
        self.gamma_regularizer = regularizers.get(gamma_regularizer)
        self.beta_constraint = constraints.get(beta_constraint)
        self.gamma_constraint = constraints.get(gamma_constraint)
        self.supports_masking = True

    def build(self, input_shape):
        (self._axis,) = normalize_axes(self.axis, input_shape, self)
        channels = input_shape[self._axis]
        if self.groups == -1:
            self.groups = channels
        if channels % self.groups:
            raise ValueError(f'GroupNormalization layer "{self.name}": the {channels} channels on axis '
                             f"{self.axis} cannot be split into groups={self.groups} groups of equal size.")
        self.input_spec = InputSpec(ndim=len(input_shape), axes={self._axis: channels})
        self.gamma = self.beta = None
        if self.scale:
            self.gamma = self.add_weight(name="gamma", shape=(channels,), initializer=self.gamma_initializer,
                                         regularizer=self.gamma_regularizer, constraint=self.gamma_constraint)
        if self.center:
            self.beta = self.add_weight(name="beta", shape=(channels,), initializer=self.beta_initializer,
                                        regularizer=self.beta_regularizer, constraint=self.beta_constraint)
        self.built = True

    def call(self, inputs):
        dtype = "float64" if backend.standardize_dtype(inputs.dtype) == "float64" else "float32"
        axis, shape = self._axis, tuple(inputs.shape)
        grouped_shape = shape[:axis] + (self.groups, shape[axis] // self.groups) + shape[axis + 1:]
        x = ops.reshape(ops.cast(inputs, dtype), grouped_shape)
        reduced = tuple(a for a in range(1, len(grouped_shape)) if a != axis)
        mean, variance = ops.moments(x, axes=reduced, keepdims=True)
        x = ops.divide(ops.subtract(x, mean), ops.sqrt(ops.add(variance, self.epsilon)))
        parameter_shape = [1] * len(grouped_shape)
        parameter_shape[axis:axis + 2] = grouped_shape[axis:axis + 2]
        if self.gamma is not None:
            x = ops.multiply(x, ops.reshape(ops.cast(self.gamma, dtype), parameter_shape))
        if self.beta is not None:
            x = ops.add(x, ops.reshape(ops.cast(self.beta, dtype), parameter_shape))
        return ops.cast(ops.reshape(x, shape), self.compute_dtype)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {
            **super().get_config(),
            "groups": self.groups,
            "axis": self.axis,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
            "beta_initializer": initializers.serialize(self.beta_initializer),
            "gamma_initializer": initializers.serialize(self.gamma_initializer),
            "beta_regularizer": regularizers.serialize(self.beta_regularizer),
            "gamma_regularizer": regularizers.serialize(self.gamma_regularizer),
            "beta_constraint": constraints.serialize(self.beta_constraint),
            "gamma_constraint": constraints.serialize(self.gamma_constraint),
        }
