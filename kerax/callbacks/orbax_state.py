"""The state an OrbaxCheckpoint step holds ({"trainable_variables": [...], "non_trainable_variables": [...],
"optimizer_variables": [...]} as arrays, plus the model's config) and reading it back. orbax-checkpoint is
loaded when first needed: it is an optional dependency whose import takes seconds."""
import importlib
import os

import numpy as np

_STATE_GROUPS = ("trainable_variables", "non_trainable_variables", "optimizer_variables")


def is_orbax_checkpoint(path):
    """True for a directory of numbered step directories written by OrbaxCheckpoint."""
    return os.path.isdir(path) and any(
        name.isdigit() and os.path.isdir(os.path.join(path, name, "pytree")) for name in os.listdir(path))


def read_model_config(directory, step=None):
    """{"config": model JSON, "compile_config": ...} saved at `step` (default: the latest), or None when the
    checkpoint holds weights only."""
    ocp = orbax()
    manager = ocp.CheckpointManager(os.path.abspath(os.fspath(directory)))
    step = _step(manager, directory, step)
    if not os.path.isdir(os.path.join(manager.directory, str(step), "model_config")):
        manager.close()
        return None
    restored = manager.restore(step, args=ocp.args.Composite(model_config=ocp.args.JsonRestore()))
    manager.close()
    return restored["model_config"]


def restore_orbax_checkpoint(model, directory, step=None):
    """Assigns the state saved at `step` (default: the latest) under `directory` to `model`."""
    ocp = orbax()
    manager = ocp.CheckpointManager(os.path.abspath(os.fspath(directory)))
    step = _step(manager, directory, step)
    saved = manager.restore(step, args=ocp.args.Composite(pytree=ocp.args.StandardRestore()))["pytree"]
    targets = variables(model)
    for group in _STATE_GROUPS:
        values = list(saved.get(group, []) if hasattr(saved, "get") else [])
        if group == "optimizer_variables" and not values:
            continue  # a weights-only checkpoint
        if group == "optimizer_variables" and not targets[group]:
            model.optimizer.build(model.trainable_variables)
            targets = variables(model)
        _assign(targets[group], values, group, directory, step)
    manager.close()
    return step


def _step(manager, directory, step):
    step = manager.latest_step() if step is None else step
    if step is None:
        raise ValueError(f"No valid checkpoints found in {directory}")
    return step


def _assign(variables, values, group, directory, step):
    shapes = [tuple(v.shape) for v in variables]
    if [tuple(np.shape(x)) for x in values] != shapes:
        raise ValueError(f"The {group} saved at step {step} in {directory} have shapes "
                         f"{[tuple(np.shape(x)) for x in values]}, but the model's are {shapes}. Restore "
                         "into the model the checkpoint was written from (same layers, same order).")
    for variable, value in zip(variables, values):
        variable.assign(np.asarray(value))


def variables(model):
    optimizer = getattr(model, "optimizer", None)
    built = optimizer is not None and getattr(optimizer, "built", False)
    return {"trainable_variables": list(model.trainable_variables),
            "non_trainable_variables": list(model.non_trainable_variables),
            "optimizer_variables": list(optimizer.variables) if built else []}


def state_tree(model, weights_only):
    groups = variables(model)
    if weights_only:
        groups.pop("optimizer_variables")
    return {name: [np.asarray(v.numpy()) for v in variables] for name, variables in groups.items()}


def orbax():
    try:
        return importlib.import_module("orbax.checkpoint")
    except ImportError:
        raise ImportError("OrbaxCheckpoint requires the 'orbax-checkpoint' package. Install it with "
                          "`pip install orbax-checkpoint` (or `pip install kerax[orbax]`).") from None
