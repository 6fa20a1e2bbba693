"""Gradients of a stateful computation with respect to Variables: the tool for custom training loops.

    loss, grads = kerax.value_and_grad(lambda: loss_fn(y, model(x, training=True)), model.trainable_weights)
    optimizer.apply(grads, model.trainable_weights)

`fn` may return `loss` or `(loss, *aux)`; the result is returned as `fn` returned it. Variables that `fn`
assigns (BatchNormalization statistics, RNG state, metrics) are updated, and layer losses added during `fn`
are visible through `model.losses` inside it.
"""
from kerax import backend
from kerax.backend import StatelessScope


def value_and_grad(fn, variables):
    variables = list(variables)
    targets = {id(v) for v in variables}
    assigned = []  # filled while tracing: the Variables `fn` assigned, other than the differentiated ones

    def pure(values):
        with StatelessScope(zip(variables, values), collect_losses=True) as scope:
            result = fn()
        loss = result[0] if isinstance(result, tuple) else result
        updates = [(v, value) for v, value in scope.assigned_variables() if id(v) not in targets]
        assigned[:] = [v for v, _ in updates]
        return loss, (result, [value for _, value in updates])

    (_, (result, new_values)), grads = backend.value_and_grad(pure, has_aux=True)([v.value for v in variables])
    for variable, value in zip(assigned, new_values):
        variable.assign(value)
    return result, grads
