"""RandomErasing: while training, some images (each with a probability drawn from `factor`) have a random box
(sides sqrt of fractions drawn from `scale`) filled with `fill_value` (None: Gaussian noise scaled by the top
of `value_range`; a number; or one value per channel), clipped to `value_range`."""
from kerax import ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.boxes_mask import boxes_mask, random_boxes
from kerax.layers.preprocessing.image.geometric import unit_range
from kerax.random import SeedGenerator


class RandomErasing(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor=1.0, scale=(0.02, 0.33), fill_value=None, value_range=(0, 255), seed=None,
                 data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.scale = unit_range(scale, "scale")
        if fill_value is not None and not isinstance(fill_value, (int, float)) and len(fill_value) != 3:
            raise ValueError(f"The `fill_value` argument should be a number or a list of three numbers. "
                             f"Received: fill_value={fill_value}")
        self.fill_value, self.value_range, self.seed = fill_value, value_range, seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = data["images"] if isinstance(data, dict) else data
        seed, batch = seed or self.generator, images.shape[0]
        height, width = self._height_width(images)
        ratios = ops.sqrt(random.uniform((batch, 2), self.scale[0], self.scale[1], seed=seed))
        mask = boxes_mask(height, width, random_boxes(batch, height, width, ratios, seed), self.data_format)
        apply = self._apply_mask(images, seed)
        if self.fill_value is None:
            fill = random.normal(images.shape, seed=seed) * self.value_range[1]
        else:
            fill = ops.broadcast_to(ops.convert_to_tensor(self.fill_value, dtype=self.compute_dtype)
                                    if self.data_format == "channels_last" or isinstance(self.fill_value,
                                                                                         (int, float))
                                    else ops.reshape(ops.convert_to_tensor(self.fill_value), (-1, 1, 1)),
                                    images.shape)
        fill = ops.clip(fill, self.value_range[0], self.value_range[1])
        return {"apply_erasing": apply, "batch_masks": mask, "fill_value": fill}

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        erased = ops.where(transformation["batch_masks"], transformation["fill_value"], images)
        return ops.where(ops.reshape(transformation["apply_erasing"], (-1, 1, 1, 1)), erased, images)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "scale": self.scale,
                "fill_value": self.fill_value,
                "value_range": self.value_range, "seed": self.seed}
