"""RandomColorJitter: while training, brightness, contrast, saturation and hue adjusted in that order, each by
the layer of that name (only those whose factor is given)."""
from kerax import ops
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.random_brightness import RandomBrightness
from kerax.layers.preprocessing.image.random_contrast import RandomContrast
from kerax.layers.preprocessing.image.random_hue import RandomHue
from kerax.layers.preprocessing.image.random_saturation import RandomSaturation
from kerax.random import SeedGenerator


class RandomColorJitter(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False

    def __init__(self, value_range=(0, 255), brightness_factor=None, contrast_factor=None,
                 saturation_factor=None,
                 hue_factor=None, seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.value_range, self.seed = value_range, seed
        self.brightness_factor, self.contrast_factor = brightness_factor, contrast_factor
        self.saturation_factor, self.hue_factor = saturation_factor, hue_factor
        self.generator = SeedGenerator(seed)
        adjustments = ((RandomBrightness, brightness_factor), (RandomContrast, contrast_factor),
                       (RandomSaturation, saturation_factor), (RandomHue, hue_factor))
        self.adjustments = [cls(factor=factor, value_range=value_range, seed=seed, data_format=data_format)
                            for cls, factor in adjustments if factor is not None]

    def get_random_transformation(self, data, training=True, seed=None):
        return None

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training:
            return images
        for layer in self.adjustments:
            drawn = layer.get_random_transformation(images, seed=self.generator)
            images = layer.transform_images(images, drawn)
        return images

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "value_range": self.value_range,
                "brightness_factor": self.brightness_factor, "contrast_factor": self.contrast_factor,
                "saturation_factor": self.saturation_factor, "hue_factor": self.hue_factor, "seed": self.seed}
