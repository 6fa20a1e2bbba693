"""kerax.data: tf.data's Dataset in Python and NumPy (`kerax.data.Dataset.from_tensor_slices(...)`)."""
from kerax.data import experimental
from kerax.data.dataset import Dataset, Iterator
from kerax.data.experimental import AUTOTUNE
from kerax.data.node import INFINITE_CARDINALITY, UNKNOWN_CARDINALITY
from kerax.data.tensor_spec import TensorSpec
