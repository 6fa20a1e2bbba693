"""AutoContrast: each channel of each image stretched so its minimum maps to the low end and its maximum to
the high end of `value_range` (a constant channel is left as it is)."""
from kerax import ops
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.value_range import checked_value_range


class AutoContrast(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False

    def __init__(self, value_range=(0, 255), **kwargs):
        super().__init__(**kwargs)
        self.value_range = checked_value_range(value_range)

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        pixels = self._transform_value_range(images, self.value_range, (0, 255), self.compute_dtype)
        low = ops.min(pixels, axis=self._spatial_axes(), keepdims=True)
        high = ops.max(pixels, axis=self._spatial_axes(), keepdims=True)
        spread = high - low
        stretched = ops.clip((pixels - low) * 255.0 / ops.where(spread > 0, spread, 1.0), 0.0, 255.0)
        stretched = self._transform_value_range(stretched, (0, 255), self.value_range, self.compute_dtype)
        return ops.where(spread > 0, stretched, images)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "value_range": self.value_range}
