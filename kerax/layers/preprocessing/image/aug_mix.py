"""AugMix: while training, `num_chains` chains of up to `chain_depth` augmentations (each step one drawn at
random, or none, inside compiled steps) applied to the batch; the chains are mixed with Dirichlet(alpha)
weights and the mix blended with the original by a Beta(alpha, alpha) weight."""
from kerax import ops, random
from kerax.layers.preprocessing.image.augment_set import COLOUR, GEOMETRIC_AND_TONAL, build_augmentations
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.random import SeedGenerator


class AugMix(BaseImagePreprocessingLayer):
    _BOXES_UNSUPPORTED = "kerax does not move boxes through its mixed augmentation chains yet"
    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, value_range=(0, 255), num_chains=3, chain_depth=3, factor=0.3, alpha=1.0, all_ops=True,
                 interpolation="bilinear", seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.value_range, self.num_chains, self.chain_depth = value_range, num_chains, chain_depth
        self.alpha, self.all_ops, self.interpolation, self.seed = alpha, all_ops, interpolation, seed
        self.generator = SeedGenerator(seed)
        self._names = GEOMETRIC_AND_TONAL + (COLOUR if all_ops else ())
        self.augmentations = build_augmentations(self._names, self.factor, value_range, interpolation, seed,
                                                 self.data_format)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = data["images"] if isinstance(data, dict) else data
        seed = seed or self.generator
        gammas = random.gamma((self.num_chains,), self.alpha, seed=seed)
        steps = [[{name: layer.get_random_transformation(images, seed=seed)
                   for name, layer in self.augmentations.items()} for _ in range(self.chain_depth)]
                 for _ in range(self.num_chains)]
        return {"chain_mixing_weights": gammas / ops.sum(gammas),
                "weight_sample": random.beta((), self.alpha, self.alpha, seed=seed),
                "choices": random.randint((self.num_chains, self.chain_depth), 0, len(self._names) + 1,
                                          seed=seed),
                "chain_transforms": steps}

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        mixed = ops.zeros_like(images)
        for chain in range(self.num_chains):
            chained = images
            for depth in range(self.chain_depth):
                drawn = transformation["chain_transforms"][chain][depth]
                choice = transformation["choices"][chain, depth]
                for index, name in enumerate(self._names):  # index len(names): no augmentation at this step
                    augmented = self.augmentations[name].transform_images(chained, drawn[name])
                    chained = ops.where(choice == index, augmented, chained)
            mixed = mixed + chained * transformation["chain_mixing_weights"][chain]
        weight = transformation["weight_sample"]
        return ops.clip(weight * images + (1 - weight) * mixed, self.value_range[0], self.value_range[1])

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "value_range": self.value_range, "num_chains": self.num_chains,
                "chain_depth": self.chain_depth, "factor": self.factor, "alpha": self.alpha,
                "all_ops": self.all_ops, "interpolation": self.interpolation, "seed": self.seed}
