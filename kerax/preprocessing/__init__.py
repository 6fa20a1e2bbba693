"""kerax.preprocessing: Keras's `keras.preprocessing` namespace (the dataset readers and the `image` module) and
tf.keras's `preprocessing.sequence` and `preprocessing.text` utilities."""
from kerax.preprocessing import image, sequence, text
from kerax.utils.image_dataset import image_dataset_from_directory
from kerax.utils.text_dataset import text_dataset_from_directory
from kerax.utils.timeseries_dataset import timeseries_dataset_from_array
