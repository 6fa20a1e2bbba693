"""UpSampling2D: images (batch, rows, cols, channels) (or channels first) enlarged `size` times, with
interpolation "nearest" (repeated rows and columns) or "bilinear"."""
from kerax.layers.reshaping.base_up_sampling import BaseUpSampling


class UpSampling2D(BaseUpSampling):
    _interpolations = ("nearest", "bilinear")

    def __init__(self, size=(2, 2), data_format=None, interpolation="nearest", **kwargs):
        super().__init__(2, size, data_format, interpolation, **kwargs)

    def get_config(self):
        return {**super().get_config(), "interpolation": self.interpolation}
