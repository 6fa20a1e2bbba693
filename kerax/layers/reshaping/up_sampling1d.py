"""UpSampling1D: each step of a sequence (batch, steps, features) repeated `size` times."""
from kerax.layers.legacy_arguments import pop_legacy
from kerax.layers.reshaping.base_up_sampling import BaseUpSampling


class UpSampling1D(BaseUpSampling):
    def __init__(self, size=2, **kwargs):
        size = pop_legacy(kwargs, "length", size)  # Keras 1 spelling
        super().__init__(1, size, "channels_last", **kwargs)

    def get_config(self):
        config = super().get_config()
        del config["data_format"]
        return {**config, "size": self.size[0]}
