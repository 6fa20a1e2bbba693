"""RandomHue: while training, the hue of each image rotated by +/- half a value drawn from `factor` (in [0,
1]; one number f means [0, f]), on images mapped from `value_range` to [0, 1] and back."""
from kerax import ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.hsv_channels import edit_hsv
from kerax.random import SeedGenerator


class RandomHue(BaseImagePreprocessingLayer):
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs):
        super().__init__(factor=factor, data_format=data_format, **kwargs)
        self.value_range, self.seed = value_range, seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = data["images"] if isinstance(data, dict) else data
        seed, shape = seed or self.generator, (images.shape[0],)
        sign = ops.where(random.uniform(shape, seed=seed) > 0.5, -1.0, 1.0)
        return {"factor": sign * random.uniform(shape, self.factor[0], self.factor[1], seed=seed) * 0.5}

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training:
            return images
        shift = ops.reshape(ops.cast(transformation["factor"], images.dtype), (-1, 1, 1))
        unit = self._transform_value_range(images, self.value_range, (0, 1), self.compute_dtype)
        unit = ops.clip(edit_hsv(unit, 0, lambda hue: ops.mod(hue + shift, 1.0), self.data_format), 0, 1)
        return self._transform_value_range(unit, (0, 1), self.value_range, self.compute_dtype)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "value_range": self.value_range,
                "seed": self.seed}
