"""RandomRotation: while training, each image rotated about its centre by an angle drawn uniformly from
`factor * 360` degrees (one number f means [-f, f]), filled and sampled as `fill_mode` / `interpolation` say.
"""
from kerax import ops, random
from kerax.layers.preprocessing.image.affine import affine_matrix
from kerax.layers.preprocessing.image.affine_layer import AffineAugmentation
from kerax.layers.preprocessing.image.geometric import check_fill_and_interpolation
from kerax.random import SeedGenerator


class RandomRotation(AffineAugmentation):
    def __init__(self, factor, fill_mode="reflect", interpolation="bilinear", seed=None, fill_value=0.0,
                 data_format=None, **kwargs):
        super().__init__(factor=factor, data_format=data_format, **kwargs)
        check_fill_and_interpolation(fill_mode, interpolation)
        self.seed, self.fill_mode = seed, fill_mode
        self.interpolation, self.fill_value = interpolation, fill_value
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = data["images"] if isinstance(data, dict) else data
        batch = images.shape[0]
        angle = random.uniform((batch,), self.factor[0] * 360.0, self.factor[1] * 360.0,
                               seed=seed or self.generator)
        height, width = self._height_width(images)
        zeros, ones = ops.zeros((batch,)), ops.ones((batch,))
        matrix = affine_matrix(0.5, 0.5, angle, zeros, zeros, ones, zeros, zeros, height, width)
        return {"angle": angle, "rotation_matrix": matrix}

    def _matrix(self, transformation, height, width):
        return transformation["rotation_matrix"]

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "fill_mode": self.fill_mode,
                "fill_value": self.fill_value, "interpolation": self.interpolation, "seed": self.seed}
