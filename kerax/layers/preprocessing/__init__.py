from kerax.layers.preprocessing.category_encoding import CategoryEncoding
from kerax.layers.preprocessing.discretization import Discretization
from kerax.layers.preprocessing.hashed_crossing import HashedCrossing
from kerax.layers.preprocessing.hashing import Hashing
from kerax.layers.preprocessing.image import (
    AugMix, AutoContrast, CenterCrop, ContrastLimitedAdaptiveHistogramEqualization, CutMix, Equalization,
    MaxNumBoundingBoxes, MixUp, RandAugment, RandomBrightness, RandomColorDegeneration, RandomColorJitter,
    RandomContrast, RandomCrop, RandomElasticTransform, RandomErasing, RandomFlip, RandomGaussianBlur,
    RandomGrayscale, RandomHeight, RandomHue, RandomInvert, RandomPerspective, RandomPosterization,
    RandomRotation, RandomSaturation, RandomSharpness, RandomShear, RandomTranslation, RandomWidth,
    RandomZoom, Resizing, Solarization,
)
from kerax.layers.preprocessing.integer_lookup import IntegerLookup
from kerax.layers.preprocessing.mel_spectrogram import MelSpectrogram
from kerax.layers.preprocessing.normalization import Normalization
from kerax.layers.preprocessing.pipeline import Pipeline
from kerax.layers.preprocessing.rescaling import Rescaling
from kerax.layers.preprocessing.stft_spectrogram import STFTSpectrogram
from kerax.layers.preprocessing.string_lookup import StringLookup
from kerax.layers.preprocessing.text_vectorization import TextVectorization
