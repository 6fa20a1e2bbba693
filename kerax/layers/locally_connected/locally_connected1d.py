"""LocallyConnected1D (tf.keras): an unshared-weights convolution over sequences (batch, steps, channels)
(or channels first)."""
from kerax.layers.locally_connected.base_locally_connected import BaseLocallyConnected


class LocallyConnected1D(BaseLocallyConnected):
    def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format=None, **kwargs):
        super().__init__(1, filters, kernel_size, strides=strides, padding=padding, data_format=data_format,
                         **kwargs)
