"""RandomSaturation: while training, the saturation of each image multiplied by f / (1 - f), f drawn from
`factor` (0.5 leaves images as they are, 0 makes them grayscale, 1 fully saturated; one number f means [0,
f])."""
from kerax import backend, ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.hsv_channels import edit_hsv
from kerax.layers.preprocessing.image.value_range import checked_value_range
from kerax.random import SeedGenerator


class RandomSaturation(BaseImagePreprocessingLayer):
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs):
        super().__init__(factor=factor, data_format=data_format, **kwargs)
        self.value_range, self.seed = checked_value_range(value_range), seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = data["images"] if isinstance(data, dict) else data
        factor = random.uniform((images.shape[0],), self.factor[0], self.factor[1],
                                seed=seed or self.generator)
        return {"factor": factor / (1 - factor + backend.epsilon())}

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training:
            return images
        scale = ops.reshape(ops.cast(transformation["factor"], images.dtype), (-1, 1, 1))
        low, high = self.value_range
        return edit_hsv(images, 1, lambda saturation: ops.clip(saturation * scale, low, high),
                        self.data_format)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "value_range": self.value_range,
                "seed": self.seed}
