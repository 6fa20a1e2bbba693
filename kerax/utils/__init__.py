"""kerax.utils: to_categorical, normalize, Sequence/PyDataset, set_random_seed, the *_dataset_from_directory
readers, split_dataset, image file helpers and plot_model. The helper submodules (`tree`, `naming`, ...) are
imported by path and not re-exported."""
from kerax.utils.numerical_utils import normalize, to_categorical
from kerax.utils.rng_utils import set_random_seed
from kerax.trainers.data_adapters.py_dataset import PyDataset, Sequence
from kerax.serialization.registry import (
    CustomObjectScope, custom_object_scope, get_custom_objects, register_keras_serializable,
)
from kerax.utils.audio_dataset import audio_dataset_from_directory
from kerax.utils.image_dataset import image_dataset_from_directory
from kerax.utils.image_utils import array_to_img, img_to_array, load_img, save_img
from kerax.utils.split_dataset import split_dataset
from kerax.utils.text_dataset import text_dataset_from_directory
from kerax.utils.timeseries_dataset import timeseries_dataset_from_array
from kerax.utils.model_visualization import model_to_dot, plot_model
