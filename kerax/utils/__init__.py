"""kerax.utils: to_categorical, normalize, Sequence/PyDataset, set_random_seed and (un)packing of (x, y,
sample_weight). The helper submodules (`tree`, `naming`, ...) are imported by path and not re-exported."""
from kerax.utils.numerical_utils import normalize, to_categorical
from kerax.utils.rng_utils import set_random_seed
from kerax.trainers.data_adapters.data_utils import pack_x_y_sample_weight, unpack_x_y_sample_weight
from kerax.trainers.data_adapters.py_dataset import PyDataset, Sequence
from kerax.serialization.registry import (
    CustomObjectScope, custom_object_scope, get_custom_objects, register_keras_serializable,
)
