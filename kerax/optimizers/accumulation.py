"""Gradient accumulation (`gradient_accumulation_steps=N`): sum N micro-batch gradients, update once."""
from kerax import ops
from kerax.optimizers.conditional import apply_if


def apply_accumulated(optimizer, grads, trainable_variables):
    steps = optimizer.gradient_accumulation_steps
    is_update_step = ops.equal((optimizer._iterations.value + 1) % steps, 0)
    accumulators = [optimizer._accumulated_gradients[optimizer._get_variable_index(v)]
                    for v in trainable_variables]
    totals = [g + a.value for g, a in zip(grads, accumulators)]
    skip = {id(v) for v in [optimizer._iterations, *accumulators, *optimizer.ema_variables]}
    touched = list(trainable_variables) + [v for v in optimizer.variables if id(v) not in skip]
    mean_grads = [t / steps for t in totals]
    apply_if(is_update_step, touched, lambda: optimizer._apply_now(mean_grads, trainable_variables))
    for accumulator, total in zip(accumulators, totals):
        accumulator.assign(ops.where(is_update_step, ops.zeros_like(total), total))
