"""BatchNormalization: normalizes with the batch's statistics while training and with moving averages of them
at inference; the moving averages are non-trainable weights updated only in training."""
from kerax import backend, constraints, initializers, ops, regularizers
from kerax.backend import step_context
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer
from kerax.layers.normalization.axes import broadcast_shape, normalize_axes, parameter_shape

# tf.keras 2 configs carry these; they only select an implementation and change nothing here.
_IGNORED_TF2_ARGUMENTS = ("fused", "virtual_batch_size", "adjustment", "renorm_clipping", "renorm_momentum")


class BatchNormalization(Layer):
    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True,
                 beta_initializer="zeros", gamma_initializer="ones", moving_mean_initializer="zeros",
                 moving_variance_initializer="ones", beta_regularizer=None, gamma_regularizer=None,
                 beta_constraint=None, gamma_constraint=None, synchronized=False, **kwargs):
        if kwargs.pop("renorm", False):
            raise NotImplementedError("BatchNormalization(renorm=True) is not supported by kerax.")
        for name in _IGNORED_TF2_ARGUMENTS:
            kwargs.pop(name, None)
        super().__init__(**kwargs)
        if not 0.0 <= momentum <= 1.0:
            raise ValueError(
                f"BatchNormalization: `momentum` must be in [0, 1], received momentum={momentum}."
            )
        if epsilon <= 0:
            raise ValueError(f"BatchNormalization: `epsilon` must be positive, received epsilon={epsilon}.")
        self.axis = list(axis) if isinstance(axis, (list, tuple)) else int(axis)
        self.momentum = float(momentum)
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.synchronized = synchronized  # one device per process here: the batch is already global
        self.beta_initializer = initializers.get(beta_initializer)
        self.gamma_initializer = initializers.get(gamma_initializer)
        self.moving_mean_initializer = initializers.get(moving_mean_initializer)
        self.moving_variance_initializer = initializers.get(moving_variance_initializer)
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
        if self.scale:
            self.gamma = self.add_weight(name="gamma", shape=shape, initializer=self.gamma_initializer,
                                         regularizer=self.gamma_regularizer, constraint=self.gamma_constraint,
                                         autocast=False)  # statistics are computed in float32
        if self.center:
            self.beta = self.add_weight(name="beta", shape=shape, initializer=self.beta_initializer,
                                        regularizer=self.beta_regularizer, constraint=self.beta_constraint,
                                        autocast=False)
        self.moving_mean = self.add_weight(name="moving_mean", shape=shape,
                                           initializer=self.moving_mean_initializer, trainable=False,
                                           autocast=False)
        self.moving_variance = self.add_weight(name="moving_variance", shape=shape,
                                               initializer=self.moving_variance_initializer, trainable=False,
                                               autocast=False)
        self.input_spec = InputSpec(ndim=len(input_shape), axes={a: input_shape[a] for a in self._axes})
        self.built = True

    def call(self, inputs, training=None, mask=None):
        dtype = backend.standardize_dtype(inputs.dtype)
        x = ops.cast(inputs, "float32") if dtype in ("float16", "bfloat16") else inputs  # stable statistics
        if training and self.trainable:  # a frozen BatchNormalization runs in inference mode, as in Keras
            mean, variance = self._batch_moments(x, mask)
            for moving, batch_value in ((self.moving_mean, mean), (self.moving_variance, variance)):
                updated = ops.add(ops.multiply(moving, self.momentum),
                                  ops.multiply(batch_value, 1.0 - self.momentum))
                moving.assign(ops.cast(updated, moving.dtype))
        else:
            mean, variance = self.moving_mean.value, self.moving_variance.value
        scale = ops.divide(1.0, ops.sqrt(ops.add(ops.reshape(variance, self._broadcast), self.epsilon)))
        if self.gamma is not None:
            scale = ops.multiply(scale, ops.reshape(self.gamma, self._broadcast))
        outputs = ops.multiply(ops.subtract(x, ops.reshape(mean, self._broadcast)), scale)
        if self.beta is not None:
            outputs = ops.add(outputs, ops.reshape(self.beta, self._broadcast))
        return ops.cast(outputs, dtype)

    def _batch_moments(self, x, mask):
        """Mean and variance over the non-feature axes, counting only unmasked steps and real (unpadded) rows."""
        reduce_axes = tuple(i for i in range(x.ndim) if i not in self._axes)
        weights = None if mask is None else _trailing_ones(ops.cast(mask, x.dtype), x.ndim)
        rows = step_context.batch_mask()
        if rows is not None and 0 in reduce_axes and x.shape[0] == rows.shape[0]:
            rows = _trailing_ones(ops.cast(rows, x.dtype), x.ndim)
            weights = rows if weights is None else ops.multiply(weights, rows)
        if weights is None:
            mean, variance = ops.moments(x, axes=reduce_axes, keepdims=True)
        else:
            count = ops.add(ops.sum(ops.broadcast_to(weights, x.shape), reduce_axes, keepdims=True), 1e-7)
            mean = ops.divide(ops.sum(ops.multiply(weights, x), reduce_axes, keepdims=True), count)
            squared = ops.square(ops.subtract(x, ops.stop_gradient(mean)))
            variance = ops.divide(ops.sum(ops.multiply(weights, squared), reduce_axes, keepdims=True), count)
        shape = parameter_shape(x.shape, self._axes)
        return ops.reshape(mean, shape), ops.reshape(variance, shape)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        return {
            **super().get_config(),
            "axis": self.axis,
            "momentum": self.momentum,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
            "beta_initializer": initializers.serialize(self.beta_initializer),
            "gamma_initializer": initializers.serialize(self.gamma_initializer),
            "moving_mean_initializer": initializers.serialize(self.moving_mean_initializer),
            "moving_variance_initializer": initializers.serialize(self.moving_variance_initializer),
            "beta_regularizer": regularizers.serialize(self.beta_regularizer),
            "gamma_regularizer": regularizers.serialize(self.gamma_regularizer),
            "beta_constraint": constraints.serialize(self.beta_constraint),
            "gamma_constraint": constraints.serialize(self.gamma_constraint),
            "synchronized": self.synchronized,
        }


def _trailing_ones(weights, ndim):
    return ops.reshape(weights, tuple(weights.shape) + (1,) * (ndim - weights.ndim))
