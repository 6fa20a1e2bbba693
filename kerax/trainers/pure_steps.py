"""Steps written in JAX style, as in Keras 3's "customizing fit() with JAX" guide: `train_step(self, state,
data)` returns `(logs, new_state)` and computes with `stateless_call` / `stateless_apply` /
`stateless_update_state`. The state is, as in Keras:

- train:   (trainable_variables, non_trainable_variables, optimizer_variables, metrics_variables)
- test:    (trainable_variables, non_trainable_variables, metrics_variables)
- predict: (trainable_variables, non_trainable_variables), and the step returns only the outputs.

Such a step is turned into an ordinary stateful one (values read from the Variables, the new state assigned back),
so the trainer compiles it like any other: inside the compiled step the reads are traced values and the
assignments are recorded by the stateless scope.
"""
import inspect

from kerax.backend import StatelessScope


def is_pure_step(step):
    """Whether a bound `*_step` method takes `(state, data)` rather than `(data)`."""
    positional = [p for p in inspect.signature(step).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return len(positional) == 2


def metrics_variables(model):
    return [v for metric in model.metrics for v in metric.variables]


def stateless_compute_loss(model, trainable_variables, non_trainable_variables, metrics_values, **loss_args):
    """`model.compute_loss` computed with the given variable values; returns `(loss, (trainable_variables,
    non_trainable_variables, metrics_variables))` with the values the computation assigned."""
    metric_vars = metrics_variables(model)
    mapping = [*zip(model.trainable_variables, trainable_variables),
               *zip(model.non_trainable_variables, non_trainable_variables),
               *zip(metric_vars, metrics_values)]
    with StatelessScope(mapping) as scope:
        loss = model.compute_loss(**loss_args)
    return loss, (trainable_variables, [scope.get_current_value(v) for v in model.non_trainable_variables],
                  [scope.get_current_value(v) for v in metric_vars])


def state_groups(model, mode):
    groups = [model.trainable_variables, model.non_trainable_variables]
    if mode == "train":
        groups.append(model.optimizer.variables)
    if mode != "predict":
        groups.append(metrics_variables(model))
    return groups


def as_stateful(model, step, mode):
    def stateful_step(data):
        groups = state_groups(model, mode)
        state = tuple([variable.value for variable in group] for group in groups)
        if mode == "predict":
            return step(state, data)
        logs, new_state = step(state, data)
        if len(new_state) != len(groups):
            raise ValueError(
                f"{mode}_step(state, data) must return (logs, state) with a state of {len(groups)} lists, as it "
                f"received; it returned a state of {len(new_state)}."
            )
        for group, values in zip(groups, new_state):
            for variable, value in zip(group, values):
                variable.assign(value)
        return logs

    return stateful_step
