"""RandAugment: while training, `num_ops` times, one augmentation drawn at random (the same for the whole
batch, drawn inside compiled steps) from shear, translation, rotation, brightness, colour degeneration,
contrast, sharpness, posterization, solarization, auto-contrast and equalization, all of strength `factor`.
Bounding boxes follow the geometric ones."""
from kerax import ops, random
from kerax.layers.preprocessing.image.augment_set import COLOUR, GEOMETRIC_AND_TONAL, build_augmentations
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.random import SeedGenerator

_NAMES = GEOMETRIC_AND_TONAL[:3] + COLOUR + GEOMETRIC_AND_TONAL[3:]


class RandAugment(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, value_range=(0, 255), num_ops=2, factor=0.5, interpolation="bilinear", seed=None,
                 data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.value_range, self.num_ops = value_range, num_ops
        self.interpolation, self.seed = interpolation, seed
        self.generator = SeedGenerator(seed)
        self.augmentations = build_augmentations(_NAMES, self.factor, value_range, interpolation, seed,
                                                 self.data_format)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = data["images"] if isinstance(data, dict) else data
        seed = seed or self.generator
        chosen = random.randint((self.num_ops,), 0, len(_NAMES), seed=seed)
        drawn = {name: layer.get_random_transformation(images, seed=seed)
                 for name, layer in self.augmentations.items()}
        return {"transforms": drawn, "layer_idxes": chosen}

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        for step in range(self.num_ops):
            for index, name in enumerate(_NAMES):
                augmented = self.augmentations[name].transform_images(images,
                                                                      transformation["transforms"][name])
                images = ops.where(transformation["layer_idxes"][step] == index, augmented, images)
        return images

    def transform_xyxy_boxes(self, boxes, transformation, training, height, width):
        if not training or transformation is None:
            return boxes
        for step in range(self.num_ops):
            for index, name in enumerate(_NAMES):
                drawn = transformation["transforms"][name]
                moved = self.augmentations[name].transform_xyxy_boxes(boxes, drawn, training, height, width)
                boxes = ops.where(transformation["layer_idxes"][step] == index, moved, boxes)
        return boxes

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "value_range": self.value_range, "num_ops": self.num_ops,
                "factor": self.factor, "interpolation": self.interpolation, "seed": self.seed}
