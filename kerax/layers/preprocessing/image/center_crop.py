"""CenterCrop: the central (height, width) window of each image; an image smaller than that on either side is
first cropped to the target aspect ratio and resized (Keras's `smart_resize`)."""
from kerax import ops
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.bounding_boxes.geometry import shift
from kerax.layers.preprocessing.image.bounding_boxes.resize import resize_boxes
from kerax.layers.preprocessing.image.resizing import _with_size


class CenterCrop(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False

    def __init__(self, height, width, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.height, self.width = height, width

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        height, width = self._height_width(images)
        if height < self.height or width < self.width:
            return ops.image.resize(images, (self.height, self.width), crop_to_aspect_ratio=True,
                                    data_format=self.data_format)
        return ops.image.crop_images(images, (height - self.height) // 2, (width - self.width) // 2,
                                     target_height=self.height, target_width=self.width,
                                     data_format=self.data_format)

    def transform_segmentation_masks(self, segmentation_masks, transformation=None, training=True):
        return self.transform_images(segmentation_masks, transformation, training)

    def transform_xyxy_boxes(self, boxes, transformation, training, height, width):
        if height < self.height or width < self.width:
            return resize_boxes(boxes, height, width, self.height, self.width, crop_to_aspect_ratio=True)
        return shift(boxes, -((width - self.width) // 2), -((height - self.height) // 2))

    def compute_output_shape(self, input_shape):
        return _with_size(input_shape, self.height, self.width, self.data_format)

    def get_config(self):
        return {**super().get_config(), "height": self.height, "width": self.width}
