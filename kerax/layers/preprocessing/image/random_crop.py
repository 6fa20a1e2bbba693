"""RandomCrop: while training, one random (height, width) window for the whole batch; at inference (and for
images smaller than the target) the largest central window of the target aspect ratio, resized."""
from kerax import ops, random
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.bounding_boxes.geometry import shift
from kerax.layers.preprocessing.image.bounding_boxes.resize import resize_boxes
from kerax.layers.preprocessing.image.resizing import _with_size
from kerax.random import SeedGenerator


class RandomCrop(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False

    def __init__(self, height, width, seed=None, data_format=None, name=None, **kwargs):
        super().__init__(name=name, data_format=data_format, **kwargs)
        self.height, self.width = height, width
        self.seed = seed if seed is not None else random.fresh_seed()
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = data["images"] if isinstance(data, dict) else data
        height, width = self._height_width(images)
        if not (training and height >= self.height and width >= self.width):
            return None
        seed = seed or self.generator
        top = random.randint((), 0, height - self.height + 1, seed=seed)
        left = random.randint((), 0, width - self.width + 1, seed=seed)
        return {"top": top, "left": left}

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if transformation is None:
            return ops.image.resize(images, (self.height, self.width), crop_to_aspect_ratio=True,
                                    data_format=self.data_format)
        sizes = list(images.shape)
        h_axis, w_axis = self._spatial_axes()
        sizes[h_axis], sizes[w_axis] = self.height, self.width
        starts = [0] * 4
        starts[h_axis], starts[w_axis] = transformation["top"], transformation["left"]
        return ops.slice(images, starts, sizes)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return self.transform_images(segmentation_masks, transformation, training)

    def transform_xyxy_boxes(self, boxes, transformation, training, height, width):
        if transformation is None:
            return resize_boxes(boxes, height, width, self.height, self.width, crop_to_aspect_ratio=True)
        return shift(boxes, -ops.cast(transformation["left"], boxes.dtype),
                     -ops.cast(transformation["top"], boxes.dtype))

    def compute_output_shape(self, input_shape):
        return _with_size(input_shape, self.height, self.width, self.data_format)

    def get_config(self):
        return {**super().get_config(), "height": self.height, "width": self.width, "seed": self.seed}
