"""tf.keras 2.1-2.3's `mixed_precision.experimental` spellings."""
from kerax.dtype_policies import DTypePolicy, global_policy, set_global_policy

Policy = DTypePolicy
set_policy = set_global_policy

__all__ = ["Policy", "global_policy", "set_policy"]
