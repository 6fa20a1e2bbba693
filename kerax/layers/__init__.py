"""kerax.layers: every public layer class (and the functional forms of the merging layers)."""
from kerax.layers.attention import Attention, MultiHeadAttention
from kerax.layers.convolutional import (
    Conv1D, Conv2D, Conv2DTranspose, Conv3D, Convolution1D, Convolution2D, Convolution2DTranspose, Convolution3D,
    DepthwiseConv2D, SeparableConv2D, SeparableConvolution2D,
)
from kerax.layers.core import (
    Activation, Dense, Dropout, Embedding, Flatten, Input, InputLayer, Lambda, Masking, Reshape,
)
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer
from kerax.layers.merging import (
    Add, Average, Concatenate, Dot, Maximum, Minimum, Multiply, Subtract, add, average, concatenate, dot, maximum,
    minimum, multiply, subtract,
)
from kerax.layers.normalization import BatchNormalization, LayerNormalization
from kerax.layers.pooling import (
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
    RandomGrayscale, RandomHue, RandomInvert, RandomPerspective, RandomPosterization, RandomRotation,
    RandomSaturation, RandomSharpness, RandomShear, RandomTranslation, RandomZoom, Rescaling, Resizing,
    Solarization, StringLookup, STFTSpectrogram, TextVectorization,
)
from kerax.layers.recurrent import (
    GRU, LSTM, RNN, Bidirectional, GRUCell, LSTMCell, SimpleRNN, SimpleRNNCell, TimeDistributed,
)
from kerax.layers.regularization import (
    ActivityRegularization, GaussianDropout, GaussianNoise, SpatialDropout1D, SpatialDropout2D, SpatialDropout3D,
)
from kerax.layers.reshaping import (
    Cropping1D, Cropping2D, Cropping3D, Permute, RepeatVector, UpSampling1D, UpSampling2D, UpSampling3D,
    ZeroPadding1D, ZeroPadding2D, ZeroPadding3D,
)
