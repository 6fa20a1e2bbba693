"""LayerNormalization: normalizes each sample over `axis` (by default its features), then scales and
shifts."""
from kerax import backend, constraints, initializers, ops, regularizers
from kerax.layers.layer import Layer
from kerax.layers.normalization.axes import broadcast_shape, normalize_axes, parameter_shape


class LayerNormalization(Layer):
    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, rms_scaling=False,
                 beta_initializer="zeros", gamma_initializer="ones", beta_regularizer=None,
                 gamma_regularizer=None, beta_constraint=None, gamma_constraint=None, **kwargs):
        super().__init__(**kwargs)
        if epsilon <= 0:
            raise ValueError(f"LayerNormalization: `epsilon` must be positive, received epsilon={epsilon}.")
        self.axis = list(axis) if isinstance(axis, (list, tuple)) else int(axis)
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.rms_scaling = rms_scaling
        self.beta_initializer = initializers.get(beta_initializer)
        self.gamma_initializer = initializers.get(gamma_initializer)
        self.beta_regularizer = regularizers.get(beta_regularizer)
        self.gamma_regularizer = regularizers.get(gamma_regularizer)
        self.beta_constraint = constraints.get(beta_constraint)
        self.gamma_constraint = constraints.get(gamma_constraint)
        self.supports_masking = True

    def build(self, input_shape):
        self._axes = normalize_axes(self.axis, input_shape, self)
        shape = parameter_shape(input_shape, self._axes)
        self._broadcast = broadcast_shape(len(input_shape), self._axes, input_shape)
        self.gamma = self.beta = None
        if self.scale or self.rms_scaling:
            self.gamma = self.add_weight(name="gamma", shape=shape, initializer=self.gamma_initializer,
                                         regularizer=self.gamma_regularizer, constraint=self.gamma_constraint)
        if self.center and not self.rms_scaling:
            self.beta = self.add_weight(name="beta", shape=shape, initializer=self.beta_initializer,
                                        regularizer=self.beta_regularizer, constraint=self.beta_constraint)
        self.built = True

    def call(self, inputs):
        dtype = backend.standardize_dtype(inputs.dtype)
        x = ops.cast(inputs, "float32") if dtype in ("float16", "bfloat16") else inputs  # stable statistics
        if self.rms_scaling:
            mean_square = ops.mean(ops.square(x), axis=self._axes, keepdims=True)
            outputs = ops.divide(x, ops.sqrt(ops.add(mean_square, self.epsilon)))
        else:
            mean, variance = ops.moments(x, axes=self._axes, keepdims=True)
            outputs = ops.divide(ops.subtract(x, mean), ops.sqrt(ops.add(variance, self.epsilon)))
        if self.gamma is not None:
            outputs = ops.multiply(outputs, ops.reshape(self.gamma, self._broadcast))
        if self.beta is not None:
            outputs = ops.add(outputs, ops.reshape(self.beta, self._broadcast))
        return ops.cast(outputs, dtype)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        return {
            **super().get_config(),
            "axis": self.axis,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
            "rms_scaling": self.rms_scaling,
            "beta_initializer": initializers.serialize(self.beta_initializer),
            "gamma_initializer": initializers.serialize(self.gamma_initializer),
            "beta_regularizer": regularizers.serialize(self.beta_regularizer),
            "gamma_regularizer": regularizers.serialize(self.gamma_regularizer),
            "beta_constraint": constraints.serialize(self.beta_constraint),
            "gamma_constraint": constraints.serialize(self.gamma_constraint),
        }
