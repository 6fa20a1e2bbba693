"""Solarization: while training, pixels (on the 0-255 scale, after adding a value drawn from
`addition_factor` * 255) at or above a threshold drawn from `threshold_factor` * 255 are inverted."""
from kerax import ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.value_range import checked_value_range
from kerax.random import SeedGenerator


class Solarization(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False

    def __init__(self, addition_factor=0.0, threshold_factor=0.0, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(**kwargs)
        self.seed = seed
        self.generator = SeedGenerator(seed)
        self.addition_factor = _unit_range(addition_factor, "addition_factor")
        self.threshold_factor = _unit_range(threshold_factor, "threshold_factor")
        self.value_range = checked_value_range(value_range)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = data["images"] if isinstance(data, dict) else data
        seed, shape = seed or self.generator, self._per_image_shape(images)
        additions = random.uniform(shape, self.addition_factor[0] * 255, self.addition_factor[1] * 255,
                                   seed=seed)
        thresholds = random.uniform(shape, self.threshold_factor[0] * 255, self.threshold_factor[1] * 255,
                                    seed=seed)
        return {"additions": additions, "thresholds": thresholds}

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        pixels = self._transform_value_range(images, self.value_range, (0, 255), self.compute_dtype)
        pixels = ops.clip(pixels + transformation["additions"], 0, 255)
        pixels = ops.where(pixels < transformation["thresholds"], pixels, 255 - pixels)
        return self._transform_value_range(pixels, (0, 255), self.value_range, self.compute_dtype)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "value_range": self.value_range,
                "addition_factor": self.addition_factor,
                "threshold_factor": self.threshold_factor, "seed": self.seed}


def _unit_range(factor, name):
    message = (f"The `addition_factor` and `threshold_factor` arguments should be a number (or a list of two "
               f"numbers) in the range [0, 1]. Received: {name}={factor}")
    values = list(factor) if isinstance(factor, (tuple, list)) else [0, factor]
    if len(values) != 2 or any(not isinstance(v, (int, float)) or v < 0 or v > 1 for v in values):
        raise ValueError(message)
    return tuple(sorted(values))
