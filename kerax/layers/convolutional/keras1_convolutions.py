"""Convolution2D / Convolution3D: Conv2D / Conv3D that also read Keras 1's positional kernel dimensions,
`Convolution2D(8, 5, 5)` = 8 filters of 5x5 (in Keras 3, `Conv2D(8, 5, 5)` means strides 5)."""
from kerax.layers.convolutional.conv2d import Conv2D
from kerax.layers.convolutional.conv3d import Conv3D


def _reading_keras1_positions(base, rank):
    class Convolution(base):
        def __init__(self, filters=None, kernel_size=None, *args, **kwargs):
            dims = args[:rank - 1]
            if isinstance(kernel_size, int) and len(dims) == rank - 1 and all(isinstance(d, int) for d in dims):
                kernel_size, args = (kernel_size, *dims), args[rank - 1:]
            super().__init__(filters, kernel_size, *args, **kwargs)

    Convolution.__name__ = Convolution.__qualname__ = f"Convolution{rank}D"
    Convolution.__module__ = __name__
    return Convolution


Convolution2D = _reading_keras1_positions(Conv2D, 2)
Convolution3D = _reading_keras1_positions(Conv3D, 3)
