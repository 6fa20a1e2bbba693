"""The checks every weights loader makes before assigning: same number of weights, same shapes; a mismatch
is an error naming the layer and both sets of shapes (or, with `skip_mismatch=True`, a warning).

Loaders check the shapes of a file's datasets (HDF5 metadata, nothing read yet) against the whole model
first and only then read and assign (`assign_all`): a file that does not fit, or that declares absurd
shapes, neither allocates memory for them nor leaves the model half-loaded."""
import warnings

import numpy as np


def _shapes(values):
    return [tuple(getattr(v, "shape", ())) for v in values]


def mismatch(label, model_shapes, file_shapes, source, skip_mismatch, built=True):
    found = "no weights for it" if file_shapes is None else (
        f"{len(file_shapes)} weight(s) of shape(s) {file_shapes}")
    message = (
        f"Cannot load weights from {source} into {label}: the model's layer has {len(model_shapes)} "
        f"weight(s) of shape(s) {model_shapes}, the file has {found}."
    )
    if not built:
        message += (" The layer is not built yet, so it has no weights: build the model first (call it on "
                    "data, fit it, or call `model.build(input_shape)`).")
    if skip_mismatch:
        warnings.warn(message + " Skipped (skip_mismatch=True).", stacklevel=4)
        return False
    raise ValueError(
        message + " Loading weights needs the same architecture as the saved model; pass "
        "`skip_mismatch=True` to skip such layers."
    )


def check(label, variables, values, source, skip_mismatch, built=True):
    """True if `values` fit `variables`; otherwise raises (or warns and returns False)."""
    model_shapes, file_shapes = [tuple(v.shape) for v in variables], _shapes(values)
    if model_shapes == file_shapes:
        return True
    return mismatch(label, model_shapes, file_shapes, source, skip_mismatch, built)


def check_unused(groups, used, source):
    """Raises if the file holds weights that no part of the model took: it was saved from another model."""
    unused = sorted(name for name in groups if name not in used)
    if unused:
        raise ValueError(
            f"The weights file {source} holds weights that this model has no place for: "
            f"{', '.join(n.strip('/') for n in unused)}. It was saved from a different architecture (more or "
            "other layers). Pass `skip_mismatch=True` to load what matches anyway."
        )


def assign_all(checked, source):
    """Reads every dataset of `checked` [(variables, datasets)], then assigns them all."""
    try:
        values = [[np.asarray(dataset[()]) for dataset in datasets] for _, datasets in checked]
    except (OSError, RuntimeError, ValueError) as error:
        raise ValueError(f"Cannot read the weights in {source}: the file is damaged ({error}). The model's "
                         "weights are unchanged.") from None
    for (variables, _), arrays in zip(checked, values):
        for variable, array in zip(variables, arrays):
            variable.assign(array)
