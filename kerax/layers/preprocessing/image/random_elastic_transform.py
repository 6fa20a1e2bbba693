"""RandomElasticTransform: while training, some images (each with a probability drawn from `factor`) displaced
by a smooth random field: Gaussian noise blurred with sigma = 0.05 * min(height, width) * d and scaled by
alpha = 0.1 * max(height, width) * d, the distortion d drawn from `scale`. The blur kernel is sized for the
largest sigma, so compiled steps draw d freely."""
from kerax import ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.geometric import FILL_MODES, INTERPOLATIONS, unit_range
from kerax.random import SeedGenerator


class RandomElasticTransform(BaseImagePreprocessingLayer):
    _BOXES_UNSUPPORTED = "an elastic warp bends boxes out of shape; Keras does not move them either"
    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor=1.0, scale=1.0, interpolation="bilinear", fill_mode="reflect", fill_value=0.0,
                 value_range=(0, 255), seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.scale = unit_range(scale, "scale")
        if interpolation not in INTERPOLATIONS:
            raise NotImplementedError(f"Unknown `interpolation` {interpolation}. Expected of one "
                                      f"{INTERPOLATIONS}.")
        if fill_mode not in FILL_MODES + ("mirror",):
            raise NotImplementedError(f"Unknown `fill_mode` {fill_mode}. Expected of one {FILL_MODES}.")
        self.interpolation, self.fill_mode, self.fill_value = interpolation, fill_mode, fill_value
        self.value_range, self.seed = value_range, seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training or self.scale[1] == 0 or self.factor[1] == 0:
            return None
        images = data["images"] if isinstance(data, dict) else data
        seed = seed or self.generator
        height, width = self._height_width(images)
        apply = self._apply_mask(images, seed)
        distortion = random.uniform((), self.scale[0], self.scale[1], seed=seed)
        noise = random.normal((images.shape[0], height, width, 2), seed=seed)
        return {"apply_transform": apply, "distortion_factor": distortion, "noise": noise}

    def _transform_images(self, images, transformation, interpolation):
        if transformation is None:
            return images
        first = self.data_format == "channels_first"
        x = ops.moveaxis(images, 1, -1) if first else images
        batch, height, width, channels = x.shape
        sigma = min(height, width) * 0.05 * transformation["distortion_factor"]
        alpha = max(height, width) * 0.1 * transformation["distortion_factor"]
        size = int(6 * min(height, width) * 0.05 * self.scale[1]) | 1
        field = ops.image.gaussian_blur(transformation["noise"] * sigma, (size, size), (sigma + 1e-6,
                                                                                        sigma + 1e-6))
        rows, cols = ops.meshgrid(ops.arange(height, dtype="float32"), ops.arange(width, dtype="float32"),
                                  indexing="ij")
        shape = (batch, height, width, channels)
        coordinates = ops.stack([
            ops.broadcast_to(ops.reshape(ops.arange(batch, dtype="float32"), (-1, 1, 1, 1)), shape),
            ops.broadcast_to((rows + alpha * field[..., 0])[..., None], shape),
            ops.broadcast_to((cols + alpha * field[..., 1])[..., None], shape),
            ops.broadcast_to(ops.arange(channels, dtype="float32"), shape)])
        order = 0 if interpolation == "nearest" else 1
        warped = ops.image.map_coordinates(x, coordinates, order, fill_mode=self.fill_mode,
                                           fill_value=self.fill_value)
        out = ops.where(ops.reshape(transformation["apply_transform"], (-1, 1, 1, 1)), warped, x)
        return ops.moveaxis(out, -1, 1) if first else out

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "scale": self.scale,
                "interpolation": self.interpolation, "fill_mode": self.fill_mode,
                "fill_value": self.fill_value,
                "value_range": self.value_range, "seed": self.seed}
