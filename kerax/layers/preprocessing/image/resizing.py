"""Resizing: images resized to (height, width) with `ops.image.resize` (optionally cropped or padded to the
target aspect ratio first); segmentation masks with nearest-neighbour sampling; bounding boxes scaled (and
shifted by the crop or padding) to match."""
from kerax import ops
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.bounding_boxes.resize import resize_boxes


class Resizing(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False

    def __init__(self, height, width, interpolation="bilinear", crop_to_aspect_ratio=False,
                 pad_to_aspect_ratio=False, fill_mode="constant", fill_value=0.0, antialias=False,
                 data_format=None,
                 **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.height, self.width, self.interpolation = height, width, interpolation
        self.crop_to_aspect_ratio, self.pad_to_aspect_ratio = crop_to_aspect_ratio, pad_to_aspect_ratio
        self.fill_mode, self.fill_value, self.antialias = fill_mode, fill_value, bool(antialias)

    def _transform_images(self, images, transformation, interpolation):
        return ops.image.resize(images, (self.height, self.width), interpolation=interpolation,
                                antialias=self.antialias, crop_to_aspect_ratio=self.crop_to_aspect_ratio,
                                pad_to_aspect_ratio=self.pad_to_aspect_ratio, fill_mode=self.fill_mode,
                                fill_value=self.fill_value, data_format=self.data_format)

    def transform_images(self, images, transformation=None, training=True):
        return self._transform_images(images, transformation, self.interpolation)

    def transform_segmentation_masks(self, segmentation_masks, transformation=None, training=True):
        return self._transform_images(segmentation_masks, transformation, "nearest")

    def transform_xyxy_boxes(self, boxes, transformation, training, height, width):
        return resize_boxes(boxes, height, width, self.height, self.width, self.crop_to_aspect_ratio,
                            self.pad_to_aspect_ratio)

    def compute_output_shape(self, input_shape):
        return _with_size(input_shape, self.height, self.width, self.data_format)

    def get_config(self):
        return {**super().get_config(), "height": self.height, "width": self.width,
                "interpolation": self.interpolation, "crop_to_aspect_ratio": self.crop_to_aspect_ratio,
                "pad_to_aspect_ratio": self.pad_to_aspect_ratio, "fill_mode": self.fill_mode,
                "fill_value": self.fill_value, "antialias": self.antialias}


def _with_size(input_shape, height, width, data_format):
    shape = list(input_shape)
    offset = 3 if data_format == "channels_last" else 2
    shape[-offset], shape[-offset + 1] = height, width
    return tuple(shape)
