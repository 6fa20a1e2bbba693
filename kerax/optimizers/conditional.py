"""Updates that happen only on some steps, without a Python branch on traced values.

The update runs on every call and each variable it may touch is then set to `where(condition, new, old)`,
so one compiled step serves every case (an accumulation micro-step, a skipped non-finite step, an EMA
overwrite step) and fit keeps running many steps per device call.
"""
from kerax import ops


def apply_if(condition, variables, update):
    """Runs `update()` and keeps what it wrote into `variables` only where `condition` holds."""
    before = [variable.value for variable in variables]
    update()
    for variable, old in zip(variables, before):
        variable.assign(ops.where(condition, variable.value, old))
