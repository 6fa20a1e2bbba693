"""kerax.metrics: stateful Metric classes, per-sample metric functions, and lookup by name."""
from kerax.losses.hinge_losses import categorical_hinge, hinge, squared_hinge
from kerax.losses.probabilistic import (
    KLD, binary_crossentropy, binary_focal_crossentropy, categorical_crossentropy,
    categorical_focal_crossentropy, kl_divergence, kld, kullback_leibler_divergence, poisson,
    sparse_categorical_crossentropy,
)
from kerax.losses.regression import (
    MAE, MAPE, MSE, MSLE, huber, log_cosh, logcosh, mae, mape, mean_absolute_error,
    mean_absolute_percentage_error, mean_squared_error, mean_squared_logarithmic_error, mse, msle,
)
from kerax.metrics.accuracy_metrics import (
    Accuracy, BinaryAccuracy, CategoricalAccuracy, SparseCategoricalAccuracy, SparseTopKCategoricalAccuracy,
    TopKCategoricalAccuracy, accuracy, binary_accuracy, categorical_accuracy, sparse_categorical_accuracy,
    sparse_top_k_categorical_accuracy, top_k_categorical_accuracy,
)
from kerax.metrics.accuracy_resolution import resolve_accuracy, resolve_crossentropy
from kerax.metrics.auc import AUC
from kerax.metrics.confusion_metrics import (
    FalseNegatives, FalsePositives, Precision, Recall, TrueNegatives, TruePositives,
)
from kerax.metrics.correlation_metrics import (
    ConcordanceCorrelation, PearsonCorrelation, concordance_correlation, pearson_correlation,
)
from kerax.metrics.f_score_metrics import F1Score, FBetaScore
from kerax.metrics.iou_metrics import BinaryIoU, IoU, MeanIoU, OneHotIoU, OneHotMeanIoU
from kerax.metrics.metric import Metric
from kerax.metrics.probabilistic_metrics import (
    BinaryCrossentropy, CategoricalCrossentropy, CategoricalHinge, Hinge, KLDivergence, Poisson,
    SparseCategoricalCrossentropy, SquaredHinge,
)
from kerax.metrics.r2_score import R2Score
from kerax.metrics.reduction_metrics import Mean, MeanMetricWrapper, MeanTensor, Sum
from kerax.metrics.registry import deserialize, get, serialize
from kerax.metrics.regression_metrics import (
    CosineSimilarity, LogCoshError, MeanAbsoluteError, MeanAbsolutePercentageError, MeanRelativeError,
    MeanSquaredError, MeanSquaredLogarithmicError, RootMeanSquaredError,
)
from kerax.metrics.sensitivity_specificity import (
    PrecisionAtRecall, RecallAtPrecision, SensitivityAtSpecificity, SpecificityAtSensitivity,
)
