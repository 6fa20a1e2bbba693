"""Finding metrics by name: `get`, `serialize`, `deserialize`.

Function names ('mse', 'binary_accuracy', 'accuracy') give functions, class names ('AUC', 'Precision')
give new instances, as in Keras. The generic 'accuracy'/'acc' is refined by the trainer with
`accuracy_resolution.resolve_accuracy` once the loss and shapes are known.
"""
from kerax.backend import naming
from kerax.losses import registry as loss_registry
from kerax.metrics import (
    accuracy_metrics, auc, confusion_metrics, correlation_metrics, f_score_metrics, iou_metrics,
    probabilistic_metrics, r2_score, reduction_metrics, regression_metrics, sensitivity_specificity,
)
from kerax.metrics.metric import Metric
from kerax.serialization import registry as serialization

_FUNCTIONS = (
    accuracy_metrics.accuracy, accuracy_metrics.binary_accuracy, accuracy_metrics.categorical_accuracy,
    accuracy_metrics.sparse_categorical_accuracy, accuracy_metrics.top_k_categorical_accuracy,
    accuracy_metrics.sparse_top_k_categorical_accuracy, correlation_metrics.pearson_correlation,
    correlation_metrics.concordance_correlation,
)
_CLASSES = (
    Metric, reduction_metrics.Mean, reduction_metrics.Sum, reduction_metrics.MeanMetricWrapper,
    accuracy_metrics.Accuracy, accuracy_metrics.BinaryAccuracy, accuracy_metrics.CategoricalAccuracy,
    accuracy_metrics.SparseCategoricalAccuracy, accuracy_metrics.TopKCategoricalAccuracy,
    accuracy_metrics.SparseTopKCategoricalAccuracy,
    regression_metrics.MeanSquaredError, regression_metrics.MeanAbsoluteError,
    regression_metrics.MeanAbsolutePercentageError, regression_metrics.MeanSquaredLogarithmicError,
    regression_metrics.RootMeanSquaredError, regression_metrics.CosineSimilarity,
    regression_metrics.LogCoshError,
    probabilistic_metrics.BinaryCrossentropy, probabilistic_metrics.CategoricalCrossentropy,
    probabilistic_metrics.SparseCategoricalCrossentropy, probabilistic_metrics.KLDivergence,
    probabilistic_metrics.Poisson, probabilistic_metrics.Hinge, probabilistic_metrics.SquaredHinge,
    probabilistic_metrics.CategoricalHinge,
    auc.AUC, confusion_metrics.Precision, confusion_metrics.Recall, confusion_metrics.TruePositives,
    confusion_metrics.FalsePositives, confusion_metrics.TrueNegatives, confusion_metrics.FalseNegatives,
    f_score_metrics.FBetaScore, f_score_metrics.F1Score, iou_metrics.IoU, iou_metrics.BinaryIoU,
    iou_metrics.MeanIoU, iou_metrics.OneHotIoU, iou_metrics.OneHotMeanIoU, r2_score.R2Score,
    correlation_metrics.PearsonCorrelation, correlation_metrics.ConcordanceCorrelation,
    sensitivity_specificity.PrecisionAtRecall, sensitivity_specificity.RecallAtPrecision,
    sensitivity_specificity.SensitivityAtSpecificity, sensitivity_specificity.SpecificityAtSensitivity,
    regression_metrics.MeanRelativeError, reduction_metrics.MeanTensor,
)
# Keras 3 also finds these classes by their snake-case names ('f1_score', 'mean_io_u', 'r2_score', ...).
_SNAKE_CASE_CLASSES = (
    f_score_metrics.FBetaScore, f_score_metrics.F1Score, iou_metrics.IoU, iou_metrics.BinaryIoU,
    iou_metrics.MeanIoU, iou_metrics.OneHotIoU, iou_metrics.OneHotMeanIoU, r2_score.R2Score,
    correlation_metrics.PearsonCorrelation, correlation_metrics.ConcordanceCorrelation,
    sensitivity_specificity.PrecisionAtRecall, sensitivity_specificity.RecallAtPrecision,
    sensitivity_specificity.SensitivityAtSpecificity, sensitivity_specificity.SpecificityAtSensitivity,
)
_LOSS_FUNCTION_NAMES = {
    name: obj for name, obj in loss_registry.ALL_OBJECTS.items() if not isinstance(obj, type)
}
ALL_OBJECTS = {
    **_LOSS_FUNCTION_NAMES,
    **{obj.__name__: obj for obj in _FUNCTIONS + _CLASSES},
    **{naming.to_snake_case(cls.__name__): cls for cls in _SNAKE_CASE_CLASSES},
    "acc": accuracy_metrics.accuracy,
    "cosine_similarity": regression_metrics.CosineSimilarity,  # the metric is +cos, the loss -cos
    "auc": auc.AUC, "precision": confusion_metrics.Precision, "recall": confusion_metrics.Recall,
    "root_mean_squared_error": regression_metrics.RootMeanSquaredError,
}


def serialize(metric):
    return serialization.serialize(metric)


def deserialize(config, custom_objects=None):
    return serialization.deserialize(config, ALL_OBJECTS, "metric", custom_objects)


def get(identifier):
    """A metric from a name, a config dict, a class, an instance or a function; None stays None."""
    if identifier is None:
        return None
    return serialization.resolve(identifier, ALL_OBJECTS, "metric")
