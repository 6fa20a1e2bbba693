"""RandomPosterization: while training, each image keeps only its top `bits` bits per channel (on the 0-255
scale), `bits` drawn as an integer from `factor` (in [1, 8])."""
from kerax import ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.value_range import checked_value_range
from kerax.random import SeedGenerator


class RandomPosterization(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (1, 8)
    _MAX_FACTOR = 8

    def __init__(self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.value_range, self.seed = checked_value_range(value_range), seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = data["images"] if isinstance(data, dict) else data
        shape = (images.shape[0],)
        if self.factor[0] != self.factor[1]:
            bits = random.randint(shape, int(self.factor[0]), int(self.factor[1]),
                                  seed=seed or self.generator)
        else:
            bits = ops.full(shape, int(self.factor[0]))
        return {"shift_factor": self._MAX_FACTOR - bits}

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training:
            return images
        step = ops.reshape(ops.power(2.0, ops.cast(transformation["shift_factor"], images.dtype)), (-1, 1, 1,
                                                                                                    1))
        pixels = ops.floor(self._transform_value_range(images, self.value_range, (0, 255),
                                                       self.compute_dtype))
        posterized = ops.floor(ops.clip(pixels, 0, 255) / step) * step
        return self._transform_value_range(posterized, (0, 255), self.value_range, self.compute_dtype)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "value_range": self.value_range,
                "seed": self.seed}
