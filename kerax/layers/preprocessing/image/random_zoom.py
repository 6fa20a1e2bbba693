"""RandomZoom: while training, each image zoomed about its centre by 1 + a factor drawn from `height_factor`
(and `width_factor`; without it the aspect ratio is kept). Positive factors zoom out, negative ones in."""
from kerax import random
from kerax.layers.preprocessing.image.affine import scale_translate_matrix
from kerax.layers.preprocessing.image.affine_layer import AffineAugmentation
from kerax.layers.preprocessing.image.geometric import check_fill_and_interpolation, factor_range
from kerax.random import SeedGenerator


class RandomZoom(AffineAugmentation):
    _USE_BASE_FACTOR = False

    def __init__(self, height_factor, width_factor=None, fill_mode="reflect", interpolation="bilinear",
                 seed=None,
                 fill_value=0.0, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.height_factor, self.width_factor = height_factor, width_factor
        self.height_lower, self.height_upper = factor_range(height_factor, "height_factor", False)
        if width_factor is not None:
            self.width_lower, self.width_upper = factor_range(width_factor, "width_factor", False)
        check_fill_and_interpolation(fill_mode, interpolation)
        self.fill_mode, self.fill_value = fill_mode, fill_value
        self.interpolation, self.seed = interpolation, seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = data["images"] if isinstance(data, dict) else data
        seed = seed or self.generator
        shape = (images.shape[0],)
        height_zoom = random.uniform(shape, 1.0 + self.height_lower, 1.0 + self.height_upper, seed=seed)
        width_zoom = height_zoom if self.width_factor is None else random.uniform(
            shape, 1.0 + self.width_lower, 1.0 + self.width_upper, seed=seed)
        return {"height_zoom": height_zoom, "width_zoom": width_zoom}

    def _matrix(self, transformation, height, width):
        zx, zy = transformation["width_zoom"], transformation["height_zoom"]
        return scale_translate_matrix(zx, zy, (width - 1) / 2.0 * (1.0 - zx), (height - 1) / 2.0 * (1.0 - zy))

    def get_config(self):
        return {**super().get_config(), "height_factor": self.height_factor,
                "width_factor": self.width_factor,
                "fill_mode": self.fill_mode, "interpolation": self.interpolation, "seed": self.seed,
                "fill_value": self.fill_value}
