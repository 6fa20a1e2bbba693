"""tf.keras 2's backend functions (`from tensorflow.keras import backend as K`), written on the engine's names
only, so that `kerax.backend` imports nothing above the engine. Re-exported by kerax/backend/__init__.py."""
from kerax.backend.keras2.activations import (
    elu, hard_sigmoid, relu, sigmoid, softmax, softplus, softsign, tanh,
)
from kerax.backend.keras2.control import (
    foldl, foldr, in_test_phase, in_train_phase, learning_phase, learning_phase_scope, map_fn,
    print_tensor, set_learning_phase, switch,
)
from kerax.backend.keras2.conv import (
    conv1d, conv2d, conv2d_transpose, conv3d, depthwise_conv2d, local_conv1d, local_conv2d, pool2d, pool3d,
    separable_conv2d,
)
from kerax.backend.keras2.ctc import ctc_batch_cost, ctc_decode
from kerax.backend.keras2.ctc_labels import ctc_label_dense_to_sparse
from kerax.backend.keras2.function import function, gradients, placeholder
from kerax.backend.keras2.graph import register_graph_builders
from kerax.backend.keras2.images import (
    resize_images, resize_volumes, spatial_2d_padding, spatial_3d_padding, temporal_padding,
)
from kerax.backend.keras2.linear import batch_dot, dot
from kerax.backend.keras2.losses import (
    binary_crossentropy, binary_focal_crossentropy, categorical_crossentropy, categorical_focal_crossentropy,
    sparse_categorical_crossentropy,
)
from kerax.backend.keras2.math import (
    abs, all, any, argmax, argmin, clip, cos, cumprod, cumsum, equal, exp, greater, greater_equal, less,
    less_equal, log, max, maximum, mean, min, minimum, not_equal, pow, prod, round, sign, sin, sqrt, square,
    std, sum, var,
)
from kerax.backend.keras2.nn import (
    batch_normalization, bias_add, dropout, in_top_k, l2_normalize, normalize_batch_in_training,
)
from kerax.backend.keras2.random import (
    random_bernoulli, random_binomial, random_normal, random_uniform, truncated_normal,
)
from kerax.backend.keras2.rnn import rnn
from kerax.backend.keras2.shapes import (
    arange, batch_flatten, concatenate, dtype, expand_dims, flatten, gather, int_shape, is_sparse, ndim,
    one_hot, permute_dimensions, repeat, repeat_elements, reshape, reverse, squeeze, stack, tile, to_dense,
    transpose,
)
from kerax.backend.keras2.variables import (
    batch_get_value, batch_set_value, cast_to_floatx, constant, count_params, eval, eye, get_value,
    manual_variable_initialization, moving_average_update, ones, ones_like, random_normal_variable,
    random_uniform_variable, reset_uids, set_value, update, update_add, update_sub, variable, zeros,
    zeros_like,
)

_MODULES = ("activations", "control", "conv", "ctc", "ctc_labels", "graph", "images", "linear", "losses",
            "math", "nn", "random", "shapes", "variables")
__all__ = [name for name in dir() if not name.startswith("_") and name not in _MODULES]
