"""LocallyConnected2D (tf.keras): an unshared-weights convolution over images (batch, rows, cols, channels)
(or channels first)."""
from kerax.layers.locally_connected.base_locally_connected import BaseLocallyConnected


class LocallyConnected2D(BaseLocallyConnected):
    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid", data_format=None, **kwargs):
        super().__init__(2, filters, kernel_size, strides=strides, padding=padding, data_format=data_format,
                         **kwargs)
