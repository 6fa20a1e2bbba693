"""kerax.data.experimental: the names tf.data kept there before they moved to tf.data itself."""
from kerax.data.node import INFINITE_CARDINALITY, UNKNOWN_CARDINALITY

AUTOTUNE = -1


def cardinality(dataset):
    return dataset.cardinality()
