"""SpatialDropout1D/2D/3D: Dropout that drops whole feature maps (channels) rather than single values, which
suits convolutional features whose neighbours are strongly correlated."""
from kerax.backend import standardize_data_format
from kerax.layers.core.dropout import Dropout
from kerax.layers.input_spec import InputSpec


class _SpatialDropout(Dropout):
    spatial_rank = None

    def __init__(self, rate, seed=None, data_format=None, **kwargs):
        kwargs.pop("noise_shape", None)  # Keras's configs record it; it follows from data_format
        self.data_format = standardize_data_format(data_format)
        # One draw per (sample, channel), broadcast over the spatial axes.
        spatial = (1,) * self.spatial_rank
        if self.data_format == "channels_first":
            noise_shape = (None, None) + spatial
        else:
            noise_shape = (None,) + spatial + (None,)
        super().__init__(rate, noise_shape=noise_shape, seed=seed, **kwargs)
        self.input_spec = InputSpec(ndim=self.spatial_rank + 2)

    def get_config(self):
        config = super().get_config()
        del config["noise_shape"]  # derived from data_format
        config["data_format"] = self.data_format
        return config


class SpatialDropout1D(_SpatialDropout):
    spatial_rank = 1

    def __init__(self, rate, seed=None, **kwargs):
        super().__init__(rate, seed=seed, data_format="channels_last", **kwargs)

    def get_config(self):
        config = super().get_config()
        del config["data_format"]  # Keras's SpatialDropout1D is always channels-last
        return config


class SpatialDropout2D(_SpatialDropout):
    spatial_rank = 2


class SpatialDropout3D(_SpatialDropout):
    spatial_rank = 3
