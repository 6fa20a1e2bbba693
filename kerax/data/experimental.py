"""kerax.data.experimental: the names tf.data kept here before they moved to tf.data itself."""
from kerax.data.node import INFINITE_CARDINALITY, UNKNOWN_CARDINALITY

AUTOTUNE = -1

__all__ = ["AUTOTUNE", "INFINITE_CARDINALITY", "UNKNOWN_CARDINALITY", "cardinality"]


def cardinality(dataset):
    return dataset.cardinality()
