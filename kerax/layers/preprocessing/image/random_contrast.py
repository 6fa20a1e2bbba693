"""RandomContrast: while training, each channel of each image moved away from (or towards) its mean: `(x -
mean) * c + mean` with c drawn from [1 - lower, 1 + upper] (one number f: lower = upper = f), then clipped to
`value_range`."""
from kerax import ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.random import SeedGenerator


class RandomContrast(BaseImagePreprocessingLayer):
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(**kwargs)
        if isinstance(factor, (int, float)) and 0 <= factor <= 1:
            self.factor = (factor, factor)
        else:
            self._set_factor(factor)
        self.value_range, self.seed = value_range, seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = data["images"] if isinstance(data, dict) else data
        if not training:
            return None
        factor = random.uniform(self._per_image_shape(images), 1.0 - self.factor[0], 1.0 + self.factor[1],
                                dtype=self.compute_dtype, seed=seed or self.generator)
        return {"contrast_factor": factor}

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        mean = ops.mean(images, axis=self._spatial_axes(), keepdims=True)
        out = (images - mean) * transformation["contrast_factor"] + mean
        return ops.clip(out, self.value_range[0], self.value_range[1])

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "value_range": self.value_range,
                "seed": self.seed}
