"""RandomBrightness: while training, each image shifted by a delta drawn from `factor` (fractions of the
`value_range` width; one number f means [-f, f]), then clipped to `value_range`."""
from kerax import ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.random import SeedGenerator


class RandomBrightness(BaseImagePreprocessingLayer):
    def __init__(self, factor, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(factor=factor, **kwargs)
        if not isinstance(value_range, (tuple, list)) or len(value_range) != 2:
            raise ValueError("The `value_range` argument should be a list of two numbers. Received: "
                             f"value_range={value_range}")
        self.value_range = sorted(value_range)
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = data["images"] if isinstance(data, dict) else data
        if not training:
            return None
        delta = random.uniform(self._per_image_shape(images), self.factor[0], self.factor[1],
                               seed=seed or self.generator)
        return {"rgb_delta": delta * (self.value_range[1] - self.value_range[0])}

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        return ops.clip(images + ops.cast(transformation["rgb_delta"], images.dtype), self.value_range[0],
                        self.value_range[1])

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "value_range": self.value_range,
                "seed": self.seed}
