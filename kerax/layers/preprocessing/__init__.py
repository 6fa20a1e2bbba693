from kerax.layers.preprocessing.category_encoding import CategoryEncoding
from kerax.layers.preprocessing.discretization import Discretization
from kerax.layers.preprocessing.hashed_crossing import HashedCrossing
from kerax.layers.preprocessing.hashing import Hashing
from kerax.layers.preprocessing.image import (
    CenterCrop, RandomBrightness, RandomContrast, RandomCrop, RandomFlip, RandomRotation, RandomTranslation,
    RandomZoom, Resizing,
)
from kerax.layers.preprocessing.integer_lookup import IntegerLookup
from kerax.layers.preprocessing.normalization import Normalization
from kerax.layers.preprocessing.rescaling import Rescaling
from kerax.layers.preprocessing.string_lookup import StringLookup
from kerax.layers.preprocessing.text_vectorization import TextVectorization
