"""AdaptiveAveragePooling1D: the mean over windows that tile each spatial axis into `output_size` parts."""
from kerax.layers.pooling.base_adaptive_pooling import BaseAdaptiveAveragePooling


class AdaptiveAveragePooling1D(BaseAdaptiveAveragePooling):
    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(1, output_size, data_format, **kwargs)
