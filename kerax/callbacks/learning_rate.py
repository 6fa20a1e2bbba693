"""Reading and setting the optimizer's learning rate from callbacks. Setting it assigns the rate Variable
that the compiled step reads, so a new rate never recompiles the step."""
from kerax import backend


def _optimizer(model, who):
    optimizer = getattr(model, "optimizer", None)
    if optimizer is None or not hasattr(optimizer, "learning_rate"):
        raise ValueError(f'{who}: the optimizer must have a "learning_rate" attribute.')
    return optimizer


def get_learning_rate(model, who):
    return float(backend.convert_to_numpy(_optimizer(model, who).learning_rate))


def set_learning_rate(model, value, who):
    _optimizer(model, who).learning_rate = value
