"""UpSampling3D: volumes (batch, depth, rows, cols, channels) (or channels first) with every entry repeated
`size` times along each spatial axis."""
from kerax.layers.reshaping.base_up_sampling import BaseUpSampling


class UpSampling3D(BaseUpSampling):
    def __init__(self, size=(2, 2, 2), data_format=None, **kwargs):
        super().__init__(3, size, data_format, **kwargs)
