"""kerax.optimizers: Keras 3's optimizers, found by name (`'adam'`, case-insensitive), config or instance."""
from kerax.optimizers import legacy, schedules
from kerax.optimizers.adadelta import Adadelta
from kerax.optimizers.adafactor import Adafactor
from kerax.optimizers.adagrad import Adagrad
from kerax.optimizers.adam import Adam
from kerax.optimizers.adamax import Adamax
from kerax.optimizers.adamw import AdamW
from kerax.optimizers.ftrl import Ftrl
from kerax.optimizers.lamb import Lamb
from kerax.optimizers.lion import Lion
from kerax.optimizers.loss_scale_optimizer import LossScaleOptimizer
from kerax.optimizers.multi_optimizer import MultiOptimizer
from kerax.optimizers.muon import Muon
from kerax.optimizers.nadam import Nadam
from kerax.optimizers.optimizer import Optimizer
from kerax.optimizers.optimizer_map import OptimizerMap
from kerax.optimizers.rmsprop import RMSprop
from kerax.optimizers.schedule_free_adamw import ScheduleFreeAdamW
from kerax.optimizers.sgd import SGD
from kerax.serialization import registry as _serialization

_BY_NAME = {
    cls.__name__.lower(): cls
    for cls in (SGD, RMSprop, Adagrad, Adadelta, Adam, Adamax, Nadam, AdamW, Ftrl, Adafactor, Lamb, Lion,
                Muon, ScheduleFreeAdamW, LossScaleOptimizer, MultiOptimizer, OptimizerMap)
}


def serialize(optimizer):
    return _serialization.serialize(optimizer)


def _builtin_name(name, custom_objects):
    """'Adam', 'adam' and tf.keras 2.11's 'Custom>Adam' all name the built-in Adam (unless a custom object
    is registered under that exact name)."""
    if not isinstance(name, str) or _serialization.lookup(name, {}, custom_objects) is not None:
        return name
    base = name.split(">")[-1].lower()
    return base if base in _BY_NAME else name


def deserialize(config, custom_objects=None):
    if isinstance(config, dict):
        config = dict(config)
        for key in ("class_name", "registered_name"):
            config[key] = _builtin_name(config.get(key), custom_objects)
    return _serialization.deserialize(config, _BY_NAME, "optimizer", custom_objects)


def get(identifier):
    """An Optimizer from an instance, a name (`'rmsprop'`, with default arguments) or a serialized dict."""
    if identifier is None or isinstance(identifier, Optimizer):
        return identifier
    if isinstance(identifier, str):
        identifier = {"class_name": identifier, "config": {}}
    if isinstance(identifier, dict):
        optimizer = deserialize(identifier)
        if isinstance(optimizer, Optimizer):
            return optimizer
    raise ValueError(f"Could not interpret optimizer identifier: {identifier!r}")
