"""RandomFlip: while training, each image is flipped left-right ("horizontal"), top-bottom ("vertical") or
both ("horizontal_and_vertical"), each with probability 1/2 (one draw per image covers both flips)."""
from kerax import ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.random import SeedGenerator

HORIZONTAL, VERTICAL, HORIZONTAL_AND_VERTICAL = "horizontal", "vertical", "horizontal_and_vertical"


class RandomFlip(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False

    def __init__(self, mode=HORIZONTAL_AND_VERTICAL, seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        if mode not in (HORIZONTAL, VERTICAL, HORIZONTAL_AND_VERTICAL):
            raise ValueError(f"RandomFlip layer {self.name} received an unknown mode argument {mode!r}: "
                             f"expected {HORIZONTAL!r}, {VERTICAL!r} or {HORIZONTAL_AND_VERTICAL!r}.")
        self.seed, self.mode = seed, mode
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = data["images"] if isinstance(data, dict) else data
        draws = random.uniform(self._per_image_shape(images), seed=seed or self.generator)
        return {"flips": draws <= 0.5}

    def _transform_images(self, images, transformation, interpolation):
        if transformation is None:
            return images
        h_axis, w_axis = self._spatial_axes()
        flips = transformation["flips"]
        if self.mode in (HORIZONTAL, HORIZONTAL_AND_VERTICAL):
            images = ops.where(flips, ops.flip(images, axis=w_axis), images)
        if self.mode in (VERTICAL, HORIZONTAL_AND_VERTICAL):
            images = ops.where(flips, ops.flip(images, axis=h_axis), images)
        return images

    def transform_xyxy_boxes(self, boxes, transformation, training, height, width):
        if transformation is None:
            return boxes
        flips = ops.reshape(transformation["flips"], (-1, 1))
        x1, y1, x2, y2 = ops.unstack(boxes, 4, axis=-1)
        if self.mode in (HORIZONTAL, HORIZONTAL_AND_VERTICAL):
            x1, x2 = ops.where(flips, width - x2, x1), ops.where(flips, width - x1, x2)
        if self.mode in (VERTICAL, HORIZONTAL_AND_VERTICAL):
            y1, y2 = ops.where(flips, height - y2, y1), ops.where(flips, height - y1, y2)
        return ops.stack([x1, y1, x2, y2], axis=-1)

    def get_config(self):
        return {**super().get_config(), "seed": self.seed, "mode": self.mode}
