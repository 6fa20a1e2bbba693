"""AffineAugmentation: the shared body of the layers that warp each image by an affine map (rotation, zoom,
translation, shear). A subclass says which map (`_matrix`: [B, 8] output pixel -> input pixel); pixels,
segmentation masks and bounding boxes all follow that one matrix."""
from kerax import ops
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.bounding_boxes.geometry import through_matrix


class AffineAugmentation(BaseImagePreprocessingLayer):
    def _matrix(self, transformation, height, width):
        raise NotImplementedError(f"{type(self).__name__} does not define its affine map (_matrix()).")

    def _transform_images(self, images, transformation, interpolation):
        if transformation is None:
            return images
        matrix = self._matrix(transformation, *self._height_width(images))
        return ops.image.affine_transform(images, matrix, interpolation=interpolation,
                                          fill_mode=self.fill_mode, fill_value=self.fill_value,
                                          data_format=self.data_format)

    def transform_xyxy_boxes(self, boxes, transformation, training, height, width):
        if transformation is None:
            return boxes
        return through_matrix(boxes, self._matrix(transformation, height, width))
