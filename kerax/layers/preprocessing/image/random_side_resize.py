"""RandomSideResize: the shared body of tf.keras's RandomHeight and RandomWidth. While training, one factor
per call is drawn from [1 + lower, 1 + upper] and the batch is resized along one side to int(factor * size);
at inference the images pass through unchanged.

The output size is a random number, and compiled code has fixed shapes: the draw happens eagerly (calling
the layer, or in `Dataset.map`). Inside a compiled training step the layer explains this and stops, rather
than freeze one draw into the compiled function.
"""
from kerax import backend, ops, random
from kerax.layers.layer import Layer
from kerax.random import SeedGenerator

INTERPOLATIONS = ("bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5")


class RandomSideResize(Layer):
    _AXIS, _SIDE = 1, "height"

    def __init__(self, factor, interpolation="bilinear", seed=None, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor
        lower, upper = (factor if isinstance(factor, (tuple, list)) else (-factor, factor))
        if upper < lower:
            raise ValueError(f"`factor` argument cannot have an upper bound lesser than the lower bound. "
                             f"Received: factor={factor}")
        if lower < -1.0 or upper < -1.0:
            raise ValueError(f"`factor` argument must have values larger than -1. Received: factor={factor}")
        if interpolation not in INTERPOLATIONS:
            raise NotImplementedError(f"Value not recognized for `interpolation`: {interpolation!r}. "
                                      f"Expected one of {INTERPOLATIONS}.")
        self.lower, self.upper = float(lower), float(upper)
        self.interpolation, self.seed = interpolation, seed
        self.generator = SeedGenerator(seed)

    def call(self, inputs, training=True):
        inputs = ops.convert_to_tensor(inputs)
        if not training:
            return ops.cast(inputs, self.compute_dtype)
        if backend.is_traced(inputs):
            raise ValueError(f"{type(self).__name__} layer {self.name!r} resizes to a random {self._SIDE}, "
                             f"which a compiled step cannot do (its shapes are fixed when it is compiled). "
                             f"Apply it to the data eagerly instead, e.g. in `Dataset.map`, or use "
                             f"RandomZoom, which keeps the image size.")
        factor = float(random.uniform((), 1.0 + self.lower, 1.0 + self.upper, seed=self.generator))
        size = list(inputs.shape[-3:-1])
        size[self._AXIS - 1] = max(int(factor * size[self._AXIS - 1]), 1)
        resized = ops.image.resize(inputs, tuple(size), interpolation=self.interpolation,
                                   data_format="channels_last")
        return ops.cast(resized, self.compute_dtype)

    def compute_output_shape(self, input_shape):
        shape = list(input_shape)
        shape[len(shape) - 4 + self._AXIS] = None
        return tuple(shape)

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "interpolation": self.interpolation,
                "seed": self.seed}
