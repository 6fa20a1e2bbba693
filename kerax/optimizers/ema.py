"""`use_ema=True`: an exponential moving average of the trained variables, kept in optimizer slots.

After each step `average = m * average + (1 - m) * variable` (m = 0 on the first step, so the average
starts at the variable); with `ema_overwrite_frequency=k`, the variables take the average's value every k
steps; at the end of `fit`, `finalize_variable_values` copies the averages into the model.
"""
from kerax import ops
from kerax.optimizers.conditional import apply_if


def check_arguments(ema_momentum, ema_overwrite_frequency):
    if not 0 <= ema_momentum <= 1:
        raise ValueError(f"`ema_momentum` must be in the range [0, 1]. Received: ema_momentum={ema_momentum}")
    if ema_overwrite_frequency is not None and (
            not isinstance(ema_overwrite_frequency, int) or ema_overwrite_frequency < 1):
        raise ValueError("`ema_overwrite_frequency` must be an integer >= 1 or None. Received: "
                         f"ema_overwrite_frequency={ema_overwrite_frequency}")


def update_averages(optimizer, iterations):
    """`iterations`: the optimizer's step count before this step's increment."""
    first_step = ops.equal(iterations, 0)
    pairs = list(zip(optimizer._trainable_variables, optimizer._model_variables_moving_average))
    for variable, average in pairs:
        momentum = ops.where(first_step, 0.0, optimizer.ema_momentum)
        momentum = ops.cast(momentum, variable.dtype)
        average.assign(momentum * average.value + (1 - momentum) * variable.value)
    if optimizer.ema_overwrite_frequency:
        overwrite = ops.equal((iterations + 1) % optimizer.ema_overwrite_frequency, 0)
        apply_if(overwrite, [v for v, _ in pairs], lambda: copy_averages(optimizer, [v for v, _ in pairs]))


def copy_averages(optimizer, var_list):
    averages = optimizer._model_variables_moving_average
    if len(var_list) != len(averages):
        raise ValueError(
            f"The length of model variables ({len(var_list)}) to override does not match the length of "
            f"model variables stored in the optimizer ({len(averages)}). Please check if the optimizer was "
            "called on your model."
        )
    for variable, average in zip(var_list, averages):
        variable.assign(average.value)
