"""RandomShear: while training, each image sheared about the origin: output (x, y) reads input (x + s_x y, s_y
x + y), with s_x and s_y drawn from `x_factor` and `y_factor` (in [0, 1]) and a random sign."""
from kerax import ops, random
from kerax.layers.preprocessing.image.affine_layer import AffineAugmentation
from kerax.layers.preprocessing.image.geometric import check_fill_and_interpolation, factor_range, unit_range
from kerax.random import SeedGenerator


class RandomShear(AffineAugmentation):
    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, x_factor=0.0, y_factor=0.0, interpolation="bilinear", fill_mode="reflect",
                 fill_value=0.0,
                 data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.x_factor, self.y_factor = _symmetric(x_factor, "x_factor"), _symmetric(y_factor, "y_factor")
        check_fill_and_interpolation(fill_mode, interpolation)
        self.fill_mode, self.fill_value = fill_mode, fill_value
        self.interpolation, self.seed = interpolation, seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = data["images"] if isinstance(data, dict) else data
        seed, shape = seed or self.generator, (images.shape[0],)
        sign = ops.where(random.uniform(shape, seed=seed) > 0.5, -1.0, 1.0)
        shear_y = random.uniform(shape, self.y_factor[0], self.y_factor[1], seed=seed)
        shear_x = random.uniform(shape, self.x_factor[0], self.x_factor[1], seed=seed)
        return {"shear_factor": ops.stack([shear_x, shear_y], axis=1) * sign[:, None]}

    def _matrix(self, transformation, height, width):
        shear = transformation["shear_factor"]
        ones, zeros = ops.ones_like(shear[:, 0]), ops.zeros_like(shear[:, 0])
        return ops.stack([ones, shear[:, 0], zeros, shear[:, 1], ones, zeros, zeros, zeros], axis=1)

    def get_config(self):
        return {**super().get_config(), "x_factor": self.x_factor, "y_factor": self.y_factor,
                "fill_mode": self.fill_mode, "interpolation": self.interpolation, "seed": self.seed,
                "fill_value": self.fill_value}


def _symmetric(factor, name):
    """(-f, f) for one number f in [0, 1], or the two numbers given (each in [-1, 1], so a saved (-f, f)
    loads)."""
    if isinstance(factor, (tuple, list)):
        return factor_range(factor, name)
    low, high = unit_range(factor, name)
    return -high, high
