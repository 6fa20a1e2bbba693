"""The engine seam and tf.keras's `K` namespace. Imports nothing above the engine.

Code above this package computes through `kerax.ops` and the contract's names re-exported here
(contract.py lists and explains them); the engine is chosen once in engine.py.
"""
from kerax.backend import config
from kerax.backend.common import (
    AutocastScope, KerasTensor, StatelessScope, SymbolicScope, any_symbolic_tensors, autocast_scope, conv_shapes,
    dtypes, get_autocast_scope, get_keras_mask, get_stateless_scope, host_data, is_keras_tensor, naming,
    set_keras_mask, standardize_dtype, standardize_shape, step_context, structure_version,
)
from kerax.backend.common.name_scope import name_scope, scoped as scoped_name
from kerax.backend.common.tensor_shape import TensorShape
from kerax.backend.config import (
    backend, epsilon, floatx, image_data_format, set_epsilon, set_floatx, set_image_data_format,
    standardize_data_format,
)
from kerax.backend.engine import *  # noqa: F401,F403 (the contract's names)
from kerax.backend import engine as _engine
from kerax.backend.common.result_type import result_type
from kerax.backend.keras2 import *  # noqa: F401,F403 (tf.keras 2's K functions)
from kerax.backend.common.name_scope import name_scope  # Keras 3's, also tf.keras's K.name_scope
from kerax.backend.remat_scope import RematScope, get_current_remat_mode, remat


get_uid = naming.get_uid
is_float_dtype = dtypes.is_float
is_int_dtype = dtypes.is_int
from kerax.backend import tensorflow_backend
from kerax.backend.session import InteractiveSession, Session, get_session, set_session
from kerax.backend.session_config import ConfigProto, GPUOptions


def op_family(name):
    """The engine's module for the ops of `kerax/ops/<name>.py` (contract.OP_FAMILIES). `kerax.backend.rnn` is
    tf.keras's K.rnn, not the family, so the ops reach the families through this."""
    return getattr(_engine, name)


def clear_session():
    """Resets default layer names (`dense`, `dense_1`, ...)."""
    naming.reset()
