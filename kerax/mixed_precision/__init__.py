"""kerax.mixed_precision: compute in float16/bfloat16 with float32 variables.

`set_global_policy("mixed_float16")` before building a model makes its layers compute in float16 while their
variables (and so gradients and optimizer updates) stay float32; a layer given `dtype="float32"` (e.g. the
final softmax) computes in float32. Under 'mixed_float16', `compile()` wraps the optimizer in a
LossScaleOptimizer (auto_scale_loss=True), which scales the loss against float16 gradient underflow.
"""
from kerax.dtype_policies import (
    DTypePolicy, dtype_policy, global_policy, set_dtype_policy, set_global_policy,
)
from kerax.mixed_precision import experimental
from kerax.optimizers import LossScaleOptimizer

Policy = DTypePolicy

__all__ = [
    "DTypePolicy", "LossScaleOptimizer", "Policy", "dtype_policy", "experimental", "global_policy",
    "set_dtype_policy", "set_global_policy",
]
