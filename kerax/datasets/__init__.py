"""kerax.datasets: Keras's small datasets, downloaded once into Keras's cache (`~/.keras/datasets`, or under
`$KERAS_HOME`) and read from Keras's own files."""
from kerax.datasets import (
    boston_housing, california_housing, cifar10, cifar100, fashion_mnist, imdb, mnist, reuters,
)
