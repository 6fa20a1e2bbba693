from kerax.layers.preprocessing.normalization import Normalization
from kerax.layers.preprocessing.rescaling import Rescaling
