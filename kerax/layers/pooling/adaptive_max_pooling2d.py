"""AdaptiveMaxPooling2D: the max over windows that tile each spatial axis into `output_size` parts."""
from kerax.layers.pooling.base_adaptive_pooling import BaseAdaptiveMaxPooling


class AdaptiveMaxPooling2D(BaseAdaptiveMaxPooling):
    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(2, output_size, data_format, **kwargs)
