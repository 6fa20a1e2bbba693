"""RandomGaussianBlur: while training, some images (each with a probability drawn from `factor`) blurred by a
Gaussian of `kernel_size` (odd) with a (height, width) standard deviation drawn from `sigma`."""
from kerax import ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.geometric import unit_range
from kerax.random import SeedGenerator


class RandomGaussianBlur(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor=1.0, kernel_size=3, sigma=1.0, value_range=(0, 255), data_format=None,
                 seed=None,
                 **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.kernel_size = _odd_sizes(kernel_size)
        self.sigma = unit_range(sigma, "sigma")
        self.value_range, self.seed = value_range, seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = data["images"] if isinstance(data, dict) else data
        seed = seed or self.generator
        apply = self._apply_mask(images, seed)
        sigma = random.uniform((2,), self.sigma[0], self.sigma[1], seed=seed) + 1e-6
        return {"should_apply_blur": apply, "blur_factor": sigma}

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        blurred = ops.image.gaussian_blur(images, kernel_size=self.kernel_size,
                                          sigma=transformation["blur_factor"],
                                          data_format=self.data_format)
        out = ops.where(ops.reshape(transformation["should_apply_blur"], (-1, 1, 1, 1)), blurred, images)
        return ops.clip(out, self.value_range[0], self.value_range[1])

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "kernel_size": self.kernel_size,
                "sigma": self.sigma, "value_range": self.value_range, "seed": self.seed}


def _odd_sizes(kernel_size):
    sizes = tuple(kernel_size) if isinstance(kernel_size, (tuple, list)) else (kernel_size, kernel_size)
    if len(sizes) != 2 or any(int(k) % 2 == 0 for k in sizes):
        raise ValueError(f"kernel_size must be an odd number. Received: kernel_size={kernel_size}")
    return tuple(int(k) for k in sizes)
