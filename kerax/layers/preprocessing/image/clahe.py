"""ContrastLimitedAdaptiveHistogramEqualization (CLAHE): histogram equalization per tile of a
`tile_grid_size` grid (on the 0-255 scale), each tile histogram clipped at `clip_limit` times its mean bin
count with the excess spread evenly, and each pixel mapped through the bilinear blend of the four nearest tile
mappings. Histograms of all tiles are one segment sum; the image is padded symmetrically to whole tiles."""
from kerax import ops
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer


class ContrastLimitedAdaptiveHistogramEqualization(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False

    def __init__(self, value_range=(0, 255), clip_limit=4.0, tile_grid_size=(8, 8), data_format=None,
                 **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.value_range, self.clip_limit = value_range, clip_limit
        self.tile_grid_size = tuple(tile_grid_size)

    def transform_images(self, images, transformation=None, training=True):
        first = self.data_format == "channels_first"
        x = ops.moveaxis(images, 1, -1) if first else images
        pixels = self._transform_value_range(ops.cast(x, "float32"), self.value_range, (0, 255), "float32")
        out = self._transform_value_range(self._equalize(pixels), (0, 255), self.value_range, "float32")
        out = ops.cast(out, self.compute_dtype)
        return ops.moveaxis(out, -1, 1) if first else out

    def _equalize(self, pixels):
        batch, height, width, channels = pixels.shape
        grid_h, grid_w = self.tile_grid_size
        tile_h, tile_w = -(-height // grid_h), -(-width // grid_w)
        padded = ops.pad(pixels, ((0, 0), (0, tile_h * grid_h - height), (0, tile_w * grid_w - width), (0,
                                                                                                        0)),
                         mode="symmetric")
        values = ops.cast(ops.clip(padded, 0, 255), "int32")
        mapping = self._tile_mappings(values, tile_h, tile_w, channels)  # [B, gh + 2, gw + 2, C, 256]
        rows = ops.arange(tile_h * grid_h, dtype="float32")
        cols = ops.arange(tile_w * grid_w, dtype="float32")
        out = 0.0
        for (y, wy), (x, wx) in ((r, c) for r in _neighbours(rows, tile_h, grid_h)
                                 for c in _neighbours(cols, tile_w, grid_w)):
            index = ((((ops.reshape(ops.arange(batch), (-1, 1, 1, 1)) * (grid_h + 2) + y[:, None, None]) *
                       (grid_w + 2) + x[None, :, None]) * channels + ops.arange(channels)) * 256 + values)
            out = out + ops.take(ops.reshape(mapping, (-1,)), index) * (wy[:, None, None] * wx[None, :, None])
        return out[:, :height, :width, :]

    def _tile_mappings(self, values, tile_h, tile_w, channels):
        batch = values.shape[0]
        grid_h, grid_w = self.tile_grid_size
        tiles = ops.reshape(values, (batch, grid_h, tile_h, grid_w, tile_w, channels))
        tiles = ops.reshape(ops.transpose(tiles, (0, 1, 3, 5, 2, 4)), (-1, tile_h * tile_w))
        segments = tiles + ops.expand_dims(ops.arange(tiles.shape[0]) * 256, -1)
        hist = ops.reshape(ops.segment_sum(ops.ones((tiles.shape[0] * tile_h * tile_w,)),
                                           ops.reshape(segments, (-1,)), num_segments=tiles.shape[0] * 256),
                           (batch, grid_h, grid_w, channels, 256))
        if self.clip_limit > 0:
            clipped = ops.minimum(hist, self.clip_limit * tile_h * tile_w / 256.0)
            hist = clipped + ops.sum(hist - clipped, axis=-1, keepdims=True) / 256.0
        cdf = ops.cumsum(hist, axis=-1)
        cdf_min = ops.min(cdf, axis=-1, keepdims=True)
        span = tile_h * tile_w - cdf_min
        mapping = ops.clip((cdf - cdf_min) * 255.0 / ops.where(span == 0, 1.0, span), 0, 255)
        mapping = ops.concatenate([mapping[:, :1], mapping, mapping[:, -1:]], axis=1)
        return ops.concatenate([mapping[:, :, :1], mapping, mapping[:, :, -1:]], axis=2)

    def get_config(self):
        return {**super().get_config(), "value_range": self.value_range, "clip_limit": self.clip_limit,
                "tile_grid_size": self.tile_grid_size}


def _neighbours(positions, tile, grid):
    """For pixel positions along one axis: the two nearest tile centres (in the edge-padded tile grid) and the
    bilinear weight of each."""
    coordinate = (positions - tile / 2.0) / tile + 1.0
    low = ops.floor(coordinate)
    weight = coordinate - low
    low_index = ops.cast(ops.clip(low, 0, grid + 1), "int32")
    high_index = ops.cast(ops.clip(low + 1.0, 0, grid + 1), "int32")
    return (low_index, 1.0 - weight), (high_index, weight)
