"""Gradient accumulation (`gradient_accumulation_steps=N`): sum N micro-batch gradients, update once.

Every call computes the update, then keeps it only on every N-th call (`where`, not a Python branch), so
the same compiled step serves all micro-steps.
"""
from kerax import ops


def apply_accumulated(optimizer, grads, trainable_variables):
    steps = optimizer.gradient_accumulation_steps
    is_update_step = ops.equal((optimizer._iterations.value + 1) % steps, 0)
    accumulators = [optimizer._accumulated_gradients[optimizer._get_variable_index(v)]
                    for v in trainable_variables]
    totals = [g + a.value for g, a in zip(grads, accumulators)]
    skip = {id(optimizer._iterations)} | {id(a) for a in accumulators}
    touched = list(trainable_variables) + [v for v in optimizer.variables if id(v) not in skip]
    before = [v.value for v in touched]
    optimizer._apply_now([t / steps for t in totals], trainable_variables)
    for variable, old in zip(touched, before):
        variable.assign(ops.where(is_update_step, variable.value, old))
    for accumulator, total in zip(accumulators, totals):
        accumulator.assign(ops.where(is_update_step, ops.zeros_like(total), total))
