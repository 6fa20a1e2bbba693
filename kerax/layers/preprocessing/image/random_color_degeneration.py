"""RandomColorDegeneration: while training, each image blended towards its grayscale version by a factor drawn
from `factor` (0: unchanged, 1: grayscale; one number f means [0, f])."""
from kerax import ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.value_range import checked_value_range
from kerax.random import SeedGenerator


class RandomColorDegeneration(BaseImagePreprocessingLayer):
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs):
        super().__init__(factor=factor, data_format=data_format, **kwargs)
        self.value_range, self.seed = checked_value_range(value_range), seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = data["images"] if isinstance(data, dict) else data
        factor = random.uniform(self._per_image_shape(images), self.factor[0], self.factor[1],
                                seed=seed or self.generator)
        return {"factor": factor}

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training:
            return images
        gray = ops.image.rgb_to_grayscale(images, data_format=self.data_format)
        blended = images + transformation["factor"] * (gray - images)
        return ops.clip(blended, self.value_range[0], self.value_range[1])

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "value_range": self.value_range,
                "seed": self.seed}
