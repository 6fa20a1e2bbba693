"""CutMix: while training, a random box of each image (area 1 - w, w ~ Beta(a, a) with a drawn from `factor`)
replaced by the same box of another image of the batch; labels mixed by the area actually kept."""
from kerax import ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.boxes_mask import boxes_mask, random_boxes
from kerax.random import SeedGenerator


class CutMix(BaseImagePreprocessingLayer):
    _BOXES_UNSUPPORTED = "a pasted patch cuts into the boxes of both images; Keras does not move them either"
    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor=1.0, seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = data["images"] if isinstance(data, dict) else data
        seed, batch = seed or self.generator, images.shape[0]
        height, width = self._height_width(images)
        alpha = random.uniform((), self.factor[0], self.factor[1], seed=seed) + 1e-6
        ratio = ops.sqrt(1.0 - random.beta((batch,), alpha, alpha, seed=seed))
        corners = random_boxes(batch, height, width, ops.stack([ratio, ratio], axis=1), seed)
        x0, x1, y0, y1 = corners
        return {"permutation_order": random.shuffle(ops.arange(batch), seed=seed),
                "batch_masks": boxes_mask(height, width, corners, self.data_format),
                "mix_weight": 1.0 - (x1 - x0) * (y1 - y0) / (width * height)}

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        other = ops.take(images, transformation["permutation_order"], axis=0)
        return ops.where(transformation["batch_masks"], other, images)

    def transform_labels(self, labels, transformation, training=True):
        if not training or transformation is None:
            return labels
        labels = ops.cast(labels, self.compute_dtype)
        weight = ops.reshape(transformation["mix_weight"], (-1,) + (1,) * (len(labels.shape) - 1))
        return weight * labels + (1.0 - weight) * ops.take(labels, transformation["permutation_order"],
                                                           axis=0)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        if not training or transformation is None:
            return segmentation_masks
        other = ops.take(segmentation_masks, transformation["permutation_order"], axis=0)
        return ops.where(transformation["batch_masks"], other, segmentation_masks)

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "seed": self.seed}
