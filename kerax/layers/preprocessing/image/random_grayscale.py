"""RandomGrayscale: while training, each image becomes grayscale (luma, kept with its channel count) with
probability `factor`."""
from kerax import ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.random import SeedGenerator


class RandomGrayscale(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False

    def __init__(self, factor=0.5, data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        if factor < 0 or factor > 1:
            raise ValueError(f"`factor` should be between 0 and 1. Received: factor={factor}")
        self.factor, self.seed = factor, seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = data["images"] if isinstance(data, dict) else data
        return random.uniform(self._per_image_shape(images), seed=seed or self.generator) < self.factor

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training:
            return images
        gray = ops.image.rgb_to_grayscale(images, data_format=self.data_format)
        return ops.where(transformation, gray, images)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "factor": self.factor}
