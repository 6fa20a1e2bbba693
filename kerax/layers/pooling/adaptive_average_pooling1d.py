"""AdaptiveAveragePooling1D: the average over windows that tile each of the 1 spatial axes into `output_size`."""
from kerax.layers.pooling.base_adaptive_pooling import BaseAdaptiveAveragePooling


class AdaptiveAveragePooling1D(BaseAdaptiveAveragePooling):
    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(1, output_size, data_format, **kwargs)
