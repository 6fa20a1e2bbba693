"""kerax.compat: spellings from older TensorFlow/Keras versions."""
from kerax.compat import v1
