"""RandomTranslation: while training, each image shifted by fractions of its height and width drawn from
`height_factor` and `width_factor` (one number f means [-f, f]; positive moves down / right)."""
from kerax import ops, random
from kerax.layers.preprocessing.image.affine import scale_translate_matrix
from kerax.layers.preprocessing.image.affine_layer import AffineAugmentation
from kerax.layers.preprocessing.image.geometric import check_fill_and_interpolation, factor_range
from kerax.random import SeedGenerator


class RandomTranslation(AffineAugmentation):
    _USE_BASE_FACTOR = False

    def __init__(self, height_factor, width_factor, fill_mode="reflect", interpolation="bilinear", seed=None,
                 fill_value=0.0, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.height_factor, self.width_factor = height_factor, width_factor
        self.height_lower, self.height_upper = factor_range(height_factor, "height_factor")
        self.width_lower, self.width_upper = factor_range(width_factor, "width_factor")
        check_fill_and_interpolation(fill_mode, interpolation)
        self.fill_mode, self.fill_value = fill_mode, fill_value
        self.interpolation, self.seed = interpolation, seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = data["images"] if isinstance(data, dict) else data
        seed = seed or self.generator
        height, width = self._height_width(images)
        shape = (images.shape[0],)
        dy = random.uniform(shape, self.height_lower, self.height_upper, seed=seed) * height
        dx = random.uniform(shape, self.width_lower, self.width_upper, seed=seed) * width
        return {"translations": ops.stack([dx, dy], axis=1)}

    def _matrix(self, transformation, height, width):
        shifts = transformation["translations"]
        ones = ops.ones_like(shifts[:, 0])
        return scale_translate_matrix(ones, ones, -shifts[:, 0], -shifts[:, 1])

    def get_config(self):
        return {**super().get_config(), "height_factor": self.height_factor,
                "width_factor": self.width_factor,
                "fill_mode": self.fill_mode, "interpolation": self.interpolation, "seed": self.seed,
                "fill_value": self.fill_value}
