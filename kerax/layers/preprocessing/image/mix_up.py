"""MixUp: while training, each image (and its label and mask) blended with another image of the batch (a
random permutation), `w x + (1 - w) x_other`, w ~ Beta(alpha, alpha) per image; its bounding boxes are its
own followed by the other image's."""
from kerax import ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.random import SeedGenerator


class MixUp(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False

    def __init__(self, alpha=0.2, data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.alpha, self.seed = alpha, seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = data["images"] if isinstance(data, dict) else data
        seed, batch = seed or self.generator, images.shape[0]
        order = random.shuffle(ops.arange(batch), seed=seed)
        return {"mix_weight": random.beta((batch,), self.alpha, self.alpha, seed=seed),
                "permutation_order": order}

    def _mix(self, values, transformation, training):
        if not training:
            return values
        values = ops.cast(values, self.compute_dtype)
        weight = ops.reshape(transformation["mix_weight"], (-1,) + (1,) * (len(values.shape) - 1))
        return weight * values + (1.0 - weight) * ops.take(values, transformation["permutation_order"],
                                                           axis=0)

    def transform_images(self, images, transformation=None, training=True):
        return self._mix(images, transformation, training) if training else ops.cast(images,
                                                                                     self.compute_dtype)

    def transform_labels(self, labels, transformation, training=True):
        return self._mix(labels, transformation, training)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return self._mix(segmentation_masks, transformation, training)

    def transform_xyxy_boxes(self, boxes, transformation, training, height, width):
        return self._with_partner(boxes, transformation, training)

    def transform_box_labels(self, labels, transformation, training):
        return self._with_partner(labels, transformation, training)

    def _with_partner(self, values, transformation, training):
        """A blended image holds the objects of both: its boxes followed by its partner's (as in Keras)."""
        if not training:
            return values
        partner = ops.take(values, transformation["permutation_order"], axis=0)
        return ops.concatenate([values, partner], axis=1)

    def get_config(self):
        return {**super().get_config(), "alpha": self.alpha, "seed": self.seed}
