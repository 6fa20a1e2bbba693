"""kerax.losses: loss functions (one value per sample), Loss classes, and lookup by name."""
from kerax.losses.hinge_losses import categorical_hinge, hinge, squared_hinge
from kerax.losses.loss import Loss, Reduction, reduce_weighted_values, squeeze_or_expand_to_same_rank
from kerax.losses.metric_learning import Circle, circle
from kerax.losses.losses import (
    BinaryCrossentropy, BinaryFocalCrossentropy, CategoricalCrossentropy, CategoricalFocalCrossentropy,
    CategoricalGeneralizedCrossEntropy, CategoricalHinge, CosineSimilarity, Hinge, Huber, KLDivergence,
    LogCosh, LossFunctionWrapper, MeanAbsoluteError, MeanAbsolutePercentageError, MeanSquaredError,
    MeanSquaredLogarithmicError, Poisson, SparseCategoricalCrossentropy, SquaredHinge,
)
from kerax.losses.overlap import Dice, Tversky, dice, tversky
from kerax.losses.probabilistic import (
    BCE, KLD, bce, binary_crossentropy, binary_focal_crossentropy, categorical_crossentropy,
    categorical_focal_crossentropy, categorical_generalized_cross_entropy, kl_divergence, kld,
    kullback_leibler_divergence, poisson, sparse_categorical_crossentropy,
)
from kerax.losses.regression import (
    MAE, MAPE, MSE, MSLE, cosine_proximity, cosine_similarity, huber, huber_loss, log_cosh, logcosh, mae,
    mape, mean_absolute_error, mean_absolute_percentage_error, mean_squared_error,
    mean_squared_logarithmic_error, mse, msle,
)
from kerax.losses.ctc import CTC, ctc
from kerax.losses.registry import deserialize, get, is_categorical_crossentropy, serialize
