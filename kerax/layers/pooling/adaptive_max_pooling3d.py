"""AdaptiveMaxPooling3D: the max over windows that tile each spatial axis into `output_size` parts."""
from kerax.layers.pooling.base_adaptive_pooling import BaseAdaptiveMaxPooling


class AdaptiveMaxPooling3D(BaseAdaptiveMaxPooling):
    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(3, output_size, data_format, **kwargs)
