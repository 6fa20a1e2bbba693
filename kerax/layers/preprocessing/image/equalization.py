"""Equalization: histogram equalization of each channel of each image (on the 0-255 scale with `bins` bins):
each value maps through the channel's normalised cumulative histogram. Histograms of the whole batch are one
segment sum."""
from kerax import ops
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer
from kerax.layers.preprocessing.image.value_range import checked_value_range


class Equalization(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False

    def __init__(self, value_range=(0, 255), bins=256, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.bins = bins
        self.value_range = checked_value_range(value_range)

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training:
            return images
        first = self.data_format == "channels_first"
        pixels = self._transform_value_range(images, self.value_range, (0, 255), self.compute_dtype)
        planes = pixels if first else ops.moveaxis(pixels, -1, 1)  # [B, C, H, W]
        batch, channels = planes.shape[0], planes.shape[1]
        flat = ops.reshape(planes, (batch * channels, -1))
        bins = ops.cast(ops.clip(flat * (self.bins - 1) / 255.0, 0, self.bins - 1), "int32")
        segments = bins + ops.expand_dims(ops.arange(batch * channels) * self.bins, -1)
        hist = ops.reshape(ops.segment_sum(ops.reshape(ops.ones_like(flat), (-1,)), ops.reshape(segments, (-1,
                                                                                                           )),
                                           num_segments=batch * channels * self.bins), (-1, self.bins))
        cdf = ops.cumsum(hist, axis=-1)
        cdf_min = ops.min(ops.where(cdf > 0, cdf, cdf[:, -1:]), axis=-1, keepdims=True)
        span = cdf[:, -1:] - cdf_min
        table = ops.clip(ops.round((cdf - cdf_min) * 255.0 / ops.where(span > 0, span, 1.0)), 0, 255)
        equalized = ops.take_along_axis(table, bins, axis=-1)
        varied = ops.sum(ops.cast(hist > 0, "int32"), axis=-1, keepdims=True) > 1
        out = ops.reshape(ops.where(varied, equalized, flat), planes.shape)
        out = out if first else ops.moveaxis(out, 1, -1)
        return self._transform_value_range(out, (0, 255), self.value_range, self.compute_dtype)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        return {**super().get_config(), "bins": self.bins, "value_range": self.value_range}
