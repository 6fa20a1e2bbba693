"""RandomInvert: while training, some images become `value_range[1] - x`; each image is inverted when a
uniform draw falls below a probability itself drawn from `factor`."""
from kerax import ops
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.random import SeedGenerator


class RandomInvert(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor=1.0, value_range=(0, 255), seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.value_range, self.seed = value_range, seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = data["images"] if isinstance(data, dict) else data
        return {"apply_inversion": self._apply_mask(images, seed or self.generator)}

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        apply = ops.reshape(transformation["apply_inversion"], (-1, 1, 1, 1))
        return ops.where(apply, self.value_range[1] - images, images)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "value_range": self.value_range,
                "seed": self.seed}
