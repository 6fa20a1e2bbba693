"""RandomPerspective: while training, some images (each with a probability drawn from `factor`) warped by the
perspective that moves each corner by up to `scale / 2` of its own coordinates; bounding boxes follow the
same perspective."""
from kerax import ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.bounding_boxes.geometry import through_homography
from kerax.layers.preprocessing.image.geometric import INTERPOLATIONS
from kerax.random import SeedGenerator


class RandomPerspective(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor=1.0, scale=1.0, interpolation="bilinear", fill_value=0.0, seed=None,
                 data_format=None,
                 **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        if scale < 0.0 or scale > 1.0:
            raise ValueError(f"The `scale` argument should be a number in the range [0,1]. Received: "
                             f"scale={scale}")
        if interpolation not in INTERPOLATIONS:
            raise NotImplementedError(f"Unknown `interpolation` {interpolation}. Expected of one "
                                      f"{INTERPOLATIONS}.")
        self.scale, self.fill_value, self.interpolation, self.seed = scale, fill_value, interpolation, seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = data["images"] if isinstance(data, dict) else data
        seed, batch = seed or self.generator, images.shape[0]
        height, width = self._height_width(images)
        apply = self._apply_mask(images, seed)
        moves = random.uniform((batch, 4, 2), -0.5 * self.scale, 0.5 * self.scale, seed=seed)
        corners = ops.convert_to_tensor([[0.0, 0.0], [width - 1, 0.0], [0.0, height - 1], [width - 1,
                                                                                           height - 1]])
        start = ops.broadcast_to(corners, (batch, 4, 2))
        return {"apply_perspective": apply, "start_points": start, "end_points": start + start * moves}

    def _transform_images(self, images, transformation, interpolation):
        if transformation is None:
            return images
        warped = ops.image.perspective_transform(images, transformation["start_points"],
                                                 transformation["end_points"], interpolation=interpolation,
                                                 fill_value=self.fill_value, data_format=self.data_format)
        return ops.where(ops.reshape(transformation["apply_perspective"], (-1, 1, 1, 1)), warped, images)

    def transform_xyxy_boxes(self, boxes, transformation, training, height, width):
        if transformation is None:
            return boxes
        warped = through_homography(boxes, transformation["start_points"], transformation["end_points"])
        return ops.where(ops.reshape(transformation["apply_perspective"], (-1, 1, 1)), warped, boxes)

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "scale": self.scale,
                "interpolation": self.interpolation, "fill_value": self.fill_value, "seed": self.seed}
