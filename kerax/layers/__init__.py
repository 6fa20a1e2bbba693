"""kerax.layers: every public layer class."""
from kerax.layers.core import (
    Activation, Dense, Dropout, Flatten, Input, InputLayer, Lambda, Reshape,
)
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer
