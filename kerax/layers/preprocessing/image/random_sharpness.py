"""RandomSharpness: while training, each image blended with a smoothed copy (3x3 kernel, weights 1/13 around
5/13): `x + (1 - 2 f) * (smooth - x)`, f drawn from `factor` (0.5 leaves images as they are)."""
from kerax import ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.value_range import checked_value_range
from kerax.random import SeedGenerator

_SMOOTH = [[1.0, 1.0, 1.0], [1.0, 5.0, 1.0], [1.0, 1.0, 1.0]]


class RandomSharpness(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.value_range, self.seed = checked_value_range(value_range), seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = data["images"] if isinstance(data, dict) else data
        factor = random.uniform((images.shape[0],), self.factor[0], self.factor[1],
                                seed=seed or self.generator)
        return {"factor": factor}

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training:
            return images
        channels = images.shape[-1 if self.data_format == "channels_last" else 1]
        kernel = ops.tile(ops.reshape(ops.convert_to_tensor(_SMOOTH) / 13.0, (3, 3, 1, 1)), (1, 1, channels,
                                                                                             1))
        smooth = ops.depthwise_conv(images, ops.cast(kernel, images.dtype), padding="same",
                                    data_format=self.data_format)
        amount = ops.reshape(1.0 - 2.0 * ops.cast(transformation["factor"], images.dtype), (-1, 1, 1, 1))
        return ops.clip(images + amount * (smooth - images), self.value_range[0], self.value_range[1])

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "value_range": self.value_range,
                "seed": self.seed}
