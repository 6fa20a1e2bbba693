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
from kerax.backend.common.tensor_shape import TensorShape
from kerax.backend.config import (
    backend, epsilon, floatx, image_data_format, set_epsilon, set_floatx, set_image_data_format,
    standardize_data_format,
)
from kerax.backend.engine import *  # noqa: F401,F403 (the contract's names)
from kerax.backend import engine as _engine
from kerax.backend.common.result_type import result_type
from kerax.backend.keras2 import *  # noqa: F401,F403 (tf.keras 2's K functions)

# `rnn` names both an op family of the engine (kerax.ops.rnn takes `backend.rnn.rnn`) and tf.keras's K.rnn:
# the K function stands in for the family, carrying the engine's loop as its `rnn` attribute.
rnn.rnn = _engine.rnn.rnn  # noqa: F405

get_uid = naming.get_uid
is_float_dtype = dtypes.is_float
is_int_dtype = dtypes.is_int
from kerax.backend import tensorflow_backend
from kerax.backend.session import InteractiveSession, Session, get_session, set_session
from kerax.backend.session_config import ConfigProto, GPUOptions


def clear_session():
    """Resets default layer names (`dense`, `dense_1`, ...)."""
    naming.reset()
