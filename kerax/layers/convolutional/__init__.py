from kerax.layers.convolutional.conv1d import Conv1D
from kerax.layers.convolutional.conv1d_transpose import Conv1DTranspose
from kerax.layers.convolutional.conv2d import Conv2D
from kerax.layers.convolutional.conv2d_transpose import Conv2DTranspose
from kerax.layers.convolutional.conv3d import Conv3D
from kerax.layers.convolutional.conv3d_transpose import Conv3DTranspose
from kerax.layers.convolutional.depthwise_conv1d import DepthwiseConv1D
from kerax.layers.convolutional.depthwise_conv2d import DepthwiseConv2D
from kerax.layers.convolutional.keras1_convolutions import Convolution2D, Convolution3D
from kerax.layers.convolutional.separable_conv1d import SeparableConv1D
from kerax.layers.convolutional.separable_conv2d import SeparableConv2D

Convolution1D = Conv1D
Convolution1DTranspose = Conv1DTranspose
Convolution2DTranspose = Conv2DTranspose
Convolution3DTranspose = Conv3DTranspose
SeparableConvolution1D = SeparableConv1D
SeparableConvolution2D = SeparableConv2D
