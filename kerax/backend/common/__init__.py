"""Backend-neutral machinery shared by every engine."""
from kerax.backend.common.dtypes import standardize_dtype
from kerax.backend.common.keras_tensor import KerasTensor, any_symbolic_tensors, is_keras_tensor
from kerax.backend.common.masking import get_keras_mask, set_keras_mask
from kerax.backend.common.stateless_scope import StatelessScope, SymbolicScope, get_stateless_scope
from kerax.backend.common import (
    autocast_scope, conv_shapes, dtypes, host_data, naming, step_context, structure_version,
)
from kerax.backend.common.autocast_scope import AutocastScope, get_autocast_scope
from kerax.backend.common.variables import Variable, standardize_shape
