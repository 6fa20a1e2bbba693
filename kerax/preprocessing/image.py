"""kerax.preprocessing.image: image files and arrays (load_img, save_img, ...) and tf.keras's
ImageDataGenerator with its iterators and functional augmentations."""
from kerax.preprocessing.dataframe_iterator import DataFrameIterator
from kerax.preprocessing.directory_iterator import DirectoryIterator
from kerax.preprocessing.image_data_generator import ImageDataGenerator
from kerax.preprocessing.image_iterator import Iterator
from kerax.preprocessing.image_transforms import (
    apply_affine_transform, apply_brightness_shift, apply_channel_shift, random_brightness,
    random_channel_shift, random_rotation, random_shear, random_shift, random_zoom,
)
from kerax.preprocessing.numpy_array_iterator import NumpyArrayIterator
from kerax.utils.image_resize import smart_resize
from kerax.utils.image_utils import array_to_img, img_to_array, load_img, save_img
