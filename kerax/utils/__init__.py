"""kerax.utils: Keras's utilities (files, datasets from folders, images, sequences, progress bars, data packing,
plot_model, serialization names). A public namespace near the top: nothing below `models` imports it."""
from kerax.backend import clear_session, is_keras_tensor, standardize_dtype
from kerax.serialization.registry import (
    CustomObjectScope, custom_object_scope, deserialize_keras_object, get_custom_objects, get_registered_name,
    get_registered_object, register_keras_serializable, serialize_keras_object,
)
from kerax.trainers.data_adapters.data_utils import pack_x_y_sample_weight, unpack_x_y_sample_weight
from kerax.trainers.data_adapters.py_dataset import PyDataset, Sequence
from kerax.utils import bounding_boxes
from kerax.utils.config import Config
from kerax.utils.feature_space import FeatureSpace
from kerax.utils.file_utils import get_file
from kerax.utils.multi_gpu_utils import multi_gpu_model
from kerax.console.io_utils import (
    disable_interactive_logging, enable_interactive_logging, is_interactive_logging_enabled,
)
from kerax.utils.enqueuers import GeneratorEnqueuer, OrderedEnqueuer, SequenceEnqueuer
from kerax.utils.numerical_utils import normalize, to_categorical, to_ordinal
from kerax.console.progbar import Progbar
from kerax.utils.rng_utils import set_random_seed
from kerax.utils.sequence_utils import pad_sequences
from kerax.utils.source_inputs import get_source_inputs
from kerax.utils.audio_dataset import audio_dataset_from_directory
from kerax.utils.image_dataset import image_dataset_from_directory
from kerax.utils.image_utils import array_to_img, img_to_array, load_img, save_img
from kerax.utils.sidecar_evaluator import SidecarEvaluator
from kerax.utils.split_dataset import split_dataset
from kerax.utils.steps_per_execution_tuner import StepsPerExecutionTuner
from kerax.utils.text_dataset import text_dataset_from_directory
from kerax.utils.timed_thread import TimedThread
from kerax.utils.timeseries_dataset import timeseries_dataset_from_array
from kerax.utils.warmstart_embedding import warmstart_embedding_matrix
from kerax.utils.model_visualization import model_to_dot, plot_model
