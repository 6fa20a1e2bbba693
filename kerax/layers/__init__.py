"""kerax.layers: every public layer class (and the functional forms of the merging layers)."""
from kerax.layers import nested as _nested
from kerax.serialization import registry as _serialization
from kerax.layers.activations import ELU, LeakyReLU, PReLU, ReLU, Softmax, ThresholdedReLU
from kerax.layers.attention import (
    AdditiveAttention, Attention, GroupedQueryAttention, GroupQueryAttention, MultiHeadAttention,
)
from kerax.layers.convolutional import (
    Conv1D, Conv1DTranspose, Conv2D, Conv2DTranspose, Conv3D, Conv3DTranspose, Convolution1D,
    Convolution1DTranspose, Convolution2D, Convolution2DTranspose, Convolution3D, Convolution3DTranspose,
    DepthwiseConv1D, DepthwiseConv2D, SeparableConv1D, SeparableConv2D, SeparableConvolution1D,
    SeparableConvolution2D,
)
from kerax.layers.core import (
    Activation, Dense, Dropout, EinsumDense, Embedding, Flatten, FlaxLayer, Identity, Input, InputLayer,
    JaxLayer, Lambda, Masking, Reshape, ReversibleEmbedding, Wrapper,
)
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer
from kerax.layers.locally_connected import LocallyConnected1D, LocallyConnected2D
from kerax.layers.merging import (
    Add, Average, Concatenate, Dot, Maximum, Minimum, Multiply, Subtract, add, average, concatenate, dot, maximum,
    minimum, multiply, subtract,
)
from kerax.layers.normalization import (
    BatchNormalization, GroupNormalization, LayerNormalization, RMSNormalization, SpectralNormalization,
    UnitNormalization,
)
from kerax.layers.pooling import (
    AdaptiveAveragePooling1D, AdaptiveAveragePooling2D, AdaptiveAveragePooling3D, AdaptiveMaxPooling1D,
    AdaptiveMaxPooling2D, AdaptiveMaxPooling3D,
    AveragePooling1D, AveragePooling2D, AveragePooling3D, AvgPool1D, AvgPool2D, AvgPool3D, GlobalAveragePooling1D,
    GlobalAveragePooling2D, GlobalAveragePooling3D, GlobalAvgPool1D, GlobalAvgPool2D, GlobalAvgPool3D,
    GlobalMaxPool1D, GlobalMaxPool2D, GlobalMaxPool3D, GlobalMaxPooling1D, GlobalMaxPooling2D, GlobalMaxPooling3D,
    MaxPool1D, MaxPool2D, MaxPool3D, MaxPooling1D, MaxPooling2D, MaxPooling3D,
)
from kerax.layers.preprocessing import (
    AugMix, AutoContrast, CategoryEncoding, CenterCrop, ContrastLimitedAdaptiveHistogramEqualization, CutMix,
    Discretization, Equalization, HashedCrossing, Hashing, IntegerLookup, MaxNumBoundingBoxes, MelSpectrogram,
    MixUp, Normalization, Pipeline, RandAugment, RandomBrightness, RandomColorDegeneration, RandomColorJitter,
    RandomContrast, RandomCrop, RandomElasticTransform, RandomErasing, RandomFlip, RandomGaussianBlur,
    RandomGrayscale, RandomHeight, RandomHue, RandomInvert, RandomPerspective, RandomPosterization,
    RandomRotation, RandomSaturation, RandomSharpness, RandomShear, RandomTranslation, RandomWidth,
    RandomZoom, Rescaling, Resizing, Solarization, StringLookup, STFTSpectrogram, TextVectorization,
)
from kerax.layers.recurrent import (
    GRU, LSTM, RNN, AbstractRNNCell, Bidirectional, ConvLSTM1D, ConvLSTM2D, ConvLSTM3D, GRUCell, LSTMCell,
    SimpleRNN, SimpleRNNCell, StackedRNNCells, TimeDistributed,
)
from kerax.layers.regularization import (
    ActivityRegularization, AlphaDropout, GaussianDropout, GaussianNoise, SpatialDropout1D, SpatialDropout2D,
    SpatialDropout3D,
)
from kerax.layers.reshaping import (
    Cropping1D, Cropping2D, Cropping3D, Permute, RepeatVector, UpSampling1D, UpSampling2D, UpSampling3D,
    ZeroPadding1D, ZeroPadding2D, ZeroPadding3D,
)


def serialize(layer):
    """`{"module", "class_name", "config", "registered_name"}` of a layer, as Keras writes it."""
    return _serialization.serialize(layer)


def deserialize(config, custom_objects=None):
    """A layer from `serialize`'s output (or tf.keras's `{"class_name", "config"}`)."""
    return _nested.deserialize_layer(config, custom_objects)
