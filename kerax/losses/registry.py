"""Finding losses by name: `get`, `serialize`, `deserialize`, and telling which loss a user gave."""
from kerax.losses import hinge_losses, losses, metric_learning, overlap, probabilistic, regression
from kerax.losses.ctc import CTC, ctc
from kerax.losses.loss import Loss
from kerax.serialization import registry as serialization

_FUNCTIONS = (
    regression.mean_squared_error, regression.mean_absolute_error, regression.mean_absolute_percentage_error,
    regression.mean_squared_logarithmic_error, regression.log_cosh, regression.huber,
    regression.cosine_similarity,
    hinge_losses.hinge, hinge_losses.squared_hinge, hinge_losses.categorical_hinge,
    probabilistic.binary_crossentropy, probabilistic.binary_focal_crossentropy,
    probabilistic.categorical_crossentropy, probabilistic.sparse_categorical_crossentropy,
    probabilistic.kl_divergence, probabilistic.poisson, probabilistic.categorical_focal_crossentropy,
    probabilistic.categorical_generalized_cross_entropy, overlap.dice, overlap.tversky,
    metric_learning.circle,
)
_CLASSES = (
    Loss, losses.LossFunctionWrapper, losses.MeanSquaredError, losses.MeanAbsoluteError,
    losses.MeanAbsolutePercentageError, losses.MeanSquaredLogarithmicError, losses.LogCosh, losses.Huber,
    losses.CosineSimilarity, losses.Hinge, losses.SquaredHinge, losses.CategoricalHinge, losses.KLDivergence,
    losses.Poisson, losses.BinaryCrossentropy, losses.BinaryFocalCrossentropy, losses.CategoricalCrossentropy,
    losses.SparseCategoricalCrossentropy, losses.CategoricalFocalCrossentropy,
    losses.CategoricalGeneralizedCrossEntropy, overlap.Dice, overlap.Tversky, metric_learning.Circle,
)
_ALIASES = {
    "mse": regression.mean_squared_error, "MSE": regression.mean_squared_error,
    "mae": regression.mean_absolute_error, "MAE": regression.mean_absolute_error,
    "mape": regression.mean_absolute_percentage_error, "MAPE": regression.mean_absolute_percentage_error,
    "msle": regression.mean_squared_logarithmic_error, "MSLE": regression.mean_squared_logarithmic_error,
    "logcosh": regression.log_cosh, "huber_loss": regression.huber,
    "cosine_proximity": regression.cosine_similarity,
    "kld": probabilistic.kl_divergence, "KLD": probabilistic.kl_divergence,
    "kullback_leibler_divergence": probabilistic.kl_divergence,
    "bce": probabilistic.binary_crossentropy, "BCE": probabilistic.binary_crossentropy,
}
ALL_OBJECTS = {
    **{obj.__name__: obj for obj in _FUNCTIONS + _CLASSES + (ctc, CTC)},
    **_ALIASES,
}


def serialize(loss):
    return serialization.serialize(loss)


def deserialize(config, custom_objects=None):
    return serialization.deserialize(config, ALL_OBJECTS, "loss", custom_objects)


def get(identifier):
    """A loss from a name ('mse'), a config dict, a class, an instance or a function; None stays None."""
    if identifier is None:
        return None
    return serialization.resolve(identifier, ALL_OBJECTS, "loss")


def loss_function_of(loss):
    """The built-in loss function `loss` stands for (a name, function, class or instance), else None."""
    if isinstance(loss, str):
        loss = ALL_OBJECTS.get(loss)
    if isinstance(loss, type) and issubclass(loss, losses.LossFunctionWrapper):
        if loss is losses.LossFunctionWrapper:
            return None
        loss = loss()
    fn = getattr(loss, "fn", loss) if isinstance(loss, losses.LossFunctionWrapper) else loss
    return fn if fn in _FUNCTIONS else None


def is_categorical_crossentropy(loss):
    return loss_function_of(loss) is probabilistic.categorical_crossentropy
