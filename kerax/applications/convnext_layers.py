"""ConvNeXt's two small layers: LayerScale (a learned per-channel scale) and StochasticDepth (drops a
residual branch for whole examples while training)."""
from kerax import initializers, layers, ops
from kerax.random import SeedGenerator, uniform
from kerax.serialization import register_keras_serializable


@register_keras_serializable(package="kerax.applications")
class LayerScale(layers.Layer):
    """`x * gamma`, gamma a trainable vector of `projection_dim` values starting at `init_values`."""

    def __init__(self, init_values, projection_dim, **kwargs):
        super().__init__(**kwargs)
        self.init_values = init_values
        self.projection_dim = projection_dim

    def build(self, _):
        self.gamma = self.add_weight(shape=(self.projection_dim,),
                                     initializer=initializers.Constant(self.init_values), trainable=True)
        self.built = True

    def call(self, x):
        return ops.multiply(x, self.gamma)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "init_values": self.init_values,
                "projection_dim": self.projection_dim}


@register_keras_serializable(package="kerax.applications")
class StochasticDepth(layers.Layer):
    """While training, zeroes whole examples with probability `drop_path_rate` and scales the kept ones by
    1 / (1 - rate); the identity at inference."""

    def __init__(self, drop_path_rate, **kwargs):
        super().__init__(**kwargs)
        self.drop_path_rate = drop_path_rate
        self.seed_generator = SeedGenerator(name="seed_generator")

    def call(self, x, training=None):
        if not training:
            return x
        keep_prob = 1 - self.drop_path_rate
        shape = (ops.shape(x)[0],) + (1,) * (len(x.shape) - 1)
        keep = ops.floor(keep_prob + uniform(shape, 0, 1, seed=self.seed_generator))
        return ops.multiply(ops.divide(x, keep_prob), keep)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "drop_path_rate": self.drop_path_rate}
