"""kerax.preprocessing: Keras's `keras.preprocessing` namespace (dataset readers and the `image` module)."""
from kerax.preprocessing import image
from kerax.utils.image_dataset import image_dataset_from_directory
from kerax.utils.text_dataset import text_dataset_from_directory
from kerax.utils.timeseries_dataset import timeseries_dataset_from_array
